package org.redress.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Decodes image bytes with ImageIO (plus the TwelveMonkeys JPEG and WebP plugins) the way the
 * reference's decoder would see them. Readers are kept per thread and reused.
 *
 * <p>JPEG: three-component files go through the JDK's libjpeg-based reader with the destination
 * type set to the file's own colour space, so an embedded ICC profile is carried along but not
 * applied (ImageMagick ignores it too); four-component (CMYK/YCCK) files through TwelveMonkeys,
 * read as raw CMYK and converted naively. A truncated JPEG, which the decoders only warn about, is
 * refused.
 */
final class ImageDecoder {
  enum Slot {
    JPEG_JDK("jpeg", "com.sun.imageio.", "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"),
    JPEG_ANY("jpeg", "com.twelvemonkeys.", null),
    PNG("png", "com.sun.imageio.", "com.sun.imageio.plugins.png.PNGImageReaderSpi"),
    GIF("gif", "com.sun.imageio.", "com.sun.imageio.plugins.gif.GIFImageReaderSpi"),
    BMP("bmp", "com.sun.imageio.", "com.sun.imageio.plugins.bmp.BMPImageReaderSpi"),
    WEBP("webp", "com.twelvemonkeys.", null);

    final String formatName;
    final String preferredPrefix;

    /** The JDK's own provider of this reader, made directly when its package is exported. */
    final String jdkSpi;

    Slot(String formatName, String preferredPrefix, String jdkSpi) {
      this.formatName = formatName;
      this.preferredPrefix = preferredPrefix;
      this.jdkSpi = jdkSpi;
    }
  }

  private static final ThreadLocal<Map<Slot, ImageReader>> READERS =
      ThreadLocal.withInitial(() -> new EnumMap<>(Slot.class));

  private ImageDecoder() {}

  /**
   * Decodes the whole image at its stored size.
   *
   * @throws MediaException when the data is corrupt or truncated, or memory runs out
   */
  static Pixels decode(Path path, byte[] data, ImageHeader header) throws MediaException {
    Format f = header.format;
    try {
      BufferedImage img;
      switch (f) {
        case JPEG:
          img =
              header.components == 4
                  ? readJpeg(path, data, Slot.JPEG_ANY)
                  : readJpegWithFallback(path, data);
          break;
        case PNG:
          img = read(path, data, Slot.PNG, null);
          break;
        case GIF:
          img = read(path, data, Slot.GIF, null);
          break;
        case BMP:
          img = read(path, data, Slot.BMP, null);
          break;
        case WEBP:
          img = read(path, data, Slot.WEBP, null);
          break;
        default:
          throw new IllegalArgumentException("not an ImageIO format: " + f);
      }
      Pixels px = Pixels.of(img);
      return px != null ? px : Pixels.viaGetRgb(img);
    } catch (OutOfMemoryError e) {
      throw new MediaException(
          path,
          String.format(
              Locale.ROOT,
              "not enough memory to decode a %dx%d image; give Java more heap (-Xmx) or lower"
                  + " the pixel limit",
              header.width,
              header.height));
    }
  }

  private static BufferedImage readJpegWithFallback(Path path, byte[] data) throws MediaException {
    try {
      return readJpeg(path, data, Slot.JPEG_JDK);
    } catch (MediaException e) {
      if (e.getCause() == null) {
        throw e; // our own verdict (truncated), not a decoder failure
      }
      return readJpeg(path, data, Slot.JPEG_ANY); // TwelveMonkeys copes with more broken files
    }
  }

  private static BufferedImage readJpeg(Path path, byte[] data, Slot slot) throws MediaException {
    return read(path, data, slot, "jpeg");
  }

  private static BufferedImage read(Path path, byte[] data, Slot slot, String typeRule)
      throws MediaException {
    ImageReader reader = reader(slot);
    if (reader == null) {
      throw new MediaException(
          path,
          "no " + slot.formatName.toUpperCase(Locale.ROOT) + " decoder is installed in this build");
    }
    String[] warning = new String[1];
    IIOReadWarningListener listener =
        (source, w) -> {
          if (warning[0] == null) {
            warning[0] = w;
          }
        };
    boolean healthy = false;
    try (ByteImageInputStream in = new ByteImageInputStream(data)) {
      reader.setInput(in, true, true);
      reader.addIIOReadWarningListener(listener);
      ImageReadParam param = reader.getDefaultReadParam();
      if (typeRule != null) {
        ImageTypeSpecifier t = unconvertedType(reader);
        if (t != null) {
          param.setDestinationType(t);
        }
      }
      BufferedImage img = reader.read(0, param);
      healthy = true;
      if (warning[0] != null && isTruncation(warning[0])) {
        throw new MediaException(path, "truncated " + formatLabel(slot) + " data");
      }
      return img;
    } catch (IIOException e) {
      throw new MediaException(path, corruptReason(slot, e), e);
    } catch (IOException | RuntimeException e) {
      throw new MediaException(path, corruptReason(slot, e), e);
    } finally {
      if (healthy) {
        reader.reset();
      } else {
        READERS.get().remove(slot);
        reader.dispose();
      }
    }
  }

  private static boolean isTruncation(String warning) {
    String w = warning.toLowerCase(Locale.ROOT);
    return w.contains("premature end") || w.contains("truncated");
  }

  private static String formatLabel(Slot slot) {
    return slot.formatName.equals("webp") ? "WebP" : slot.formatName.toUpperCase(Locale.ROOT);
  }

  private static String corruptReason(Slot slot, Exception e) {
    String label = formatLabel(slot);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.io.EOFException) {
      return "truncated " + label + " data";
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null) {
      msg = msg + " (" + root.getMessage() + ")";
    }
    return "corrupt " + label + " data: " + oneLine(msg);
  }

  static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  /**
   * The destination type that keeps the decoder's own samples: for an ICC-tagged RGB JPEG the type
   * in the profile's colour space (no conversion to sRGB), for CMYK the raw CMYK type.
   */
  private static ImageTypeSpecifier unconvertedType(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0);
    ImageTypeSpecifier cmyk = null;
    while (it.hasNext()) {
      ImageTypeSpecifier t = it.next();
      ColorSpace cs = t.getColorModel().getColorSpace();
      int n = t.getColorModel().getNumColorComponents();
      if (cs.getType() == ColorSpace.TYPE_RGB && n == 3 && !cs.isCS_sRGB()) {
        return t;
      }
      if (cs.getType() == ColorSpace.TYPE_CMYK && n == 4 && cmyk == null) {
        cmyk = t;
      }
    }
    return cmyk;
  }

  private static ImageReader reader(Slot slot) {
    Map<Slot, ImageReader> cache = READERS.get();
    ImageReader r = cache.get(slot);
    if (r == null) {
      r = create(slot);
      if (r != null) {
        cache.put(slot, r);
      }
    }
    return r;
  }

  private static ImageReader create(Slot slot) {
    ImageReader direct = direct(slot);
    if (direct != null) {
      return direct;
    }
    ImageIO.setUseCache(false);
    ImageReader fallback = null;
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(slot.formatName);
    while (it.hasNext()) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith(slot.preferredPrefix)) {
        if (fallback != null) {
          fallback.dispose();
        }
        return r;
      }
      if (fallback == null) {
        fallback = r;
      } else {
        r.dispose();
      }
    }
    return fallback;
  }

  /**
   * The JDK's reader for {@code slot} made from its provider class, without {@link ImageIO}: the
   * first use of ImageIO builds its registry, which loads and instantiates every image plugin on
   * the class path (about a fifth of a CPU-second, most of the start of a one-photo run). The
   * provider's package is not exported by {@code java.desktop}; the launcher exports it ({@code
   * --add-exports}), elsewhere this returns {@code null} and the registry is used. Either way the
   * reader is the same class, so the pixels are the same.
   */
  static ImageReader direct(Slot slot) {
    if (slot.jdkSpi == null) {
      return null;
    }
    try {
      Object spi = Class.forName(slot.jdkSpi).getDeclaredConstructor().newInstance();
      return spi instanceof ImageReaderSpi ? ((ImageReaderSpi) spi).createReaderInstance() : null;
    } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
