package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * The exact PDQ join: its pairs against an all-pairs oracle, with and without covers; and a dossier
 * above 50,000 distinct hashes where comparing only each group's first copy would count a
 * re-encoded file twice.
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

  private static Set<Long> oracle(List<long[]> h, int r) {
    Set<Long> pairs = new HashSet<>();
    for (int i = 0; i < h.size(); i++) {
      for (int j = i + 1; j < h.size(); j++) {
        int d = 0;
        for (int w = 0; w < 4; w++) {
          d += Long.bitCount(h.get(i)[w] ^ h.get(j)[w]);
        }
        if (d <= r) {
          pairs.add(((long) i << 32) | j);
        }
      }
    }
    return pairs;
  }

  private static Set<Long> joined(List<long[]> h, int r, int delta) {
    PdqIndex.Builder b = PdqIndex.builder(h.size());
    h.forEach(w -> b.add(w[0], w[1], w[2], w[3]));
    Set<Long> pairs = new HashSet<>();
    PdqJoin.pairs(
        b.build(), r, delta, (x, y) -> pairs.add(((long) Math.min(x, y) << 32) | Math.max(x, y)));
    return pairs;
  }

  @Test
  void pairs_anyCoverRadius_equalAllPairsOracle() {
    List<long[]> h = clustered(300, 6, new Random(5));
    Set<Long> expected = oracle(h, 31);
    assertThat(expected).hasSizeGreaterThan(300 * 15);

    for (int delta : new int[] {0, 4, PdqJoin.DELTA, 16}) {
      assertThat(joined(h, 31, delta)).as("delta %d", delta).isEqualTo(expected);
    }
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
    List<long[]> pairs = new ArrayList<>();
    for (long p : oracle(h, 31)) {
      pairs.add(new long[] {p >>> 32, p & 0xffffffffL});
    }
    int[] expected = components(h.size(), pairs);
    assertThat(java.util.Arrays.stream(expected).distinct().count()).isLessThan(300 * 2);

    for (int delta : new int[] {0, 4, PdqJoin.DELTA, 16}) {
      PdqIndex.Builder b = PdqIndex.builder(h.size());
      h.forEach(w -> b.add(w[0], w[1], w[2], w[3]));
      List<long[]> links = new ArrayList<>();
      PdqJoin.links(b.build(), 31, delta, (x, y) -> links.add(new long[] {x, y}));
      assertThat(components(h.size(), links)).as("delta %d", delta).isEqualTo(expected);
    }
  }

  @Test
  void coverRadius_clusteredOrNot_coversOnlyWhenItPays() {
    Random rnd = new Random(6);
    PdqIndex.Builder clustered = PdqIndex.builder(3_000);
    clustered(500, 5, rnd).forEach(w -> clustered.add(w[0], w[1], w[2], w[3]));
    PdqIndex.Builder random = PdqIndex.builder(3_000);
    for (int i = 0; i < 3_000; i++) {
      random.add(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    assertThat(PdqJoin.coverRadius(clustered.build())).isEqualTo(PdqJoin.DELTA);
    assertThat(PdqJoin.coverRadius(random.build())).isZero();
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
