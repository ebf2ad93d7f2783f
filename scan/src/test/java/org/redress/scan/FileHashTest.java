package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.media.MediaKind;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;

class FileHashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static FileHash image() {
    List<Pdq> eight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      eight.add(Pdq.fromLongs(new long[] {i + 1, 11L * i, -3L * i, 1L << i}));
    }
    DihedralHashes d = DihedralHashes.of(eight, 87);
    return new FileHash(
        MediaKind.IMAGE,
        new PdqResult(d.get(Dihedral.ORIGINAL), 87),
        d,
        null,
        "0".repeat(32),
        "1".repeat(64),
        1234,
        null);
  }

  @Test
  void toLine_imageWithVariants_readsBackEveryVariantAndQuality() throws Exception {
    FileHash h = image();

    FileHash back = FileHash.fromLine(JSON.readTree(h.toLine("key")));

    assertThat(back.pdq()).isEqualTo(h.pdq());
    for (Dihedral d : Dihedral.values()) {
      assertThat(back.variants().get(d)).as(d.referenceName()).isEqualTo(h.variants().get(d));
    }
    assertThat(back.variants().quality()).isEqualTo(87);
  }

  @Test
  void fromLine_variantsWithoutPdqOrTooFew_throw() throws Exception {
    ObjectNode noPdq = (ObjectNode) JSON.readTree(image().toLine("key"));
    noPdq.remove("pdq");
    assertThatThrownBy(() -> FileHash.fromLine(noPdq))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no PDQ hash");
    ObjectNode seven = (ObjectNode) JSON.readTree(image().toLine("key"));
    ((ArrayNode) seven.get("dihedral")).remove(7);
    assertThatThrownBy(() -> FileHash.fromLine(seven))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 variants");
  }
}
