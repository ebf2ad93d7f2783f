package org.redress.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.phash.Pdq;

/**
 * An immutable in-memory index of 256-bit PDQ hashes answering "every hash within Hamming distance
 * r of a query" <em>exactly</em>: the result set is the one a linear scan returns.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>Multi-index hashing [1]. Each hash is cut into {@code m} disjoint substrings (11 tables of 23
 * or 24 bits at ten million hashes); table {@code t} groups the hashes by their substring {@code
 * t}. By the generalised pigeonhole principle [3], if two hashes differ in at most {@code r} bits
 * and the per-substring radii {@code tau[i]} sum to {@code r - m + 1}, then some substring {@code
 * i} differs in at most {@code tau[i]} bits (otherwise the total would be at least {@code r + 1}).
 * So a query probes, in every table, each bucket whose key lies within {@code tau[t]} of the
 * query's substring, and verifies every candidate with a full 256-bit popcount. A candidate found
 * in table {@code t} is reported only if no earlier table {@code u < t} also holds it within {@code
 * tau[u]}, so each hit is reported once without a "seen" set.
 *
 * <p>The number of tables is the fewest whose slot arrays fit in 240 bytes per hash: fewer, wider
 * tables mean fewer probes (about 2,900 at ten million and r = 31). At one million that is 13, the
 * number substrings of log<sub>2</sub>(n) bits [1] give; 12 measured 7 % faster there for twice the
 * memory (docs/matching.md).
 *
 * <p>At ten million the cost of a query is memory latency, not arithmetic: about 2,900 probes and
 * 2,900 candidates, each a cache (and TLB) miss. A dependent miss costs about 170 ns on the test
 * machine, but independent ones overlap down to about 10 ns each, so the search is laid out to
 * issue independent loads and never wait on one:
 *
 * <ul>
 *   <li><em>Slots.</em> Each table is one {@code long[2^bits]} of slots holding up to two ordinals,
 *       so at a load of about one hash per bucket almost nine probes in ten need no second access.
 *       A bucket with more hashes keeps its first ordinal in the slot and points to a run (count,
 *       then ordinals) in an overflow array [4].
 *   <li><em>Passes.</em> A search reads the slots of all its probes, then the heads of the crowded
 *       runs, then the candidates' hashes, each in a tight loop whose loads do not depend on each
 *       other, so the processor keeps many misses in flight [5]. The passes that decide (which
 *       half-slots hold ordinals, which candidates are within the radius) run on data already in
 *       cache and do not branch on it: a mispredicted branch per candidate would otherwise cost
 *       more than the arithmetic.
 *   <li><em>Alignment.</em> Hash {@code i} starts at element {@code 2 + 4i} of the hash array, so
 *       that, in a large array starting on a G1 region boundary, every hash sits inside one 64-byte
 *       cache line and a candidate costs one miss, not two half the time.
 * </ul>
 *
 * <p>Measured and not kept (docs/matching.md): a 64-bit fingerprint of each hash stored beside its
 * ordinal (it rejects only about half of random candidates: 64 bits of two random hashes differ in
 * about 32 places, barely above r, and it costs 8 bytes per hash per table); filtering candidates
 * on their first word before the full distance.
 *
 * <p>When the expected probes and candidates exceed a quarter of the index (large radii), the query
 * falls back to a linear scan, which is then as fast and trivially exact.
 *
 * <p>Storage: the hashes live in one {@code long[]} (four words per hash, 32 bytes); each table
 * adds its slots and an overflow array. Ten million hashes take about 1,350 MiB and build in linear
 * time.
 *
 * <p>References:
 *
 * <ol>
 *   <li>M. Norouzi, A. Punjani, D. J. Fleet, "Fast Search in Hamming Space with Multi-Index
 *       Hashing", CVPR 2012; "Fast Exact Search in Hamming Space with Multi-Index Hashing", IEEE
 *       TPAMI 36(6), 2014. Substring length log<sub>2</sub>(n) is their recommendation.
 *   <li>facebook/ThreatExchange, {@code pdq/cpp/index/mih.h}: the reference PDQ multi-index hash,
 *       with 16 slots of 16 bits.
 *   <li>J. Qin, Y. Wang, C. Xiao, W. Wang, X. Lin, Y. Ishikawa, "GPH: Similarity Search in Hamming
 *       Space", ICDE 2018: the generalised pigeonhole principle with per-part thresholds summing to
 *       {@code r - m + 1}.
 *   <li>U. Drepper, "What Every Programmer Should Know About Memory", 2007, sections 3 and 6: a
 *       miss to memory costs hundreds of cycles; a lookup that needs one line instead of two halves
 *       it, and independent misses overlap.
 *   <li>S. Chen, A. Ailamaki, P. B. Gibbons, T. C. Mowry, "Improving Hash Join Performance through
 *       Prefetching", ICDE 2004: process a group of independent lookups stage by stage so their
 *       misses overlap (here without explicit prefetch, which Java lacks: the out-of-order core
 *       overlaps the independent loads of one pass).
 * </ol>
 */
public final class PdqIndex {
  /** Fewest substrings: 11 of 23 or 24 bits, so a bucket array stays within 64 MiB. */
  public static final int MIN_TABLES = 11;

  /** Most substrings: 16 of 16 bits, the reference's split. */
  public static final int MAX_TABLES = 16;

  /** Memory allowed for the slot arrays when choosing the number of tables. */
  private static final int SLOT_BYTES_PER_HASH = 240;

  /** Half-slot value of no ordinal; a half-slot {@code >= 0} is an ordinal. */
  private static final int EMPTY = -1;

  /**
   * Index of hash 0's first word in {@code words}. A large {@code long[]} starts on a G1 region
   * boundary and its elements 16 bytes later, so starting at element 2 puts every 32-byte hash
   * inside one 64-byte cache line instead of half of them across two. Only speed depends on it.
   */
  private static final int BASE = 2;

  /** Scratch arrays kept per thread between searches, up to this many elements each. */
  private static final int KEEP_SCRATCH = 1 << 16;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final int size;
  private final long[] words;
  private final int tables;
  private final int[] bitStart;
  private final int[] bitWidth;
  private final long[][] slots;
  private final int[][] overflow;
  private final ConcurrentHashMap<Integer, int[]> masks = new ConcurrentHashMap<>();

  private PdqIndex(long[] words, int size, int tables) {
    this.size = size;
    this.words = words;
    this.tables = tables;
    this.bitStart = new int[tables];
    this.bitWidth = new int[tables];
    int at = 0;
    for (int t = 0; t < tables; t++) {
      bitWidth[t] = 256 / tables + (t < 256 % tables ? 1 : 0);
      bitStart[t] = at;
      at += bitWidth[t];
    }
    this.slots = new long[tables][];
    this.overflow = new int[tables][];
    for (int t = 0; t < tables; t++) {
      buildTable(t);
    }
  }

  /** A builder expecting about {@code expectedSize} hashes (it grows as needed). */
  public static Builder builder(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expected size must be >= 0, was " + expectedSize);
    }
    return new Builder(expectedSize);
  }

  /** An index of the given hashes; hash {@code i} gets ordinal {@code i}. */
  public static PdqIndex of(List<Pdq> hashes) {
    Builder b = builder(hashes.size());
    for (Pdq p : hashes) {
      b.add(p);
    }
    return b.build();
  }

  /**
   * The number of substrings for {@code n} hashes: the fewest (so the widest substrings and the
   * fewest probes) whose slot arrays take at most {@value #SLOT_BYTES_PER_HASH} bytes per hash.
   * Measured at r = 31 (docs/matching.md): 11 tables at ten million; 13 at one million (0.044 ms
   * per query and 170 MiB, against 0.041 ms and 315 MiB with 12).
   */
  static int defaultTables(int n) {
    for (int m = MIN_TABLES; m < MAX_TABLES; m++) {
      long slotBytes = 0;
      for (int t = 0; t < m; t++) {
        slotBytes += 8L << (256 / m + (t < 256 % m ? 1 : 0));
      }
      if (slotBytes <= SLOT_BYTES_PER_HASH * (long) n) {
        return m;
      }
    }
    return MAX_TABLES;
  }

  private void buildTable(int t) {
    // A counting sort by key gives each bucket's ordinals; then up to two move into the slot.
    int buckets = 1 << bitWidth[t];
    int[] start = new int[buckets + 1];
    for (int i = 0; i < size; i++) {
      start[key(i, t) + 1]++;
    }
    int crowded = 0;
    for (int k = 0; k < buckets; k++) {
      if (start[k + 1] > 2) {
        crowded += start[k + 1];
      }
      start[k + 1] += start[k];
    }
    int[] next = Arrays.copyOf(start, buckets);
    int[] ord = new int[size];
    for (int i = 0; i < size; i++) {
      ord[next[key(i, t)]++] = i;
    }
    next = null;
    long[] slot = new long[buckets];
    int[] over = new int[crowded];
    int at = 0;
    for (int k = 0; k < buckets; k++) {
      int from = start[k];
      int n = start[k + 1] - from;
      if (n <= 2) {
        slot[k] = pack(n > 0 ? ord[from] : EMPTY, n > 1 ? ord[from + 1] : EMPTY);
      } else {
        // The first ordinal stays in the slot; the run holds the count of the rest, then them.
        slot[k] = pack(ord[from], -2 - at);
        over[at] = n - 1;
        System.arraycopy(ord, from + 1, over, at + 1, n - 1);
        at += n;
      }
    }
    slots[t] = slot;
    overflow[t] = over;
  }

  /** A slot: the low half is an ordinal or EMPTY; the high half an ordinal, EMPTY or a run. */
  private static long pack(int low, int high) {
    return (low & 0xFFFF_FFFFL) | ((long) high << 32);
  }

  private int key(int ordinal, int t) {
    int o = BASE + 4 * ordinal;
    return Pdq.bits(words[o], words[o + 1], words[o + 2], words[o + 3], bitStart[t], bitWidth[t]);
  }

  /** Number of hashes indexed. */
  public int size() {
    return size;
  }

  /** Number of substrings (tables). */
  public int tables() {
    return tables;
  }

  /** The hash with the given ordinal. */
  public Pdq get(int ordinal) {
    if (ordinal < 0 || ordinal >= size) {
      throw new IndexOutOfBoundsException(
          "ordinal must be in 0.." + (size - 1) + ", was " + ordinal);
    }
    int o = BASE + 4 * ordinal;
    return Pdq.fromLongs(new long[] {words[o], words[o + 1], words[o + 2], words[o + 3]});
  }

  /** Receives the hits of a search, each exactly once, in no particular order. */
  @FunctionalInterface
  public interface HitSink {
    /** One indexed hash within the radius. */
    void hit(int ordinal, int distance);
  }

  /** An indexed hash within the radius of a query. */
  public record Hit(int ordinal, int distance) {}

  /**
   * Every indexed hash within distance {@code radius} of {@code query} (inclusive), ordered by
   * distance, then ordinal.
   *
   * @throws IllegalArgumentException when radius is negative
   */
  public List<Hit> search(Pdq query, int radius) {
    List<Hit> hits = new ArrayList<>();
    search(query, radius, (o, d) -> hits.add(new Hit(o, d)));
    hits.sort(Comparator.comparingInt(Hit::distance).thenComparingInt(Hit::ordinal));
    return hits;
  }

  /**
   * Streams every indexed hash within distance {@code radius} of {@code query} to {@code sink}.
   *
   * @throws IllegalArgumentException when radius is negative
   */
  public void search(Pdq query, int radius, HitSink sink) {
    if (radius < 0) {
      throw new IllegalArgumentException("radius must be >= 0, was " + radius);
    }
    long q0 = query.word64(0);
    long q1 = query.word64(1);
    long q2 = query.word64(2);
    long q3 = query.word64(3);
    int[] tau = substringRadii(radius);
    if (probeCost(tau) > size / 4.0) {
      scan(q0, q1, q2, q3, radius, sink);
      return;
    }
    Scratch s = SCRATCH.get();
    if (s.busy) {
      s = new Scratch(); // a sink searching again from inside a search
    }
    s.busy = true;
    try {
      probe(q0, q1, q2, q3, radius, tau, s, sink);
    } finally {
      s.release();
    }
  }

  /**
   * The passes of a search. Each pass issues independent loads (slots, then crowded runs, then
   * hashes) in a tight loop, so the processor overlaps their cache misses instead of waiting for
   * each in turn; the passes that decide work on data already in cache and do not branch on it.
   */
  private void probe(
      long q0, long q1, long q2, long q3, int radius, int[] tau, Scratch s, HitSink sink) {
    // Pass 1: the slot of every bucket within tau[t] of the query's substring, table by table.
    int[] slotEnd = new int[tables];
    int np = 0;
    for (int t = 0; t < tables; t++) {
      if (tau[t] >= 0) {
        int qk = Pdq.bits(q0, q1, q2, q3, bitStart[t], bitWidth[t]);
        long[] slot = slots[t];
        int[] mk = masks(bitWidth[t], tau[t]);
        long[] pv = s.probes(np + mk.length);
        for (int mask : mk) {
          pv[np++] = slot[qk ^ mask];
        }
      }
      slotEnd[t] = np;
    }
    // Pass 2: the ordinals held in the slots, and the crowded runs, without branching on them.
    long[] pv = s.probes;
    int[] cand = s.candidates(2 * np);
    int[] runs = s.runs(np);
    int[] pairEnd = new int[tables];
    int[] runEnd = new int[tables];
    int nc = 0;
    int nr = 0;
    for (int t = 0, p = 0; t < tables; t++) {
      for (; p < slotEnd[t]; p++) {
        long v = pv[p];
        int a = (int) v;
        int b = (int) (v >> 32);
        cand[nc] = a;
        nc += ~a >>> 31;
        cand[nc] = b;
        nc += ~b >>> 31;
        runs[nr] = -2 - b;
        nr += (b + 1) >>> 31;
      }
      pairEnd[t] = nc;
      runEnd[t] = nr;
    }
    // Pass 3: touch the head of every crowded run, then copy the runs' ordinals.
    long touch = 0;
    for (int t = 0, r = 0; t < tables; t++) {
      int[] over = overflow[t];
      for (; r < runEnd[t]; r++) {
        touch += over[runs[r]];
      }
    }
    int[] runCandEnd = new int[tables];
    for (int t = 0, r = 0; t < tables; t++) {
      int[] over = overflow[t];
      for (; r < runEnd[t]; r++) {
        int j = runs[r];
        int n = over[j];
        cand = s.candidates(nc + n);
        System.arraycopy(over, j + 1, cand, nc, n);
        nc += n;
      }
      runCandEnd[t] = nc;
    }
    // Pass 4: touch every candidate's hash (one line each: see BASE).
    long[] w = words;
    for (int c = 0; c < nc; c++) {
      int o = BASE + 4 * cand[c];
      touch += w[o];
    }
    s.touch = touch;
    // Pass 5: full distances of all candidates from cache, keeping those within the radius.
    int[] hit = s.hits(nc);
    int nh = 0;
    for (int c = 0; c < nc; c++) {
      int o = BASE + 4 * cand[c];
      int d =
          Long.bitCount(w[o] ^ q0)
              + Long.bitCount(w[o + 1] ^ q1)
              + Long.bitCount(w[o + 2] ^ q2)
              + Long.bitCount(w[o + 3] ^ q3);
      hit[nh] = c;
      nh += (d - radius - 1) >>> 31;
    }
    // Pass 6: report each hit from the first table that holds it within its radius.
    for (int h = 0; h < nh; h++) {
      int c = hit[h];
      int t = tableOf(c, pairEnd, runCandEnd);
      int i = cand[c];
      int o = BASE + 4 * i;
      long x0 = w[o] ^ q0;
      long x1 = w[o + 1] ^ q1;
      long x2 = w[o + 2] ^ q2;
      long x3 = w[o + 3] ^ q3;
      if (!foundInEarlierTable(x0, x1, x2, x3, t, tau)) {
        sink.hit(i, Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3));
      }
    }
  }

  /**
   * The table a candidate came from: candidates {@code [0, pairEnd[last])} are the slots' ordinals
   * table by table, the rest the runs' ordinals table by table.
   */
  private int tableOf(int c, int[] pairEnd, int[] runCandEnd) {
    int[] ends = c < pairEnd[tables - 1] ? pairEnd : runCandEnd;
    int t = 0;
    while (c >= ends[t]) {
      t++;
    }
    return t;
  }

  /**
   * Per-substring radii from the generalised pigeonhole principle [3]: with {@code m} substrings
   * and radii summing to {@code r - m + 1}, two hashes within {@code r} agree within {@code tau[i]}
   * on some substring {@code i} (were every {@code d_i >= tau[i] + 1}, the sum would exceed r). A
   * negative radius means the table need not be probed.
   */
  int[] substringRadii(int radius) {
    int total = radius - tables + 1;
    int base = Math.floorDiv(total, tables);
    int extra = Math.floorMod(total, tables);
    int[] tau = new int[tables];
    for (int t = 0; t < tables; t++) {
      tau[t] = base + (t < extra ? 1 : 0);
    }
    return tau;
  }

  /** Expected probes plus candidates for the radii, assuming uniformly spread hashes. */
  private double probeCost(int[] tau) {
    double cost = 0;
    for (int t = 0; t < tables; t++) {
      if (tau[t] >= 0) {
        double v = ballVolume(bitWidth[t], tau[t]);
        cost += v + v * size / (double) (1L << bitWidth[t]);
      }
    }
    return cost;
  }

  private static double ballVolume(int bits, int radius) {
    double v = 0;
    double c = 1;
    for (int k = 0; k <= Math.min(bits, radius); k++) {
      v += c;
      c = c * (bits - k) / (k + 1);
    }
    return v;
  }

  /** Whether a table before {@code t} also holds this hash within its substring radius. */
  private boolean foundInEarlierTable(long x0, long x1, long x2, long x3, int t, int[] tau) {
    for (int u = 0; u < t; u++) {
      if (tau[u] >= 0
          && Integer.bitCount(Pdq.bits(x0, x1, x2, x3, bitStart[u], bitWidth[u])) <= tau[u]) {
        return true;
      }
    }
    return false;
  }

  private void scan(long q0, long q1, long q2, long q3, int radius, HitSink sink) {
    for (int i = 0, o = BASE; i < size; i++, o += 4) {
      int d =
          Long.bitCount(words[o] ^ q0)
              + Long.bitCount(words[o + 1] ^ q1)
              + Long.bitCount(words[o + 2] ^ q2)
              + Long.bitCount(words[o + 3] ^ q3);
      if (d <= radius) {
        sink.hit(i, d);
      }
    }
  }

  /** Every {@code bits}-bit mask with at most {@code radius} bits set; cached. */
  private int[] masks(int bits, int radius) {
    return masks.computeIfAbsent(
        bits << 8 | radius,
        k -> {
          int[] out = new int[(int) ballVolume(bits, radius)];
          int[] n = {0};
          enumerate(bits, radius, 0, 0, out, n);
          return out;
        });
  }

  private static void enumerate(int bits, int left, int from, int mask, int[] out, int[] n) {
    out[n[0]++] = mask;
    if (left == 0) {
      return;
    }
    for (int b = from; b < bits; b++) {
      enumerate(bits, left - 1, b + 1, mask | (1 << b), out, n);
    }
  }

  /** Per-thread probe, candidate and hit buffers, so a search allocates almost nothing. */
  private static final class Scratch {
    long[] probes = new long[4096];
    int[] candidates = new int[8192];
    int[] runs = new int[4096];
    int[] hits = new int[8192];
    boolean busy;

    /** Sink for the touch passes' loads, so the compiler cannot drop them. */
    @SuppressWarnings("UnusedVariable") // written, never read: that is its job
    long touch;

    long[] probes(int n) {
      if (n > probes.length) {
        probes = Arrays.copyOf(probes, Math.max(n, 2 * probes.length));
      }
      return probes;
    }

    int[] candidates(int n) {
      if (n > candidates.length) {
        candidates = Arrays.copyOf(candidates, Math.max(n, 2 * candidates.length));
      }
      return candidates;
    }

    int[] runs(int n) {
      if (n > runs.length) {
        runs = new int[Math.max(n, 2 * runs.length)];
      }
      return runs;
    }

    int[] hits(int n) {
      if (n > hits.length) {
        hits = new int[Math.max(n, 2 * hits.length)];
      }
      return hits;
    }

    /** Drops buffers that one unusually large search grew, so a thread does not keep them. */
    void release() {
      busy = false;
      if (probes.length > KEEP_SCRATCH) {
        probes = new long[4096];
      }
      if (candidates.length > KEEP_SCRATCH) {
        candidates = new int[8192];
      }
      if (runs.length > KEEP_SCRATCH) {
        runs = new int[4096];
      }
      if (hits.length > KEEP_SCRATCH) {
        hits = new int[8192];
      }
    }
  }

  /** Collects hashes; ordinals are given in insertion order starting at 0. Not reusable. */
  public static final class Builder {
    private long[] words;
    private int size;
    private int tables;
    private boolean built;

    private Builder(int expectedSize) {
      this.words = new long[BASE + 4 * Math.max(expectedSize, 1)];
    }

    /**
     * Forces the number of substrings (default: chosen from the size, see {@link #build}).
     *
     * @throws IllegalArgumentException when outside 11..16 (substrings of 16 to 24 bits)
     */
    public Builder tables(int m) {
      if (m < MIN_TABLES || m > MAX_TABLES) {
        throw new IllegalArgumentException("tables must be in 11..16, was " + m);
      }
      this.tables = m;
      return this;
    }

    /** Adds a hash and returns its ordinal. */
    public int add(Pdq p) {
      return add(p.word64(0), p.word64(1), p.word64(2), p.word64(3));
    }

    /**
     * Adds a hash given as its four 64-bit words ({@link Pdq#word64}) and returns its ordinal.
     *
     * @throws IllegalStateException after {@link #build}, or past 2<sup>29</sup> hashes
     */
    public int add(long w0, long w1, long w2, long w3) {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      if (BASE + 4 * size + 4 > words.length) {
        if (size >= (1 << 29) - 1) {
          throw new IllegalStateException("an index holds at most 2^29 hashes");
        }
        words =
            Arrays.copyOf(words, (int) Math.min(2L * words.length, BASE + 4L * ((1 << 29) - 1)));
      }
      int o = BASE + 4 * size;
      words[o] = w0;
      words[o + 1] = w1;
      words[o + 2] = w2;
      words[o + 3] = w3;
      return size++;
    }

    /** Number of hashes added so far. */
    public int size() {
      return size;
    }

    /**
     * Builds the index in linear time. Unless {@link #tables} was set, the number of tables is
     * chosen from the size: 16 for a thousand hashes, 13 at one million, 11 from four million.
     */
    public PdqIndex build() {
      if (built) {
        throw new IllegalStateException("builder already built");
      }
      built = true;
      long[] w = words.length == BASE + 4 * size ? words : Arrays.copyOf(words, BASE + 4 * size);
      words = new long[0];
      return new PdqIndex(w, size, tables != 0 ? tables : defaultTables(size));
    }
  }
}
