package org.redress.law;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Findings with the action plan built from them, and the one reader and writer of their JSON form
 * ({@code redress/findings@1}: the findings as before, plus {@code plan}). Every module that reads
 * an assessment reads it here, so a file is accepted or refused alike everywhere.
 *
 * @param findings the findings
 * @param plan the plan, or null in a findings file written without one
 */
public record Assessment(Findings findings, @Nullable ActionPlan plan) {
  private static final Set<String> STATUSES =
      Set.of("applies", "possible", "time_barred", "not_applicable");
  private static final Set<String> ROUTES = Set.of("administrative", "civil", "criminal", "other");

  /** The assessment as pretty-printed JSON. */
  public String toJson() {
    ObjectNode root = findingsNode(findings);
    if (plan != null) {
      root.set("plan", planNode(plan));
    }
    try {
      return Yaml.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write the assessment as JSON", e);
    }
  }

  /**
   * Reads an assessment written by {@link #toJson()} (or a findings file without a plan).
   *
   * @throws InvalidAssessmentException naming the field that is missing or wrong
   */
  public static Assessment parse(String json) {
    JsonNode root;
    try {
      root = Yaml.read(json);
    } catch (Yaml.MalformedException e) {
      throw new InvalidAssessmentException("", e.getMessage());
    }
    Reader r = new Reader();
    if (!root.isObject()) {
      throw new InvalidAssessmentException("", "findings must be a mapping of keys");
    }
    String schema = r.str(root, "schema", "");
    if (!schema.equals(Findings.SCHEMA)) {
      throw new InvalidAssessmentException(
          "schema", "schema: expected \"" + Findings.SCHEMA + "\", was \"" + schema + "\"");
    }
    LocalDate asOf = r.date(root, "as_of", "");
    LocalDate conduct = root.has("conduct_date") ? r.date(root, "conduct_date", "") : asOf;
    List<Finding> fs = new ArrayList<>();
    JsonNode arr = r.array(root, "findings", "");
    for (int i = 0; i < arr.size(); i++) {
      fs.add(r.finding(arr.get(i), "findings[" + i + "]"));
    }
    List<Findings.NotAssessed> na = new ArrayList<>();
    for (JsonNode n : root.path("not_assessed")) {
      na.add(new Findings.NotAssessed(n.path("lineage").asText(), n.path("reason").asText()));
    }
    Findings findings = new Findings(asOf, conduct, List.copyOf(fs), List.copyOf(na));
    ActionPlan plan = root.has("plan") ? r.plan(root.get("plan"), "plan") : null;
    return new Assessment(findings, plan);
  }

  // -- writing ----------------------------------------------------------------------------------

  static ObjectNode findingsNode(Findings fs) {
    ObjectNode root = Yaml.JSON.createObjectNode();
    root.put("schema", Findings.SCHEMA);
    root.put("as_of", fs.asOf().toString());
    root.put("conduct_date", fs.conductDate().toString());
    root.set("notice", text(Findings.NOTICE));
    ArrayNode arr = root.putArray("findings");
    for (Finding f : fs.findings()) {
      ObjectNode o = arr.addObject();
      o.put("provision", f.provision());
      o.put("route", f.route());
      o.put("status", f.status());
      o.put("tier", f.tier());
      f.basis().forEach(o.putArray("basis")::add);
      if (f.penalty() == null) {
        o.putNull("penalty");
      } else {
        ObjectNode pen = text(f.penalty());
        if (!f.penaltyMax().isEmpty()) {
          ObjectNode max = pen.putObject("max");
          for (Map.Entry<String, Object> e : f.penaltyMax().entrySet()) {
            if (e.getValue() instanceof Boolean) {
              max.put(e.getKey(), (Boolean) e.getValue());
            } else {
              max.put(e.getKey(), (BigDecimal) e.getValue());
            }
          }
        }
        o.set("penalty", pen);
      }
      f.satisfied().forEach(o.putArray("satisfied")::add);
      f.missing().forEach(o.putArray("missing")::add);
      if (f.deadline() == null) {
        o.putNull("deadline");
      } else {
        Finding.Deadline d = f.deadline();
        ObjectNode dn = o.putObject("deadline");
        dn.put("kind", d.kind());
        dn.put("date", d.date() == null ? null : d.date().toString());
        if (d.latest() != null) {
          dn.put("latest", d.latest().toString());
        }
        dn.put("basis", d.basis());
        if (d.stoppedOn() != null) {
          dn.put("stopped_on", d.stoppedOn().toString());
          dn.put("lifted", d.lifted());
        }
        if (d.note() != null) {
          dn.set("note", text(d.note()));
        }
      }
      o.set("authority", text(f.authority()));
      o.set("explanation", text(f.explanation()));
      o.put("confirmation", f.confirmation());
      f.unconfirmed().forEach(o.putArray("unconfirmed")::add);
      o.put("lineage", f.lineage());
      o.set("version", text(f.version()));
      o.put("act", f.act());
      o.put("action", f.action());
    }
    ArrayNode na = root.putArray("not_assessed");
    for (Findings.NotAssessed n : fs.notAssessed()) {
      ObjectNode o = na.addObject();
      o.put("lineage", n.lineage());
      o.put("reason", n.reason());
    }
    return root;
  }

  static ObjectNode planNode(ActionPlan p) {
    ObjectNode o = Yaml.JSON.createObjectNode();
    o.put("as_of", p.asOf().toString());
    ArrayNode actions = o.putArray("actions");
    for (ActionPlan.Action a : p.actions()) {
      ObjectNode an = actions.addObject();
      an.put("kind", a.kind().key());
      an.set("title", text(a.title()));
      an.set("authority", text(a.authority()));
      an.put("status", a.status().key());
      an.put("by", a.by() == null ? null : a.by().toString());
      if (a.daysLeft() == null) {
        an.putNull("days_left");
      } else {
        an.put("days_left", a.daysLeft());
      }
      an.put("urgent", a.urgent());
      ArrayNode gs = an.putArray("grounds");
      for (ActionPlan.Ground g : a.grounds()) {
        ObjectNode gn = gs.addObject();
        gn.put("provision", g.provision());
        gn.put("status", g.status().key());
        gn.put("route", g.route());
        gn.put("tier", g.tier());
        gn.set("citation", text(g.citation()));
        gn.set("penalty", g.penalty() == null ? null : text(g.penalty()));
        gn.set("authority", text(g.authority()));
        ArrayNode needs = gn.putArray("needs");
        g.needs().forEach(t -> needs.add(text(t)));
        g.unconfirmed().forEach(gn.putArray("unconfirmed")::add);
      }
      ArrayNode steps = an.putArray("steps");
      a.steps().forEach(n -> steps.add(note(n)));
    }
    ArrayNode qs = o.putArray("questions");
    for (ActionPlan.Question q : p.questions()) {
      ObjectNode qn = qs.addObject();
      qn.put("fact", q.fact());
      qn.set("question", text(q.question()));
      q.provisions().forEach(qn.putArray("provisions")::add);
    }
    ArrayNode ds = o.putArray("deadlines");
    for (ActionPlan.DeadlineRow d : p.deadlines()) {
      ObjectNode dn = ds.addObject();
      dn.put("provision", d.provision());
      dn.put("action", d.action().key());
      dn.put("kind", d.kind());
      dn.put("date", d.date().toString());
      dn.put("latest", d.latest() == null ? null : d.latest().toString());
      dn.put("days_left", d.daysLeft());
      dn.put("urgent", d.urgent());
      dn.put("state", d.state());
      dn.set("wording", text(d.wording()));
      dn.put("basis", d.basis());
    }
    ArrayNode cs = o.putArray("connections");
    p.connections().forEach(n -> cs.add(note(n)));
    ArrayNode ms = o.putArray("memo");
    p.memo().forEach(n -> ms.add(note(n)));
    return o;
  }

  private static ObjectNode note(PlanNote n) {
    ObjectNode o = Yaml.JSON.createObjectNode();
    o.put("id", n.id());
    o.put("section", n.section());
    o.put("action", n.action());
    o.put("when", n.when());
    o.set("text", text(n.text()));
    n.cites().forEach(o.putArray("cites")::add);
    o.put("status", n.status());
    return o;
  }

  private static ObjectNode text(Text t) {
    ObjectNode o = Yaml.JSON.createObjectNode();
    o.put("zh", t.zh());
    o.put("en", t.en());
    return o;
  }

  // -- reading ----------------------------------------------------------------------------------

  private static final class Reader {
    InvalidAssessmentException error(String path, String what) {
      return new InvalidAssessmentException(path, path + ": " + what);
    }

    static String at(String base, String field) {
      return base.isEmpty() ? field : base + "." + field;
    }

    String str(JsonNode n, String field, String base) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual()) {
        throw error(at(base, field), v == null || v.isNull() ? "missing" : "expected text");
      }
      return v.asText();
    }

    @Nullable String optStr(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    LocalDate date(JsonNode n, String field, String base) {
      String s = str(n, field, base);
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw error(at(base, field), "expected an ISO date (YYYY-MM-DD), was \"" + s + "\"");
      }
    }

    @Nullable LocalDate optDate(JsonNode n, String field, String base) {
      return optStr(n, field) == null ? null : date(n, field, base);
    }

    JsonNode array(JsonNode n, String field, String base) {
      JsonNode v = n.get(field);
      if (v == null || !v.isArray()) {
        throw error(at(base, field), v == null ? "missing" : "expected a list");
      }
      return v;
    }

    List<String> strings(JsonNode n, String field) {
      List<String> out = new ArrayList<>();
      n.path(field).forEach(x -> out.add(x.asText()));
      return List.copyOf(out);
    }

    Text text(JsonNode n, String field, String base) {
      JsonNode v = n.get(field);
      if (v == null || !v.isObject()) {
        throw error(at(base, field), "expected {zh, en}");
      }
      return new Text(str(v, "zh", at(base, field)), str(v, "en", at(base, field)));
    }

    @Nullable Text optText(JsonNode n, String field, String base) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : text(n, field, base);
    }

    Finding finding(JsonNode n, String base) {
      if (!n.isObject()) {
        throw error(base, "expected a mapping");
      }
      String route = str(n, "route", base);
      if (!ROUTES.contains(route)) {
        throw error(at(base, "route"), "must be one of " + ROUTES + ", was \"" + route + "\"");
      }
      String status = str(n, "status", base);
      if (!STATUSES.contains(status)) {
        throw error(at(base, "status"), "must be one of " + STATUSES + ", was \"" + status + "\"");
      }
      Text penalty = optText(n, "penalty", base);
      Map<String, Object> max = new LinkedHashMap<>();
      n.path("penalty")
          .path("max")
          .properties()
          .forEach(
              e ->
                  max.put(
                      e.getKey(),
                      e.getValue().isBoolean()
                          ? (Object) e.getValue().asBoolean()
                          : e.getValue().decimalValue()));
      Finding.Deadline d = null;
      JsonNode dn = n.get("deadline");
      if (dn != null && !dn.isNull()) {
        String db = at(base, "deadline");
        d =
            new Finding.Deadline(
                str(dn, "kind", db),
                optDate(dn, "date", db),
                optDate(dn, "latest", db),
                str(dn, "basis", db),
                optDate(dn, "stopped_on", db),
                dn.path("lifted").asBoolean(false),
                optText(dn, "note", db));
      }
      String action = optStr(n, "action");
      if (action != null) {
        try {
          ActionPlan.Kind.fromKey(action);
        } catch (IllegalArgumentException e) {
          throw error(at(base, "action"), "unknown plan action \"" + action + "\"");
        }
      }
      return new Finding(
          str(n, "provision", base),
          route,
          status,
          optStr(n, "tier"),
          strings(n, "basis"),
          penalty,
          java.util.Collections.unmodifiableMap(max),
          strings(n, "satisfied"),
          strings(n, "missing"),
          d,
          text(n, "authority", base),
          text(n, "explanation", base),
          n.path("confirmation").asText(""),
          strings(n, "unconfirmed"),
          n.path("lineage").asText(""),
          optText(n, "version", base) == null ? new Text("", "") : text(n, "version", base),
          n.path("act").asText("any"),
          action == null ? defaultAction(route) : action);
    }

    static String defaultAction(String route) {
      return route.equals("civil")
          ? "civil_suit"
          : route.equals("other") ? "takedown" : "report_to_police";
    }

    ActionPlan plan(JsonNode n, String base) {
      List<ActionPlan.Action> actions = new ArrayList<>();
      JsonNode arr = array(n, "actions", base);
      for (int i = 0; i < arr.size(); i++) {
        JsonNode a = arr.get(i);
        String ab = base + ".actions[" + i + "]";
        List<ActionPlan.Ground> gs = new ArrayList<>();
        for (JsonNode g : a.path("grounds")) {
          List<Text> needs = new ArrayList<>();
          for (JsonNode t : g.path("needs")) {
            needs.add(new Text(t.path("zh").asText(), t.path("en").asText()));
          }
          gs.add(
              new ActionPlan.Ground(
                  str(g, "provision", ab),
                  status(g, ab),
                  str(g, "route", ab),
                  optStr(g, "tier"),
                  text(g, "citation", ab),
                  optText(g, "penalty", ab),
                  text(g, "authority", ab),
                  List.copyOf(needs),
                  strings(g, "unconfirmed")));
        }
        List<PlanNote> steps = new ArrayList<>();
        a.path("steps").forEach(x -> steps.add(note(x, ab)));
        actions.add(
            new ActionPlan.Action(
                kind(a, "kind", ab),
                text(a, "title", ab),
                text(a, "authority", ab),
                status(a, ab),
                optDate(a, "by", ab),
                a.path("days_left").isNumber() ? a.get("days_left").asLong() : null,
                a.path("urgent").asBoolean(false),
                List.copyOf(gs),
                List.copyOf(steps)));
      }
      List<ActionPlan.Question> qs = new ArrayList<>();
      for (JsonNode q : n.path("questions")) {
        qs.add(
            new ActionPlan.Question(
                str(q, "fact", base), text(q, "question", base), strings(q, "provisions")));
      }
      List<ActionPlan.DeadlineRow> ds = new ArrayList<>();
      for (JsonNode d : n.path("deadlines")) {
        String db = base + ".deadlines";
        ds.add(
            new ActionPlan.DeadlineRow(
                str(d, "provision", db),
                kind(d, "action", db),
                str(d, "kind", db),
                date(d, "date", db),
                optDate(d, "latest", db),
                d.path("days_left").asLong(),
                d.path("urgent").asBoolean(false),
                str(d, "state", db),
                text(d, "wording", db),
                d.path("basis").asText(d.path("provision").asText())));
      }
      List<PlanNote> cs = new ArrayList<>();
      n.path("connections").forEach(x -> cs.add(note(x, base + ".connections")));
      List<PlanNote> ms = new ArrayList<>();
      n.path("memo").forEach(x -> ms.add(note(x, base + ".memo")));
      return new ActionPlan(
          date(n, "as_of", base),
          List.copyOf(actions),
          List.copyOf(qs),
          List.copyOf(ds),
          List.copyOf(cs),
          List.copyOf(ms));
    }

    ActionPlan.Kind kind(JsonNode n, String field, String base) {
      String k = str(n, field, base);
      try {
        return ActionPlan.Kind.fromKey(k);
      } catch (IllegalArgumentException e) {
        throw error(at(base, field), "unknown plan action \"" + k + "\"");
      }
    }

    ActionPlan.Status status(JsonNode n, String base) {
      String s = str(n, "status", base);
      try {
        return ActionPlan.Status.fromKey(s);
      } catch (IllegalArgumentException e) {
        throw error(at(base, "status"), "unknown plan status \"" + s + "\"");
      }
    }

    PlanNote note(JsonNode n, String base) {
      return new PlanNote(
          str(n, "id", base),
          str(n, "section", base),
          optStr(n, "action"),
          optStr(n, "when"),
          text(n, "text", base),
          strings(n, "cites"),
          str(n, "status", base));
    }
  }
}
