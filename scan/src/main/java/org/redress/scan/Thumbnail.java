package org.redress.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.redress.sources.MediaRef;

/**
 * A heavily pixelated thumbnail: the image averaged down to {@value #CELLS} × {@value #CELLS}
 * cells, as PNG bytes. At that size nothing in the picture can be recognised; it only helps a
 * person who holds the original to see which of her pictures a row is about. Made only when the
 * user asks ({@code --thumbnails}).
 */
final class Thumbnail {
  static final int CELLS = 8;

  private Thumbnail() {}

  /** The thumbnail of an image reference, or null when it cannot be decoded. */
  static byte[] of(MediaRef ref) {
    BufferedImage img;
    try (InputStream in = ref.open()) {
      img = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (img == null) {
      return null;
    }
    return pixelate(img);
  }

  static byte[] pixelate(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage out = new BufferedImage(CELLS, CELLS, BufferedImage.TYPE_INT_RGB);
    int step = Math.max(1, Math.min(w, h) / 64);
    for (int cy = 0; cy < CELLS; cy++) {
      for (int cx = 0; cx < CELLS; cx++) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int y = cy * h / CELLS; y < (cy + 1) * h / CELLS; y += step) {
          for (int x = cx * w / CELLS; x < (cx + 1) * w / CELLS; x += step) {
            int rgb = img.getRGB(x, y);
            r += (rgb >> 16) & 0xff;
            g += (rgb >> 8) & 0xff;
            b += rgb & 0xff;
            n++;
          }
        }
        if (n > 0) {
          out.setRGB(cx, cy, (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n));
        }
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", bytes);
    } catch (IOException e) {
      return null;
    }
    return bytes.toByteArray();
  }
}
