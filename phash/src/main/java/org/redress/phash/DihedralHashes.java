package org.redress.phash;

/** The eight dihedral PDQ hashes of one image, with the quality they share. */
public final class DihedralHashes {
  private final Pdq[] hashes;
  private final int quality;

  DihedralHashes(Pdq[] hashes, int quality) {
    this.hashes = hashes.clone();
    this.quality = quality;
  }

  /** The hash of the image transformed by {@code d}. */
  public Pdq get(Dihedral d) {
    return hashes[d.ordinal()];
  }

  /** Quality of the original (every variant has the same). */
  public int quality() {
    return quality;
  }

  /** The smallest distance from {@code other} to any of the eight variants. */
  public int minDistance(Pdq other) {
    int best = Pdq.BITS;
    for (Pdq p : hashes) {
      best = Math.min(best, p.distance(other));
    }
    return best;
  }
}
