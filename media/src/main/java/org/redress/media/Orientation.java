package org.redress.media;

/** Whether EXIF orientation is applied before hashing. */
public enum Orientation {
  /** Hash what a person sees (default): rotate/flip as the EXIF Orientation tag says. */
  APPLY,
  /** Hash the stored pixels, as the reference implementation does. */
  IGNORE
}
