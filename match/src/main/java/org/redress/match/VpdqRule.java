package org.redress.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redress.phash.Pdq;
import org.redress.phash.VpdqFrame;

/**
 * The vPDQ video match rule, pairwise and brute force, with python-threatexchange semantics [1]:
 * drop frames whose quality is below the minimum, de-duplicate frames with exactly the same hash
 * (first kept), then count the unique query frames within {@code distance} (inclusive) of some
 * compared frame and vice versa. The C++ reference tool {@code match-hashes-brute} [2] differs: it
 * does not de-duplicate and matches on strictly less than the distance.
 *
 * <p>The defaults are those of the references: frame quality at least {@value #DEFAULT_QUALITY},
 * frame distance at most {@value #DEFAULT_DISTANCE}, a video matches when at least {@value
 * #DEFAULT_QUERY_PERCENT} % of the query's frames match and at least {@value
 * #DEFAULT_COMPARED_PERCENT} % of the compared video's.
 *
 * <ol>
 *   <li>facebook/ThreatExchange, {@code python-threatexchange/threatexchange/extensions/vpdq/}
 *       ({@code vpdq_util.py}, {@code vpdq_brute_matcher.py}).
 *   <li>facebook/ThreatExchange, {@code vpdq/cpp/match-hashes-brute.cpp}.
 * </ol>
 */
public final class VpdqRule {
  /** Minimum frame quality. */
  public static final int DEFAULT_QUALITY = 50;

  /** Maximum frame distance (inclusive). */
  public static final int DEFAULT_DISTANCE = 31;

  /** Minimum share of the query's unique frames that must match. */
  public static final double DEFAULT_QUERY_PERCENT = 80.0;

  /** Minimum share of the compared video's unique frames that must match. */
  public static final double DEFAULT_COMPARED_PERCENT = 0.0;

  private VpdqRule() {}

  /**
   * The unique frame hashes of sufficient quality, in first-seen order.
   *
   * @throws IllegalArgumentException when minQuality is outside 0..100
   */
  public static List<Pdq> uniqueFrames(List<VpdqFrame> frames, int minQuality) {
    checkQuality(minQuality);
    Set<Pdq> unique = new LinkedHashSet<>();
    for (VpdqFrame f : frames) {
      if (f.quality() >= minQuality) {
        unique.add(f.pdq());
      }
    }
    return new ArrayList<>(unique);
  }

  /**
   * Compares two vPDQ hashes by brute force. Either side having no frame of sufficient quality
   * gives 0 % both ways.
   *
   * @throws IllegalArgumentException when distance is negative or minQuality outside 0..100
   */
  public static VpdqScore compare(
      List<VpdqFrame> query, List<VpdqFrame> compared, int distance, int minQuality) {
    if (distance < 0) {
      throw new IllegalArgumentException("distance must be >= 0, was " + distance);
    }
    List<Pdq> q = uniqueFrames(query, minQuality);
    List<Pdq> c = uniqueFrames(compared, minQuality);
    boolean[] cMatched = new boolean[c.size()];
    int qMatched = 0;
    int min = -1;
    for (Pdq a : q) {
      boolean any = false;
      for (int j = 0; j < c.size(); j++) {
        int d = a.distance(c.get(j));
        if (d <= distance) {
          any = true;
          cMatched[j] = true;
          min = min < 0 ? d : Math.min(min, d);
        }
      }
      if (any) {
        qMatched++;
      }
    }
    int cCount = 0;
    for (boolean b : cMatched) {
      if (b) {
        cCount++;
      }
    }
    return new VpdqScore(
        percent(qMatched, q.size()), percent(cCount, c.size()), min, q.size(), c.size());
  }

  /** {@code part * 100 / whole} as python-threatexchange computes it; 0 when whole is 0. */
  static double percent(int part, int whole) {
    return whole == 0 ? 0.0 : part * 100.0 / whole;
  }

  static void checkQuality(int q) {
    if (q < 0 || q > 100) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + q);
    }
  }
}
