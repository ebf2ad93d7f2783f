package org.redress.phash;

/**
 * The eight symmetries of a rectangle, in the reference's output order ({@code pdq-photo-hasher
 * --pdqdih}: orig, rot90, rot180, rot270, flipx, flipy, flipplus1, flipminus1).
 */
public enum Dihedral {
  /** The image as it is. */
  ORIGINAL("orig"),
  /** Rotated 90 degrees counter-clockwise (the top-right corner becomes the top-left). */
  ROTATE_90("rot90"),
  /** Rotated 180 degrees. */
  ROTATE_180("rot180"),
  /** Rotated 270 degrees counter-clockwise (90 degrees clockwise). */
  ROTATE_270("rot270"),
  /** Mirrored about the horizontal axis (top row becomes bottom row). */
  FLIP_X("flipx"),
  /** Mirrored about the vertical axis (left column becomes right column). */
  FLIP_Y("flipy"),
  /** Transposed: mirrored about the main diagonal (top-left to bottom-right). */
  FLIP_PLUS_1("flipplus1"),
  /** Mirrored about the anti-diagonal (top-right to bottom-left). */
  FLIP_MINUS_1("flipminus1");

  private final String referenceName;

  Dihedral(String referenceName) {
    this.referenceName = referenceName;
  }

  /** The name the reference tools print for this variant. */
  public String referenceName() {
    return referenceName;
  }
}
