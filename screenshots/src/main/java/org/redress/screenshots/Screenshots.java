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
    int[] rgb = shot.getRGB(0, 0, w, h, null, 0, w);
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
    return RegionFinder.find(shot.getRGB(0, 0, w, h, null, 0, w), w, h);
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
