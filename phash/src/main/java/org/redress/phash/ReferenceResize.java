package org.redress.phash;

/**
 * The reference file hasher's pre-resize: an image wider or taller than {@value #LIMIT} pixels is
 * resized to exactly {@value #LIMIT}×{@value #LIMIT} (aspect ratio not kept) by nearest-neighbour
 * sampling, as CImg's {@code resize(512, 512)} with its default interpolation does.
 *
 * <p>Output column {@code x} takes source column {@code floor(x * W / 512)} (CImg accumulates
 * offsets {@code (ulong)((x + 1.0) * W / 512)} in double arithmetic; the same for rows). Only the
 * pixels this picks need to be decoded, which is what makes large images cheap to hash.
 */
public final class ReferenceResize {
  /** Images larger than this in either dimension are resized to this square. */
  public static final int LIMIT = 512;

  private ReferenceResize() {}

  /** Whether the reference resizes an image of this size. */
  public static boolean applies(int width, int height) {
    return width > LIMIT || height > LIMIT;
  }

  /**
   * For each output index {@code 0..outSize-1}, the source index CImg samples from.
   *
   * @throws IllegalArgumentException when a size is not positive
   */
  public static int[] sourceIndices(int inSize, int outSize) {
    if (inSize <= 0 || outSize <= 0) {
      throw new IllegalArgumentException(
          "sizes must be positive, were " + inSize + " and " + outSize);
    }
    int[] idx = new int[outSize];
    if (inSize == outSize) {
      for (int i = 0; i < outSize; i++) {
        idx[i] = i;
      }
      return idx;
    }
    long curr = 0;
    for (int i = 0; i < outSize; i++) {
      idx[i] = (int) curr;
      curr = (long) ((i + 1.0) * inSize / outSize);
    }
    return idx;
  }

  /**
   * Resizes packed RGB pixels to {@value #LIMIT}×{@value #LIMIT} when the reference would, or
   * returns the input array itself when it would not.
   */
  public static int[] resizeRgb(int[] rgb, int width, int height) {
    if (!applies(width, height)) {
      return rgb;
    }
    int[] xs = sourceIndices(width, LIMIT);
    int[] ys = sourceIndices(height, LIMIT);
    int[] out = new int[LIMIT * LIMIT];
    for (int y = 0; y < LIMIT; y++) {
      int row = ys[y] * width;
      for (int x = 0; x < LIMIT; x++) {
        out[y * LIMIT + x] = rgb[row + xs[x]];
      }
    }
    return out;
  }

  /** As {@link #resizeRgb} for one-channel samples. */
  public static byte[] resizeGrey(byte[] grey, int width, int height) {
    if (!applies(width, height)) {
      return grey;
    }
    int[] xs = sourceIndices(width, LIMIT);
    int[] ys = sourceIndices(height, LIMIT);
    byte[] out = new byte[LIMIT * LIMIT];
    for (int y = 0; y < LIMIT; y++) {
      int row = ys[y] * width;
      for (int x = 0; x < LIMIT; x++) {
        out[y * LIMIT + x] = grey[row + xs[x]];
      }
    }
    return out;
  }
}
