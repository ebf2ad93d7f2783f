package org.redress.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Random access to a decoded image's stored 8-bit samples, as ImageMagick hands them to the
 * reference ({@code convert FILE pnm:-}): colour samples taken as they are (no ICC or gamma
 * conversion), alpha dropped, palettes looked up, 16-bit samples scaled to 8 bits with rounding,
 * CMYK converted naively. Grey images are read from the raster, never through {@code getRGB} (which
 * converts linear grey to sRGB and shifts the levels).
 */
abstract class Pixels {
  final int width;
  final int height;

  Pixels(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Packed {@code 0xRRGGBB} at stored position (x, y). */
  abstract int rgb(int x, int y);

  /** Whether the image has one colour channel (its samples go through the grey path). */
  boolean nativeGrey() {
    return false;
  }

  /** The grey sample at (x, y) of a grey image, or the blue sample of a colour image. */
  int grey(int x, int y) {
    return rgb(x, y) & 0xFF;
  }

  /**
   * Whether every pixel has equal red, green and blue: ImageMagick then writes a one-channel PGM
   * and the reference takes its grey path. Stops at the first colour pixel.
   */
  boolean allGrey() {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = rgb(x, y);
        if (((p >> 16) & 0xFF) != (p & 0xFF) || ((p >> 8) & 0xFF) != (p & 0xFF)) {
          return false;
        }
      }
    }
    return true;
  }

  /** ImageMagick's CMYK to RGB for an inverted (Adobe) CMYK JPEG sample: {@code s * k / 255}. */
  static int cmykToChannel(int stored, int storedK) {
    return (stored * storedK * 2 + 255) / 510;
  }

  /** 16-bit sample to 8 bits, rounding (what ImageMagick's ScaleQuantumToChar does). */
  static int scale16(int v) {
    return (v * 255 + 32767) / 65535;
  }

  /**
   * Chooses the fastest accessor for a decoded image.
   *
   * @return null when the layout is unknown (the caller falls back to {@link #viaGetRgb})
   */
  static Pixels of(BufferedImage img) {
    Raster r = img.getRaster();
    ColorModel cm = img.getColorModel();
    if (r.getMinX() != 0 || r.getMinY() != 0) {
      return null;
    }
    if (cm instanceof IndexColorModel) {
      return new Indexed(r, (IndexColorModel) cm);
    }
    if (cm instanceof DirectColorModel) {
      return new Direct(r, cm);
    }
    if (!(cm instanceof ComponentColorModel)
        || !(r.getSampleModel() instanceof ComponentSampleModel)) {
      return null;
    }
    int csType = cm.getColorSpace().getType();
    int colours = cm.getNumColorComponents();
    Kind kind;
    if (csType == ColorSpace.TYPE_GRAY && colours == 1) {
      kind = Kind.GREY;
    } else if (csType == ColorSpace.TYPE_RGB && colours == 3) {
      kind = Kind.RGB;
    } else if (csType == ColorSpace.TYPE_CMYK && colours == 4) {
      kind = Kind.CMYK;
    } else {
      return null;
    }
    ComponentSampleModel sm = (ComponentSampleModel) r.getSampleModel();
    DataBuffer db = r.getDataBuffer();
    if (db instanceof DataBufferByte && db.getNumBanks() == 1) {
      return new Bytes(r, sm, ((DataBufferByte) db).getData(), kind);
    }
    if (db instanceof DataBufferUShort && db.getNumBanks() == 1) {
      return new Shorts(r, sm, ((DataBufferUShort) db).getData(), kind);
    }
    return null;
  }

  /** Any image through {@code getRGB}: colour-managed, so only for layouts nothing else reads. */
  static Pixels viaGetRgb(BufferedImage img) {
    return new Pixels(img.getWidth(), img.getHeight()) {
      @Override
      int rgb(int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
      }
    };
  }

  /** Packed RGB already in memory (FFmpeg stills). */
  static Pixels ofPacked(int[] rgb, int width, int height) {
    return new Pixels(width, height) {
      @Override
      int rgb(int x, int y) {
        return rgb[y * width + x] & 0xFFFFFF;
      }
    };
  }

  enum Kind {
    GREY,
    RGB,
    CMYK
  }

  /** Interleaved or banded 8-bit components in one bank. */
  private static final class Bytes extends Pixels {
    private final byte[] data;
    private final Kind kind;
    private final int pixelStride;
    private final int scanStride;
    private final int o0;
    private final int o1;
    private final int o2;
    private final int o3;

    Bytes(Raster r, ComponentSampleModel sm, byte[] data, Kind kind) {
      super(r.getWidth(), r.getHeight());
      this.data = data;
      this.kind = kind;
      this.pixelStride = sm.getPixelStride();
      this.scanStride = sm.getScanlineStride();
      int[] off = sm.getBandOffsets();
      int base =
          r.getDataBuffer().getOffset()
              - r.getSampleModelTranslateX() * pixelStride
              - r.getSampleModelTranslateY() * scanStride;
      this.o0 = base + off[0];
      this.o1 = kind == Kind.GREY ? o0 : base + off[1];
      this.o2 = kind == Kind.GREY ? o0 : base + off[2];
      this.o3 = kind == Kind.CMYK ? base + off[3] : o0;
    }

    @Override
    boolean nativeGrey() {
      return kind == Kind.GREY;
    }

    @Override
    int grey(int x, int y) {
      return data[o0 + y * scanStride + x * pixelStride] & 0xFF;
    }

    @Override
    int rgb(int x, int y) {
      int p = y * scanStride + x * pixelStride;
      int a = data[o0 + p] & 0xFF;
      int b = data[o1 + p] & 0xFF;
      int c = data[o2 + p] & 0xFF;
      if (kind == Kind.CMYK) {
        int k = data[o3 + p] & 0xFF;
        a = cmykToChannel(a, k);
        b = cmykToChannel(b, k);
        c = cmykToChannel(c, k);
      }
      return (a << 16) | (b << 8) | c;
    }

    @Override
    boolean allGrey() {
      if (kind == Kind.GREY) {
        return true;
      }
      if (kind == Kind.CMYK) {
        return super.allGrey();
      }
      for (int y = 0; y < height; y++) {
        int p = y * scanStride;
        for (int x = 0; x < width; x++, p += pixelStride) {
          byte r = data[o0 + p];
          if (r != data[o1 + p] || r != data[o2 + p]) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** 16-bit components in one bank, scaled to 8 bits. */
  private static final class Shorts extends Pixels {
    private final short[] data;
    private final Kind kind;
    private final int pixelStride;
    private final int scanStride;
    private final int[] offsets;

    Shorts(Raster r, ComponentSampleModel sm, short[] data, Kind kind) {
      super(r.getWidth(), r.getHeight());
      this.data = data;
      this.kind = kind;
      this.pixelStride = sm.getPixelStride();
      this.scanStride = sm.getScanlineStride();
      int base =
          r.getDataBuffer().getOffset()
              - r.getSampleModelTranslateX() * pixelStride
              - r.getSampleModelTranslateY() * scanStride;
      int[] off = sm.getBandOffsets();
      this.offsets = new int[off.length];
      for (int i = 0; i < off.length; i++) {
        offsets[i] = base + off[i];
      }
    }

    private int sample(int band, int p) {
      return scale16(data[offsets[band] + p] & 0xFFFF);
    }

    @Override
    boolean nativeGrey() {
      return kind == Kind.GREY;
    }

    @Override
    int grey(int x, int y) {
      return sample(0, y * scanStride + x * pixelStride);
    }

    @Override
    int rgb(int x, int y) {
      int p = y * scanStride + x * pixelStride;
      if (kind == Kind.GREY) {
        return sample(0, p) * 0x010101;
      }
      int a = sample(0, p);
      int b = sample(1, p);
      int c = sample(2, p);
      if (kind == Kind.CMYK) {
        int k = sample(3, p);
        a = cmykToChannel(a, k);
        b = cmykToChannel(b, k);
        c = cmykToChannel(c, k);
      }
      return (a << 16) | (b << 8) | c;
    }
  }

  /** Palette images, any bit depth: index looked up in the palette, alpha dropped. */
  private static final class Indexed extends Pixels {
    private final Raster raster;
    private final int[] palette;

    Indexed(Raster r, IndexColorModel cm) {
      super(r.getWidth(), r.getHeight());
      this.raster = r;
      this.palette = new int[cm.getMapSize()];
      cm.getRGBs(palette);
    }

    @Override
    int rgb(int x, int y) {
      int i = raster.getSample(x, y, 0);
      return i < palette.length ? palette[i] & 0xFFFFFF : 0;
    }
  }

  /** Packed pixels (BMP 16/24/32-bit): components scaled to 8 bits by the colour model. */
  private static final class Direct extends Pixels {
    private final Raster raster;
    private final ColorModel cm;
    private Object buf;

    Direct(Raster r, ColorModel cm) {
      super(r.getWidth(), r.getHeight());
      this.raster = r;
      this.cm = cm;
    }

    @Override
    int rgb(int x, int y) {
      buf = raster.getDataElements(x, y, buf);
      return (cm.getRed(buf) << 16) | (cm.getGreen(buf) << 8) | cm.getBlue(buf);
    }
  }
}
