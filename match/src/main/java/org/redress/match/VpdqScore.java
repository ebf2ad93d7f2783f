package org.redress.match;

/**
 * How much two vPDQ hashes overlap, after quality filtering and de-duplication of exact frame
 * hashes.
 *
 * @param queryPercent share of the query's unique frames that match some compared frame, 0..100
 * @param comparedPercent share of the compared video's unique frames that match some query frame
 * @param minDistance the smallest distance between a matching frame pair, or -1 when none matched
 * @param queryFrames number of unique query frames of sufficient quality
 * @param comparedFrames number of unique compared frames of sufficient quality
 */
public record VpdqScore(
    double queryPercent,
    double comparedPercent,
    int minDistance,
    int queryFrames,
    int comparedFrames) {

  /** Whether both percentages reach their thresholds and at least one frame matched. */
  public boolean passes(double queryThreshold, double comparedThreshold) {
    return minDistance >= 0
        && queryPercent >= queryThreshold
        && comparedPercent >= comparedThreshold;
  }
}
