package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.testing.Vectors;

/** The hashing core against the reference's own decoded pixels: must be bit-exact. */
class PdqReferenceTest {

  static Stream<String[]> decodedReference() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Vectors.pdq().resolve("expected/decoded-reference.tsv"), StandardCharsets.UTF_8);
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodedReference")
  void hash_decodedReferencePixels_isBitExact(String file, String hex, String quality)
      throws IOException {
    Path png = Vectors.pdq().resolve(file);
    BufferedImage img = ImageIO.read(png.toFile());
    PdqResult r = hashRaster(img);
    assertThat(r.pdq().toString()).isEqualTo(hex);
    assertThat(r.quality()).isEqualTo(Integer.parseInt(quality));
  }

  /** Reads raster samples (never getRGB, which shifts grey levels) as the reference sees them. */
  static PdqResult hashRaster(BufferedImage img) {
    Raster raster = img.getRaster();
    int w = img.getWidth();
    int h = img.getHeight();
    int bands = raster.getNumBands();
    PdqHasher hasher = new PdqHasher();
    if (bands < 3) {
      byte[] grey = new byte[w * h];
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          grey[y * w + x] = (byte) row[x];
        }
      }
      return ReferenceResize.applies(w, h)
          ? hasher.hashGrey(ReferenceResize.resizeGrey(grey, w, h), 512, 512)
          : hasher.hashGrey(grey, w, h);
    }
    int[] rgb = new int[w * h];
    int[] r = new int[w];
    int[] g = new int[w];
    int[] b = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, r);
      raster.getSamples(0, y, w, 1, 1, g);
      raster.getSamples(0, y, w, 1, 2, b);
      for (int x = 0; x < w; x++) {
        rgb[y * w + x] = (r[x] << 16) | (g[x] << 8) | b[x];
      }
    }
    return ReferenceResize.applies(w, h)
        ? hasher.hashRgb(ReferenceResize.resizeRgb(rgb, w, h), 512, 512)
        : hasher.hashRgb(rgb, w, h);
  }

  static String describe(List<String> l) {
    return l.stream().collect(Collectors.joining(","));
  }
}
