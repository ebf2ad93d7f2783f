package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DihedralHashesTest {
  private static List<Pdq> eight() {
    List<Pdq> l = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      l.add(Pdq.fromLongs(new long[] {i, 3L * i, 5L * i, 7L * i}));
    }
    return l;
  }

  @Test
  void of_eightHashesInDihedralOrder_roundTripsEveryVariant() {
    PdqHasher hasher = new PdqHasher();
    float[] luma = new float[64 * 64];
    for (int i = 0; i < luma.length; i++) {
      luma[i] = (i * 37 % 251) + (i / 64) * 2f;
    }
    DihedralHashes computed = hasher.hashLumaDihedral(luma, 64, 64);
    List<Pdq> listed = new ArrayList<>();
    for (Dihedral d : Dihedral.values()) {
      listed.add(computed.get(d));
    }

    DihedralHashes again = DihedralHashes.of(listed, computed.quality());

    for (Dihedral d : Dihedral.values()) {
      assertThat(again.get(d)).as(d.referenceName()).isEqualTo(computed.get(d));
    }
    assertThat(again.quality()).isEqualTo(computed.quality());
  }

  @Test
  void of_listChangedAfterwards_isNotAffected() {
    List<Pdq> l = eight();
    Pdq first = l.get(0);
    DihedralHashes d = DihedralHashes.of(l, 90);
    l.set(0, l.get(1));
    assertThat(d.get(Dihedral.ORIGINAL)).isEqualTo(first);
  }

  @Test
  void of_badValues_throwNamingThem() {
    assertThatThrownBy(() -> DihedralHashes.of(eight().subList(0, 7), 90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("were 7");
    assertThatThrownBy(() -> DihedralHashes.of(eight(), 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 101");
    List<Pdq> withNull = Arrays.asList(eight().toArray(new Pdq[0]));
    withNull.set(5, null);
    assertThatThrownBy(() -> DihedralHashes.of(withNull, 90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flipy");
  }
}
