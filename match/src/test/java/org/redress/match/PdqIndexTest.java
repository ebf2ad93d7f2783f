package org.redress.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redress.phash.Pdq;
import org.redress.testing.Vectors;

class PdqIndexTest {

  @Test
  void search_needlesAgainstHaystackAt32_reproducesTheReferencePairs() throws IOException {
    Path input = Vectors.pdq().resolve("data/reg-test-input");
    List<Pdq> needles = readHashes(input.resolve("needles.txt"));
    List<Pdq> haystack = readHashes(input.resolve("haystack.txt"));
    PdqIndex index = PdqIndex.of(haystack);
    List<String> pairs = new ArrayList<>();
    for (int n = 0; n < needles.size(); n++) {
      for (PdqIndex.Hit h : index.search(needles.get(n), 32)) {
        pairs.add((n + 1) + "\t" + (h.ordinal() + 1) + "\t" + h.distance());
      }
    }
    List<String> expected =
        Files.readAllLines(
                Vectors.pdq().resolve("expected/hashtool256/needles-vs-haystack-pairs-le32.tsv"),
                StandardCharsets.UTF_8)
            .stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .collect(Collectors.toList());
    assertThat(expected).hasSize(250);
    assertThat(pairs).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void defaultTables_growWithSize_fromSixteenToEleven() {
    assertThat(PdqIndex.defaultTables(1000)).isEqualTo(16);
    assertThat(PdqIndex.defaultTables(1 << 16)).isEqualTo(16);
    assertThat(PdqIndex.defaultTables(1 << 17)).isEqualTo(15);
    assertThat(PdqIndex.defaultTables(1_000_000)).isEqualTo(13);
    assertThat(PdqIndex.defaultTables(2_000_000)).isEqualTo(12);
    assertThat(PdqIndex.defaultTables(4_000_000)).isEqualTo(11);
    assertThat(PdqIndex.defaultTables(10_000_000)).isEqualTo(11);
  }

  @Test
  void substringRadii_sumToRadiusMinusTablesPlusOne() {
    PdqIndex index = PdqIndex.builder(0).tables(11).build();
    for (int r = 0; r <= 256; r++) {
      int[] tau = index.substringRadii(r);
      assertThat(java.util.Arrays.stream(tau).sum()).isEqualTo(r - 11 + 1);
      assertThat(
              java.util.Arrays.stream(tau).max().getAsInt()
                  - java.util.Arrays.stream(tau).min().getAsInt())
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void search_duplicateHashes_reportsEveryOrdinalOnce() {
    Pdq p = Hashes.random(new Random(1));
    PdqIndex index = PdqIndex.of(List.of(p, p, p.complement(), p));
    assertThat(index.search(p, 31))
        .containsExactly(new PdqIndex.Hit(0, 0), new PdqIndex.Hit(1, 0), new PdqIndex.Hit(3, 0));
    assertThat(index.search(p, 256)).hasSize(4).last().isEqualTo(new PdqIndex.Hit(2, 256));
  }

  @Test
  void search_crowdedBucketsLargerThanTheScratch_equalsLinearScan() {
    // 12,000 copies of one hash and 12,000 near it make runs and candidate lists far longer than
    // the per-thread scratch arrays, which must grow without losing a hit.
    Random rnd = new Random(9);
    Pdq p = Hashes.random(rnd);
    List<Pdq> hashes = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      hashes.add(p);
      hashes.add(Hashes.flipRandom(p, 1 + rnd.nextInt(40), rnd));
      hashes.add(Hashes.random(rnd));
    }
    PdqIndex index = PdqIndex.of(hashes);
    LinearScan oracle = new LinearScan(hashes);
    assertThat(index.search(p, 31)).isEqualTo(oracle.search(p, 31));
    Pdq near = Hashes.flipSpread(p, 12, rnd);
    assertThat(index.search(near, 31)).isEqualTo(oracle.search(near, 31));
    assertThat(index.search(Hashes.random(rnd), 31)).isEmpty();
  }

  @Test
  void search_emptyIndex_findsNothing() {
    PdqIndex index = PdqIndex.builder(0).build();
    assertThat(index.size()).isZero();
    assertThat(index.search(Hashes.random(new Random(2)), 31)).isEmpty();
    assertThat(index.search(Hashes.random(new Random(2)), 100)).isEmpty();
  }

  @Test
  void search_exactlyAtThreshold_isIncludedAndOneMoreIsNot() {
    Random rnd = new Random(3);
    Pdq q = Hashes.random(rnd);
    PdqIndex index =
        PdqIndex.of(List.of(Hashes.flipSpread(q, 31, rnd), Hashes.flipSpread(q, 32, rnd)));
    assertThat(index.search(q, 31)).containsExactly(new PdqIndex.Hit(0, 31));
  }

  @Test
  void search_negativeRadius_throwsNamingIt() {
    PdqIndex index = PdqIndex.of(List.of(Hashes.random(new Random(4))));
    assertThatThrownBy(() -> index.search(index.get(0), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void get_returnsTheHashAdded() {
    Random rnd = new Random(5);
    Pdq a = Hashes.random(rnd);
    Pdq b = Hashes.random(rnd);
    PdqIndex index = PdqIndex.of(List.of(a, b));
    assertThat(index.get(1)).isEqualTo(b);
    assertThatThrownBy(() -> index.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void builder_afterBuild_refusesMore() {
    PdqIndex.Builder b = PdqIndex.builder(1);
    b.add(Hashes.random(new Random(6)));
    b.add(Hashes.random(new Random(7)));
    assertThat(b.build().size()).isEqualTo(2);
    assertThatThrownBy(() -> b.add(Hashes.random(new Random(8))))
        .isInstanceOf(IllegalStateException.class);
  }

  static List<Pdq> readHashes(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .map(Pdq::parse)
        .collect(Collectors.toList());
  }
}
