package org.redress.screenshots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redress.match.Match;
import org.redress.match.MatchResult;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.phash.Dihedral;
import org.redress.phash.PdqResult;

/**
 * The picture regions of an image that matched nothing as a whole (a screenshot), matched against a
 * bank: the one search {@code redress match} and the Spark job both run.
 */
public final class RegionSearch {
  /** A region whose match found a bank item no earlier region of the image found. */
  public record Found(Region region, PdqResult pdq, MatchResult result) {}

  private RegionSearch() {}

  /**
   * The regions of {@code file} that match a bank item not already matched by an earlier region;
   * empty when the file cannot be decoded (it was hashed as a whole; regions are a bonus).
   */
  public static List<Found> fresh(Path file, long maxPixels, Matcher matcher) {
    BufferedImage img;
    try {
      img = Screenshots.decode(file, maxPixels);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    if (img == null) {
      return List.of();
    }
    Set<Long> seen = new HashSet<>();
    List<Found> found = new ArrayList<>();
    for (Screenshots.RegionHash rh : Screenshots.regionHashes(img)) {
      PdqResult orig = new PdqResult(rh.hashes().get(Dihedral.ORIGINAL), rh.hashes().quality());
      MatchResult r = matcher.matchDihedral(Query.ofPdq(orig), rh.hashes());
      boolean fresh = false;
      for (Match m : r.matches()) {
        fresh |= seen.add(m.item());
      }
      if (fresh) {
        found.add(new Found(rh.region(), orig, r));
      }
    }
    return found;
  }
}
