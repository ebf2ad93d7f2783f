package org.redress.dossier;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * The components of PDQ hashes joined when at most a radius apart, exactly, for joining copies into
 * files: two hashes are in one component when a chain of hashes, each at most {@code r} bits from
 * the next, joins them.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>A union-find needs the components, not every pair. Copies of one picture cluster (re-encodes
 * sit a few bits apart), so the join first covers the hashes with balls of radius {@code delta}
 * [1]: in order, each hash joins the first centre found within {@code delta} of it, or becomes a
 * centre itself. Then, with {@code delta <= r}:
 *
 * <ul>
 *   <li>every member is within {@code r} of its centre, so a ball is one component: a member is
 *       linked to its centre, with no other comparison;
 *   <li>two centres within {@code r} are linked directly;
 *   <li>balls whose centres are more than {@code r + 2 delta} apart hold no pair within {@code r}
 *       (triangle inequality), so they need no comparison;
 *   <li>only centre pairs in {@code (r, r + 2 delta]} need their members compared, stopping at the
 *       first pair within {@code r}, and not at all when earlier links already connect the balls.
 * </ul>
 *
 * <p>So the wide work is a self-join of the centres alone at {@code r + 2 delta} (thousands of
 * centres for a million copies, on every core: all pairs with four popcounts each while they are
 * few, a multi-index over them beyond), not a search around every hash. The cover needs no index
 * over all hashes either: when more than {@code delta} substrings cut a hash ({@code delta + 1},
 * and at least 8 so that each fits in 32 bits), two hashes at most {@code delta} apart agree
 * exactly on at least one of them (pigeonhole [2]), so the centres are kept in a hash table by each
 * substring and a hash looks up its own substrings; the table holds only centres (a few MiB for
 * thousands).
 *
 * <p>{@code delta} is {@link #DELTA} when the hashes cluster: the cover is built with it and kept
 * when its balls hold at least {@link #MIN_COVER} hashes on average; past that many centres it is
 * abandoned, and the join is the plain self-join (every hash searched at {@code r} in a multi-index
 * over all of them), which is then cheaper than wide searches around centres that cover nothing.
 * The abandoned cover costs about 1 % of that plain join (measured: 0.4 to 0.8 CPU-s against 32 to
 * 37 for 810,000 random hashes, {@code bench} {@code PdqJoinBench random}).
 *
 * <p>References:
 *
 * <ol>
 *   <li>the "leader" or canopy clustering of A. McCallum, K. Nigam, L. H. Ungar, "Efficient
 *       Clustering of High-Dimensional Data Sets with Application to Reference Matching", KDD 2000:
 *       a cheap cover of the points, then exact comparisons only where covers can meet.
 *   <li>M. Norouzi, A. Punjani, D. J. Fleet, "Fast Exact Search in Hamming Space with Multi-Index
 *       Hashing", IEEE TPAMI 36(6), 2014: with {@code m} substrings, hashes within {@code m - 1}
 *       bits agree exactly on some substring.
 * </ol>
 */
final class PdqJoin {
  /** The cover radius tried: re-encoded copies of one picture are mostly within it. */
  static final int DELTA = 8;

  /** The average number of hashes per ball that makes covers pay. */
  static final double MIN_COVER = 3.0;

  /** Up to this many centres (or hashes, without a cover), a self-join compares all pairs. */
  static final int ALL_PAIRS_CENTRES = 16_384;

  /** Rows per task of a parallel self-join: enough work to pay for a task, many per core. */
  private static final int CHUNK = 64;

  private PdqJoin() {}

  /** Receives a pair of ordinals within the radius. */
  @FunctionalInterface
  interface PairSink {
    void pair(int a, int b);
  }

  /**
   * Links that connect exactly the components of the hashes at most {@code radius} bits apart: two
   * ordinals are connected through the links if and only if a chain of hashes, each at most {@code
   * radius} bits from the next, joins them. Every link is itself such a pair. For a union-find,
   * which needs no more; about one link per hash instead of every pair (a cluster of {@code k}
   * copies has about {@code k²/2} pairs).
   *
   * <p>The cover radius is chosen from the data (see the class notes). The links reach {@code sink}
   * on this thread.
   *
   * @param words hash {@code i} is {@code words[4i .. 4i + 3]} ({@code Pdq#word64} order)
   */
  static void links(long[] words, int radius, PairSink sink) {
    links(words, radius, DELTA, sink);
  }

  /**
   * As {@link #links(long[], int, PairSink)} with the cover radius tried given: {@code delta} 0 is
   * the plain self-join; any value gives the same components ({@code delta} above {@code radius} is
   * taken as {@code radius}).
   */
  static void links(long[] words, int radius, int delta, PairSink sink) {
    links(words, radius, delta, ALL_PAIRS_CENTRES, sink);
  }

  /**
   * As {@link #links(long[], int, int, PairSink)} over the hashes of an index, in ordinal order.
   * For a caller that already holds the index; the join itself needs only the hashes, so a caller
   * that builds the index only for the join should pass the words instead and save building it.
   */
  static void links(PdqIndex index, int radius, int delta, PairSink sink) {
    long[] words = new long[4 * index.size()];
    for (int i = 0; i < index.size(); i++) {
      Pdq p = index.get(i);
      for (int w = 0; w < 4; w++) {
        words[4 * i + w] = p.word64(w);
      }
    }
    links(words, radius, delta, sink);
  }

  /**
   * The cover radius to try with {@link #links(PdqIndex, int, int, PairSink)}: {@link #DELTA}
   * (whether covers pay is decided by the join itself, from the whole cover).
   */
  static int coverRadius(PdqIndex index) {
    return index.size() > 1 ? DELTA : 0;
  }

  /**
   * As {@link #links(long[], int, int, PairSink)}, comparing all pairs (of centres, or of hashes
   * when there is no cover) up to {@code allPairsCentres} of them, else searching a multi-index
   * (tests lower it to reach both).
   */
  static void links(long[] words, int radius, int delta, int allPairsCentres, PairSink sink) {
    if (words.length % 4 != 0) {
      throw new IllegalArgumentException("four words per hash, was " + words.length + " words");
    }
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be >= 0, was " + radius);
    }
    int n = words.length / 4;
    int d = Math.min(Math.min(delta, radius), 31);
    Cover cover = d > 0 ? Cover.of(words, d, (int) (n / MIN_COVER)) : null;
    if (cover == null) {
      plain(words, radius, allPairsCentres, sink);
    } else {
      covered(words, cover, radius, allPairsCentres, sink);
    }
  }

  /**
   * Every pair within {@code radius}: all pairs compared while there are at most {@code allPairs}
   * hashes, else every hash searched in a multi-index over all of them; on every core.
   */
  private static void plain(long[] words, int radius, int allPairs, PairSink sink) {
    int n = words.length / 4;
    if (n < 2) {
      return;
    }
    if (n <= allPairs) {
      emit(allPairs(words, n, radius), sink);
      return;
    }
    PdqIndex.Builder b = PdqIndex.builder(n);
    for (int i = 0; i < n; i++) {
      b.add(words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]);
    }
    emit(selfJoin(b.build(), radius), sink);
  }

  /**
   * Pairs {@code (a, b, distance)} with {@code a < b} of an index's hashes at most {@code radius}
   * apart, on every core, in one list per task.
   */
  private static IntList[] selfJoin(PdqIndex index, int radius) {
    return perChunk(
        index.size(),
        (i, l) ->
            index.search(
                index.get(i),
                radius,
                (hit, d) -> {
                  if (hit > i) {
                    l.add(i);
                    l.add(hit);
                    l.add(d);
                  }
                }));
  }

  /**
   * Pairs {@code (a, b, distance)} with {@code a < b} of {@code k} hashes at most {@code radius}
   * apart, by comparing all pairs on every core. Unit {@code t} takes rows {@code t} and {@code k -
   * 1 - t}, of equal work together.
   */
  private static IntList[] allPairs(long[] w, int k, int radius) {
    return perChunk(
        (k + 1) / 2,
        (t, l) -> {
          row(w, k, t, radius, l);
          if (k - 1 - t != t) {
            row(w, k, k - 1 - t, radius, l);
          }
        });
  }

  /** Fills one list per unit of work. */
  @FunctionalInterface
  private interface Unit {
    void run(int unit, IntList out);
  }

  /**
   * Runs units {@code 0 .. units - 1} on every core, {@link #CHUNK} units per task, each task's
   * output in its own list (in task order).
   */
  private static IntList[] perChunk(int units, Unit unit) {
    int chunks = (units + CHUNK - 1) / CHUNK;
    IntList[] out = new IntList[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              IntList l = new IntList();
              for (int u = c * CHUNK; u < Math.min(units, (c + 1) * CHUNK); u++) {
                unit.run(u, l);
              }
              out[c] = l;
            });
    return out;
  }

  private static void row(long[] w, int k, int i, int radius, IntList l) {
    long a0 = w[4 * i];
    long a1 = w[4 * i + 1];
    long a2 = w[4 * i + 2];
    long a3 = w[4 * i + 3];
    for (int j = i + 1, o = 4 * j; j < k; j++, o += 4) {
      int d = distance(a0, a1, a2, a3, w, o);
      if (d <= radius) {
        l.add(i);
        l.add(j);
        l.add(d);
      }
    }
  }

  /** The links through a cover (see the class notes). */
  private static void covered(
      long[] words, Cover cover, int radius, int allPairsCentres, PairSink sink) {
    int n = words.length / 4;
    int k = cover.centres;
    int[] centre = cover.centre;
    // A ball is one component: each member links to its centre.
    for (int i = 0; i < n; i++) {
      int c = centre[cover.owner[i]];
      if (c != i) {
        sink.pair(c, i);
      }
    }
    // The centres' pairs within radius + 2 delta: the only balls that can meet.
    int wide = Math.min(256, radius + 2 * cover.delta);
    IntList[] near;
    if (k <= allPairsCentres) {
      near = allPairs(cover.words, k, wide);
    } else {
      PdqIndex.Builder b = PdqIndex.builder(k).tables(PdqIndex.MAX_TABLES);
      long[] cw = cover.words;
      for (int c = 0; c < k; c++) {
        b.add(cw[4 * c], cw[4 * c + 1], cw[4 * c + 2], cw[4 * c + 3]);
      }
      near = selfJoin(b.build(), wide);
    }
    int[] parent = new int[k];
    for (int c = 0; c < k; c++) {
      parent[c] = c;
    }
    // Centres within radius first: they link directly.
    for (IntList l : near) {
      for (int p = 0; p < l.size; p += 3) {
        if (l.get(p + 2) <= radius && union(parent, l.get(p), l.get(p + 1))) {
          sink.pair(centre[l.get(p)], centre[l.get(p + 1)]);
        }
      }
    }
    // Then the balls that may meet, unless already connected: members against members.
    Members members = null;
    for (IntList l : near) {
      for (int p = 0; p < l.size; p += 3) {
        int a = l.get(p);
        int b = l.get(p + 1);
        int d = l.get(p + 2);
        if (d <= radius || root(parent, a) == root(parent, b)) {
          continue;
        }
        if (members == null) {
          members = new Members(cover, n);
        }
        long link = members.linkBetween(words, a, b, d, radius);
        if (link >= 0) {
          union(parent, a, b);
          sink.pair((int) (link >>> 32), (int) link);
        }
      }
    }
  }

  /**
   * A cover of the hashes by balls of radius {@code delta}: {@code owner[i]} is the ball of hash
   * {@code i}, {@code centre[b]} the centre's ordinal, {@code words} the centres' hashes in ball
   * order, {@code distance[i]} the bits from hash {@code i} to its centre.
   */
  static final class Cover {
    final int delta;
    final int[] owner;
    final byte[] distance;
    int[] centre = new int[64];
    long[] words = new long[256];
    int centres;

    private Cover(int n, int delta) {
      this.delta = delta;
      this.owner = new int[n];
      this.distance = new byte[n];
    }

    /**
     * The leader cover: in order, each hash joins the first centre found within {@code delta}, or
     * becomes one. The centres are found by exact lookups of the hash's substrings (more than
     * {@code delta} of them) in a table of the centres' substrings (see the class notes).
     *
     * @param delta 1..31
     * @return null when more than {@code maxCentres} centres would be needed
     */
    static @Nullable Cover of(long[] words, int delta, int maxCentres) {
      int n = words.length / 4;
      Cover cover = new Cover(n, delta);
      // delta + 1 substrings at least (pigeonhole), 8 at least (of at most 32 bits each).
      int parts = Math.max(delta + 1, 8);
      int[] start = new int[parts];
      int[] width = new int[parts];
      for (int t = 0, at = 0; t < parts; t++) {
        width[t] = 256 / parts + (t < 256 % parts ? 1 : 0);
        start[t] = at;
        at += width[t];
      }
      SubstringTable table = new SubstringTable(parts);
      int[] values = new int[parts];
      long[] cw = cover.words;
      for (int i = 0; i < n; i++) {
        long w0 = words[4 * i];
        long w1 = words[4 * i + 1];
        long w2 = words[4 * i + 2];
        long w3 = words[4 * i + 3];
        int found = -1;
        int dist = 0;
        search:
        for (int t = 0; t < parts; t++) {
          int key = Pdq.bits(w0, w1, w2, w3, start[t], width[t]);
          for (int c = table.first(t, key); c >= 0; c = table.next(c, t)) {
            int o = 4 * c;
            int d = distance(w0, w1, w2, w3, cw, o);
            if (d <= delta) {
              found = c;
              dist = d;
              break search;
            }
          }
        }
        if (found < 0) {
          if (cover.centres >= maxCentres) {
            return null;
          }
          found = cover.centres++;
          if (found == cover.centre.length) {
            cover.centre = Arrays.copyOf(cover.centre, 2 * found);
            cover.words = Arrays.copyOf(cover.words, 8 * found);
          }
          cw = cover.words;
          cover.centre[found] = i;
          System.arraycopy(words, 4 * i, cw, 4 * found, 4);
          for (int t = 0; t < parts; t++) {
            values[t] = Pdq.bits(w0, w1, w2, w3, start[t], width[t]);
          }
          table.add(found, values);
        }
        cover.owner[i] = found;
        cover.distance[i] = (byte) dist;
      }
      return cover;
    }
  }

  /** Each ball's members, nearest to the centre last, for the comparisons between two balls. */
  private static final class Members {
    final int[] start;
    final int[] ordinal;
    final byte[] distance;
    final int delta;

    Members(Cover cover, int n) {
      int k = cover.centres;
      this.delta = cover.delta;
      start = new int[k + 1];
      for (int i = 0; i < n; i++) {
        start[cover.owner[i] + 1]++;
      }
      for (int c = 0; c < k; c++) {
        start[c + 1] += start[c];
      }
      // A counting sort by ball, farthest members first (they are the likeliest to meet).
      int[] next = Arrays.copyOf(start, k);
      ordinal = new int[n];
      distance = new byte[n];
      for (int dist = delta; dist >= 0; dist--) {
        for (int i = 0; i < n; i++) {
          if (cover.distance[i] == dist) {
            int at = next[cover.owner[i]]++;
            ordinal[at] = i;
            distance[at] = (byte) dist;
          }
        }
      }
    }

    /**
     * A member of ball {@code a} and one of ball {@code b} at most {@code radius} apart, as {@code
     * (x << 32) | y}, or -1 when there is none. Two members can only be that close when their
     * distances to their centres add up to at least {@code d - radius} (triangle inequality).
     */
    long linkBetween(long[] words, int a, int b, int d, int radius) {
      int need = d - radius;
      for (int p = start[a]; p < start[a + 1] && distance[p] + delta >= need; p++) {
        int x = ordinal[p];
        int ox = 4 * x;
        long x0 = words[ox];
        long x1 = words[ox + 1];
        long x2 = words[ox + 2];
        long x3 = words[ox + 3];
        for (int q = start[b]; q < start[b + 1] && distance[p] + distance[q] >= need; q++) {
          int y = ordinal[q];
          int oy = 4 * y;
          int dxy = distance(x0, x1, x2, x3, words, oy);
          if (dxy <= radius) {
            return ((long) x << 32) | y;
          }
        }
      }
      return -1;
    }
  }

  /**
   * The centres by each substring's value: per substring, an open-addressing table whose slots hold
   * a value (high half) and the latest centre with it plus one (low half, 0: empty slot), so a
   * lookup costs one cache miss; each centre chains to the previous one with the same value.
   */
  private static final class SubstringTable {
    private final int parts;
    private final long[][] slots;
    private int[] chain = new int[0];
    private int used;

    SubstringTable(int parts) {
      this.parts = parts;
      this.slots = new long[parts][256];
    }

    int first(int t, int value) {
      long[] table = slots[t];
      int mask = table.length - 1;
      for (int s = slot(value, mask); table[s] != 0; s = (s + 1) & mask) {
        if ((int) (table[s] >>> 32) == value) {
          return (int) table[s] - 1;
        }
      }
      return -1;
    }

    int next(int centre, int t) {
      return chain[centre * parts + t];
    }

    /** Adds a centre's substrings, one value per table. */
    void add(int centre, int[] values) {
      if (2 * (used + 1) > slots[0].length) {
        for (int t = 0; t < parts; t++) {
          slots[t] = grown(slots[t]);
        }
      }
      used++;
      if (chain.length < (centre + 1) * parts) {
        chain = Arrays.copyOf(chain, Math.max((centre + 1) * parts, 2 * chain.length));
      }
      for (int t = 0; t < parts; t++) {
        long[] table = slots[t];
        int mask = table.length - 1;
        int value = values[t];
        int s = slot(value, mask);
        while (table[s] != 0 && (int) (table[s] >>> 32) != value) {
          s = (s + 1) & mask;
        }
        chain[centre * parts + t] = table[s] == 0 ? -1 : (int) table[s] - 1;
        table[s] = ((long) value << 32) | (centre + 1);
      }
    }

    private static long[] grown(long[] table) {
      long[] out = new long[2 * table.length];
      int mask = out.length - 1;
      for (long v : table) {
        if (v != 0) {
          int s = slot((int) (v >>> 32), mask);
          while (out[s] != 0) {
            s = (s + 1) & mask;
          }
          out[s] = v;
        }
      }
      return out;
    }

    private static int slot(int value, int mask) {
      return (int) ((value * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask;
    }
  }

  /** Bits between the 256-bit value {@code a0 .. a3} and the one at {@code w[o .. o + 3]}. */
  private static int distance(long a0, long a1, long a2, long a3, long[] w, int o) {
    return Long.bitCount(a0 ^ w[o])
        + Long.bitCount(a1 ^ w[o + 1])
        + Long.bitCount(a2 ^ w[o + 2])
        + Long.bitCount(a3 ^ w[o + 3]);
  }

  private static boolean union(int[] parent, int a, int b) {
    int ra = root(parent, a);
    int rb = root(parent, b);
    if (ra == rb) {
      return false;
    }
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** The pairs of {@code (a, b, distance)} lists to the sink, on this thread. */
  private static void emit(IntList[] out, PairSink sink) {
    for (IntList l : out) {
      for (int i = 0; i < l.size; i += 3) {
        sink.pair(l.get(i), l.get(i + 1));
      }
    }
  }

  /** A growable list of ints without boxing. */
  private static final class IntList {
    int[] a = new int[64];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, 2 * size);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }
  }
}
