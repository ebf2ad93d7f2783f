package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;

/** HEIC and AVIF stills through FFmpeg, against the PNG they were encoded from. */
class FfmpegMediaStillTest {
  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(FfmpegMediaStillTest.class.getResource(name).toURI());
  }

  private static int[] sourceRgb() throws IOException {
    try (InputStream in = FfmpegMediaStillTest.class.getResourceAsStream("still-source.png")) {
      BufferedImage img = ImageIO.read(in);
      return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"still.heic", "still.avif"})
  void decodeStill_lossyEncodedGradient_isCloseToItsSource(String name) throws Exception {
    FfmpegMedia.StillImage img = FfmpegMedia.decodeStill(resource(name), 1_000_000);
    assertThat(img.width()).isEqualTo(160);
    assertThat(img.height()).isEqualTo(120);
    int[] src = sourceRgb();
    double sum = 0;
    for (int i = 0; i < src.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        sum += Math.abs(((src[i] >> shift) & 0xFF) - ((img.rgb()[i] >> shift) & 0xFF));
      }
    }
    double meanError = sum / (src.length * 3.0);
    assertThat(meanError).as("mean absolute error per sample").isLessThan(4.0);
    // the disc's centre is yellow, the square's blue: colour matrix and range are right
    assertThat(img.rgb()[60 * 160 + 50]).satisfies(p -> assertClose(p, 0xFAF028));
    assertThat(img.rgb()[35 * 160 + 120]).satisfies(p -> assertClose(p, 0x141EC8));

    PdqHasher hasher = new PdqHasher();
    PdqResult decoded = hasher.hashRgb(img.rgb(), 160, 120);
    PdqResult original = hasher.hashRgb(src, 160, 120);
    assertThat(decoded.pdq().distance(original.pdq())).isLessThanOrEqualTo(16);
  }

  private static void assertClose(int got, int want) {
    for (int shift = 0; shift <= 16; shift += 8) {
      assertThat(Math.abs(((got >> shift) & 0xFF) - ((want >> shift) & 0xFF)))
          .as("channel at bit %d of %06x vs %06x", shift, got & 0xFFFFFF, want)
          .isLessThanOrEqualTo(12);
    }
  }

  @Test
  void decodeStill_gridPrimaryItem_assemblesAndCropsTilesAsLibheif() throws Exception {
    FfmpegMedia.StillImage img = FfmpegMedia.decodeStill(resource("still-grid-primary.heic"), 5000);
    assertThat(img.width()).isEqualTo(40);
    assertThat(img.height()).isEqualTo(30);
    BufferedImage ref;
    try (InputStream in =
        FfmpegMediaStillTest.class.getResourceAsStream("still-grid-primary.libheif.png")) {
      ref = ImageIO.read(in);
    }
    int[] want = ref.getRGB(0, 0, 40, 30, null, 0, 40);
    // libheif and swscale upsample chroma differently, which shows at the sharp colour edges of
    // this tiny image; a misplaced tile or crop would match a shifted reference better.
    double aligned = meanDifference(want, img.rgb(), 40, 30, 0, 0);
    assertThat(aligned).as("mean difference from libheif").isLessThan(10.0);
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if (dx != 0 || dy != 0) {
          assertThat(meanDifference(want, img.rgb(), 40, 30, dx, dy)).isGreaterThan(aligned);
        }
      }
    }
  }

  private static double meanDifference(int[] a, int[] b, int w, int h, int dx, int dy) {
    double sum = 0;
    int n = 0;
    for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
      for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
        int p = a[y * w + x];
        int q = b[(y + dy) * w + x + dx];
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void decodeStill_gridThumbnail_isAKnownFfmpegLimitation() throws Exception {
    Path f = resource("still-grid-thumbnail.heic");
    assertThatThrownBy(() -> FfmpegMedia.decodeStill(f, 1_000_000))
        .isInstanceOf(MediaException.class)
        .hasMessage(
            f + ": not an image FFmpeg can read (Invalid data found when processing input)");
  }

  @Test
  void decodeStill_overThePixelLimit_isRefusedWithTheSize() throws Exception {
    Path heic = resource("still.heic");
    assertThatThrownBy(() -> FfmpegMedia.decodeStill(heic, 160 * 120 - 1))
        .isInstanceOf(MediaException.class)
        .hasMessage(heic + ": image is 160x120 (19200 pixels), over the limit of 19199 pixels");
  }

  @Test
  void decodeStill_truncatedHeic_isRefused() throws Exception {
    byte[] all = Files.readAllBytes(resource("still.heic"));
    Path f = dir.resolve("cut.heic");
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 2000));
    assertThatThrownBy(() -> FfmpegMedia.decodeStill(f, 1_000_000))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": ");
  }

  @Test
  void decodeStill_mp4Video_isNotAStill() throws Exception {
    // An MP4 passes the mov demuxer, but a still decoder must still return one picture of it.
    Path mp4 = org.redress.testing.Vectors.vpdq().resolve("videos/pattern-sd-grey-bar.mp4");
    FfmpegMedia.StillImage first = FfmpegMedia.decodeStill(mp4, 1_000_000);
    assertThat(first.width()).isEqualTo(480);
  }

  @Test
  void decodeStill_textFile_isNotAnImage() throws Exception {
    Path f = dir.resolve("notes.heic");
    Files.writeString(f, "not an image", java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FfmpegMedia.decodeStill(f, 1_000_000))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": not an image FFmpeg can read (");
  }
}
