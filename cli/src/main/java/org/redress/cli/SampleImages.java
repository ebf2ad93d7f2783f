package org.redress.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Innocuous generated pictures for the demo: landscapes, shapes and patterns, and the edits a
 * messaging app or a re-uploader makes to them. Nothing here depicts a person.
 */
final class SampleImages {
  private SampleImages() {}

  /** A landscape-like scene: sky gradient, sun, hills, a few trees, seeded. */
  static BufferedImage scene(int width, int height, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color top = new Color(40 + r.nextInt(80), 90 + r.nextInt(100), 160 + r.nextInt(90));
    Color bottom = new Color(200 + r.nextInt(55), 150 + r.nextInt(80), 90 + r.nextInt(80));
    g.setPaint(new GradientPaint(0, 0, top, 0, height * 0.7f, bottom));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(255, 220 - r.nextInt(60), 80));
    int sun = height / 6 + r.nextInt(height / 8);
    g.fillOval(r.nextInt(width - sun), r.nextInt(height / 3), sun, sun);
    for (int layer = 0; layer < 3; layer++) {
      g.setColor(new Color(30 + 30 * layer, 90 + 40 * layer - r.nextInt(30), 40 + 20 * layer));
      int base = (int) (height * (0.55 + 0.12 * layer));
      int[] xs = new int[22];
      int[] ys = new int[22];
      for (int i = 0; i < 20; i++) {
        xs[i] = i * width / 19;
        ys[i] = base - r.nextInt(height / 6);
      }
      xs[20] = width;
      ys[20] = height;
      xs[21] = 0;
      ys[21] = height;
      g.fillPolygon(xs, ys, 22);
    }
    for (int t = 0; t < 6; t++) {
      int x = r.nextInt(width);
      int y = (int) (height * (0.7 + 0.25 * r.nextDouble()));
      int h = height / 8 + r.nextInt(height / 10);
      g.setColor(new Color(90, 60, 30));
      g.fillRect(x - 4, y - h / 3, 8, h / 3);
      g.setColor(new Color(20, 100 + r.nextInt(60), 40));
      g.fillOval(x - h / 4, y - h, h / 2, h * 2 / 3);
    }
    g.dispose();
    return img;
  }

  /** A geometric poster: circles, bars and a checker strip, seeded. */
  static BufferedImage poster(int width, int height, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(235, 230, 215));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 9; i++) {
      g.setColor(Color.getHSBColor(r.nextFloat(), 0.6f + 0.4f * r.nextFloat(), 0.8f));
      int d = width / 10 + r.nextInt(width / 4);
      g.fillOval(r.nextInt(width - d / 2), r.nextInt(height - d / 2), d, d);
    }
    g.setStroke(new BasicStroke(height / 40f));
    for (int i = 0; i < 5; i++) {
      g.setColor(new Color(r.nextInt(80), r.nextInt(80), r.nextInt(80)));
      g.drawLine(0, r.nextInt(height), width, r.nextInt(height));
    }
    int cell = Math.max(8, width / 24);
    for (int x = 0; x < width; x += cell) {
      g.setColor(((x / cell) & 1) == 0 ? Color.BLACK : Color.WHITE);
      g.fillRect(x, height - cell, cell, cell);
    }
    g.dispose();
    return img;
  }

  /** Scaled to {@code factor} of its size with bilinear filtering, as messaging apps resize. */
  static BufferedImage scaled(BufferedImage src, double factor) {
    int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** The central part, dropping {@code fraction} of each border. */
  static BufferedImage cropped(BufferedImage src, double fraction) {
    int dx = (int) (src.getWidth() * fraction);
    int dy = (int) (src.getHeight() * fraction);
    return copy(src.getSubimage(dx, dy, src.getWidth() - 2 * dx, src.getHeight() - 2 * dy));
  }

  /** Grey levels only. */
  static BufferedImage grey(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }

  /** Mirrored left to right. */
  static BufferedImage mirrored(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, src.getWidth(), 0, -src.getWidth(), src.getHeight(), null);
    g.dispose();
    return out;
  }

  /** Rotated 90 degrees clockwise (what a phone stores when EXIF orientation is 8). */
  static BufferedImage rotatedClockwise(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    AffineTransform t = new AffineTransform();
    t.translate(src.getHeight(), 0);
    t.rotate(Math.PI / 2);
    g.drawImage(src, t, null);
    g.dispose();
    return out;
  }

  /**
   * A re-uploader's watermark: a translucent band with a channel handle across the lower part and a
   * small logo box in the corner.
   */
  static BufferedImage watermarked(BufferedImage src, String handle) {
    BufferedImage out = copy(src);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int w = out.getWidth();
    int h = out.getHeight();
    g.setColor(new Color(0, 0, 0, 90));
    g.fillRect(0, h - h / 9, w, h / 12);
    g.setColor(new Color(255, 255, 255, 200));
    // The handle as blocky 3x5 glyphs from each character's bits, not a system font: fonts vary
    // between machines (and change when one is installed), which would change the picture.
    int cell = Math.max(1, h / 100);
    int x0 = w / 20;
    int y0 = h - h / 9 + (h / 12 - 5 * cell) / 2;
    for (int i = 0; i < handle.length(); i++) {
      int bits = (int) ((handle.charAt(i) * 2654435761L) >>> 7);
      for (int r = 0; r < 5; r++) {
        for (int c = 0; c < 3; c++) {
          if (((bits >>> (r * 3 + c)) & 1) != 0 || r == 4) {
            g.fillRect(x0 + i * 4 * cell + c * cell, y0 + r * cell, cell, cell);
          }
        }
      }
    }
    g.setColor(new Color(255, 80, 80, 170));
    g.fillRoundRect(w - w / 8, h / 30, w / 10, w / 10, w / 40, w / 40);
    g.dispose();
    return out;
  }

  private static BufferedImage copy(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.dispose();
    return out;
  }

  /** JPEG bytes at the given quality (0..1). */
  static byte[] jpeg(BufferedImage img, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), p);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to encode JPEG", e);
    } finally {
      writer.dispose();
    }
  }

  /** PNG bytes. */
  static byte[] png(BufferedImage img) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to encode PNG", e);
    }
  }

  /**
   * The JPEG with an EXIF APP1 segment carrying only an Orientation tag (1..8), inserted right
   * after SOI.
   */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    if (jpeg.length < 2 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      throw new IllegalArgumentException("not a JPEG");
    }
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD at 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
    tiff.putShort((short) orientation).putShort((short) 0); // value, padding
    tiff.putInt(0); // no next IFD
    byte[] exif = new byte[6 + tiff.capacity()];
    System.arraycopy(
        "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, exif, 0, 6);
    System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
    int len = exif.length + 2;
    byte[] out = new byte[jpeg.length + 2 + len];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xE1;
    out[4] = (byte) (len >> 8);
    out[5] = (byte) len;
    System.arraycopy(exif, 0, out, 6, exif.length);
    System.arraycopy(jpeg, 2, out, 6 + exif.length, jpeg.length - 2);
    return out;
  }

  /**
   * An MP4 clip (MPEG-4 Part 2, 12 frames per second, {@code frames} frames) of a window sliding
   * left to right over {@code still}, scaled to {@code width}x{@code height}.
   *
   * @throws IOException when encoding fails
   */
  static byte[] panClip(BufferedImage still, int width, int height, int frames, int bitrate)
      throws IOException {
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("redress-sample-", ".mp4");
    try {
      org.redress.media.SampleVideo.write(
          tmp,
          width,
          height,
          12,
          frames,
          bitrate,
          (i, rgb) ->
              panFrame(still, width, height, i, frames).getRGB(0, 0, width, height, rgb, 0, width));
      return java.nio.file.Files.readAllBytes(tmp);
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
  }

  /** Frame {@code i} of {@link #panClip}. */
  static BufferedImage panFrame(BufferedImage still, int w, int h, int i, int frames) {
    int winW = still.getWidth() * 3 / 4;
    int winH = still.getHeight() * 3 / 4;
    int x = (still.getWidth() - winW) * i / Math.max(1, frames - 1);
    int y = (still.getHeight() - winH) / 2;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(still, 0, 0, w, h, x, y, x + winW, y + winH, null);
    g.dispose();
    return out;
  }
}
