package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PdqPropertiesTest {

  @Provide
  Arbitrary<Pdq> hashes() {
    return Arbitraries.longs().array(long[].class).ofSize(4).map(Pdq::fromLongs);
  }

  @Property
  void parse_toStringOfAnyHash_roundTrips(@ForAll("hashes") Pdq p) {
    assertThat(Pdq.parse(p.toString())).isEqualTo(p);
    assertThat(Pdq.parse(p.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(p);
    assertThat(p.toString()).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Property
  void distance_anyThreeHashes_isAMetric(
      @ForAll("hashes") Pdq a, @ForAll("hashes") Pdq b, @ForAll("hashes") Pdq c) {
    assertThat(a.distance(a)).isZero();
    assertThat(a.distance(b)).isEqualTo(b.distance(a));
    assertThat(a.distance(c)).isLessThanOrEqualTo(a.distance(b) + b.distance(c));
    assertThat(a.distance(b) == 0).isEqualTo(a.equals(b));
    assertThat(a.distance(a.complement())).isEqualTo(256);
  }

  @Property
  void bit_anyIndex_agreesWithHexDigit(
      @ForAll("hashes") Pdq p, @ForAll @IntRange(max = 255) int k) {
    // Bit k lives in hex digit 63 - k/4, at position k % 4.
    int digit = Character.digit(p.toString().charAt(63 - k / 4), 16);
    assertThat(p.bit(k)).isEqualTo(((digit >> (k % 4)) & 1) == 1);
  }

  @Property
  void bits_anyField_agreesWithBit(
      @ForAll("hashes") Pdq p,
      @ForAll @IntRange(max = 255) int start,
      @ForAll @IntRange(min = 1, max = 32) int width) {
    Assume.that(start + width <= 256);
    int expected = 0;
    for (int k = 0; k < width; k++) {
      if (p.bit(start + k)) {
        expected |= 1 << k;
      }
    }
    assertThat(Pdq.bits(p.word64(0), p.word64(1), p.word64(2), p.word64(3), start, width))
        .isEqualTo(expected);
  }

  @Property
  void tryParse_malformed_isEmpty(@ForAll String s) {
    Assume.that(!s.matches("[0-9a-fA-F]{64}"));
    assertThat(Pdq.tryParse(s)).isEmpty();
    assertThatThrownBy(() -> Pdq.parse(s)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Hashing a transformed image gives the matching dihedral variant of the original. A 64x64
   * integer image passes through the filter and decimation unchanged, so the only difference is the
   * order of the DCT's float sums: cases with a coefficient within 0.05 of the median, in the
   * original's or the transformed image's coefficients (where that rounding could flip a bit), are
   * set aside.
   */
  @Property(tries = 200)
  void dihedral_transformedImage_equalsVariantOfOriginal(
      @ForAll("images64") int[] img, @ForAll Dihedral d) {
    PdqHasher hasher = new PdqHasher();
    float[] luma = toFloat(img);
    DihedralHashes original = hasher.hashLumaDihedral(luma, 64, 64);
    Assume.that(medianGap(hasher.lastDct()) > 0.05f);
    float[] moved = transform(luma, 64, d);
    PdqResult direct = hasher.hashLuma(moved, 64, 64);
    // The transformed image's coefficients are the original's up to sign, so its median (and the
    // gap to it) can differ: set aside cases where either side could round across its median.
    Assume.that(medianGap(hasher.lastDct()) > 0.05f);
    assertThat(direct.pdq()).isEqualTo(original.get(d));
    assertThat(direct.quality()).isEqualTo(original.quality());
  }

  @Provide
  Arbitrary<int[]> images64() {
    // Smooth blobs plus noise: realistic spread of DCT energy, integer samples 0..255.
    return Arbitraries.longs()
        .map(
            seed -> {
              java.util.Random r = new java.util.Random(seed);
              int[] px = new int[64 * 64];
              double fx = 1 + r.nextInt(6);
              double fy = 1 + r.nextInt(6);
              double ph = r.nextDouble() * 6;
              for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                  double v = 128 + 60 * Math.sin(fx * x / 10.0 + ph) * Math.cos(fy * y / 9.0);
                  v += r.nextInt(60) - 30;
                  px[y * 64 + x] = (int) Math.max(0, Math.min(255, v));
                }
              }
              return px;
            });
  }

  private static float[] toFloat(int[] img) {
    float[] f = new float[img.length];
    for (int i = 0; i < img.length; i++) {
      f[i] = img[i];
    }
    return f;
  }

  private static float medianGap(float[] dct) {
    float[] s = dct.clone();
    Arrays.sort(s);
    float median = s[127];
    float gap = Float.MAX_VALUE;
    for (float v : dct) {
      if (v != median) {
        gap = Math.min(gap, Math.abs(v - median));
      }
    }
    return gap;
  }

  /** The image as {@code d} transforms it; (x, y) is column, row of an n x n image. */
  static float[] transform(float[] src, int n, Dihedral d) {
    float[] out = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int sx;
        int sy;
        switch (d) {
          case ORIGINAL:
            sx = x;
            sy = y;
            break;
          case ROTATE_90: // counter-clockwise: output (x, y) shows source (n-1-y, x)
            sx = n - 1 - y;
            sy = x;
            break;
          case ROTATE_180:
            sx = n - 1 - x;
            sy = n - 1 - y;
            break;
          case ROTATE_270:
            sx = y;
            sy = n - 1 - x;
            break;
          case FLIP_X: // upside down
            sx = x;
            sy = n - 1 - y;
            break;
          case FLIP_Y: // mirror left-right
            sx = n - 1 - x;
            sy = y;
            break;
          case FLIP_PLUS_1: // transpose
            sx = y;
            sy = x;
            break;
          case FLIP_MINUS_1: // anti-transpose
            sx = n - 1 - y;
            sy = n - 1 - x;
            break;
          default:
            throw new IllegalStateException();
        }
        out[y * n + x] = src[sy * n + sx];
      }
    }
    return out;
  }

  @Property(tries = 50)
  void hash_tooSmallImage_isZeroWithQualityZero(
      @ForAll @IntRange(min = 1, max = 4) int w, @ForAll @IntRange(min = 1, max = 40) int h) {
    PdqResult r = new PdqHasher().hashLuma(new float[w * h], w, h);
    assertThat(r.quality()).isZero();
    assertThat(r.pdq().bitCount()).isZero();
    PdqResult t = new PdqHasher().hashLuma(new float[w * h], h, w);
    assertThat(t.pdq().bitCount()).isZero();
  }
}
