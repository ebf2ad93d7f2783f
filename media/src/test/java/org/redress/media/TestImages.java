package org.redress.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Innocuous generated test images (gradients, discs, noise) and byte-level file surgery. */
final class TestImages {
  private TestImages() {}

  /** A photo-like RGB image: smooth gradients, a few discs and bars, mild noise. */
  static BufferedImage photoLike(int w, int h, long seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Random rnd = new Random(seed);
    double cx1 = w * (0.2 + 0.6 * rnd.nextDouble());
    double cy1 = h * (0.2 + 0.6 * rnd.nextDouble());
    double r1 = Math.min(w, h) * (0.1 + 0.2 * rnd.nextDouble());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double fx = (double) x / w;
        double fy = (double) y / h;
        int r = (int) (255 * fx * (1 - fy * 0.5));
        int g = (int) (128 + 100 * Math.sin(6 * fx + 3 * fy));
        int b = (int) (255 * fy);
        double d = Math.hypot(x - cx1, y - cy1);
        if (d < r1) {
          r = 255 - r / 2;
          g = g / 3;
          b = 60;
        }
        if (((x / Math.max(1, w / 9)) & 1) == 0 && y > h * 3 / 4) {
          g = 230;
        }
        int n = rnd.nextInt(9) - 4;
        img.getRaster().setPixel(x, y, new int[] {clamp(r + n), clamp(g + n), clamp(b + n)});
      }
    }
    return img;
  }

  static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  static byte[] jpeg(BufferedImage img, float quality) {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      w.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      w.dispose();
    }
    return bos.toByteArray();
  }

  static byte[] png(BufferedImage img) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", bos)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  /** A big-endian TIFF structure with one IFD0 entry: Orientation = {@code o}. */
  static byte[] exifTiff(int o) {
    ByteBuffer b = ByteBuffer.allocate(26);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    b.putShort((short) o).putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /** {@code jpeg} with an APP1 Exif segment carrying orientation {@code o}, right after SOI. */
  static byte[] withJpegExif(byte[] jpeg, int o) {
    byte[] tiff = exifTiff(o);
    byte[] ident = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int len = 2 + ident.length + tiff.length;
    ByteBuffer b = ByteBuffer.allocate(jpeg.length + 2 + len);
    b.put(jpeg, 0, 2);
    b.put((byte) 0xFF).put((byte) 0xE1).putShort((short) len).put(ident).put(tiff);
    b.put(jpeg, 2, jpeg.length - 2);
    return b.array();
  }

  /** {@code png} with an eXIf chunk carrying orientation {@code o}, right after IHDR. */
  static byte[] withPngExif(byte[] png, int o) {
    return insertPngChunk(png, "eXIf", exifTiff(o));
  }

  /** Inserts a chunk after IHDR (offset 33). */
  static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
    byte[] chunk = pngChunk(type, data);
    ByteBuffer b = ByteBuffer.allocate(png.length + chunk.length);
    b.put(png, 0, 33).put(chunk).put(png, 33, png.length - 33);
    return b.array();
  }

  static byte[] pngChunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
    b.putInt(data.length).put(t).put(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** A PNG holding only a header for {@code w}×{@code h} RGB pixels, a token IDAT and IEND. */
  static byte[] pngHeaderOnly(int w, int h) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(pngChunk("IHDR", ihdr.array()));
    out.writeBytes(pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0, 0, 0, 1}));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  // Dihedral primitives on whole images, the obvious way (the test oracle for orientation).

  /** Rotated 90 degrees clockwise. */
  static BufferedImage rotateCw(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(h - 1 - y, x, src.getRGB(x, y));
      }
    }
    return out;
  }

  /** Mirrored left to right. */
  static BufferedImage flipH(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(w - 1 - x, y, src.getRGB(x, y));
      }
    }
    return out;
  }

  /** What a viewer shows for stored pixels {@code s} tagged with EXIF orientation {@code o}. */
  static BufferedImage display(BufferedImage s, int o) {
    switch (o) {
      case 1:
        return s;
      case 2:
        return flipH(s);
      case 3:
        return rotateCw(rotateCw(s));
      case 4:
        return flipH(rotateCw(rotateCw(s)));
      case 5:
        return flipH(rotateCw(s));
      case 6:
        return rotateCw(s);
      case 7:
        return rotateCw(flipH(s));
      case 8:
        return rotateCw(rotateCw(rotateCw(s)));
      default:
        throw new IllegalArgumentException("orientation " + o);
    }
  }

  /** The stored pixels that display as {@code upright} under orientation {@code o}. */
  static BufferedImage stored(BufferedImage upright, int o) {
    switch (o) {
      case 6:
        return display(upright, 8);
      case 8:
        return display(upright, 6);
      default:
        return display(upright, o); // the others are their own inverses
    }
  }
}
