package org.redress.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region search reads pixels in bulk and gets exactly what {@code getRGB} gives. */
class ScreenshotsPixelsTest {
  @TempDir Path dir;

  private static BufferedImage painted(int type, int w, int h, long seed) {
    BufferedImage img = new BufferedImage(w, h, type);
    Random r = new Random(seed);
    Graphics2D g = img.createGraphics();
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 40 + r.nextInt(216)));
      g.fillRect(r.nextInt(w), r.nextInt(h), 1 + r.nextInt(w / 2), 1 + r.nextInt(h / 2));
    }
    g.dispose();
    return img;
  }

  private static int[] viaGetRgb(BufferedImage img) {
    int w = img.getWidth();
    return img.getRGB(0, 0, w, img.getHeight(), null, 0, w);
  }

  @Test
  void argb_everyDecoderLayout_sameAsGetRgb() {
    int[] types = {
      BufferedImage.TYPE_3BYTE_BGR,
      BufferedImage.TYPE_4BYTE_ABGR,
      BufferedImage.TYPE_INT_RGB,
      BufferedImage.TYPE_INT_ARGB,
      BufferedImage.TYPE_BYTE_GRAY,
      BufferedImage.TYPE_BYTE_INDEXED,
      BufferedImage.TYPE_USHORT_GRAY
    };
    for (int t : types) {
      BufferedImage img = painted(t, 97, 61, t);
      assertThat(Screenshots.argb(img)).as("type %d", t).isEqualTo(viaGetRgb(img));
    }
  }

  @Test
  void argb_subimageSharingItsParentsRaster_sameAsGetRgb() {
    BufferedImage sub = painted(BufferedImage.TYPE_3BYTE_BGR, 120, 80, 3).getSubimage(7, 5, 50, 40);
    assertThat(Screenshots.argb(sub)).isEqualTo(viaGetRgb(sub));
  }

  @Test
  void argb_decodedJpegAndPng_sameAsGetRgbAndSameRegions() throws IOException {
    BufferedImage shot =
        SyntheticScreenshots.withSystemFont()
            .render(
                painted(BufferedImage.TYPE_INT_RGB, 640, 480, 9),
                SyntheticScreenshots.Layout.PHONE_CHANNEL_EN,
                5)
            .image();
    for (String format : new String[] {"jpg", "png"}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(shot, format, bytes);
      Path f = Files.write(dir.resolve("shot." + format), bytes.toByteArray());
      BufferedImage img = Screenshots.decode(f, 100_000_000L);
      assertThat(Screenshots.argb(img)).as(format).isEqualTo(viaGetRgb(img));
      assertThat(Screenshots.regions(img))
          .as(format)
          .isEqualTo(RegionFinder.find(viaGetRgb(img), img.getWidth(), img.getHeight()))
          .isNotEmpty();
    }
  }
}
