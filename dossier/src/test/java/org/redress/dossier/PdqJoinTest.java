package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * The exact PDQ join: its components against an all-pairs oracle, with and without covers, also
 * where balls meet only through their members; and a dossier above 50,000 distinct hashes where
 * comparing only each group's first copy would count a re-encoded file twice.
 */
class PdqJoinTest {
  private static long[] flip(long[] w, int from, int to) {
    long[] out = w.clone();
    for (int bit = from; bit < to; bit++) {
      out[bit >> 6] ^= 1L << (bit & 63);
    }
    return out;
  }

  /** Clusters of copies a few bits apart, some clusters chained across the radius. */
  private static List<long[]> clustered(int clusters, int copies, Random rnd) {
    List<long[]> out = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      long[] base = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      for (int k = 0; k < copies; k++) {
        long[] w = base.clone();
        int bits = rnd.nextInt(7);
        for (int b = 0; b < bits; b++) {
          int bit = rnd.nextInt(256);
          w[bit >> 6] ^= 1L << (bit & 63);
        }
        out.add(w);
      }
      // Around the radius: 29..34 bits from the base.
      out.add(flip(base, 0, 29 + rnd.nextInt(6)));
    }
    return out;
  }

  private static int distance(long[] a, long[] b) {
    int d = 0;
    for (int w = 0; w < 4; w++) {
      d += Long.bitCount(a[w] ^ b[w]);
    }
    return d;
  }

  private static long[] words(List<long[]> h) {
    long[] out = new long[4 * h.size()];
    for (int i = 0; i < h.size(); i++) {
      System.arraycopy(h.get(i), 0, out, 4 * i, 4);
    }
    return out;
  }

  /** Each hash's component by the all-pairs oracle, named by its smallest ordinal. */
  private static int[] expected(List<long[]> h, int r) {
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      for (int j = i + 1; j < h.size(); j++) {
        if (distance(h.get(i), h.get(j)) <= r) {
          pairs.add(new long[] {i, j});
        }
      }
    }
    return components(h.size(), pairs);
  }

  /**
   * Each hash's component through the join's links, checking that every link is a pair of distinct
   * hashes within the radius.
   */
  private static int[] joined(List<long[]> h, int r, int delta, int allPairsCentres) {
    List<long[]> links = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    PdqJoin.links(
        words(h),
        r,
        delta,
        allPairsCentres,
        (x, y) -> {
          if (x == y || distance(h.get(x), h.get(y)) > r) {
            bad.add(x + "-" + y);
          }
          links.add(new long[] {x, y});
        });
    assertThat(bad).as("links that are not pairs within %d", r).isEmpty();
    return components(h.size(), links);
  }

  /** Each hash's component, named by its smallest ordinal. */
  private static int[] components(int n, Iterable<long[]> links) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (long[] l : links) {
      int a = root(parent, (int) l[0]);
      int b = root(parent, (int) l[1]);
      parent[Math.max(a, b)] = Math.min(a, b);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = root(parent, i);
    }
    return out;
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      x = parent[x];
    }
    return x;
  }

  @Test
  void links_anyCoverRadius_connectWhatAllPairsConnect() {
    List<long[]> h = clustered(300, 6, new Random(7));
    int[] expected = expected(h, 31);
    assertThat(java.util.Arrays.stream(expected).distinct().count()).isLessThan(300 * 2);

    for (int delta : new int[] {0, 4, PdqJoin.DELTA, 16, 31, 40}) {
      assertThat(joined(h, 31, delta, PdqJoin.ALL_PAIRS_CENTRES))
          .as("delta %d", delta)
          .isEqualTo(expected);
      assertThat(joined(h, 31, delta, 0))
          .as("delta %d, centres indexed", delta)
          .isEqualTo(expected);
    }
  }

  /**
   * Balls whose centres are more than the radius but at most the radius plus twice the cover radius
   * apart: the case where members must be compared. Each picture's base is {@code step} bits from
   * the previous one (a chain across balls), its copies up to {@code spread} bits from the base,
   * some copies duplicated, in a shuffled order; {@code delta} may exceed half the radius and the
   * radius itself.
   */
  @Property(tries = 300)
  void links_chainsOfBallsAroundTheRadius_connectWhatAllPairsConnect(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 48) int radius,
      @ForAll @IntRange(min = 0, max = 20) int delta,
      @ForAll @IntRange(min = 1, max = 12) int chains,
      @ForAll @IntRange(min = 1, max = 8) int length,
      @ForAll @IntRange(min = 1, max = 10) int copies) {
    Random rnd = new Random(seed);
    int spread = rnd.nextInt(Math.max(1, delta + 3));
    List<long[]> h = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      long[] base = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      for (int k = 0; k < length; k++) {
        // Mostly in (radius, radius + 2 delta + 2], some within the radius.
        int step = Math.max(0, radius - 4 + rnd.nextInt(2 * delta + 8));
        base = flipRandom(base, step, rnd);
        for (int m = 0; m < copies; m++) {
          long[] copy = flipRandom(base, rnd.nextInt(spread + 1), rnd);
          h.add(copy);
          if (rnd.nextInt(8) == 0) {
            h.add(copy.clone());
          }
        }
      }
    }
    java.util.Collections.shuffle(h, rnd);

    int[] expected = expected(h, radius);
    assertThat(joined(h, radius, delta, PdqJoin.ALL_PAIRS_CENTRES)).isEqualTo(expected);
    assertThat(joined(h, radius, delta, 0)).isEqualTo(expected);
  }

  /** {@code bits} distinct random bits of {@code w} flipped. */
  private static long[] flipRandom(long[] w, int bits, Random rnd) {
    long[] out = w.clone();
    Set<Integer> flipped = new HashSet<>();
    while (flipped.size() < Math.min(bits, 256)) {
      int bit = rnd.nextInt(256);
      if (flipped.add(bit)) {
        out[bit >> 6] ^= 1L << (bit & 63);
      }
    }
    return out;
  }

  /**
   * Centres a and b are {@code r + 2 delta} apart, more than the radius; member x of a's ball and
   * member y of b's are {@code r} apart, so the balls are one component only through them. One bit
   * further, they are two.
   */
  @Test
  void links_ballsMeetingOnlyThroughMembers_joinExactlyThen() {
    int r = 31;
    int delta = PdqJoin.DELTA;
    long[] a = {0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L, 0x5555_aaaa_3333_ccccL, 77L};
    for (int gap = 0; gap <= 1; gap++) {
      long[] x = flip(a, 0, delta);
      long[] y = flip(a, 0, delta + r + gap);
      long[] b = flip(a, 0, 2 * delta + r + gap);
      List<long[]> h = List.of(a, b, x, y);
      PdqJoin.Cover cover = PdqJoin.Cover.of(words(h), delta, 4);
      assertThat(cover).isNotNull();
      assertThat(cover.centres).isEqualTo(2);

      int[] expected = expected(h, r);
      int other = gap == 0 ? 0 : 1;
      assertThat(expected).containsExactly(0, other, 0, other);
      assertThat(joined(h, r, delta, PdqJoin.ALL_PAIRS_CENTRES)).isEqualTo(expected);
    }
  }

  @Test
  void cover_clusteredOrNot_coversOnlyWhenItPays() {
    Random rnd = new Random(6);
    List<long[]> clustered = clustered(500, 9, rnd);
    List<long[]> random = new ArrayList<>();
    for (int i = 0; i < clustered.size(); i++) {
      random.add(new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()});
    }
    int max = (int) (clustered.size() / PdqJoin.MIN_COVER);

    PdqJoin.Cover cover = PdqJoin.Cover.of(words(clustered), PdqJoin.DELTA, max);
    assertThat(cover).isNotNull();
    assertThat(PdqJoin.Cover.of(words(random), PdqJoin.DELTA, max)).isNull();

    // Every hash lies within the cover radius of its centre, at the distance recorded.
    for (int i = 0; i < clustered.size(); i++) {
      int c = cover.centre[cover.owner[i]];
      int d = distance(clustered.get(i), clustered.get(c));
      assertThat(d).isLessThanOrEqualTo(PdqJoin.DELTA).isEqualTo(cover.distance[i]);
    }
    assertThat(cover.centres).isBetween(1_000, max);
  }

  @Test
  void links_randomHashes_plainJoinIsExact() {
    Random rnd = new Random(8);
    List<long[]> h = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long[] w = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      h.add(w);
      if (i % 50 == 0) {
        h.add(flipRandom(w, 20 + rnd.nextInt(20), rnd));
      }
    }
    int[] expected = expected(h, 31);
    assertThat(java.util.Arrays.stream(expected).distinct().count()).isLessThan(h.size());

    List<long[]> links = new ArrayList<>();
    PdqJoin.links(words(h), 31, (x, y) -> links.add(new long[] {x, y}));
    assertThat(components(h.size(), links)).isEqualTo(expected);
    assertThat(joined(h, 31, PdqJoin.DELTA, 0)).as("indexed").isEqualTo(expected);
  }

  @Test
  void links_fromAnIndex_sameComponentsAsFromWords() {
    List<long[]> h = clustered(200, 5, new Random(9));
    PdqIndex.Builder b = PdqIndex.builder(h.size());
    h.forEach(w -> b.add(w[0], w[1], w[2], w[3]));
    PdqIndex index = b.build();
    List<long[]> links = new ArrayList<>();

    PdqJoin.links(index, 31, PdqJoin.coverRadius(index), (x, y) -> links.add(new long[] {x, y}));

    assertThat(PdqJoin.coverRadius(index)).isEqualTo(PdqJoin.DELTA);
    assertThat(components(h.size(), links)).isEqualTo(expected(h, 31));
  }

  @Test
  void links_badWords_fail() {
    assertThatThrownBy(() -> PdqJoin.links(new long[5], 31, (x, y) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PdqJoin.links(new long[8], -1, (x, y) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 20,000 pictures, each seen three times (60,000 distinct PDQs): in case A as copy a1 and, 20
   * bits away, copy a2 of the same bank picture; in case B as copy b, 16 bits from a2 and 36 from
   * a1. Comparing only each group's first copy (a1 against b) would count 40,000 files; the exact
   * join counts 20,000.
   */
  @Test
  void build_sixtyThousandDistinctHashes_joinIsExact() {
    Random rnd = new Random(50_000);
    HexFormat hex = HexFormat.of();
    List<Sighting> a = new ArrayList<>();
    List<Sighting> b = new ArrayList<>();
    long message = 1;
    for (int p = 0; p < 20_000; p++) {
      long[] base = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      long[] a2 = flip(base, 0, 20);
      long[] bb = flip(a2, 20, 36);
      a.add(sighting("a", message++, base, "pic" + p, rnd, hex));
      a.add(sighting("a", message++, a2, "pic" + p, rnd, hex));
      b.add(sighting("b", message++, bb, "pic" + p, rnd, hex));
    }
    CaseInput.Consent yes = new CaseInput.Consent(true, LocalDate.parse("2026-03-01"), "dossiers");
    List<CaseInput> cases =
        List.of(
            new CaseInput("a", yes, a, List.of(), Map.of()),
            new CaseInput("b", yes, b, List.of(), Map.of()));

    Dossier d = Dossiers.build(new Target.Chat(Planted.CHANNEL), cases, Map.of(), 31).dossier();

    assertThat(d.totals().distinctSha256()).isEqualTo(60_000);
    assertThat(d.totals().distinctFiles()).isEqualTo(20_000);
    assertThat(d.pdqJoin()).isEqualTo(Dossier.JOIN_ALL_COPIES);
  }

  private static Sighting sighting(
      String caseId, long m, long[] pdq, String item, Random rnd, HexFormat hex) {
    byte[] sha = new byte[32];
    rnd.nextBytes(sha);
    return new Sighting(
        caseId,
        Planted.CHANNEL,
        "频道",
        "public_channel",
        m,
        "telegram:chat/" + Planted.CHANNEL + "/message/" + m,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(m),
        "user7",
        "发送者",
        "",
        "",
        hex.formatHex(sha),
        Pdq.fromLongs(pdq).toString(),
        item,
        Sighting.MediaKind.IMAGE);
  }
}
