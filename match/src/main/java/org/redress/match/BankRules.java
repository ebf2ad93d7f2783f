package org.redress.match;

/**
 * A bank's name and matching rules.
 *
 * @param name the bank's name
 * @param threshold the largest PDQ (and vPDQ frame) distance that counts as a match, inclusive
 * @param minQuality the lowest PDQ / vPDQ frame quality that is stored and matched
 */
public record BankRules(String name, int threshold, int minQuality) {
  /** Default PDQ distance threshold, as in HMA and python-threatexchange. */
  public static final int DEFAULT_THRESHOLD = 31;

  /** Default minimum quality, as in the PDQ reference. */
  public static final int DEFAULT_MIN_QUALITY = 50;

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public BankRules {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("bank name must not be blank");
    }
    if (threshold < 0 || threshold > 256) {
      throw new IllegalArgumentException("threshold must be in 0..256, was " + threshold);
    }
    if (minQuality < 0 || minQuality > 100) {
      throw new IllegalArgumentException("min quality must be in 0..100, was " + minQuality);
    }
  }
}
