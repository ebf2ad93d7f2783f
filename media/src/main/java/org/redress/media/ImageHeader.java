package org.redress.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What an image file declares before any pixel is decoded: its stored size, its EXIF orientation
 * and, for JPEG, its number of colour components. Read by walking the container's structure (JPEG
 * markers, PNG chunks, GIF blocks, the BMP header, RIFF chunks), so a decompression bomb is refused
 * before a decoder allocates anything.
 *
 * <p>References: ITU-T T.81 (JPEG) annex B; PNG specification 3rd edition, sections 5 and 11 (IHDR,
 * eXIf); GIF89a sections 18-20; Microsoft BITMAPINFOHEADER; Google "WebP Container Specification"
 * (VP8X, VP8, VP8L, EXIF chunks) and RFC 6386 section 9.1 (VP8 frame header).
 */
final class ImageHeader {
  final Format format;
  final int width;
  final int height;
  final int orientation;

  /** JPEG colour components (1, 3 or 4); 0 for other formats. */
  final int components;

  private ImageHeader(Format format, int width, int height, int orientation, int components) {
    this.format = format;
    this.width = width;
    this.height = height;
    this.orientation = orientation;
    this.components = components;
  }

  long pixels() {
    return (long) width * height;
  }

  /**
   * Parses the header of an image already recognised as {@code format}.
   *
   * @throws MediaException when the header is missing, cut off or declares no pixels
   */
  static ImageHeader read(Path path, Format format, byte[] b) throws MediaException {
    ImageHeader h;
    switch (format) {
      case JPEG:
        h = jpeg(path, b);
        break;
      case PNG:
        h = png(path, b);
        break;
      case GIF:
        h = gif(path, b);
        break;
      case BMP:
        h = bmp(path, b);
        break;
      case WEBP:
        h = webp(path, b);
        break;
      default:
        throw new IllegalArgumentException("not an ImageIO format: " + format);
    }
    if (h.width <= 0 || h.height <= 0) {
      throw new MediaException(
          path,
          String.format(
              Locale.ROOT,
              "corrupt %s: header declares %dx%d pixels",
              format.label(),
              h.width,
              h.height));
    }
    return h;
  }

  private static ImageHeader jpeg(Path path, byte[] b) throws MediaException {
    int orientation = Exif.UPRIGHT;
    boolean exifSeen = false;
    int p = 2;
    while (true) {
      while (p < b.length && (b[p] & 0xFF) != 0xFF) {
        p++; // tolerate junk between segments, as libjpeg does (with a warning)
      }
      while (p < b.length && (b[p] & 0xFF) == 0xFF) {
        p++; // fill bytes
      }
      if (p >= b.length) {
        throw new MediaException(path, "truncated JPEG data: no frame header");
      }
      int marker = b[p++] & 0xFF;
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        throw new MediaException(path, "corrupt JPEG: no frame header before the image data");
      }
      if (p + 2 > b.length) {
        throw new MediaException(path, "truncated JPEG data: no frame header");
      }
      int len = u16be(b, p);
      if (len < 2) {
        throw new MediaException(path, "corrupt JPEG: segment length " + len);
      }
      int data = p + 2;
      int dataLen = len - 2;
      if (isSof(marker)) {
        if (data + 6 > b.length) {
          throw new MediaException(path, "truncated JPEG data: frame header cut off");
        }
        int height = u16be(b, data + 1);
        int width = u16be(b, data + 3);
        int comps = b[data + 5] & 0xFF;
        if (height == 0) {
          throw new MediaException(path, "unsupported JPEG: height defined later (DNL marker)");
        }
        return new ImageHeader(Format.JPEG, width, height, orientation, comps);
      }
      if (marker == 0xE1
          && !exifSeen
          && dataLen >= 6
          && data + 6 <= b.length
          && b[data] == 'E'
          && b[data + 1] == 'x'
          && b[data + 2] == 'i'
          && b[data + 3] == 'f') {
        exifSeen = true;
        orientation = Exif.orientation(b, data, Math.min(dataLen, b.length - data));
      }
      p += len;
    }
  }

  private static boolean isSof(int m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
  }

  private static ImageHeader png(Path path, byte[] b) throws MediaException {
    if (b.length < 33 || !(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
      throw new MediaException(path, "corrupt PNG: no IHDR header");
    }
    long w = u32be(b, 16);
    long h = u32be(b, 20);
    if (w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw new MediaException(
          path, String.format(Locale.ROOT, "corrupt PNG: header declares %dx%d pixels", w, h));
    }
    int orientation = Exif.UPRIGHT;
    long p = 8;
    while (p + 8 <= b.length) {
      long len = u32be(b, (int) p);
      int t = (int) p + 4;
      if (b[t] == 'e' && b[t + 1] == 'X' && b[t + 2] == 'I' && b[t + 3] == 'f') {
        int data = (int) p + 8;
        orientation = Exif.orientation(b, data, (int) Math.min(len, b.length - data));
        break;
      }
      if (b[t] == 'I' && b[t + 1] == 'E' && b[t + 2] == 'N' && b[t + 3] == 'D') {
        break;
      }
      p += 12 + len;
    }
    return new ImageHeader(Format.PNG, (int) w, (int) h, orientation, 0);
  }

  private static ImageHeader gif(Path path, byte[] b) throws MediaException {
    if (b.length < 13) {
      throw new MediaException(path, "truncated GIF: header cut off");
    }
    int w = u16le(b, 6);
    int h = u16le(b, 8);
    int flags = b[10] & 0xFF;
    int p = 13;
    if ((flags & 0x80) != 0) {
      p += 3 << ((flags & 7) + 1);
    }
    // Walk extensions to the first image descriptor; its frame may exceed the logical screen.
    while (p < b.length) {
      int block = b[p] & 0xFF;
      if (block == 0x2C) {
        if (p + 9 > b.length) {
          break;
        }
        w = Math.max(w, u16le(b, p + 5));
        h = Math.max(h, u16le(b, p + 7));
        return new ImageHeader(Format.GIF, w, h, Exif.UPRIGHT, 0);
      }
      if (block != 0x21 || p + 2 > b.length) {
        break;
      }
      p += 2;
      while (p < b.length && (b[p] & 0xFF) != 0) {
        p += (b[p] & 0xFF) + 1;
      }
      p++;
    }
    throw new MediaException(path, "corrupt or truncated GIF: no image in the file");
  }

  private static ImageHeader bmp(Path path, byte[] b) throws MediaException {
    long dib = u32le(b, 14);
    int w;
    int h;
    if (dib == 12) {
      w = u16le(b, 18);
      h = u16le(b, 20);
    } else if (dib >= 40 && b.length >= 26) {
      w = (int) u32le(b, 18);
      h = Math.abs((int) u32le(b, 22));
    } else {
      throw new MediaException(path, "corrupt BMP: unknown header size " + dib);
    }
    return new ImageHeader(Format.BMP, w, h, Exif.UPRIGHT, 0);
  }

  private static ImageHeader webp(Path path, byte[] b) throws MediaException {
    int w = -1;
    int h = -1;
    int orientation = Exif.UPRIGHT;
    long p = 12;
    while (p + 8 <= b.length) {
      int c = (int) p;
      String fourcc = new String(b, c, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long len = u32le(b, c + 4);
      int d = c + 8;
      long avail = Math.min(len, b.length - d);
      if (fourcc.equals("VP8X") && avail >= 10) {
        w = u24le(b, d + 4) + 1;
        h = u24le(b, d + 7) + 1;
      } else if (fourcc.equals("VP8 ") && avail >= 10 && w < 0) {
        if ((b[d + 3] & 0xFF) != 0x9D || (b[d + 4] & 0xFF) != 0x01 || (b[d + 5] & 0xFF) != 0x2A) {
          throw new MediaException(path, "corrupt WebP: bad VP8 start code");
        }
        w = u16le(b, d + 6) & 0x3FFF;
        h = u16le(b, d + 8) & 0x3FFF;
      } else if (fourcc.equals("VP8L") && avail >= 5 && w < 0) {
        if ((b[d] & 0xFF) != 0x2F) {
          throw new MediaException(path, "corrupt WebP: bad VP8L signature");
        }
        long bits = u32le(b, d + 1);
        w = (int) (bits & 0x3FFF) + 1;
        h = (int) ((bits >> 14) & 0x3FFF) + 1;
      } else if (fourcc.equals("EXIF")) {
        orientation = Exif.orientation(b, d, (int) avail);
      }
      p = d + len + (len & 1);
    }
    if (w < 0) {
      throw new MediaException(path, "corrupt or truncated WebP: no image chunk");
    }
    return new ImageHeader(Format.WEBP, w, h, orientation, 0);
  }

  private static int u16be(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static long u32be(byte[] b, int p) {
    return ((long) u16be(b, p) << 16) | u16be(b, p + 2);
  }

  private static int u16le(byte[] b, int p) {
    return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
  }

  private static int u24le(byte[] b, int p) {
    return u16le(b, p) | ((b[p + 2] & 0xFF) << 16);
  }

  private static long u32le(byte[] b, int p) {
    return u16le(b, p) | ((long) u16le(b, p + 2) << 16);
  }
}
