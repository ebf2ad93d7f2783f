package org.redress.capture;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Innocuous generated pictures: a gradient and coloured discs. */
final class TestPictures {
  private TestPictures() {}

  static BufferedImage picture(long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(
        new GradientPaint(
            0,
            0,
            new Color(r.nextInt(256), 120, 200),
            0,
            480,
            new Color(230, 180, r.nextInt(256))));
    g.fillRect(0, 0, 640, 480);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillOval(r.nextInt(600), r.nextInt(440), 40 + r.nextInt(120), 40 + r.nextInt(120));
    }
    g.dispose();
    return img;
  }

  static byte[] jpeg(BufferedImage img) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
