package org.redress.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redress.law.CaseFacts;
import org.redress.report.SpreadReport;

/**
 * Merges what the victim tells (an intake facts file, {@code redress/case-facts@1}) with what
 * spread reports prove (their facts fragments, same vocabulary). The rule, for each key a report
 * can show:
 *
 * <ul>
 *   <li><b>Dates</b> widen: {@code conduct.first_act} is the earliest of the intake and every
 *       report, {@code conduct.last_act} the latest.
 *   <li><b>Yes/no</b> ({@code distribution.shared}, {@code distribution.online}): a report only
 *       ever shows {@code true} (posts it found); proof wins over an intake {@code false}, and that
 *       is reported as a conflict.
 *   <li><b>Counts</b> ({@code distribution.counts.images}, {@code .videos}): across reports,
 *       distinct files by SHA-256 (a file in two exports counts once). {@code trade.ad_posts}:
 *       distinct posts when every report lists them all, else the largest single report. A report
 *       count is a proven lower bound, so when the intake gives a different number the
 *       <b>larger</b> is kept and the difference is reported as a conflict.
 *   <li><b>Read counts</b> ({@code distribution.counts.clicks}, {@code distribution.group.members}:
 *       view and subscriber counts read from screenshots or captured pages): the largest read
 *       value, kept like a count; when it is the value kept, {@code facts_provenance.<key>} records
 *       that it was read (from a screenshot or a captured page) and where, so the assessment says
 *       so.
 *   <li>Every other intake key is kept as it is; {@code as_of} is set to the day given.
 * </ul>
 *
 * The intake is parsed first with the same strict facts reader every command uses (a misspelt key
 * is refused with the same message), and so is the result.
 */
public final class FactsMerge {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FactsMerge() {}

  /**
   * A key on which the intake and the reports disagreed, and the value kept.
   *
   * @param key the dotted facts key
   * @param intake the intake's value
   * @param reports the reports' value
   * @param kept the merged value
   */
  public record Conflict(String key, String intake, String reports, String kept) {}

  /**
   * The merged facts.
   *
   * @param facts the merged facts, already validated
   * @param conflicts where intake and reports disagreed
   */
  public record Result(CaseFacts facts, String json, List<Conflict> conflicts) {
    /** Copies the list. */
    public Result {
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * Merges an intake text (YAML or JSON) with reports, as of a day.
   *
   * @param intakeName the intake's name for messages (its file)
   * @throws CaseworkException naming the file for intake text that is not valid facts
   */
  public static Result merge(
      String intakeText, String intakeName, List<SpreadReport> reports, LocalDate asOf)
      throws CaseworkException {
    Facts.parse(intakeText, intakeName);
    JsonNode parsed;
    try {
      parsed = YAML.readTree(intakeText);
    } catch (IOException e) {
      throw new CaseworkException(intakeName + ": " + e.getMessage(), e);
    }
    ObjectNode out = ((ObjectNode) parsed).deepCopy();
    List<Conflict> conflicts = new ArrayList<>();
    if (!reports.isEmpty()) {
      mergeDates(out, reports);
      for (String k : List.of("shared", "online")) {
        boolean proven =
            reports.stream()
                .anyMatch(
                    r ->
                        Boolean.TRUE.equals(
                            k.equals("shared") ? r.facts().shared() : r.facts().online()));
        if (proven) {
          JsonNode had = out.path("distribution").path(k);
          if (had.isBoolean() && !had.asBoolean()) {
            conflicts.add(new Conflict("distribution." + k, "false", "true", "true"));
          }
          obj(out, "distribution").put(k, true);
        }
      }
      count(out, conflicts, "distribution.counts.images", distinctFiles(reports, "images"));
      count(out, conflicts, "distribution.counts.videos", distinctFiles(reports, "videos"));
      count(out, conflicts, "trade.ad_posts", adPosts(reports));
      readCount(out, conflicts, "distribution.counts.clicks", reports);
      readCount(out, conflicts, "distribution.group.members", reports);
    }
    out.put("schema", CaseFacts.SCHEMA);
    out.put("as_of", asOf.toString());
    String json;
    try {
      json = JSON.writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("failed to write the merged facts: " + e.getMessage(), e);
    }
    return new Result(Facts.parse(json, "merged facts"), json, conflicts);
  }

  /**
   * The facts text with the takedown tracker's record as {@code platform_notice} (replacing any
   * given there: the tracker is the record of what was sent and answered), its source named {@code
   * takedown_tracker}. The stored facts are not changed; this is the text assessed and drafted
   * from.
   *
   * @throws CaseworkException naming the facts for text that is not valid facts
   */
  public static String withNotice(String factsText, String name, Takedowns.NoticeFacts n)
      throws CaseworkException {
    JsonNode parsed;
    try {
      parsed = YAML.readTree(factsText);
    } catch (IOException e) {
      throw new CaseworkException(name + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof ObjectNode o)) {
      throw new CaseworkException(name + ": the facts are not a mapping");
    }
    ObjectNode out = o.deepCopy();
    ObjectNode pn = out.putObject("platform_notice");
    pn.put("notified_on", n.notifiedOn().toString());
    pn.put("acted", n.acted());
    if (n.actedOn() != null) {
      pn.put("acted_on", n.actedOn().toString());
    }
    pn.put("platform", n.platform());
    pn.put("source", "takedown_tracker");
    try {
      return JSON.writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("failed to write the facts: " + e.getMessage(), e);
    }
  }

  private static void mergeDates(ObjectNode out, List<SpreadReport> reports)
      throws CaseworkException {
    LocalDate first = date(out, "first_act");
    LocalDate last = date(out, "last_act");
    for (SpreadReport r : reports) {
      LocalDate f = r.facts().firstAct();
      LocalDate l = r.facts().lastAct();
      if (f != null && (first == null || f.isBefore(first))) {
        first = f;
      }
      if (l != null && (last == null || l.isAfter(last))) {
        last = l;
      }
    }
    if (first != null) {
      obj(out, "conduct").put("first_act", first.toString());
    }
    if (last != null) {
      obj(out, "conduct").put("last_act", last.toString());
    }
  }

  private static LocalDate date(ObjectNode out, String key) {
    JsonNode v = out.path("conduct").path(key);
    return v.isTextual() ? LocalDate.parse(v.asText()) : null;
  }

  /** Distinct files (by SHA-256) behind a count fact over all reports; null when none shows it. */
  private static Long distinctFiles(List<SpreadReport> reports, String key) {
    Set<String> files = new LinkedHashSet<>();
    boolean shown = false;
    for (SpreadReport r : reports) {
      for (SpreadReport.FactTrace t : r.factsTrace()) {
        if (t.fact().equals("distribution.counts." + key)) {
          shown = true;
          if (t.sha256() != null) {
            files.addAll(t.sha256());
          }
        }
      }
    }
    return shown && !files.isEmpty() ? (long) files.size() : null;
  }

  private static Long adPosts(List<SpreadReport> reports) {
    Set<String> refs = new LinkedHashSet<>();
    long largest = 0;
    boolean complete = true;
    for (SpreadReport r : reports) {
      for (SpreadReport.FactTrace t : r.factsTrace()) {
        if (t.fact().equals("trade.ad_posts")) {
          complete &= t.refs().size() == t.refsTotal();
          for (String ref : t.refs()) {
            refs.add(ref);
          }
        }
      }
      if (r.facts().adPosts() != null) {
        largest = Math.max(largest, r.facts().adPosts());
      }
    }
    if (largest == 0) {
      return null;
    }
    return complete ? Math.max(refs.size(), largest) : largest;
  }

  private static void count(ObjectNode out, List<Conflict> conflicts, String key, Long proven) {
    if (proven == null) {
      return;
    }
    String[] parts = key.split("\\.");
    ObjectNode parent = out;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = obj(parent, parts[i]);
    }
    String leaf = parts[parts.length - 1];
    JsonNode had = parent.get(leaf);
    long kept = proven;
    if (had != null && had.canConvertToLong() && had.asLong() != proven) {
      kept = Math.max(had.asLong(), proven);
      conflicts.add(new Conflict(key, had.asText(), Long.toString(proven), Long.toString(kept)));
    }
    parent.put(leaf, kept);
  }

  /**
   * A count read from a screenshot or a captured page (views as clicks, subscribers as members):
   * the largest read value over the reports, a lower bound. Kept as {@link #count} keeps a proven
   * count (the larger of intake and reports, a difference is a conflict); when the read value is
   * the one kept, its {@code facts_provenance} entry (read from what, where) is written beside it,
   * so the assessment says it was read, not counted. An intake value that wins keeps the intake's
   * own provenance, if any.
   */
  private static void readCount(
      ObjectNode out, List<Conflict> conflicts, String key, List<SpreadReport> reports) {
    Long best = null;
    SpreadReport.Provenance from = null;
    for (SpreadReport r : reports) {
      Long v = key.endsWith("clicks") ? r.facts().clicks() : r.facts().members();
      if (v != null && (best == null || v > best)) {
        best = v;
        from = r.factsProvenance().get(key);
      }
    }
    if (best == null) {
      return;
    }
    JsonNode had = at(out, key);
    count(out, conflicts, key, best);
    boolean readKept = had == null || !had.canConvertToLong() || had.asLong() <= best;
    if (readKept && had != null && had.canConvertToLong() && had.asLong() == best) {
      return; // the intake said the same: nothing read is needed to show it
    }
    if (readKept && from != null) {
      ObjectNode p = obj(obj(out, "facts_provenance"), key);
      p.put("read_from", from.readFrom());
      p.put("source", from.source());
    }
  }

  private static JsonNode at(ObjectNode out, String key) {
    JsonNode n = out;
    for (String part : key.split("\\.")) {
      n = n.path(part);
    }
    return n.isMissingNode() ? null : n;
  }

  private static ObjectNode obj(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    return n instanceof ObjectNode o ? o : parent.putObject(key);
  }
}
