package org.redress.law;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A body of law loaded from YAML data: instruments, provisions keyed by effective date, parameter
 * sets (thresholds) keyed by date, time rules and determinations. Immutable once loaded. The data
 * format is described in {@code docs/law-data.md}.
 */
public final class LawBook {
  /** Confirmation statuses the reference uses. */
  public static final Set<String> STATUSES =
      Set.of("CONFIRMED", "CONFIRMED (secondary)", "DERIVED", "UNCONFIRMED");

  private static final Set<String> KINDS =
      Set.of("offence", "remedy", "channel", "rule", "threshold", "definition");
  private static final Set<String> ROUTES = Set.of("administrative", "civil", "criminal", "other");
  private static final Set<String> TIERS =
      Set.of("lighter", "basic", "serious", "especially_serious", "aggravated");

  private final List<Instrument> instruments;
  private final Map<String, Provision> byId;
  private final Map<String, List<Version>> lineages;
  private final Map<String, List<ParamSet>> params;
  private final Map<String, TimeRule> timeRules;
  private final Map<String, Text> determinations;
  private final Set<String> laterSteps;
  private final Map<String, Text> questions;
  private final List<PlanNote> planNotes;
  private final Map<String, Expr> noteWhen;
  private final Map<String, Text[]> actionTexts;
  private final Map<String, Expr> continuing;
  private final List<String[]> citePrefixes;
  private final FactsSchema schema;

  private LawBook(Loader l) {
    this.schema = l.schema;
    this.laterSteps = Set.copyOf(l.laterSteps);
    this.questions = Collections.unmodifiableMap(l.questions);
    this.planNotes = List.copyOf(l.planNotes);
    this.noteWhen = Collections.unmodifiableMap(l.noteWhen);
    this.actionTexts = Collections.unmodifiableMap(l.actionTexts);
    this.continuing = Collections.unmodifiableMap(l.continuing);
    this.citePrefixes = List.copyOf(l.citePrefixes);
    this.instruments = List.copyOf(l.instruments);
    this.byId = Collections.unmodifiableMap(l.byId);
    Map<String, List<Version>> lin = new LinkedHashMap<>();
    l.lineages.forEach(
        (k, v) -> {
          List<Version> sorted = new ArrayList<>(v);
          sorted.sort(Comparator.comparing(x -> x.inForce().from()));
          lin.put(k, List.copyOf(sorted));
        });
    this.lineages = Collections.unmodifiableMap(lin);
    this.params = Collections.unmodifiableMap(l.params);
    this.timeRules = Collections.unmodifiableMap(l.timeRules);
    this.determinations = Collections.unmodifiableMap(l.determinations);
  }

  /**
   * Loads and cross-checks law data.
   *
   * @param files data file name to YAML text, in load order
   * @param schema the facts vocabulary conditions may read
   * @return the law book
   * @throws LawDataException naming the file and entry for malformed or inconsistent data: a
   *     missing required field, an unknown status, overlapping versions, an unknown fact path,
   *     parameter, basis or limitation rule in a condition
   */
  public static LawBook load(Map<String, String> files, FactsSchema schema) {
    Loader l = new Loader(schema);
    files.forEach(l::file);
    l.crossCheck();
    return new LawBook(l);
  }

  /** The facts vocabulary this law's conditions read. */
  public FactsSchema factsSchema() {
    return schema;
  }

  /**
   * Whether a determination names something that can only happen after a first step (a platform
   * that ignored a notice, a warning notice that was refused): such routes are later steps.
   */
  public boolean isLaterStep(String determination) {
    return laterSteps.contains(determination);
  }

  /** The question that asks for a fact, in both languages. */
  public Optional<Text> question(String factPath) {
    return Optional.ofNullable(questions.get(factPath));
  }

  /** The plan notes (connecting rules, memo points, action steps), in data order. */
  public List<PlanNote> planNotes() {
    return planNotes;
  }

  /** Whether a plan note's condition holds on these facts (unknown: it does not). */
  public boolean noteHolds(PlanNote note, CaseFacts facts) {
    Expr e = noteWhen.get(note.id());
    return e == null || e.eval(env(facts)).isTrue();
  }

  /** Whether a time rule's "the conduct continues" condition holds on these facts. */
  boolean continuingHolds(TimeRule rule, CaseFacts facts) {
    Expr e = continuing.get(rule.id());
    return e != null && e.eval(env(facts)).isTrue();
  }

  /** The title of a plan action ({@code report_to_police}, …). */
  public Text actionTitle(String action) {
    Text[] t = actionTexts.get(action);
    return t == null ? new Text(action, action) : t[0];
  }

  /** Who decides on a plan action. */
  public Text actionAuthority(String action) {
    Text[] t = actionTexts.get(action);
    return t == null ? new Text("", "") : t[1];
  }

  /**
   * The citation of a provision: the law's title in 书名号 with the version where it matters, and the
   * article; in English the title and article.
   *
   * @throws IllegalArgumentException for an unknown provision ID
   */
  public Text citation(String provisionId) {
    Provision p = byId.get(provisionId);
    String[] prefix = null;
    for (String[] c : citePrefixes) {
      if (provisionId.startsWith(c[0]) && (prefix == null || c[0].length() > prefix[0].length())) {
        prefix = c;
      }
    }
    if (prefix != null) {
      String rest = provisionId.substring(prefix[0].length());
      if (p != null) {
        return new Text(prefix[1] + p.article().zh(), prefix[2] + ", " + p.article().en());
      }
      if (rest.isEmpty()) {
        return new Text(prefix[1], prefix[2]);
      }
      Text art = Numerals.article(rest, prefix[3], prefix[4]);
      if (art == null) {
        throw new IllegalArgumentException("no such provision: " + provisionId);
      }
      return new Text(prefix[1] + art.zh(), prefix[2] + ", " + art.en());
    }
    if (p == null) {
      throw new IllegalArgumentException("no such provision: " + provisionId);
    }
    String title = p.instrument().title().zh();
    String zh =
        (title.startsWith("《") ? title : "《" + title + "》")
            + p.instrument().citeSuffix().zh()
            + p.article().zh();
    String en =
        p.instrument().title().en() + p.instrument().citeSuffix().en() + ", " + p.article().en();
    return new Text(zh, en);
  }

  /** Whether an ID has a citation (a provision in the data or a cited-by-prefix article). */
  public boolean citable(String provisionId) {
    try {
      citation(provisionId);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Citations of every provision, by ID, in load order. */
  public Map<String, Text> citations() {
    Map<String, Text> out = new LinkedHashMap<>();
    byId.keySet().forEach(id -> out.put(id, citation(id)));
    return Collections.unmodifiableMap(out);
  }

  static Expr.Env env(CaseFacts facts) {
    return new Expr.Env() {
      @Override
      public @Nullable Object fact(String path) {
        return facts.get(path);
      }

      @Override
      public BigDecimal param(String name) {
        throw new IllegalStateException("no parameters here: @" + name);
      }
    };
  }

  /** Every instrument version, in load order. */
  public List<Instrument> instruments() {
    return instruments;
  }

  /** Every provision version, in load order. */
  public List<Provision> provisions() {
    return List.copyOf(byId.values());
  }

  /** The provision with this reference ID. */
  public Optional<Provision> provision(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every lineage (a provision across its versions), in load order. */
  public List<String> lineages() {
    return List.copyOf(lineages.keySet());
  }

  /** The versions of a lineage, oldest first. */
  public List<Version> versions(String lineage) {
    List<Version> v = lineages.get(lineage);
    if (v == null) {
      throw new IllegalArgumentException("no such provision lineage: " + lineage);
    }
    return v;
  }

  /**
   * The one version of a lineage (or of the lineage of a provision ID) in force on a day.
   *
   * @throws NoVersionException when no version covers the day
   * @throws IllegalArgumentException for an unknown lineage or ID
   */
  public Version versionAt(String lineageOrId, LocalDate day) {
    String lineage = byId.containsKey(lineageOrId) ? byId.get(lineageOrId).lineage() : lineageOrId;
    List<Version> vs = versions(lineage);
    Version found = null;
    for (Version v : vs) {
      if (v.inForce().contains(day)) {
        if (found != null) {
          throw new IllegalStateException("two versions of " + lineage + " on " + day);
        }
        found = v;
      }
    }
    if (found == null) {
      Version first = vs.get(0);
      Version last = vs.get(vs.size() - 1);
      throw new NoVersionException(
          lineage,
          day,
          String.format(
              Locale.ROOT,
              "no version of %s (%s) covers %s; the law data covers %s..%s",
              lineage,
              (first.absent() ? last : first).label(),
              day,
              first.inForce().from(),
              last.inForce().to() == null ? "" : last.inForce().to().toString()));
    }
    return found;
  }

  /** The provisions in force on a day (absences omitted; lineages not covered are skipped). */
  public List<Provision> inForce(LocalDate day) {
    List<Provision> out = new ArrayList<>();
    for (List<Version> vs : lineages.values()) {
      for (Version v : vs) {
        if (!v.absent() && v.inForce().contains(day)) {
          out.add(v.provision());
        }
      }
    }
    return out;
  }

  /**
   * The value of a parameter ({@code namespace.name}) on a day.
   *
   * @throws NoVersionException when no version of the namespace covers the day
   * @throws IllegalArgumentException for an unknown parameter
   */
  public BigDecimal param(String qualified, LocalDate day) {
    // paramSet has checked that the set holds the name.
    return Objects.requireNonNull(paramSet(qualified, day).values.get(name(qualified)));
  }

  /** The provision ID that a parameter's value comes from, on a day. */
  public String paramSource(String qualified, LocalDate day) {
    return Objects.requireNonNull(paramSet(qualified, day).cites.get(name(qualified)));
  }

  private ParamSet paramSet(String qualified, LocalDate day) {
    List<ParamSet> sets = params.get(namespace(qualified));
    if (sets == null) {
      throw new IllegalArgumentException("no such parameter: @" + qualified);
    }
    for (ParamSet s : sets) {
      if (s.range.contains(day)) {
        if (!s.values.containsKey(name(qualified))) {
          throw new IllegalArgumentException("no such parameter: @" + qualified);
        }
        return s;
      }
    }
    throw new NoVersionException(
        namespace(qualified),
        day,
        String.format(
            Locale.ROOT, "no version of the parameters @%s covers %s", namespace(qualified), day));
  }

  /** A time rule by ID ({@code apl-37}, {@code cl-12}). */
  public Optional<TimeRule> timeRule(String id) {
    return Optional.ofNullable(timeRules.get(id));
  }

  /** What a named determination means (for {@code missing}). */
  public Optional<Text> determination(String name) {
    return Optional.ofNullable(determinations.get(name));
  }

  private static String namespace(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? qualified : qualified.substring(0, dot);
  }

  private static String name(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? "" : qualified.substring(dot + 1);
  }

  private static final class ParamSet {
    final DateRange range;
    final Map<String, BigDecimal> values = new LinkedHashMap<>();
    final Map<String, String> cites = new LinkedHashMap<>();

    ParamSet(DateRange range) {
      this.range = range;
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Reads data files one by one, then checks references across them. */
  private static final class Loader {
    final List<Instrument> instruments = new ArrayList<>();
    final Map<String, Provision> byId = new LinkedHashMap<>();
    final Map<String, List<Version>> lineages = new LinkedHashMap<>();
    final Map<String, List<ParamSet>> params = new LinkedHashMap<>();
    final Map<String, TimeRule> timeRules = new LinkedHashMap<>();
    final Map<String, Text> determinations = new LinkedHashMap<>();
    final Map<String, String> where = new LinkedHashMap<>();
    final Set<String> laterSteps = new java.util.LinkedHashSet<>();
    final Map<String, Text> questions = new LinkedHashMap<>();
    final List<PlanNote> planNotes = new ArrayList<>();
    final Map<String, Expr> noteWhen = new LinkedHashMap<>();
    final Map<String, Text[]> actionTexts = new LinkedHashMap<>();
    final Map<String, Expr> continuing = new LinkedHashMap<>();
    final List<String[]> citePrefixes = new ArrayList<>();
    final FactsSchema schema;

    Loader(FactsSchema schema) {
      this.schema = schema;
    }

    void file(String name, String text) {
      JsonNode root;
      try {
        root = Yaml.read(text);
      } catch (Yaml.MalformedException e) {
        throw new LawDataException(name + ": " + e.getMessage());
      }
      if (!root.isObject()) {
        throw new LawDataException(name + ": expected a mapping at the top");
      }
      checkKeys(
          root,
          name,
          "instrument",
          "params",
          "absent",
          "provisions",
          "time_rules",
          "determinations",
          "later_steps",
          "questions",
          "plan_notes",
          "actions",
          "citations");
      for (JsonNode c : list(root, "citations")) {
        String ctx = name + ": citations";
        checkKeys(c, ctx, "prefix", "zh", "en", "sub", "unit", "status");
        status(c, "status", ctx);
        citePrefixes.add(
            new String[] {
              str(c, "prefix", ctx),
              str(c, "zh", ctx),
              str(c, "en", ctx),
              c.path("sub").asText("none"),
              c.path("unit").asText("条")
            });
      }
      root.path("later_steps").forEach(x -> laterSteps.add(x.asText()));
      if (root.has("questions")) {
        root.get("questions")
            .properties()
            .forEach(
                e ->
                    questions.put(
                        e.getKey(), text(root.get("questions"), e.getKey(), name + ": questions")));
      }
      if (root.has("actions")) {
        root.get("actions")
            .properties()
            .forEach(
                e -> {
                  String ctx = name + ": actions." + e.getKey();
                  checkKeys(e.getValue(), ctx, "title", "authority");
                  actionTexts.put(
                      e.getKey(),
                      new Text[] {
                        text(e.getValue(), "title", ctx), text(e.getValue(), "authority", ctx)
                      });
                });
      }
      for (JsonNode n : list(root, "plan_notes")) {
        String ctx = name + ": plan note";
        checkKeys(n, ctx, "id", "section", "action", "when", "text", "cites", "status");
        String id = str(n, "id", ctx);
        String section = str(n, "section", ctx + " " + id);
        if (!Set.of("connection", "memo", "step").contains(section)) {
          throw new LawDataException(ctx + " " + id + ": section must be connection, memo or step");
        }
        String action = opt(n, "action");
        if (action != null) {
          try {
            ActionPlan.Kind.fromKey(action);
          } catch (IllegalArgumentException ex) {
            throw new LawDataException(ctx + " " + id + ": unknown action " + action);
          }
        } else if (section.equals("step")) {
          throw new LawDataException(ctx + " " + id + ": a step needs an action");
        }
        if (n.has("when")) {
          noteWhen.put(id, expr(n, "when", ctx + " " + id));
        }
        planNotes.add(
            new PlanNote(
                id,
                section,
                action,
                opt(n, "when"),
                text(n, "text", ctx + " " + id),
                strings(n, "cites"),
                status(n, "status", ctx + " " + id)));
      }
      if (root.has("time_rules")) {
        for (JsonNode t : root.get("time_rules")) {
          String ctx = name + ": time rule";
          String id = str(t, "id", ctx);
          checkKeys(
              t,
              ctx + " " + id,
              "id",
              "title",
              "text_zh",
              "gloss_en",
              "source",
              "status",
              "application",
              "continuing_when");
          timeRules.put(
              id,
              new TimeRule(
                  id,
                  text(t, "title", ctx),
                  str(t, "text_zh", ctx),
                  str(t, "gloss_en", ctx),
                  str(t, "source", ctx),
                  status(t, "status", ctx),
                  str(t, "application", ctx),
                  opt(t, "continuing_when")));
          if (t.has("continuing_when")) {
            continuing.put(id, expr(t, "continuing_when", ctx + " " + id));
          }
        }
      }
      if (root.has("determinations")) {
        root.get("determinations")
            .properties()
            .forEach(
                e ->
                    determinations.put(
                        e.getKey(), text(root.get("determinations"), e.getKey(), name)));
      }
      if (!root.has("instrument")) {
        return;
      }
      Instrument ins = instrument(root.get("instrument"), name);
      instruments.add(ins);
      if (root.has("params")) {
        params(root.get("params"), ins, name);
      }
      if (root.has("absent")) {
        for (JsonNode a : root.get("absent")) {
          String ctx = name + ": absent";
          checkKeys(a, ctx, "lineage", "source", "note", "in_force");
          String lineage = str(a, "lineage", ctx);
          str(a, "source", ctx);
          DateRange r = a.has("in_force") ? range(a, "in_force", ctx) : ins.inForce();
          lineages
              .computeIfAbsent(lineage, k -> new ArrayList<>())
              .add(new Version(lineage, r, null, text(a, "note", ctx), ins));
        }
      }
      if (root.has("provisions")) {
        for (JsonNode p : root.get("provisions")) {
          Provision pr = provision(p, ins, name);
          if (byId.put(pr.id(), pr) != null) {
            throw new LawDataException(name + ": " + pr.id() + ": duplicate provision ID");
          }
          where.put(pr.id(), name);
          lineages
              .computeIfAbsent(pr.lineage(), k -> new ArrayList<>())
              .add(new Version(pr.lineage(), pr.inForce(), pr, null, ins));
        }
      }
    }

    Instrument instrument(JsonNode n, String name) {
      String ctx = name + ": instrument";
      checkKeys(
          n,
          ctx,
          "id",
          "title",
          "version",
          "in_force",
          "source",
          "status",
          "unconfirmed",
          "time_rule",
          "kind",
          "earlier_on_point",
          "cite_suffix");
      String kind = n.has("kind") ? str(n, "kind", ctx) : "statute";
      if (!Set.of("statute", "interpretation", "opinion", "other").contains(kind)) {
        throw new LawDataException(
            ctx + ": kind must be statute, interpretation, opinion or other, " + "was " + kind);
      }
      return new Instrument(
          str(n, "id", ctx),
          text(n, "title", ctx),
          text(n, "version", ctx),
          range(n, "in_force", ctx),
          str(n, "source", ctx),
          status(n, "status", ctx),
          strings(n, "unconfirmed"),
          opt(n, "time_rule"),
          name,
          kind,
          strings(n, "earlier_on_point"),
          n.has("cite_suffix")
              ? new Text(
                  n.get("cite_suffix").path("zh").asText(""),
                  n.get("cite_suffix").path("en").asText(""))
              : new Text("", ""));
    }

    void params(JsonNode n, Instrument ins, String name) {
      String ctx = name + ": params";
      String ns = str(n, "namespace", ctx);
      ParamSet set = new ParamSet(ins.inForce());
      JsonNode values = n.get("values");
      if (values == null || !values.isObject()) {
        throw new LawDataException(ctx + ": values must be a mapping");
      }
      values
          .properties()
          .forEach(
              e -> {
                String pctx = ctx + "." + e.getKey();
                JsonNode v = e.getValue();
                checkKeys(v, pctx, "value", "unit", "cites", "note");
                if (!v.has("value") || !v.get("value").isNumber()) {
                  throw new LawDataException(pctx + ": value must be a number");
                }
                str(v, "unit", pctx);
                set.values.put(e.getKey(), v.get("value").decimalValue());
                set.cites.put(e.getKey(), str(v, "cites", pctx));
              });
      List<ParamSet> sets = params.computeIfAbsent(ns, k -> new ArrayList<>());
      for (ParamSet other : sets) {
        if (other.range.overlaps(set.range)) {
          throw new LawDataException(ctx + ": parameters @" + ns + " overlap another version");
        }
      }
      sets.add(set);
    }

    Provision provision(JsonNode n, Instrument ins, String name) {
      String id = str(n, "id", name + ": provision");
      String ctx = name + ": " + id;
      checkKeys(
          n,
          ctx,
          "id",
          "lineage",
          "article",
          "in_force",
          "range_status",
          "range_note",
          "status",
          "unconfirmed",
          "source",
          "text_zh",
          "gloss_en",
          "kind",
          "route",
          "authority",
          "severity_vs_previous",
          "elements",
          "tiers",
          "aggravations",
          "limitation",
          "limitation_rule",
          "explain",
          "notes",
          "params_note",
          "act",
          "action",
          "action_when");
      String kind = str(n, "kind", ctx);
      if (!KINDS.contains(kind)) {
        throw new LawDataException(ctx + ": kind must be one of " + KINDS + ", was " + kind);
      }
      DateRange range = n.has("in_force") ? range(n, "in_force", ctx) : ins.inForce();
      if (range.from().isBefore(ins.inForce().from())
          || (ins.inForce().to() != null
              && (range.to() == null || range.to().isAfter(ins.inForce().to())))) {
        throw new LawDataException(
            ctx + ": in_force " + range + " lies outside the instrument's " + ins.inForce());
      }
      Provision.Severity sev = null;
      if (n.has("severity_vs_previous")) {
        JsonNode s = n.get("severity_vs_previous");
        String v = str(s, "value", ctx + ".severity_vs_previous");
        if (!Set.of("lighter", "heavier", "same").contains(v)) {
          throw new LawDataException(
              ctx + ": severity_vs_previous.value must be lighter, heavier " + "or same, was " + v);
        }
        sev = new Provision.Severity(v, status(s, "status", ctx), str(s, "note", ctx));
      }
      List<Provision.Element> elements = new ArrayList<>();
      for (JsonNode e : list(n, "elements")) {
        String ectx = ctx + ": element";
        checkKeys(e, ectx, "id", "cites", "when");
        elements.add(
            new Provision.Element(
                str(e, "id", ectx), str(e, "cites", ectx), expr(e, "when", ectx)));
      }
      List<Provision.Tier> tiers = new ArrayList<>();
      for (JsonNode t : list(n, "tiers")) {
        String tctx = ctx + ": tier";
        checkKeys(t, tctx, "tier", "cites", "basis", "when", "penalty", "max");
        String tier = str(t, "tier", tctx);
        if (!TIERS.contains(tier)) {
          throw new LawDataException(tctx + ": tier must be one of " + TIERS + ", was " + tier);
        }
        Map<String, Object> max = new LinkedHashMap<>();
        if (t.has("max")) {
          t.get("max")
              .properties()
              .forEach(
                  e ->
                      max.put(
                          e.getKey(),
                          e.getValue().isBoolean()
                              ? (Object) e.getValue().asBoolean()
                              : e.getValue().decimalValue()));
        }
        tiers.add(
            new Provision.Tier(
                tier,
                str(t, "cites", tctx),
                strings(t, "basis"),
                t.has("when") ? expr(t, "when", tctx) : null,
                text(t, "penalty", tctx),
                Collections.unmodifiableMap(max)));
      }
      List<Provision.Aggravation> aggs = new ArrayList<>();
      for (JsonNode a : list(n, "aggravations")) {
        String actx = ctx + ": aggravation";
        checkKeys(a, actx, "when", "basis", "note");
        aggs.add(
            new Provision.Aggravation(
                expr(a, "when", actx), strings(a, "basis"), text(a, "note", actx)));
      }
      String route = opt(n, "route");
      boolean evaluated = Set.of("offence", "remedy", "channel").contains(kind);
      if (evaluated) {
        if (route == null || !ROUTES.contains(route)) {
          throw new LawDataException(ctx + ": route must be one of " + ROUTES + ", was " + route);
        }
        if (elements.isEmpty()) {
          throw new LawDataException(ctx + ": an evaluated provision needs elements");
        }
        text(n, "authority", ctx);
        text(n, "explain", ctx);
      }
      List<Text> notes = new ArrayList<>();
      for (JsonNode t : list(n, "notes")) {
        notes.add(new Text(t.path("zh").asText(""), t.path("en").asText("")));
      }
      String status = status(n, "status", ctx);
      String act = n.has("act") ? str(n, "act", ctx) : "any";
      if (!java.util.Arrays.stream(act.split("\\+"))
          .allMatch(Set.of("installed", "filmed", "spread", "any")::contains)) {
        throw new LawDataException(
            ctx + ": act must be installed, filmed, spread or any, was " + act);
      }
      String action = opt(n, "action");
      if (action == null && route != null) {
        action =
            route.equals("civil")
                ? "civil_suit"
                : route.equals("other") ? "takedown" : "report_to_police";
      }
      List<Provision.ActionWhen> actionWhen = new ArrayList<>();
      for (JsonNode a : list(n, "action_when")) {
        String actx = ctx + ": action_when";
        checkKeys(a, actx, "action", "when", "note");
        actionWhen.add(
            new Provision.ActionWhen(
                str(a, "action", actx), expr(a, "when", actx), text(a, "note", actx)));
      }
      for (String a : actionWhenKeys(action, actionWhen)) {
        try {
          ActionPlan.Kind.fromKey(a);
        } catch (IllegalArgumentException ex) {
          throw new LawDataException(ctx + ": unknown plan action " + a);
        }
      }
      return new Provision(
          id,
          n.has("lineage") ? str(n, "lineage", ctx) : id,
          ins,
          text(n, "article", ctx),
          range,
          n.has("range_status") ? status(n, "range_status", ctx) : ins.status(),
          opt(n, "range_note"),
          status,
          strings(n, "unconfirmed"),
          str(n, "source", ctx),
          str(n, "text_zh", ctx),
          str(n, "gloss_en", ctx),
          kind,
          route,
          n.has("authority") ? text(n, "authority", ctx) : null,
          sev,
          List.copyOf(elements),
          List.copyOf(tiers),
          List.copyOf(aggs),
          opt(n, "limitation"),
          n.has("limitation_rule") ? limitationRule(n.get("limitation_rule"), ctx) : null,
          n.has("explain") ? text(n, "explain", ctx) : null,
          List.copyOf(notes),
          act,
          action,
          List.copyOf(actionWhen));
    }

    Provision.LimitationRule limitationRule(JsonNode n, String ctx) {
      String lctx = ctx + ": limitation_rule";
      checkKeys(
          n,
          lctx,
          "type",
          "deadline_kind",
          "period",
          "stops",
          "starts",
          "longstop",
          "brackets",
          "minors",
          "note");
      String type = str(n, "type", lctx);
      if (!Set.of("discovery", "prosecution", "claim", "none").contains(type)) {
        throw new LawDataException(lctx + ": type must be discovery, prosecution, claim or none");
      }
      List<Provision.Bracket> brackets = new ArrayList<>();
      for (JsonNode b : list(n, "brackets")) {
        checkKeys(b, lctx + ".brackets", "max_years_below", "life", "period");
        brackets.add(
            new Provision.Bracket(
                b.has("max_years_below") ? b.get("max_years_below").decimalValue() : null,
                b.path("life").asBoolean(false),
                period(b.get("period"), lctx + ".brackets")));
      }
      Provision.MinorStart minors = null;
      if (n.has("minors")) {
        JsonNode m = n.get("minors");
        checkKeys(m, lctx + ".minors", "basis", "age", "when");
        if (!m.path("age").isInt()) {
          throw new LawDataException(lctx + ".minors: age must be a whole number");
        }
        minors =
            new Provision.MinorStart(
                str(m, "basis", lctx), m.get("age").asInt(), expr(m, "when", lctx + ".minors"));
      }
      for (String f : new String[] {"stops", "starts"}) {
        String path = opt(n, f);
        if (path != null && !schema.isDate(path)) {
          throw new LawDataException(lctx + ": " + f + " must be a date fact, was " + path);
        }
      }
      boolean needsPeriod = type.equals("discovery") || type.equals("claim");
      return new Provision.LimitationRule(
          type,
          str(n, "deadline_kind", lctx),
          needsPeriod ? period(n.get("period"), lctx) : null,
          opt(n, "stops"),
          opt(n, "starts"),
          n.has("longstop") ? period(n.get("longstop"), lctx) : null,
          List.copyOf(brackets),
          minors,
          n.has("note") ? text(n, "note", lctx) : null);
    }

    Provision.Period period(JsonNode n, String ctx) {
      if (n == null || !n.isObject()) {
        throw new LawDataException(ctx + ": period missing");
      }
      checkKeys(n, ctx + ".period", "years", "months", "days");
      Provision.Period p =
          new Provision.Period(
              n.path("years").asInt(0), n.path("months").asInt(0), n.path("days").asInt(0));
      if (p.years() + p.months() + p.days() <= 0) {
        throw new LawDataException(ctx + ": period must be positive");
      }
      return p;
    }

    static List<String> actionWhenKeys(@Nullable String action, List<Provision.ActionWhen> aw) {
      List<String> out = new ArrayList<>();
      if (action != null) {
        out.add(action);
      }
      aw.forEach(a -> out.add(a.action()));
      return out;
    }

    void crossCheck() {
      continuing.forEach(
          (id, e) -> {
            for (String f : e.factPaths()) {
              if (!schema.isPath(f) || schema.isDate(f)) {
                throw new LawDataException(
                    "time rule " + id + ": condition reads unknown fact " + f);
              }
            }
          });
      noteWhen.forEach(
          (id, e) -> {
            for (String f : e.factPaths()) {
              if (!schema.isPath(f) || schema.isDate(f)) {
                throw new LawDataException(
                    "plan note " + id + ": condition reads unknown fact " + f);
              }
            }
          });
      for (String d : laterSteps) {
        if (!determinations.containsKey(d)) {
          throw new LawDataException("later_steps: " + d + " is not a determination");
        }
      }
      // Versions of one lineage must not overlap: exactly one version per day.
      lineages.forEach(
          (lineage, vs) -> {
            for (int i = 0; i < vs.size(); i++) {
              for (int j = i + 1; j < vs.size(); j++) {
                if (vs.get(i).inForce().overlaps(vs.get(j).inForce())) {
                  throw new LawDataException(
                      String.format(
                          Locale.ROOT,
                          "versions of %s overlap: %s %s and %s %s",
                          lineage,
                          vs.get(i).label(),
                          vs.get(i).inForce(),
                          vs.get(j).label(),
                          vs.get(j).inForce()));
                }
              }
            }
          });
      for (Provision p : byId.values()) {
        String ctx = where.get(p.id()) + ": " + p.id();
        List<Expr> exprs = new ArrayList<>();
        p.elements().forEach(e -> exprs.add(e.when()));
        p.tiers()
            .forEach(
                t -> {
                  if (t.when() != null) {
                    exprs.add(t.when());
                  }
                  t.basis().forEach(b -> known(b, ctx));
                });
        p.actionWhen().forEach(a -> exprs.add(a.when()));
        p.aggravations()
            .forEach(
                a -> {
                  exprs.add(a.when());
                  a.basis().forEach(b -> known(b, ctx));
                });
        if (p.limitationRule() != null && p.limitationRule().minors() != null) {
          exprs.add(p.limitationRule().minors().when());
          known(p.limitationRule().minors().basis(), ctx);
        }
        for (Expr e : exprs) {
          for (String f : e.factPaths()) {
            if (!schema.isPath(f) || schema.isDate(f)) {
              throw new LawDataException(
                  ctx
                      + ": condition \""
                      + e.source()
                      + "\" reads unknown fact "
                      + f
                      + Names.nearest(f, schema.paths())
                          .map(x -> " (did you mean " + x + "?)")
                          .orElse(""));
            }
          }
          for (String f : e.givenPaths()) {
            if (!schema.isPath(f)) {
              throw new LawDataException(
                  ctx + ": condition \"" + e.source() + "\" asks about unknown fact " + f);
            }
          }
          for (String q : e.params()) {
            List<ParamSet> sets = params.get(namespace(q));
            if (sets == null || sets.stream().noneMatch(s -> s.values.containsKey(name(q)))) {
              throw new LawDataException(
                  ctx + ": condition \"" + e.source() + "\" reads unknown parameter @" + q);
            }
          }
          for (String d : e.determinations()) {
            if (!determinations.containsKey(d)) {
              throw new LawDataException(
                  ctx
                      + ": condition \""
                      + e.source()
                      + "\" names undescribed determination '"
                      + d
                      + "'");
            }
          }
        }
        if (p.limitation() != null) {
          Provision rule = byId.get(p.limitation());
          if (rule == null || rule.limitationRule() == null) {
            throw new LawDataException(
                ctx + ": limitation " + p.limitation() + " is not a limitation rule in the data");
          }
        }
        String tr = p.instrument().timeRule();
        if (tr != null && !timeRules.containsKey(tr)) {
          throw new LawDataException(ctx + ": unknown time rule " + p.instrument().timeRule());
        }
      }
    }

    void known(String id, String ctx) {
      if (!byId.containsKey(id)) {
        throw new LawDataException(ctx + ": basis " + id + " is not a provision in the data");
      }
    }

    // -- small field readers --------------------------------------------------------------------

    static void checkKeys(JsonNode n, String ctx, String... allowed) {
      if (!n.isObject()) {
        throw new LawDataException(ctx + ": expected a mapping");
      }
      List<String> ok = List.of(allowed);
      n.fieldNames()
          .forEachRemaining(
              k -> {
                if (!ok.contains(k)) {
                  throw new LawDataException(
                      ctx
                          + ": unknown key "
                          + k
                          + Names.nearest(k, ok).map(x -> " (did you mean " + x + "?)").orElse(""));
                }
              });
    }

    static String str(JsonNode n, String field, String ctx) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
        throw new LawDataException(ctx + ": " + field + " is required");
      }
      return v.asText().strip();
    }

    static @Nullable String opt(JsonNode n, String field) {
      JsonNode v = n.get(field);
      return v == null || v.isNull() ? null : v.asText().strip();
    }

    static String status(JsonNode n, String field, String ctx) {
      String s = str(n, field, ctx);
      if (!STATUSES.contains(s)) {
        throw new LawDataException(
            ctx + ": " + field + " must be one of " + STATUSES + ", was " + s);
      }
      return s;
    }

    static Text text(JsonNode n, String field, String ctx) {
      JsonNode v = n.get(field);
      if (v == null || !v.isObject()) {
        throw new LawDataException(ctx + ": " + field + " needs zh and en");
      }
      return new Text(str(v, "zh", ctx + "." + field), str(v, "en", ctx + "." + field));
    }

    static DateRange range(JsonNode n, String field, String ctx) {
      JsonNode v = n.get(field);
      if (v == null || !v.isObject()) {
        throw new LawDataException(ctx + ": " + field + " needs from (and to)");
      }
      try {
        LocalDate from = LocalDate.parse(str(v, "from", ctx + "." + field));
        String to = opt(v, "to");
        return new DateRange(from, to == null ? null : LocalDate.parse(to));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new LawDataException(ctx + ": " + field + ": " + e.getMessage());
      }
    }

    static List<String> strings(JsonNode n, String field) {
      List<String> out = new ArrayList<>();
      n.path(field).forEach(x -> out.add(x.asText().strip()));
      return List.copyOf(out);
    }

    static List<JsonNode> list(JsonNode n, String field) {
      List<JsonNode> out = new ArrayList<>();
      n.path(field).forEach(out::add);
      return out;
    }

    static Expr expr(JsonNode n, String field, String ctx) {
      String src = str(n, field, ctx);
      try {
        return Expr.parse(src);
      } catch (IllegalArgumentException e) {
        throw new LawDataException(ctx + ": " + e.getMessage());
      }
    }
  }
}
