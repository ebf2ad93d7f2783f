package org.redress.spark;

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
import org.redress.media.MediaHasher;
import org.redress.phash.Dihedral;
import org.redress.phash.PdqResult;
import org.redress.screenshots.Screenshots;

/**
 * The screenshot search of {@code redress match} (its {@code regionMatches}, the same calls): the
 * picture regions of an image that matched nothing as a whole, each matched with its dihedral
 * variants; a region is kept when it matches a bank item no earlier region matched, and becomes a
 * result {@code FILE#region=x,y,w,h}.
 */
final class Regions {
  private Regions() {}

  /**
   * The region results of one image file.
   *
   * @param local the file as it is on this machine (the file itself or a temporary copy)
   * @param whole the image's own result row (path, source, digests)
   */
  static List<ResultRow> search(Path local, ResultRow whole, Matcher matcher) {
    BufferedImage img;
    try {
      img = Screenshots.decode(local, MediaHasher.DEFAULT_MAX_PIXELS);
    } catch (IOException | RuntimeException e) {
      return List.of(); // it was hashed as a whole; regions are a bonus
    }
    if (img == null) {
      return List.of();
    }
    Set<Long> seen = new HashSet<>();
    List<ResultRow> found = new ArrayList<>();
    for (Screenshots.RegionHash rh : Screenshots.regionHashes(img)) {
      PdqResult orig = new PdqResult(rh.hashes().get(Dihedral.ORIGINAL), rh.hashes().quality());
      MatchResult r = matcher.matchDihedral(Query.ofPdq(orig), rh.hashes());
      boolean fresh = false;
      for (Match m : r.matches()) {
        fresh |= seen.add(m.item());
      }
      if (fresh) {
        ResultRow row = new ResultRow();
        String path = whole.getPath() + "#region=" + rh.region();
        row.setPath(path);
        row.setSource(whole.getSource());
        row.setSize(whole.getSize());
        row.setKind(whole.getKind());
        row.setMd5(whole.getMd5());
        row.setSha256(whole.getSha256());
        row.setPdq(orig.pdq().toString());
        found.add(Matching.render(row, path, r));
      }
    }
    return found;
  }
}
