package org.redress.media;

/**
 * Reads the one EXIF field hashing needs: the Orientation tag (0x0112) of IFD0. The input is a TIFF
 * structure ("II*\0" or "MM\0*"), optionally preceded by the JPEG "Exif\0\0" identifier.
 *
 * <p>Reference: CIPA DC-008 (Exif 2.32), section 4.6.4 A, tag 274 "Orientation": 1 = as stored, 2 =
 * mirrored left-right, 3 = rotated 180, 4 = mirrored top-bottom, 5 = transposed, 6 = to be rotated
 * 90 degrees clockwise for display, 7 = transversed, 8 = to be rotated 90 degrees
 * counter-clockwise.
 */
final class Exif {
  /** Returned when the tag is absent, unreadable or out of range. */
  static final int UPRIGHT = 1;

  private static final int ORIENTATION_TAG = 0x0112;
  private static final int TYPE_SHORT = 3;

  private Exif() {}

  /** The orientation (1..8) in {@code b[off, off+len)}, or {@link #UPRIGHT}. Never throws. */
  static int orientation(byte[] b, int off, int len) {
    int end = (int) Math.min((long) off + len, b.length);
    if (end - off >= 6
        && b[off] == 'E'
        && b[off + 1] == 'x'
        && b[off + 2] == 'i'
        && b[off + 3] == 'f'
        && b[off + 4] == 0
        && b[off + 5] == 0) {
      off += 6;
    }
    if (end - off < 8) {
      return UPRIGHT;
    }
    boolean little;
    if (b[off] == 'I' && b[off + 1] == 'I') {
      little = true;
    } else if (b[off] == 'M' && b[off + 1] == 'M') {
      little = false;
    } else {
      return UPRIGHT;
    }
    if (u16(b, off + 2, little) != 42) {
      return UPRIGHT;
    }
    long ifd = u32(b, off + 4, little);
    if (ifd < 8 || off + ifd + 2 > end) {
      return UPRIGHT;
    }
    int p = (int) (off + ifd);
    int count = u16(b, p, little);
    p += 2;
    for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
      if (u16(b, p, little) == ORIENTATION_TAG) {
        if (u16(b, p + 2, little) != TYPE_SHORT) {
          return UPRIGHT;
        }
        int v = u16(b, p + 8, little);
        return v >= 1 && v <= 8 ? v : UPRIGHT;
      }
    }
    return UPRIGHT;
  }

  /** Whether an orientation swaps width and height for display (5 to 8). */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  private static int u16(byte[] b, int p, boolean little) {
    int a = b[p] & 0xFF;
    int c = b[p + 1] & 0xFF;
    return little ? a | (c << 8) : (a << 8) | c;
  }

  private static long u32(byte[] b, int p, boolean little) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int shift = little ? 8 * i : 8 * (3 - i);
      v |= (long) (b[p + i] & 0xFF) << shift;
    }
    return v;
  }
}
