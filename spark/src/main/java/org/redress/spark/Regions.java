package org.redress.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redress.match.Matcher;
import org.redress.media.MediaHasher;
import org.redress.screenshots.RegionSearch;

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
    List<ResultRow> found = new ArrayList<>();
    for (RegionSearch.Found f :
        RegionSearch.fresh(local, MediaHasher.DEFAULT_MAX_PIXELS, matcher)) {
      ResultRow row = new ResultRow();
      String path = whole.getPath() + "#region=" + f.region();
      row.setPath(path);
      row.setSource(whole.getSource());
      row.setSize(whole.getSize());
      row.setKind(whole.getKind());
      row.setMd5(whole.getMd5());
      row.setSha256(whole.getSha256());
      row.setPdq(f.pdq().pdq().toString());
      found.add(Matching.render(row, path, f.result()));
    }
    return found;
  }
}
