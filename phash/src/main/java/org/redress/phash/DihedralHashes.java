package org.redress.phash;

import java.util.List;

/** The eight dihedral PDQ hashes of one image, with the quality they share. */
public final class DihedralHashes {
  private final Pdq[] hashes;
  private final int quality;

  DihedralHashes(Pdq[] hashes, int quality) {
    this.hashes = hashes.clone();
    this.quality = quality;
  }

  /**
   * The eight hashes of one image, e.g. as read back from a cache.
   *
   * @param hashes the hashes in {@link Dihedral} order (the original first)
   * @param quality the quality they share
   * @throws IllegalArgumentException when there are not eight hashes, one is null, or quality is
   *     outside 0..100
   */
  @SuppressWarnings("EnumOrdinal") // hashes are in Dihedral's declaration order by contract
  public static DihedralHashes of(List<Pdq> hashes, int quality) {
    int n = Dihedral.values().length;
    if (hashes.size() != n) {
      throw new IllegalArgumentException(
          "dihedral hashes must be " + n + ", were " + hashes.size());
    }
    if (quality < 0 || quality > 100) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
    }
    Pdq[] a = new Pdq[n];
    for (int i = 0; i < n; i++) {
      a[i] = hashes.get(i);
      if (a[i] == null) {
        throw new IllegalArgumentException(
            "dihedral hash " + Dihedral.values()[i].referenceName() + " is null");
      }
    }
    return new DihedralHashes(a, quality);
  }

  /** The hash of the image transformed by {@code d}. */
  @SuppressWarnings("EnumOrdinal") // the array is in Dihedral's declaration order by contract
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
