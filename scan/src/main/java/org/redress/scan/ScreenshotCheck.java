package org.redress.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.match.Match;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.phash.Dihedral;
import org.redress.phash.PdqResult;
import org.redress.screenshots.CountText;
import org.redress.screenshots.Region;
import org.redress.screenshots.ScreenText;
import org.redress.screenshots.Screenshots;
import org.redress.sources.MediaRef;

/**
 * The screenshot pass of a scan: an image whose whole-file hash matched nothing is searched for
 * picture regions ({@link Screenshots}), each region is matched, and when one matches, the
 * screenshot's text is read with OCR ({@link ScreenText}) for the counts it shows.
 */
final class ScreenshotCheck {
  private final Matcher matcher;
  private final long maxPixels;
  private final String ocrProblem;
  private final ThreadLocal<ScreenText> ocr = new ThreadLocal<>();
  private final List<ScreenText> opened = new ArrayList<>();

  /**
   * What the screenshot showed.
   *
   * @param regions the regions that matched, {@code x,y,w,h}
   * @param readings what OCR read (empty when OCR is off or found nothing)
   * @param ocrProblem why the text was not read, or null
   */
  record Reading(List<String> regions, List<CountText.Reading> readings, String ocrProblem) {}

  /**
   * The hits and, when some matched, what the screenshot showed.
   *
   * @param reading null when no region matched
   */
  record Result(List<Occurrence.Hit> hits, Reading reading) {}

  ScreenshotCheck(Matcher matcher, long maxPixels, boolean ocrOn) {
    this.matcher = matcher;
    this.maxPixels = maxPixels;
    Optional<String> why = ocrOn ? ScreenText.unavailable() : Optional.of("OCR was turned off");
    this.ocrProblem = why.orElse(null);
  }

  /** This thread's OCR reader, opened on first use and kept until {@link #closeReaders()}. */
  private ScreenText reader() {
    ScreenText r = ocr.get();
    if (r == null || r.isClosed()) {
      r = ScreenText.open();
      ocr.set(r);
      synchronized (opened) {
        opened.add(r);
      }
    }
    return r;
  }

  /** Ends every OCR reader this check opened (called when a scan's threads are done). */
  void closeReaders() {
    synchronized (opened) {
      opened.forEach(ScreenText::close);
      opened.clear();
    }
  }

  /** The smallest matched region: the picture itself, not a cut that also covers a caption. */
  private static List<Region> smallest(List<Region> matched) {
    return matched.stream()
        .min(java.util.Comparator.comparingLong(Region::area))
        .map(List::of)
        .orElse(List.of());
  }

  /** Why OCR is not run, or null when it is. */
  String ocrProblem() {
    return ocrProblem;
  }

  Result check(MediaRef ref, Path work) {
    Path local = null;
    boolean temp = ref.file().isEmpty();
    BufferedImage img;
    try {
      local = ref.localFile(work);
      img = Screenshots.decode(local, maxPixels);
    } catch (IOException | RuntimeException e) {
      return new Result(List.of(), null); // the whole-file hash already read it; nothing more
    } finally {
      if (temp && local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // the work folder is removed at the end
        }
      }
    }
    if (img == null) {
      return new Result(List.of(), null);
    }
    List<Occurrence.Hit> hits = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    List<Region> blank = new ArrayList<>();
    for (Screenshots.RegionHash rh : Screenshots.regionHashes(img)) {
      PdqResult orig = new PdqResult(rh.hashes().get(Dihedral.ORIGINAL), rh.hashes().quality());
      List<Match> ms = matcher.matchDihedral(Query.ofPdq(orig), rh.hashes()).matches();
      for (Match m : ms) {
        hits.add(new Occurrence.Hit(m, rh.region().toString()));
      }
      if (!ms.isEmpty()) {
        matched.add(rh.region().toString());
        blank.add(rh.region());
      }
    }
    if (hits.isEmpty()) {
      return new Result(List.of(), null);
    }
    List<CountText.Reading> readings = List.of();
    String problem = ocrProblem;
    if (problem == null) {
      try {
        readings = CountText.read(reader().lines(img, smallest(blank)));
      } catch (RuntimeException | Error e) {
        problem = "OCR failed: " + Scanner.oneLine(String.valueOf(e.getMessage()));
      }
    }
    return new Result(hits, new Reading(matched, readings, problem));
  }
}
