package org.redress.phash;

/** A PDQ hash with its quality (0..100; below 50 is usually too featureless to match on). */
public final class PdqResult {
  private final Pdq pdq;
  private final int quality;

  /**
   * @throws IllegalArgumentException when quality is outside 0..100
   */
  public PdqResult(Pdq pdq, int quality) {
    if (pdq == null) {
      throw new IllegalArgumentException("pdq must not be null");
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
    }
    this.pdq = pdq;
    this.quality = quality;
  }

  public Pdq pdq() {
    return pdq;
  }

  public int quality() {
    return quality;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PdqResult
        && ((PdqResult) o).pdq.equals(pdq)
        && ((PdqResult) o).quality == quality;
  }

  @Override
  public int hashCode() {
    return pdq.hashCode() * 31 + quality;
  }

  /** {@code <hex> <quality>}. */
  @Override
  public String toString() {
    return pdq + " " + quality;
  }
}
