package org.redress.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;
import org.redress.phash.VpdqFrame;

/**
 * Banks in memory: matches a {@link Query} against every item of the banks it was built from and
 * explains each match (bank, item, label, signal, distance, vPDQ percentages). Immutable and
 * thread-safe once built.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>PDQ: a match when the distance is at most the bank's threshold and the query's quality is
 *       at least the bank's minimum (else a warning). Items below the minimum are never indexed.
 *   <li>vPDQ: {@link VpdqRule}'s rule with the bank's threshold as frame distance and the bank's
 *       minimum quality as frame quality; a match when both percentages reach the configured
 *       thresholds.
 *   <li>MD5 / SHA-256: exact equality.
 *   <li>Allow list: a digest entry equal to the query's digest suppresses every match of that
 *       query; a PDQ entry suppresses a PDQ match when the query lies within the entry's distance
 *       of it <em>and</em> at least as close to it as to the bank item, so a true copy of a bank
 *       item is still reported even when it resembles a known-benign image.
 *   <li>Mirrored and rotated images ({@link #matchDihedral}): the image as it is first; then the
 *       PDQ hashes of its seven other dihedral variants, each reporting only items the image itself
 *       did not match, at the distance of the closest variant. When the allow list suppressed a
 *       match of the image itself, its variants are not tried.
 * </ul>
 */
public final class Matcher {
  /** Quality value meaning "not known" (a hash added without its quality). */
  public static final int QUALITY_UNKNOWN = -1;

  private static final Comparator<Match> ORDER =
      Comparator.comparing(Match::bank)
          .thenComparing(Match::signal)
          .thenComparingInt(Match::distance)
          .thenComparingLong(Match::item);
  private static final Comparator<Match> DIHEDRAL_ORDER = ORDER.thenComparing(Match::transform);

  private final PdqIndex pdqIndex;
  private final Match.Ref[] pdqRefs;
  private final int pdqRadius;
  private final PdqIndex frameIndex;
  private final int[] frameVideo;
  private final Match.Ref[] videos;
  private final int[] videoFrames;
  private final int frameRadius;
  private final Map<String, List<Match.Ref>> digests;
  private final PdqIndex allowIndex;
  private final AllowEntry[] allowPdq;
  private final Map<String, AllowEntry> allowDigests;
  private final double queryPercent;
  private final double comparedPercent;
  private final List<BankRules> banks;

  private Matcher(Builder b) {
    this.pdqIndex = b.pdq.build();
    this.pdqRefs = b.pdqRefs.toArray(new Match.Ref[0]);
    this.frameIndex = b.frames.build();
    this.frameVideo = b.frameVideo.stream().mapToInt(Integer::intValue).toArray();
    this.videos = b.videos.toArray(new Match.Ref[0]);
    this.videoFrames = b.videoFrames.stream().mapToInt(Integer::intValue).toArray();
    int maxThreshold = 0;
    for (BankRules r : b.banks.values()) {
      maxThreshold = Math.max(maxThreshold, r.threshold());
    }
    this.pdqRadius = maxThreshold;
    this.frameRadius = maxThreshold;
    this.digests = Map.copyOf(b.digests);
    this.allowIndex = b.allow.build();
    this.allowPdq = b.allowPdq.toArray(new AllowEntry[0]);
    this.allowDigests = Map.copyOf(b.allowDigests);
    this.queryPercent = b.queryPercent;
    this.comparedPercent = b.comparedPercent;
    this.banks = List.copyOf(b.banks.values());
  }

  /** A new builder with the reference vPDQ percentages (80 % query, 0 % compared). */
  public static Builder builder() {
    return new Builder();
  }

  /** The banks this matcher holds. */
  public List<BankRules> banks() {
    return banks;
  }

  /** Number of PDQ hashes indexed (items and allow entries excluded). */
  public int pdqCount() {
    return pdqIndex.size();
  }

  /** Number of unique vPDQ frames indexed. */
  public int frameCount() {
    return frameIndex.size();
  }

  /**
   * Matches one query against every bank.
   *
   * @throws NullPointerException when query is null
   */
  public MatchResult match(Query query) {
    List<Match> found = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (query.md5() != null) {
      digestMatches(Signal.MD5, query.md5(), found);
    }
    if (query.sha256() != null) {
      digestMatches(Signal.SHA256, query.sha256(), found);
    }
    if (query.pdq() != null) {
      pdqMatches(query.pdq(), found, warnings);
    }
    if (query.vpdq() != null) {
      vpdqMatches(query.vpdq(), found, warnings);
    }
    List<Match> kept = new ArrayList<>();
    List<MatchResult.Suppressed> suppressed = new ArrayList<>();
    AllowEntry byDigest = allowedDigest(query);
    for (Match m : found) {
      AllowEntry a = byDigest != null ? byDigest : allowedPdq(query, m);
      if (a == null) {
        kept.add(m);
      } else {
        suppressed.add(new MatchResult.Suppressed(m, a.id, a.label));
      }
    }
    kept.sort(ORDER);
    return new MatchResult(kept, suppressed, warnings);
  }

  /**
   * Matches one image and its mirrored and rotated copies against every bank: first the query as
   * {@link #match} does (its matches carry {@link Dihedral#ORIGINAL}); then, unless the allow list
   * suppressed one of those matches, the PDQ hash of each of the seven other variants at the
   * variants' quality. A variant reports only items the image itself did not match; when several
   * variants match one item, the closest is reported (on a tie, the first in {@link Dihedral}
   * order). A variant's suppressed match is reported only for an item that nothing matched.
   * Warnings are those of the image itself (every variant has its quality).
   *
   * @param query the file's hashes (digests; the PDQ hash may be null or must be the variants'
   *     original)
   * @param variants the eight PDQ hashes of the image, from one DCT
   * @throws IllegalArgumentException when the query's PDQ hash or quality is not the variants'
   *     original
   * @throws NullPointerException when query or variants is null
   */
  public MatchResult matchDihedral(Query query, DihedralHashes variants) {
    PdqResult original = new PdqResult(variants.get(Dihedral.ORIGINAL), variants.quality());
    if (query.pdq() != null && !query.pdq().equals(original)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "query PDQ %s is not the original of its dihedral variants (%s)",
              query.pdq(),
              original));
    }
    MatchResult asIs = match(new Query(original, query.vpdq(), query.md5(), query.sha256()));
    List<Match> kept = new ArrayList<>();
    List<MatchResult.Suppressed> suppressed = new ArrayList<>();
    Set<String> matched = new HashSet<>();
    for (Match m : asIs.matches()) {
      kept.add(m.withTransform(Dihedral.ORIGINAL));
      matched.add(itemKey(m));
    }
    for (MatchResult.Suppressed s : asIs.suppressed()) {
      suppressed.add(
          new MatchResult.Suppressed(
              s.match().withTransform(Dihedral.ORIGINAL), s.allowId(), s.allowLabel()));
    }
    if (asIs.suppressed().isEmpty()) {
      Map<String, Match> best = new LinkedHashMap<>();
      Map<String, MatchResult.Suppressed> bestSuppressed = new LinkedHashMap<>();
      for (Dihedral d : Dihedral.values()) {
        if (d == Dihedral.ORIGINAL) {
          continue;
        }
        MatchResult r = match(Query.ofPdq(new PdqResult(variants.get(d), variants.quality())));
        for (Match m : r.matches()) {
          if (!matched.contains(itemKey(m))) {
            best.merge(
                itemKey(m), m.withTransform(d), (a, b) -> b.distance() < a.distance() ? b : a);
          }
        }
        for (MatchResult.Suppressed s : r.suppressed()) {
          if (!matched.contains(itemKey(s.match()))) {
            bestSuppressed.merge(
                itemKey(s.match()),
                new MatchResult.Suppressed(s.match().withTransform(d), s.allowId(), s.allowLabel()),
                (a, b) -> b.match().distance() < a.match().distance() ? b : a);
          }
        }
      }
      kept.addAll(best.values());
      for (Map.Entry<String, MatchResult.Suppressed> e : bestSuppressed.entrySet()) {
        if (!best.containsKey(e.getKey())) {
          suppressed.add(e.getValue());
        }
      }
    }
    kept.sort(DIHEDRAL_ORDER);
    return new MatchResult(kept, suppressed, asIs.warnings());
  }

  private static String itemKey(Match m) {
    return m.bank() + "\u0000" + m.item();
  }

  private void digestMatches(Signal s, String hex, List<Match> out) {
    List<Match.Ref> refs = digests.get(digestKey(s, hex.toLowerCase(Locale.ROOT)));
    if (refs != null) {
      for (Match.Ref r : refs) {
        out.add(Match.of(r, s, 0));
      }
    }
  }

  private void pdqMatches(PdqResult q, List<Match> out, List<String> warnings) {
    TreeSet<String> tooLow = new TreeSet<>();
    for (BankRules r : banks) {
      if (q.quality() < r.minQuality()) {
        tooLow.add(r.name());
      }
    }
    if (!tooLow.isEmpty()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "PDQ quality %d is below the minimum quality of bank %s: not matched there",
              q.quality(),
              String.join(", ", tooLow)));
    }
    if (tooLow.size() == banks.size()) {
      return;
    }
    pdqIndex.search(
        q.pdq(),
        pdqRadius,
        (ordinal, d) -> {
          Match.Ref ref = pdqRefs[ordinal];
          if (d <= ref.bank().threshold() && q.quality() >= ref.bank().minQuality()) {
            out.add(Match.of(ref, Signal.PDQ, d));
          }
        });
  }

  private void vpdqMatches(List<VpdqFrame> frames, List<Match> out, List<String> warnings) {
    // Unique query hashes with the best quality seen for each: a hash counts for a bank when some
    // frame carrying it reaches the bank's minimum, which is quality filtering then de-duplication.
    Map<Pdq, Integer> best = new LinkedHashMap<>();
    for (VpdqFrame f : frames) {
      best.merge(f.pdq(), f.quality(), Math::max);
    }
    Pdq[] hashes = best.keySet().toArray(new Pdq[0]);
    int[] quality = best.values().stream().mapToInt(Integer::intValue).toArray();
    Map<String, Integer> usable = new HashMap<>();
    for (BankRules r : banks) {
      int n = 0;
      for (int qv : quality) {
        if (qv >= r.minQuality()) {
          n++;
        }
      }
      usable.put(r.name(), n);
      if (n == 0 && frameIndex.size() > 0) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "no video frame reaches the minimum quality %d of bank %s: not matched there",
                r.minQuality(),
                r.name()));
      }
    }
    Map<Integer, VideoTally> tallies = new HashMap<>();
    for (int h = 0; h < hashes.length; h++) {
      int qh = h;
      frameIndex.search(
          hashes[h],
          frameRadius,
          (ordinal, d) -> {
            int v = frameVideo[ordinal];
            BankRules rules = videos[v].bank();
            if (d <= rules.threshold() && quality[qh] >= rules.minQuality()) {
              tallies.computeIfAbsent(v, k -> new VideoTally()).add(qh, ordinal, d);
            }
          });
    }
    for (Map.Entry<Integer, VideoTally> e : tallies.entrySet()) {
      int v = e.getKey();
      VideoTally t = e.getValue();
      Match.Ref ref = videos[v];
      double qp = VpdqRule.percent(t.queryHashes.size(), usable.getOrDefault(ref.bank().name(), 0));
      double cp = VpdqRule.percent(t.videoFrames.size(), videoFrames[v]);
      if (qp >= queryPercent && cp >= comparedPercent) {
        out.add(
            new Match(
                ref.bank().name(), ref.item(), ref.label(), Signal.VPDQ, t.minDistance, qp, cp));
      }
    }
  }

  private @Nullable AllowEntry allowedDigest(Query q) {
    @Nullable AllowEntry a = null;
    if (q.md5() != null) {
      a = allowDigests.get(digestKey(Signal.MD5, q.md5().toLowerCase(Locale.ROOT)));
    }
    if (a == null && q.sha256() != null) {
      a = allowDigests.get(digestKey(Signal.SHA256, q.sha256().toLowerCase(Locale.ROOT)));
    }
    return a;
  }

  private @Nullable AllowEntry allowedPdq(Query q, Match m) {
    PdqResult pdq = q.pdq();
    if (m.signal() != Signal.PDQ || allowPdq.length == 0 || pdq == null) {
      return null;
    }
    AllowEntry[] best = new AllowEntry[1];
    int[] bestD = {Integer.MAX_VALUE};
    allowIndex.search(
        pdq.pdq(),
        Math.min(m.distance(), 256),
        (ordinal, d) -> {
          AllowEntry a = allowPdq[ordinal];
          if (d <= a.distance && d < bestD[0]) {
            best[0] = a;
            bestD[0] = d;
          }
        });
    return best[0];
  }

  static String digestKey(Signal s, String hex) {
    return s.id() + ":" + hex;
  }

  private static final class VideoTally {
    final TreeSet<Integer> queryHashes = new TreeSet<>();
    final TreeSet<Integer> videoFrames = new TreeSet<>();
    int minDistance = Integer.MAX_VALUE;

    void add(int queryHash, int frameOrdinal, int d) {
      queryHashes.add(queryHash);
      videoFrames.add(frameOrdinal);
      minDistance = Math.min(minDistance, d);
    }
  }

  private static final class AllowEntry {
    final long id;
    final String label;
    final int distance;

    AllowEntry(long id, String label, int distance) {
      this.id = id;
      this.label = label;
      this.distance = distance;
    }
  }

  /** Collects banks, items and allow entries. Each value is checked when added. */
  public static final class Builder {
    private final Map<String, BankRules> banks = new LinkedHashMap<>();
    private final PdqIndex.Builder pdq = PdqIndex.builder(16);
    private final List<Match.Ref> pdqRefs = new ArrayList<>();
    private final PdqIndex.Builder frames = PdqIndex.builder(16);
    private final List<Integer> frameVideo = new ArrayList<>();
    private final List<Match.Ref> videos = new ArrayList<>();
    private final List<Integer> videoFrames = new ArrayList<>();
    private final Map<String, List<Match.Ref>> digests = new HashMap<>();
    private final PdqIndex.Builder allow = PdqIndex.builder(4);
    private final List<AllowEntry> allowPdq = new ArrayList<>();
    private final Map<String, AllowEntry> allowDigests = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private double queryPercent = VpdqRule.DEFAULT_QUERY_PERCENT;
    private double comparedPercent = VpdqRule.DEFAULT_COMPARED_PERCENT;

    private Builder() {}

    /**
     * Registers a bank; items name it afterwards.
     *
     * @throws IllegalArgumentException when a bank of that name is already registered
     */
    public Builder bank(BankRules rules) {
      if (banks.putIfAbsent(rules.name(), rules) != null) {
        throw new IllegalArgumentException("bank registered twice: " + rules.name());
      }
      return this;
    }

    /**
     * The vPDQ percentages a video must reach to match (defaults 80 and 0).
     *
     * @throws IllegalArgumentException when a value is outside 0..100
     */
    public Builder vpdqPercents(double query, double compared) {
      checkPercent("query match percent", query);
      checkPercent("compared match percent", compared);
      this.queryPercent = query;
      this.comparedPercent = compared;
      return this;
    }

    /**
     * Adds a PDQ item. An item whose quality is below the bank's minimum is skipped with a warning
     * ({@link #warnings}); {@link #QUALITY_UNKNOWN} is indexed.
     *
     * @return whether the item was indexed
     * @throws IllegalArgumentException for an unknown bank or a quality outside -1..100
     */
    public boolean pdq(String bank, long item, String label, Pdq hash, int quality) {
      BankRules r = rules(bank);
      if (quality < QUALITY_UNKNOWN || quality > 100) {
        throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
      }
      if (quality != QUALITY_UNKNOWN && quality < r.minQuality()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "item %d in bank %s: PDQ quality %d is below the bank's minimum %d: not matched",
                item,
                bank,
                quality,
                r.minQuality()));
        return false;
      }
      pdq.add(hash);
      pdqRefs.add(new Match.Ref(r, item, label));
      return true;
    }

    /**
     * Adds a vPDQ item: its unique frames of sufficient quality are indexed. An item with no such
     * frame is skipped with a warning.
     *
     * @return whether the item was indexed
     * @throws IllegalArgumentException for an unknown bank
     */
    public boolean vpdq(String bank, long item, String label, List<VpdqFrame> hash) {
      BankRules r = rules(bank);
      List<Pdq> unique = VpdqRule.uniqueFrames(hash, r.minQuality());
      if (unique.isEmpty()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "item %d in bank %s: no vPDQ frame reaches the bank's minimum quality %d: not matched",
                item,
                bank,
                r.minQuality()));
        return false;
      }
      int v = videos.size();
      videos.add(new Match.Ref(r, item, label));
      videoFrames.add(unique.size());
      for (Pdq p : unique) {
        frames.add(p);
        frameVideo.add(v);
      }
      return true;
    }

    /**
     * Adds an MD5 or SHA-256 item.
     *
     * @throws IllegalArgumentException for an unknown bank, a non-digest signal or a bad digest
     */
    public Builder digest(String bank, long item, String label, Signal signal, String hex) {
      BankRules r = rules(bank);
      String h = signal.normaliseDigest(hex);
      digests
          .computeIfAbsent(digestKey(signal, h), k -> new ArrayList<>())
          .add(new Match.Ref(r, item, label));
      return this;
    }

    /**
     * Adds a known-benign PDQ hash to the allow list.
     *
     * @throws IllegalArgumentException when distance is outside 0..256
     */
    public Builder allowPdq(long id, String label, Pdq hash, int distance) {
      if (distance < 0 || distance > 256) {
        throw new IllegalArgumentException("allow distance must be in 0..256, was " + distance);
      }
      allow.add(hash);
      allowPdq.add(new AllowEntry(id, label, distance));
      return this;
    }

    /**
     * Adds a known-benign file digest to the allow list.
     *
     * @throws IllegalArgumentException for a non-digest signal or a bad digest
     */
    public Builder allowDigest(long id, String label, Signal signal, String hex) {
      allowDigests.put(
          digestKey(signal, signal.normaliseDigest(hex)), new AllowEntry(id, label, 0));
      return this;
    }

    /** Warnings about items that were skipped. */
    public List<String> warnings() {
      return List.copyOf(warnings);
    }

    /** Builds the matcher; the builder cannot be used afterwards. */
    public Matcher build() {
      return new Matcher(this);
    }

    private BankRules rules(String bank) {
      BankRules r = banks.get(bank);
      if (r == null) {
        throw new IllegalArgumentException("unknown bank: " + bank);
      }
      return r;
    }

    private static void checkPercent(String what, double v) {
      if (!(v >= 0 && v <= 100)) {
        throw new IllegalArgumentException(what + " must be in 0..100, was " + v);
      }
    }
  }
}
