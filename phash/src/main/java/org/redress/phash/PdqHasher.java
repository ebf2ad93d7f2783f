package org.redress.phash;

import java.util.Arrays;

/**
 * PDQ: a 256-bit perceptual hash of an image, computed exactly as the reference does.
 *
 * <p>Implementation notes. Every step reproduces the C++ reference ({@code pdq/cpp/hashing} in
 * facebook/ThreatExchange [1]) in single-precision arithmetic and in the same order of operations,
 * so that hashes are bit-identical:
 *
 * <ol>
 *   <li>Luma {@code Y = 0.299f*R + 0.587f*G + 0.114f*B} (float, left to right), or the grey sample
 *       itself for one-channel images.
 *   <li>Images with fewer than {@value #MIN_HASHABLE_DIM} rows or columns hash to all zeros with
 *       quality 0.
 *   <li>Two passes of a Jarosz tent filter [2]: box filters along rows then columns, each window
 *       {@code (n + 2*64 - 1) / (2*64)} wide, with the reference's running-sum edge handling.
 *   <li>Decimation to 64×64 by sampling {@code floor((i + 0.5) * n / 64)} (double arithmetic).
 *   <li>Quality: the sum of {@code |(int)((u - v) * 100 / 255)|} over vertical and horizontal
 *       neighbour pairs, divided by 90, capped at 100.
 *   <li>A 16×16 DCT-II (frequencies 1..16, DC dropped) as {@code D A D^T}, {@code D[i][j] =
 *       sqrt(2/64) cos(pi/128 (i+1)(2j+1))} rounded to float.
 *   <li>Bit {@code 16i + j} is set when {@code B[i][j]} exceeds the median of the 256 values (the
 *       128th smallest, as Torben's method returns).
 * </ol>
 *
 * <p>The eight dihedral variants come from the same DCT by transposition and sign changes: a cosine
 * of odd frequency is antisymmetric, of even frequency symmetric, about the centre.
 *
 * <p>References: [1] ThreatExchange {@code pdq/} and its hashing paper ("The TMK+PDQF and PDQ
 * hashing algorithms"). [2] Jarosz, "Fast image convolutions", SIGGRAPH 2001 workshop.
 *
 * <p>An instance keeps scratch buffers between calls and is not thread-safe: use one per thread.
 */
public final class PdqHasher {
  /** Images with fewer rows or columns than this hash to zero with quality 0. */
  public static final int MIN_HASHABLE_DIM = 5;

  static final float LUMA_R = 0.299f;
  static final float LUMA_G = 0.587f;
  static final float LUMA_B = 0.114f;
  private static final int JAROSZ_PASSES = 2;
  private static final float[] DCT = dctMatrix();

  private float[] buf1 = new float[0];
  private float[] buf2 = new float[0];
  private final float[] b64 = new float[64 * 64];
  private final float[] t16x64 = new float[16 * 64];
  private final float[] b16 = new float[16 * 16];
  private final float[] aux16 = new float[16 * 16];
  private final float[] sorted = new float[16 * 16];
  private int lastQuality;

  /** Creates a hasher with empty scratch buffers; they grow to the largest image seen. */
  public PdqHasher() {}

  /**
   * Hashes packed RGB pixels ({@code 0x??RRGGBB}, the top byte ignored), row-major.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public PdqResult hashRgb(int[] rgb, int width, int height) {
    float[] luma = prepare(rgb.length, width, height);
    lumaFromRgb(rgb, luma, width * height);
    return hashPrepared(width, height);
  }

  /**
   * Hashes interleaved 8-bit pixels with {@code channels} samples per pixel in R, G, B order (extra
   * channels such as alpha are ignored), row-major with {@code rowStride} bytes per row.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public PdqResult hashInterleaved(
      byte[] pixels, int width, int height, int channels, int rowStride) {
    if (channels < 3) {
      throw new IllegalArgumentException(
          "interleaved RGB needs 3 or more channels, was " + channels);
    }
    checkDims(width, height);
    if (rowStride < width * channels
        || (long) rowStride * (height - 1) + (long) width * channels > pixels.length) {
      throw new IllegalArgumentException(
          "buffer of "
              + pixels.length
              + " bytes is too small for "
              + width
              + "x"
              + height
              + " with stride "
              + rowStride);
    }
    float[] luma = grow(width, height);
    for (int y = 0; y < height; y++) {
      int p = y * rowStride;
      int o = y * width;
      for (int x = 0; x < width; x++, p += channels) {
        int r = pixels[p] & 0xFF;
        int g = pixels[p + 1] & 0xFF;
        int b = pixels[p + 2] & 0xFF;
        luma[o + x] = LUMA_R * r + LUMA_G * g + LUMA_B * b;
      }
    }
    return hashPrepared(width, height);
  }

  /**
   * Hashes 8-bit grey samples (the reference's one-channel path: luma is the sample).
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public PdqResult hashGrey(byte[] grey, int width, int height) {
    float[] luma = prepare(grey.length, width, height);
    int n = width * height;
    for (int i = 0; i < n; i++) {
      luma[i] = grey[i] & 0xFF;
    }
    return hashPrepared(width, height);
  }

  /**
   * Hashes a luma plane given as floats, row-major. The array is not modified.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public PdqResult hashLuma(float[] luma, int width, int height) {
    float[] buf = prepare(luma.length, width, height);
    System.arraycopy(luma, 0, buf, 0, width * height);
    return hashPrepared(width, height);
  }

  /**
   * Hashes packed RGB pixels and returns all eight dihedral variants from one DCT.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public DihedralHashes hashRgbDihedral(int[] rgb, int width, int height) {
    float[] luma = prepare(rgb.length, width, height);
    lumaFromRgb(rgb, luma, width * height);
    return dihedralPrepared(width, height);
  }

  /**
   * Hashes a luma plane and returns all eight dihedral variants from one DCT.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the array
   */
  public DihedralHashes hashLumaDihedral(float[] luma, int width, int height) {
    float[] buf = prepare(luma.length, width, height);
    System.arraycopy(luma, 0, buf, 0, width * height);
    return dihedralPrepared(width, height);
  }

  /** Computes the reference luma of one pixel. */
  public static float luma(int r, int g, int b) {
    return LUMA_R * r + LUMA_G * g + LUMA_B * b;
  }

  // ---------------------------------------------------------------------------------------------

  private static void lumaFromRgb(int[] rgb, float[] luma, int n) {
    for (int i = 0; i < n; i++) {
      int p = rgb[i];
      luma[i] = LUMA_R * ((p >> 16) & 0xFF) + LUMA_G * ((p >> 8) & 0xFF) + LUMA_B * (p & 0xFF);
    }
  }

  private float[] prepare(int length, int width, int height) {
    checkDims(width, height);
    if ((long) width * height > length) {
      throw new IllegalArgumentException(
          "buffer of " + length + " pixels is too small for " + width + "x" + height);
    }
    return grow(width, height);
  }

  private static void checkDims(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image dimensions must be positive, were " + width + "x" + height);
    }
  }

  private float[] grow(int width, int height) {
    int n = Math.multiplyExact(width, height);
    if (buf1.length < n) {
      buf1 = new float[n];
      buf2 = new float[n];
    }
    return buf1;
  }

  private PdqResult hashPrepared(int width, int height) {
    if (!transform(width, height)) {
      return new PdqResult(Pdq.fromLongs(new long[4]), 0);
    }
    return new PdqResult(bitsAboveMedian(b16), lastQuality);
  }

  @SuppressWarnings("EnumOrdinal") // out[] is in Dihedral's declaration order by contract
  private DihedralHashes dihedralPrepared(int width, int height) {
    Pdq[] out = new Pdq[8];
    if (!transform(width, height)) {
      Arrays.fill(out, Pdq.fromLongs(new long[4]));
      return new DihedralHashes(out, 0);
    }
    for (Dihedral d : Dihedral.values()) {
      dihedralDct(d, b16, aux16);
      out[d.ordinal()] = bitsAboveMedian(aux16);
    }
    return new DihedralHashes(out, lastQuality);
  }

  /** Filters, decimates and transforms {@code buf1}; false when the image is too small. */
  private boolean transform(int width, int height) {
    if (height < MIN_HASHABLE_DIM || width < MIN_HASHABLE_DIM) {
      lastQuality = 0;
      return false;
    }
    int windowAlongRows = jaroszWindow(width, 64);
    int windowAlongCols = jaroszWindow(height, 64);
    for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
      boxAlongRows(buf1, buf2, height, width, windowAlongRows);
      boxAlongCols(buf2, buf1, height, width, windowAlongCols);
    }
    decimate(buf1, height, width, b64);
    lastQuality = quality(b64);
    dct64To16(b64, t16x64, b16);
    return true;
  }

  static int jaroszWindow(int oldDimension, int newDimension) {
    return (oldDimension + 2 * newDimension - 1) / (2 * newDimension);
  }

  /**
   * One running-sum box filter along every row, as the reference's {@code box1DFloat}. Rows are
   * independent chains of dependent float additions, so four rows advance together to keep the
   * processor busy; each row still sees exactly the reference's sequence of operations.
   */
  static void boxAlongRows(float[] in, float[] out, int rows, int cols, int window) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      boxFourRows(in, out, r * cols, cols, window);
    }
    for (; r < rows; r++) {
      boxOneRow(in, out, r * cols, cols, window);
    }
  }

  private static void boxOneRow(float[] in, float[] out, int base, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = cols - window;
    int phase4 = half - 1;
    int li = base;
    int ri = base;
    int oi = base;
    float sum = 0.0f;
    int current = 0;
    for (int i = 0; i < phase1; i++) {
      sum += in[ri++];
      current++;
    }
    for (int i = 0; i < phase2; i++) {
      sum += in[ri++];
      current++;
      out[oi++] = sum / current;
    }
    for (int i = 0; i < phase3; i++) {
      sum += in[ri++];
      sum -= in[li++];
      out[oi++] = sum / current;
    }
    for (int i = 0; i < phase4; i++) {
      sum -= in[li++];
      current--;
      out[oi++] = sum / current;
    }
  }

  private static void boxFourRows(float[] in, float[] out, int base, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = cols - window;
    int phase4 = half - 1;
    int b0 = base;
    int b1 = base + cols;
    int b2 = base + 2 * cols;
    int b3 = base + 3 * cols;
    int ri = 0;
    int li = 0;
    int oi = 0;
    float s0 = 0.0f;
    float s1 = 0.0f;
    float s2 = 0.0f;
    float s3 = 0.0f;
    int current = 0;
    for (int i = 0; i < phase1; i++, ri++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      current++;
    }
    for (int i = 0; i < phase2; i++, ri++, oi++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      current++;
      float c = current;
      out[b0 + oi] = s0 / c;
      out[b1 + oi] = s1 / c;
      out[b2 + oi] = s2 / c;
      out[b3 + oi] = s3 / c;
    }
    float c = current;
    for (int i = 0; i < phase3; i++, ri++, li++, oi++) {
      s0 += in[b0 + ri];
      s1 += in[b1 + ri];
      s2 += in[b2 + ri];
      s3 += in[b3 + ri];
      s0 -= in[b0 + li];
      s1 -= in[b1 + li];
      s2 -= in[b2 + li];
      s3 -= in[b3 + li];
      out[b0 + oi] = s0 / c;
      out[b1 + oi] = s1 / c;
      out[b2 + oi] = s2 / c;
      out[b3 + oi] = s3 / c;
    }
    for (int i = 0; i < phase4; i++, li++, oi++) {
      s0 -= in[b0 + li];
      s1 -= in[b1 + li];
      s2 -= in[b2 + li];
      s3 -= in[b3 + li];
      current--;
      float cc = current;
      out[b0 + oi] = s0 / cc;
      out[b1 + oi] = s1 / cc;
      out[b2 + oi] = s2 / cc;
      out[b3 + oi] = s3 / cc;
    }
  }

  /**
   * The same box filter down every column. All columns advance together, one row at a time, so
   * memory is read in order; each column still sees exactly the reference's sequence of float
   * operations.
   */
  void boxAlongCols(float[] in, float[] out, int rows, int cols, int window) {
    int half = (window + 2) / 2;
    int phase1 = half - 1;
    int phase2 = window - half + 1;
    int phase3 = rows - window;
    int phase4 = half - 1;
    float[] sums = colSums(cols);
    Arrays.fill(sums, 0, cols, 0.0f);
    int li = 0;
    int ri = 0;
    int oi = 0;
    int current = 0;
    for (int i = 0; i < phase1; i++, ri += cols) {
      for (int c = 0; c < cols; c++) {
        sums[c] += in[ri + c];
      }
      current++;
    }
    for (int i = 0; i < phase2; i++, ri += cols, oi += cols) {
      current++;
      for (int c = 0; c < cols; c++) {
        float s = sums[c] + in[ri + c];
        sums[c] = s;
        out[oi + c] = s / current;
      }
    }
    for (int i = 0; i < phase3; i++, ri += cols, li += cols, oi += cols) {
      for (int c = 0; c < cols; c++) {
        float s = sums[c] + in[ri + c];
        s -= in[li + c];
        sums[c] = s;
        out[oi + c] = s / current;
      }
    }
    for (int i = 0; i < phase4; i++, li += cols, oi += cols) {
      current--;
      for (int c = 0; c < cols; c++) {
        float s = sums[c] - in[li + c];
        sums[c] = s;
        out[oi + c] = s / current;
      }
    }
  }

  private float[] colSumBuffer = new float[0];

  private float[] colSums(int cols) {
    if (colSumBuffer.length < cols) {
      colSumBuffer = new float[cols];
    }
    return colSumBuffer;
  }

  static void decimate(float[] in, int inRows, int inCols, float[] out64) {
    for (int oi = 0; oi < 64; oi++) {
      int ini = (int) (((oi + 0.5) * inRows) / 64);
      for (int oj = 0; oj < 64; oj++) {
        int inj = (int) (((oj + 0.5) * inCols) / 64);
        out64[oi * 64 + oj] = in[ini * inCols + inj];
      }
    }
  }

  static int quality(float[] b64) {
    int gradientSum = 0;
    for (int i = 0; i < 63; i++) {
      for (int j = 0; j < 64; j++) {
        float u = b64[i * 64 + j];
        float v = b64[(i + 1) * 64 + j];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 63; j++) {
        float u = b64[i * 64 + j];
        float v = b64[i * 64 + j + 1];
        int d = (int) (((u - v) * 100) / 255);
        gradientSum += Math.abs(d);
      }
    }
    int q = gradientSum / 90;
    return Math.min(q, 100);
  }

  private static float[] dctMatrix() {
    float[] d = new float[16 * 64];
    double scale = Math.sqrt(2.0 / 64.0);
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        d[i * 64 + j] =
            (float) (scale * StrictMath.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
      }
    }
    return d;
  }

  /** {@code B = D A D^T}, with every inner product summed in k order as the reference does. */
  static void dct64To16(float[] a, float[] t, float[] b) {
    float[] d = DCT;
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 64; j++) {
        float sum = 0.0f;
        for (int k = 0; k < 64; k++) {
          sum += d[i * 64 + k] * a[k * 64 + j];
        }
        t[i * 64 + j] = sum;
      }
    }
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float sum = 0.0f;
        for (int k = 0; k < 64; k++) {
          sum += t[i * 64 + k] * d[j * 64 + k];
        }
        b[i * 16 + j] = sum;
      }
    }
  }

  /**
   * The DCT of the transformed image, from the DCT of the original. Frequency index {@code i}
   * stands for cosine {@code i + 1}: odd {@code i} are even functions about the centre.
   */
  static void dihedralDct(Dihedral d, float[] a, float[] out) {
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        float v = a[i * 16 + j];
        switch (d) {
          case ORIGINAL:
            out[i * 16 + j] = v;
            break;
          case ROTATE_90:
            out[j * 16 + i] = (j & 1) != 0 ? v : -v;
            break;
          case ROTATE_180:
            out[i * 16 + j] = ((i + j) & 1) != 0 ? -v : v;
            break;
          case ROTATE_270:
            out[j * 16 + i] = (i & 1) != 0 ? v : -v;
            break;
          case FLIP_X:
            out[i * 16 + j] = (i & 1) != 0 ? v : -v;
            break;
          case FLIP_Y:
            out[i * 16 + j] = (j & 1) != 0 ? v : -v;
            break;
          case FLIP_PLUS_1:
            out[j * 16 + i] = v;
            break;
          case FLIP_MINUS_1:
            out[j * 16 + i] = ((i + j) & 1) != 0 ? -v : v;
            break;
          default:
            throw new IllegalStateException("unknown dihedral variant " + d);
        }
      }
    }
  }

  private Pdq bitsAboveMedian(float[] dct16) {
    System.arraycopy(dct16, 0, sorted, 0, 256);
    Arrays.sort(sorted);
    float median = sorted[127];
    long[] l = new long[4];
    for (int k = 0; k < 256; k++) {
      if (dct16[k] > median) {
        l[k >> 6] |= 1L << (k & 63);
      }
    }
    return Pdq.fromLongs(l);
  }

  /** Package-private view of the last DCT output, for tests. */
  float[] lastDct() {
    return b16.clone();
  }
}
