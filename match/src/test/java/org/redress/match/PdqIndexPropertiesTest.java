package org.redress.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.redress.phash.Pdq;

/** The index must return exactly the linear scan's result set, on random and adversarial data. */
class PdqIndexPropertiesTest {

  @Property(tries = 100)
  void search_randomHashesAndNeighbours_equalsLinearScan(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 400) int randoms,
      @ForAll @IntRange(min = 0, max = 70) int radius,
      @ForAll @IntRange(min = 11, max = 16) int tables) {
    Random rnd = new Random(seed);
    Pdq query = Hashes.random(rnd);
    List<Pdq> hashes = new ArrayList<>();
    for (int i = 0; i < randoms; i++) {
      hashes.add(Hashes.random(rnd));
    }
    // Near-duplicates of the query at every distance 0..64, three kinds of flip pattern.
    for (int d = 0; d <= 64; d++) {
      hashes.add(Hashes.flipRandom(query, d, rnd));
      hashes.add(Hashes.flipSpread(query, d, rnd));
      hashes.add(Hashes.flipPacked(query, d, rnd));
    }
    java.util.Collections.shuffle(hashes, rnd);
    assertSameAsOracle(hashes, query, radius, tables);
  }

  @Property(tries = 100)
  void search_clusteredHashes_equalsLinearScan(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 64) int radius,
      @ForAll @IntRange(min = 11, max = 16) int tables) {
    // Many hashes share most substrings (one cluster centre), so buckets are crowded and the same
    // hash is reachable from several tables: the de-duplication must still report it once.
    Random rnd = new Random(seed);
    Pdq centre = Hashes.random(rnd);
    List<Pdq> hashes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int d = rnd.nextInt(65);
      hashes.add(
          rnd.nextBoolean()
              ? Hashes.flipSpread(centre, d, rnd)
              : Hashes.flipPacked(centre, d, rnd));
    }
    hashes.add(centre);
    hashes.add(centre);
    Pdq query = Hashes.flipRandom(centre, rnd.nextInt(40), rnd);
    assertSameAsOracle(hashes, query, radius, tables);
  }

  @Property(tries = 30)
  void search_anyRadiusUpTo256_equalsLinearScan(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 256) int radius) {
    Random rnd = new Random(seed);
    Pdq query = Hashes.random(rnd);
    List<Pdq> hashes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hashes.add(Hashes.flipRandom(query, rnd.nextInt(257), rnd));
    }
    assertSameAsOracle(hashes, query, radius, 16);
  }

  private static void assertSameAsOracle(List<Pdq> hashes, Pdq query, int radius, int tables) {
    PdqIndex.Builder b = PdqIndex.builder(hashes.size()).tables(tables);
    hashes.forEach(b::add);
    PdqIndex index = b.build();
    List<PdqIndex.Hit> expected = new LinearScan(hashes).search(query, radius);
    assertThat(index.search(query, radius)).containsExactlyElementsOf(expected);
  }
}
