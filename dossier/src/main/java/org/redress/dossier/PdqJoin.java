package org.redress.dossier;

import org.redress.match.PdqIndex;

/**
 * Every pair of indexed PDQ hashes within a radius, exactly, for joining copies into files.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>The plain self-join queries every hash at radius {@code r}: exact, and at a million distinct
 * hashes about a million multi-index searches. Copies of one picture cluster (re-encodes sit a few
 * bits apart), so most of those searches find the same cluster again. The join therefore covers the
 * hashes with balls of radius {@code delta} [1]: the first hash not yet covered becomes a centre,
 * is searched at radius {@code r + delta}, and covers every uncovered hash its search finds within
 * {@code delta}. By the triangle inequality, whatever lies within {@code r} of a covered hash
 * {@code q} lies within {@code r + delta} of its centre, so it is among the centre's candidates;
 * each covered hash is compared with those candidates directly (four popcounts, data in cache).
 * Every pair within {@code r} is reported at least once, from the side of either hash: the join
 * stays exact whatever {@code delta} is; {@code delta} only moves cost between the searches (fewer,
 * wider) and the direct comparisons.
 *
 * <p>{@code delta} is chosen from the data ({@link #coverRadius}): a deterministic sample of the
 * hashes is searched at radius {@link #DELTA}; when the average sample hash has at least {@link
 * #MIN_COVER} hashes within it, balls of that radius are used, otherwise {@code delta} is 0 and the
 * join is the plain self-join (wider searches would cost more than they save when nothing
 * clusters).
 *
 * <p>References:
 *
 * <ol>
 *   <li>the "leader" or canopy clustering of A. McCallum, K. Nigam, L. H. Ungar, "Efficient
 *       Clustering of High-Dimensional Data Sets with Application to Reference Matching", KDD 2000:
 *       a cheap cover of the points, then exact comparisons only inside each cover's candidates.
 * </ol>
 */
final class PdqJoin {
  /** The cover radius tried: re-encoded copies of one picture are mostly within it. */
  static final int DELTA = 8;

  /** The average number of hashes within {@link #DELTA} of a sample hash that makes covers pay. */
  static final double MIN_COVER = 3.0;

  private static final int SAMPLE = 512;

  private PdqJoin() {}

  /** Receives a pair of ordinals within the radius (each pair at least once, in no order). */
  @FunctionalInterface
  interface PairSink {
    void pair(int a, int b);
  }

  /** {@link #DELTA} when the hashes cluster (see the class notes), else 0. */
  static int coverRadius(PdqIndex index) {
    int n = index.size();
    if (n < 2 * SAMPLE) {
      return 0;
    }
    long within = 0;
    int step = n / SAMPLE;
    int[] count = new int[1];
    for (int k = 0; k < SAMPLE; k++) {
      count[0] = 0;
      index.search(index.get(k * step), DELTA, (o, d) -> count[0]++);
      within += count[0];
    }
    return (double) within / SAMPLE >= MIN_COVER ? DELTA : 0;
  }

  /**
   * Reports every pair of distinct ordinals of {@code index} at most {@code radius} bits apart.
   *
   * @param delta the cover radius (0: the plain self-join); any value gives the same pairs
   */
  static void pairs(PdqIndex index, int radius, int delta, PairSink sink) {
    int n = index.size();
    if (delta == 0) {
      for (int i = 0; i < n; i++) {
        final int from = i;
        index.search(
            index.get(i),
            radius,
            (hit, d) -> {
              if (hit > from) {
                sink.pair(from, hit);
              }
            });
      }
      return;
    }
    boolean[] covered = new boolean[n];
    IntList cand = new IntList();
    IntList members = new IntList();
    long[] cw = new long[0];
    for (int centre = 0; centre < n; centre++) {
      if (covered[centre]) {
        continue;
      }
      cand.clear();
      members.clear();
      index.search(index.get(centre), radius + delta, (hit, d) -> cand.add(hit));
      if (cw.length < 4 * cand.size) {
        cw = new long[Math.max(4 * cand.size, 2 * cw.length)];
      }
      for (int k = 0; k < cand.size; k++) {
        int c = cand.get(k);
        long[] w = index.get(c).toLongs();
        System.arraycopy(w, 0, cw, 4 * k, 4);
      }
      long[] p = index.get(centre).toLongs();
      for (int k = 0; k < cand.size; k++) {
        int c = cand.get(k);
        if (!covered[c] && distance(p, 0, cw, 4 * k) <= delta) {
          covered[c] = true;
          members.add(k);
        }
      }
      for (int m = 0; m < members.size; m++) {
        int mk = members.get(m);
        int q = cand.get(mk);
        for (int k = 0; k < cand.size; k++) {
          if (k != mk && distance(cw, 4 * mk, cw, 4 * k) <= radius) {
            sink.pair(q, cand.get(k));
          }
        }
      }
    }
  }

  /** Centres per task of {@link #links}: enough work to pay for a task, many tasks per core. */
  private static final int CHUNK = 64;

  /**
   * Links that connect exactly the components of the pairs {@link #pairs} reports: two ordinals are
   * connected through the links if and only if a chain of pairs at most {@code radius} bits apart
   * joins them. For a union-find, which needs no more; far fewer calls than every pair (a cluster
   * of {@code k} copies has about {@code k²/2} pairs and {@code k} links).
   *
   * <p>The cover is made first, on this thread, by searching each centre at radius {@code delta}
   * (the same centres and members as {@link #pairs}); then the centres' wide searches and
   * comparisons run on every core, each centre's pairs reduced to links by a union-find over its
   * candidates. The links reach {@code sink} on this thread.
   */
  static void links(PdqIndex index, int radius, int delta, PairSink sink) {
    int n = index.size();
    if (delta == 0) {
      int chunks = (n + CHUNK - 1) / CHUNK;
      IntList[] out = new IntList[chunks];
      java.util.stream.IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c -> {
                IntList l = new IntList();
                for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                  final int from = i;
                  index.search(
                      index.get(i),
                      radius,
                      (hit, d) -> {
                        if (hit > from) {
                          l.add(from);
                          l.add(hit);
                        }
                      });
                }
                out[c] = l;
              });
      emit(out, sink);
      return;
    }
    // The cover: the first hash not yet covered is a centre; it covers what lies within delta.
    int[] owner = new int[n];
    java.util.Arrays.fill(owner, -1);
    IntList centres = new IntList();
    for (int centre = 0; centre < n; centre++) {
      if (owner[centre] >= 0) {
        continue;
      }
      int id = centres.size;
      centres.add(centre);
      index.search(
          index.get(centre),
          delta,
          (hit, d) -> {
            if (owner[hit] < 0) {
              owner[hit] = id;
            }
          });
    }
    int chunks = (centres.size + CHUNK - 1) / CHUNK;
    IntList[] out = new IntList[chunks];
    java.util.stream.IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              IntList l = new IntList();
              IntList cand = new IntList();
              long[] cw = new long[0];
              int[] parent = new int[0];
              for (int id = c * CHUNK; id < Math.min(centres.size, (c + 1) * CHUNK); id++) {
                cand.clear();
                index.search(index.get(centres.get(id)), radius + delta, (hit, d) -> cand.add(hit));
                if (cw.length < 4 * cand.size) {
                  cw = new long[Math.max(4 * cand.size, 2 * cw.length)];
                  parent = new int[cw.length / 4];
                }
                for (int k = 0; k < cand.size; k++) {
                  long[] w = index.get(cand.get(k)).toLongs();
                  System.arraycopy(w, 0, cw, 4 * k, 4);
                  parent[k] = k;
                }
                for (int mk = 0; mk < cand.size; mk++) {
                  if (owner[cand.get(mk)] != id) {
                    continue; // not this centre's member: compared from its own centre
                  }
                  for (int k = 0; k < cand.size; k++) {
                    if (k != mk && distance(cw, 4 * mk, cw, 4 * k) <= radius) {
                      int a = root(parent, mk);
                      int b = root(parent, k);
                      if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                      }
                    }
                  }
                }
                for (int k = 0; k < cand.size; k++) {
                  int r = root(parent, k);
                  if (r != k) {
                    l.add(cand.get(r));
                    l.add(cand.get(k));
                  }
                }
              }
              out[c] = l;
            });
    emit(out, sink);
  }

  private static int root(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void emit(IntList[] out, PairSink sink) {
    for (IntList l : out) {
      for (int i = 0; i < l.size; i += 2) {
        sink.pair(l.get(i), l.get(i + 1));
      }
    }
  }

  private static int distance(long[] a, int i, long[] b, int j) {
    return Long.bitCount(a[i] ^ b[j])
        + Long.bitCount(a[i + 1] ^ b[j + 1])
        + Long.bitCount(a[i + 2] ^ b[j + 2])
        + Long.bitCount(a[i + 3] ^ b[j + 3]);
  }

  /** A growable list of ints without boxing. */
  private static final class IntList {
    int[] a = new int[64];
    int size;

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * size);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }

    void clear() {
      size = 0;
    }
  }
}
