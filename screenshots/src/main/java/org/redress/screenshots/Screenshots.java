package org.redress.screenshots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;

/**
 * The front door: a screenshot's picture regions, each hashed (PDQ and its dihedral variants), so
 * that a picture shown inside an app's chrome can be matched although the whole screenshot never
 * matches.
 *
 * <pre>{@code
 * BufferedImage shot = Screenshots.decode(path, MediaHasher.DEFAULT_MAX_PIXELS);
 * for (Screenshots.RegionHash r : Screenshots.regionHashes(shot)) {
 *   matcher.matchDihedral(Query.ofPdq(r.hashes().result(Dihedral.ORIGINAL)), r.hashes());
 * }
 * }</pre>
 *
 * Thread-safe. See {@link RegionFinder} for how regions are found and {@link ScreenText} for the
 * text.
 */
public final class Screenshots {
  private static final ThreadLocal<PdqHasher> HASHERS = ThreadLocal.withInitial(PdqHasher::new);

  private Screenshots() {}

  /**
   * A picture region and its hashes.
   *
   * @param region where it is in the screenshot
   * @param hashes its PDQ hash and the seven other dihedral variants, with its quality
   */
  public record RegionHash(Region region, DihedralHashes hashes) {}

  /**
   * The regions of {@code shot} ({@link RegionFinder#find}), largest first, each followed by its
   * alternative cuts ({@link RegionFinder#variants}), with their hashes.
   */
  public static List<RegionHash> regionHashes(BufferedImage shot) {
    int w = shot.getWidth();
    int h = shot.getHeight();
    int[] rgb = argb(shot);
    List<RegionHash> out = new ArrayList<>();
    for (Region r : RegionFinder.find(rgb, w, h)) {
      out.add(new RegionHash(r, hash(rgb, w, r)));
      for (Region v : RegionFinder.variants(rgb, w, r)) {
        out.add(new RegionHash(v, hash(rgb, w, v)));
      }
    }
    return out;
  }

  /** The regions of {@code shot} without their alternative cuts, largest first. */
  public static List<Region> regions(BufferedImage shot) {
    int w = shot.getWidth();
    int h = shot.getHeight();
    return RegionFinder.find(argb(shot), w, h);
  }

  /**
   * The pixels as {@code shot.getRGB(0, 0, w, h, null, 0, w)} returns them, read straight from the
   * raster for the layouts decoders give (3-byte BGR, 4-byte ABGR, packed int RGB and ARGB, 8-bit
   * grey through its colour model's own table): {@code getRGB} asks the colour model pixel by
   * pixel, about a third of the region search's time on a one-megapixel JPEG. Other layouts go
   * through {@code getRGB}.
   */
  static int[] argb(BufferedImage shot) {
    int w = shot.getWidth();
    int h = shot.getHeight();
    java.awt.image.WritableRaster r = shot.getRaster();
    java.awt.image.DataBuffer db = r.getDataBuffer();
    boolean plain =
        r.getParent() == null
            && r.getMinX() == 0
            && r.getMinY() == 0
            && r.getSampleModelTranslateX() == 0
            && r.getSampleModelTranslateY() == 0
            && db.getNumBanks() == 1
            && db.getOffset() == 0;
    int n = w * h;
    int[] out = new int[n];
    if (plain) {
      switch (shot.getType()) {
        case BufferedImage.TYPE_3BYTE_BGR:
          if (stride(r, 3, 3 * w)) {
            byte[] b = ((java.awt.image.DataBufferByte) db).getData();
            for (int i = 0, p = 0; i < n; i++, p += 3) {
              out[i] =
                  0xFF000000 | (b[p + 2] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p] & 0xFF);
            }
            return out;
          }
          break;
        case BufferedImage.TYPE_4BYTE_ABGR:
          if (stride(r, 4, 4 * w)) {
            byte[] b = ((java.awt.image.DataBufferByte) db).getData();
            for (int i = 0, p = 0; i < n; i++, p += 4) {
              out[i] =
                  (b[p] & 0xFF) << 24
                      | (b[p + 3] & 0xFF) << 16
                      | (b[p + 2] & 0xFF) << 8
                      | (b[p + 1] & 0xFF);
            }
            return out;
          }
          break;
        case BufferedImage.TYPE_INT_RGB:
        case BufferedImage.TYPE_INT_ARGB:
          if (r.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm
              && sm.getScanlineStride() == w) {
            int[] d = ((java.awt.image.DataBufferInt) db).getData();
            int alpha = shot.getType() == BufferedImage.TYPE_INT_RGB ? 0xFF000000 : 0;
            for (int i = 0; i < n; i++) {
              out[i] = alpha | d[i];
            }
            return out;
          }
          break;
        case BufferedImage.TYPE_BYTE_GRAY:
          if (stride(r, 1, w)) {
            byte[] b = ((java.awt.image.DataBufferByte) db).getData();
            int[] lut = new int[256];
            java.awt.image.ColorModel cm = shot.getColorModel();
            for (int v = 0; v < 256; v++) {
              lut[v] = cm.getRGB(new byte[] {(byte) v});
            }
            for (int i = 0; i < n; i++) {
              out[i] = lut[b[i] & 0xFF];
            }
            return out;
          }
          break;
        default:
          break;
      }
    }
    return shot.getRGB(0, 0, w, h, out, 0, w);
  }

  private static boolean stride(java.awt.image.Raster r, int pixel, int line) {
    return r.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
        && sm.getPixelStride() == pixel
        && sm.getScanlineStride() == line;
  }

  /** The hashes of one region of a packed RGB buffer {@code width} pixels wide. */
  static DihedralHashes hash(int[] rgb, int width, Region r) {
    int[] sub = new int[r.width() * r.height()];
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(rgb, (r.y() + y) * width + r.x(), sub, y * r.width(), r.width());
    }
    return HASHERS.get().hashRgbDihedral(sub, r.width(), r.height());
  }

  /**
   * Decodes an image file for region finding, refusing images over {@code maxPixels} before their
   * pixels are allocated.
   *
   * @throws IOException when the file cannot be read, is no image ImageIO knows, or is too large
   */
  public static BufferedImage decode(Path file, long maxPixels) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException("cannot open " + file);
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("not an image: " + file);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          throw new IOException("image has " + pixels + " pixels, over the limit of " + maxPixels);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    }
  }
}
