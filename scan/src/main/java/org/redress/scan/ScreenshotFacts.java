package org.redress.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.report.SpreadReport;
import org.redress.screenshots.CountText;

/**
 * The report's {@code read_facts} section and the facts it adds: counts that were read (OCR from a
 * screenshot, or parsed from a captured web page), never counted. Each is kept with its source (the
 * file or page, by location and SHA-256, and the text it was read from) and a confidence, and every
 * fact written from them is named in {@code facts_provenance} with {@code read_from}, so the
 * assessment and the papers can say 从截图识别 (read from a screenshot) or 从网页识别 (read from a captured
 * page).
 */
final class ScreenshotFacts {
  /** What {@code read_from} says for OCR from a screenshot. */
  static final String SCREENSHOT = "screenshot";

  /** What {@code read_from} says for counters parsed from a captured page's markup. */
  static final String CAPTURED_PAGE = "captured_page";

  private ScreenshotFacts() {}

  /**
   * One source of read values.
   *
   * @param readFrom {@code screenshot} or {@code captured_page}
   * @param location where the file or page is
   * @param sha256 its SHA-256
   * @param reference the post it belongs to ({@code chat 1 message 2}), or null
   * @param regions matched regions of a screenshot ({@code x,y,w,h})
   * @param readings the values read
   * @param problem why nothing could be read, or null
   */
  record Source(
      String readFrom,
      String location,
      String sha256,
      String reference,
      List<String> regions,
      List<CountText.Reading> readings,
      String problem) {}

  /** The counted facts with the read ones added (the largest views and members read). */
  static Facts.Result add(Facts.Result counted, List<Source> sources) {
    if (sources.isEmpty()) {
      return counted;
    }
    List<Source> sorted = new ArrayList<>(sources);
    sorted.sort(Comparator.comparing(Source::location));
    List<SpreadReport.ReadSource> out = new ArrayList<>();
    CountText.Reading bestViews = null;
    Source viewsFrom = null;
    CountText.Reading bestMembers = null;
    Source membersFrom = null;
    for (Source s : sorted) {
      List<SpreadReport.Reading> vals = new ArrayList<>();
      for (CountText.Reading r : s.readings()) {
        Object value =
            r.count().isPresent() && !r.field().equals("time")
                ? (Object) r.count().getAsLong()
                : r.value();
        vals.add(new SpreadReport.Reading(r.field(), value, r.line(), round(r.confidence())));
        if (r.field().equals("views") && better(r, bestViews)) {
          bestViews = r;
          viewsFrom = s;
        }
        if (r.field().equals("members") && better(r, bestMembers)) {
          bestMembers = r;
          membersFrom = s;
        }
      }
      out.add(
          new SpreadReport.ReadSource(
              s.readFrom(),
              label(s.readFrom()),
              s.location(),
              s.sha256(),
              s.reference(),
              s.regions(),
              s.problem(),
              vals));
    }
    List<SpreadReport.FactTrace> trace = new ArrayList<>(counted.trace());
    Map<String, SpreadReport.Provenance> prov = new LinkedHashMap<>();
    Long clicks = null;
    Long members = null;
    if (bestViews != null) {
      clicks =
          put(
              trace,
              prov,
              "distribution.counts.clicks",
              bestViews,
              viewsFrom,
              "the largest view count read from a post (a lower bound of the clicks: other posts and"
                  + " other pages are not added, so nothing is counted twice)");
    }
    if (bestMembers != null) {
      members =
          put(
              trace,
              prov,
              "distribution.group.members",
              bestMembers,
              membersFrom,
              "the largest subscriber or member count read from a chat's title bar or page");
    }
    List<SpreadReport.NotShown> notShown = new ArrayList<>();
    for (SpreadReport.NotShown n : counted.notShown()) {
      if (!prov.containsKey(n.fact())) {
        notShown.add(n);
      }
    }
    return new Facts.Result(counted.facts().withRead(clicks, members), trace, notShown, out, prov);
  }

  private static boolean better(CountText.Reading r, CountText.Reading best) {
    return best == null || r.count().orElse(0) > best.count().orElse(0);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static long put(
      List<SpreadReport.FactTrace> trace,
      Map<String, SpreadReport.Provenance> prov,
      String fact,
      CountText.Reading r,
      Source s,
      String rule) {
    long value = r.count().orElseThrow();
    trace.add(
        new SpreadReport.FactTrace(
            fact,
            value,
            rule,
            s.reference() == null ? List.of() : List.of(s.reference()),
            s.reference() == null ? 0 : 1,
            List.of(s.sha256()),
            new SpreadReport.Read(
                s.readFrom(), label(s.readFrom()), s.location(), r.line(), round(r.confidence()))));
    prov.put(
        fact,
        new SpreadReport.Provenance(
            s.readFrom(), label(s.readFrom()), round(r.confidence()), s.location()));
    return value;
  }

  static String label(String readFrom) {
    return SCREENSHOT.equals(readFrom) ? "从截图识别" : "从网页识别";
  }
}
