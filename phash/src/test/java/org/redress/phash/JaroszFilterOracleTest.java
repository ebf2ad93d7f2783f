package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast filters (four rows at a time; all columns at once) against a literal transcription of
 * the reference's strided {@code box1DFloat}: results must be identical to the bit.
 */
class JaroszFilterOracleTest {

  /** The reference's one-dimensional running-sum box filter, written as plainly as possible. */
  static void box1D(float[] in, float[] out, int start, int length, int stride, int window) {
    int half = (window + 2) / 2;
    int li = start;
    int ri = start;
    int oi = start;
    float sum = 0.0f;
    int current = 0;
    for (int i = 0; i < half - 1; i++) {
      sum += in[ri];
      current++;
      ri += stride;
    }
    for (int i = 0; i < window - half + 1; i++) {
      sum += in[ri];
      current++;
      out[oi] = sum / current;
      ri += stride;
      oi += stride;
    }
    for (int i = 0; i < length - window; i++) {
      sum += in[ri];
      sum -= in[li];
      out[oi] = sum / current;
      li += stride;
      ri += stride;
      oi += stride;
    }
    for (int i = 0; i < half - 1; i++) {
      sum -= in[li];
      current--;
      out[oi] = sum / current;
      li += stride;
      oi += stride;
    }
  }

  @Property(tries = 300)
  void boxFilters_anySizeAndWindow_equalTheStridedReference(
      @ForAll @IntRange(min = 5, max = 97) int rows,
      @ForAll @IntRange(min = 5, max = 97) int cols,
      @ForAll @IntRange(min = 1, max = 5) int windowRows,
      @ForAll @IntRange(min = 1, max = 5) int windowCols,
      @ForAll long seed) {
    Random r = new Random(seed);
    float[] in = new float[rows * cols];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextFloat() * 255f;
    }
    float[] expectRows = new float[in.length];
    for (int i = 0; i < rows; i++) {
      box1D(in, expectRows, i * cols, cols, 1, Math.min(windowRows, cols));
    }
    float[] gotRows = new float[in.length];
    PdqHasher.boxAlongRows(in, gotRows, rows, cols, Math.min(windowRows, cols));
    assertThat(gotRows).isEqualTo(expectRows);

    float[] expectCols = new float[in.length];
    for (int j = 0; j < cols; j++) {
      box1D(in, expectCols, j, rows, cols, Math.min(windowCols, rows));
    }
    float[] gotCols = new float[in.length];
    new PdqHasher().boxAlongCols(in, gotCols, rows, cols, Math.min(windowCols, rows));
    assertThat(gotCols).isEqualTo(expectCols);
  }
}
