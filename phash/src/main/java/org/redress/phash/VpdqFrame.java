package org.redress.phash;

/** One sampled video frame of a vPDQ hash: its frame number, PDQ hash, quality and timestamp. */
public final class VpdqFrame {
  private final int frameNumber;
  private final Pdq pdq;
  private final int quality;
  private final double seconds;

  /**
   * @throws IllegalArgumentException when a value is out of range
   */
  public VpdqFrame(int frameNumber, Pdq pdq, int quality, double seconds) {
    if (frameNumber < 0) {
      throw new IllegalArgumentException("frame number must be >= 0, was " + frameNumber);
    }
    if (pdq == null) {
      throw new IllegalArgumentException("pdq must not be null");
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds must be finite and >= 0, was " + seconds);
    }
    this.frameNumber = frameNumber;
    this.pdq = pdq;
    this.quality = quality;
    this.seconds = seconds;
  }

  public int frameNumber() {
    return frameNumber;
  }

  public Pdq pdq() {
    return pdq;
  }

  public int quality() {
    return quality;
  }

  public double seconds() {
    return seconds;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VpdqFrame)) {
      return false;
    }
    VpdqFrame f = (VpdqFrame) o;
    return f.frameNumber == frameNumber
        && f.pdq.equals(pdq)
        && f.quality == quality
        && Double.compare(f.seconds, seconds) == 0;
  }

  @Override
  public int hashCode() {
    return (pdq.hashCode() * 31 + frameNumber) * 31 + quality;
  }

  @Override
  public String toString() {
    return frameNumber + "," + quality + "," + pdq + "," + seconds;
  }
}
