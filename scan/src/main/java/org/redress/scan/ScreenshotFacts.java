package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.redress.screenshots.CountText;

/**
 * The report's {@code read_facts} section and the facts it adds: counts that were read (OCR from a
 * screenshot, or parsed from a captured web page), never counted. Each is kept with its source
 * (the file or page, by location and SHA-256, and the text it was read from) and a confidence,
 * and every fact written from them is named in {@code facts_provenance} with
 * {@code read_from}, so the assessment and the papers can say 从截图识别 (read from a screenshot)
 * or 从网页识别 (read from a captured page).
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
  record Source(String readFrom, String location, String sha256, String reference,
      List<String> regions, List<CountText.Reading> readings, String problem) {}

  static void add(ObjectNode root, List<Source> sources) {
    if (sources.isEmpty()) {
      return;
    }
    List<Source> sorted = new ArrayList<>(sources);
    sorted.sort(java.util.Comparator.comparing(Source::location));
    ArrayNode out = root.putArray("read_facts");
    CountText.Reading bestViews = null;
    Source viewsFrom = null;
    CountText.Reading bestMembers = null;
    Source membersFrom = null;
    for (Source s : sorted) {
      ObjectNode o = out.addObject();
      o.put("read_from", s.readFrom());
      o.put("label_zh", label(s.readFrom()));
      o.put("location", s.location());
      o.put("sha256", s.sha256());
      if (s.reference() != null) {
        o.put("post", s.reference());
      }
      ArrayNode rs = o.putArray("regions");
      s.regions().forEach(rs::add);
      if (s.problem() != null) {
        o.put("problem", s.problem());
      }
      ArrayNode vals = o.putArray("readings");
      for (CountText.Reading r : s.readings()) {
        ObjectNode v = vals.addObject();
        v.put("field", r.field());
        if (r.count().isPresent() && !r.field().equals("time")) {
          v.put("value", r.count().getAsLong());
        } else {
          v.put("value", r.value());
        }
        v.put("text", r.line());
        v.put("confidence", Math.round(r.confidence() * 100) / 100.0);
        if (r.field().equals("views") && better(r, bestViews)) {
          bestViews = r;
          viewsFrom = s;
        }
        if (r.field().equals("members") && better(r, bestMembers)) {
          bestMembers = r;
          membersFrom = s;
        }
      }
    }
    ObjectNode facts = (ObjectNode) root.get("facts");
    ArrayNode trace = (ArrayNode) root.get("facts_trace");
    ObjectNode prov = root.putObject("facts_provenance");
    if (bestViews != null) {
      put(facts, trace, prov, "distribution.counts.clicks", bestViews, viewsFrom,
          "the largest view count read from a post (a lower bound of the clicks: other posts and"
              + " other pages are not added, so nothing is counted twice)");
    }
    if (bestMembers != null) {
      put(facts, trace, prov, "distribution.group.members", bestMembers, membersFrom,
          "the largest subscriber or member count read from a chat's title bar or page");
    }
    if (prov.isEmpty()) {
      root.remove("facts_provenance");
    }
  }

  private static boolean better(CountText.Reading r, CountText.Reading best) {
    return best == null || r.count().orElse(0) > best.count().orElse(0);
  }

  private static void put(ObjectNode facts, ArrayNode trace, ObjectNode prov, String fact,
      CountText.Reading r, Source s, String rule) {
    String[] path = fact.split("\\.");
    ObjectNode node = facts;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode c = node.get(path[i]);
      node = c instanceof ObjectNode o ? o : node.putObject(path[i]);
    }
    long value = r.count().orElseThrow();
    node.put(path[path.length - 1], value);
    ObjectNode t = trace.addObject();
    t.put("fact", fact);
    t.put("value", value);
    t.put("rule", rule);
    t.put("read_from", s.readFrom());
    t.put("label_zh", label(s.readFrom()));
    t.put("source", s.location());
    t.put("sha256", s.sha256());
    t.put("text", r.line());
    t.put("confidence", Math.round(r.confidence() * 100) / 100.0);
    ArrayNode refs = t.putArray("refs");
    if (s.reference() != null) {
      refs.add(s.reference());
    }
    prov.putObject(fact)
        .put("read_from", s.readFrom())
        .put("label_zh", label(s.readFrom()))
        .put("confidence", Math.round(r.confidence() * 100) / 100.0)
        .put("source", s.location());
  }

  /** Removes the {@code facts_not_shown} entries that a read value now shows. */
  static void pruneNotShown(ObjectNode root) {
    JsonNode prov = root.get("facts_provenance");
    JsonNode ns = root.get("facts_not_shown");
    if (prov == null || !(ns instanceof ArrayNode a)) {
      return;
    }
    for (Iterator<JsonNode> it = a.iterator(); it.hasNext(); ) {
      if (prov.has(it.next().path("fact").asText())) {
        it.remove();
      }
    }
  }

  static String label(String readFrom) {
    return SCREENSHOT.equals(readFrom) ? "从截图识别" : "从网页识别";
  }
}
