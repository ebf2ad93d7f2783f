package org.redress.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.law.ActionPlan;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.Finding;
import org.redress.law.InvalidFactsException;
import org.redress.law.LawBook;
import org.redress.law.Text;
import org.redress.lawcn.ChineseLaw;

/**
 * The intake interview: its questions as data ({@code interview.yaml}, {@code redress/interview@1})
 * and the rule for what to ask next. Pure: no storage, no pages.
 *
 * <p>The rule ({@link #next}): the facts are what scans proved plus her answers; while they give no
 * date of the conduct the law cannot assess, so the {@code seed} questions are asked in file order.
 * Once it can, the facts are assessed and every question still open is scored by how many findings'
 * {@code missing} lists name its fact; the highest score is asked next (file order breaks ties). A
 * fact no missing list names is not asked; a fact a scan proved never is; a question whose {@code
 * skip_if} holds is skipped. Parties questions (her details, the other side, the platform) come
 * last, and only when the plan has an action whose document needs them.
 */
public final class Interview {
  /** The schema identifier of the questions file. */
  public static final String SCHEMA = "redress/interview@1";

  /** Prefix of the keys that belong to the parties file ({@code redress/parties@1}). */
  public static final String PARTIES = "parties.";

  /** The parties keys a question may fill. */
  static final Set<String> PARTY_KEYS =
      Set.of(
          "victim.name",
          "victim.phone",
          "victim.address",
          "victim.email",
          "victim.id_number",
          "perpetrator.name",
          "perpetrator.phone",
          "perpetrator.address",
          "platform.name",
          "platform.operator",
          "platform.contact",
          "platform.address");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of("fact", "text", "help", "seed", "party", "needed_for", "skip_if", "choices");
  private static volatile Interview standard;

  private final List<Question> questions;
  private final Map<String, Question> byFact;
  private final LawBook book;

  private Interview(List<Question> questions, LawBook book) {
    this.questions = List.copyOf(questions);
    Map<String, Question> m = new LinkedHashMap<>();
    questions.forEach(q -> m.put(q.fact(), q));
    this.byFact = Collections.unmodifiableMap(m);
    this.book = book;
  }

  /** The kind of answer a question takes. */
  public enum Kind {
    /** Yes or no. */
    BOOL,
    /** A day, {@code YYYY-MM-DD}. */
    DATE,
    /** A whole number, 0 or more. */
    COUNT,
    /** An age, 0..130. */
    AGE,
    /** An amount of yuan, 0 or more. */
    MONEY,
    /** One of the listed words. */
    CHOICE,
    /** Free text (parties only). */
    TEXT;

    /** The word in the questions file and the page, e.g. {@code bool}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One question.
   *
   * @param fact the dotted facts key it fills ({@code parties.…} for the parties file)
   * @param kind the kind of answer
   * @param text the question in both languages
   * @param help a plain-words explanation, or null
   * @param choices for {@link Kind#CHOICE}: each allowed word with its words, in order
   * @param skipIf the question is skipped when any of these facts holds this value
   * @param seed asked before the law can assess (it needs a date of conduct)
   * @param party a parties question: asked only when a document of the plan needs it
   * @param neededFor the plan actions (e.g. {@code takedown}) whose documents need it
   */
  public record Question(
      String fact,
      Kind kind,
      Text text,
      Text help,
      Map<String, Text> choices,
      Map<String, Object> skipIf,
      boolean seed,
      boolean party,
      List<String> neededFor) {
    /** Copies the collections. */
    public Question {
      choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
      skipIf = Collections.unmodifiableMap(new LinkedHashMap<>(skipIf));
      neededFor = List.copyOf(neededFor);
    }
  }

  /**
   * What to ask next.
   *
   * @param question the question, or empty when nothing more is needed now
   * @param score how many findings' missing lists name its fact (0 for seed and parties questions)
   * @param provisions the provisions whose findings need it
   * @param assessment the assessment of the facts so far, or null while there is no date
   */
  public record Next(
      Optional<Question> question, int score, List<String> provisions, Assessment assessment) {}

  /**
   * The questions shipped with Redress, loaded once.
   *
   * @throws IllegalStateException when the shipped file is malformed (a build error)
   */
  public static Interview standard() {
    Interview i = standard;
    if (i == null) {
      try (InputStream in = Interview.class.getResourceAsStream("interview.yaml")) {
        if (in == null) {
          throw new IllegalStateException("interview.yaml is missing from the casework jar");
        }
        i = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "interview.yaml");
      } catch (IOException e) {
        throw new UncheckedIOException("failed to read interview.yaml", e);
      } catch (CaseworkException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      standard = i;
    }
    return i;
  }

  /**
   * Reads a questions file.
   *
   * @param name the file's name for messages
   * @throws CaseworkException naming the file, the question and the bad field
   */
  public static Interview parse(String yaml, String name) throws CaseworkException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new CaseworkException(name + ": not YAML: " + firstLine(e.getMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new CaseworkException(name + ": expected a mapping with schema and questions");
    }
    if (!SCHEMA.equals(root.path("schema").asText())) {
      throw new CaseworkException(
          name
              + ": schema: expected \""
              + SCHEMA
              + "\", was \""
              + root.path("schema").asText()
              + "\"");
    }
    JsonNode qs = root.path("questions");
    if (!qs.isArray() || qs.isEmpty()) {
      throw new CaseworkException(name + ": questions: expected a non-empty list");
    }
    LawBook book = ChineseLaw.book();
    Map<String, Object> types = FactTypes.get();
    List<Question> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    int n = 0;
    for (JsonNode q : qs) {
      n++;
      String where = name + ": question " + n;
      if (!q.isObject()) {
        throw new CaseworkException(where + ": expected a mapping");
      }
      for (Map.Entry<String, JsonNode> field : q.properties()) {
        String f = field.getKey();
        if (!FIELDS.contains(f)) {
          throw new CaseworkException(
              where + ": unknown field " + f + " (allowed: " + FIELDS + ")");
        }
      }
      String fact = q.path("fact").asText("");
      where = where + " (" + fact + ")";
      if (!seen.add(fact)) {
        throw new CaseworkException(where + ": asked twice");
      }
      boolean party = q.path("party").asBoolean(false);
      Kind kind;
      Object type;
      if (fact.startsWith(PARTIES)) {
        if (!party || !PARTY_KEYS.contains(fact.substring(PARTIES.length()))) {
          throw new CaseworkException(
              where
                  + ": not a parties key this interview can fill "
                  + "(party: true and one of "
                  + new java.util.TreeSet<>(PARTY_KEYS)
                  + ")");
        }
        kind = Kind.TEXT;
        type = "string";
      } else {
        type = types.get(fact);
        if (type == null || fact.equals("as_of") || fact.equals("schema")) {
          throw new CaseworkException(where + ": not a case-facts key");
        }
        if (party) {
          throw new CaseworkException(where + ": party: true is only for parties.… keys");
        }
        kind = kindOf(type);
      }
      Map<String, Text> choices = new LinkedHashMap<>();
      if (q.has("choices")) {
        if (kind != Kind.CHOICE) {
          throw new CaseworkException(where + ": choices are only for a key with listed words");
        }
        for (Map.Entry<String, JsonNode> e : q.get("choices").properties()) {
          choices.put(e.getKey(), text(e.getValue(), where + ": choices." + e.getKey()));
        }
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) type;
        if (!choices.keySet().equals(new java.util.LinkedHashSet<>(words))) {
          throw new CaseworkException(
              where + ": choices must name exactly " + words + ", was " + choices.keySet());
        }
      } else if (kind == Kind.CHOICE) {
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) type;
        for (String w : words) {
          choices.put(w, new Text(w, w));
        }
      }
      Text text;
      if (q.has("text")) {
        text = text(q.get("text"), where + ": text");
      } else {
        text =
            book.question(fact)
                .orElseThrow(
                    () ->
                        new CaseworkException(
                            "no text, and the law data has no question for this fact"));
      }
      Text help = q.has("help") ? text(q.get("help"), where + ": help") : null;
      Map<String, Object> skipIf = new LinkedHashMap<>();
      if (q.has("skip_if")) {
        for (Map.Entry<String, JsonNode> e : q.get("skip_if").properties()) {
          if (!types.containsKey(e.getKey())) {
            throw new CaseworkException(where + ": skip_if: not a case-facts key " + e.getKey());
          }
          skipIf.put(e.getKey(), scalar(e.getValue()));
        }
      }
      List<String> neededFor = new ArrayList<>();
      q.path("needed_for").forEach(a -> neededFor.add(a.asText()));
      for (String a : neededFor) {
        try {
          ActionPlan.Kind.fromKey(a);
        } catch (IllegalArgumentException e) {
          throw new CaseworkException(where + ": needed_for: not a plan action " + a, e);
        }
      }
      if (party && neededFor.isEmpty()) {
        throw new CaseworkException(where + ": a parties question needs needed_for");
      }
      out.add(
          new Question(
              fact,
              kind,
              text,
              help,
              choices,
              skipIf,
              q.path("seed").asBoolean(false),
              party,
              neededFor));
    }
    return new Interview(out, book);
  }

  /** Every question, in file order. */
  public List<Question> questions() {
    return questions;
  }

  /** The question that fills {@code fact}, if any. */
  public Optional<Question> question(String fact) {
    return Optional.ofNullable(byFact.get(fact));
  }

  /**
   * What to ask next, given her answers and what scans proved.
   *
   * @param answers her answers so far (given, "I don't know" or skipped: each asked once)
   * @param proved the facts scans proved, as {@code redress/case-facts@1} JSON (may be empty)
   * @param asOf the day of the assessment
   */
  public Next next(InterviewAnswers answers, String proved, LocalDate asOf) {
    ObjectNode provedNode = provedNode(proved);
    Set<String> provedKeys = leaves(provedNode);
    Map<String, Object> known = known(answers, provedNode);
    Assessment a = assessOrNull(answers, provedNode, asOf);
    for (Question q : questions) {
      if (q.seed() && open(q, answers, provedKeys, known)) {
        return new Next(Optional.of(q), 0, List.of(), a);
      }
    }
    if (a == null) {
      return new Next(Optional.empty(), 0, List.of(), null);
    }
    Map<String, List<String>> needs = new HashMap<>();
    for (Finding f : a.findings().findings()) {
      if (!f.status().equals("possible")) {
        continue;
      }
      for (String m : f.missing()) {
        if (book.determination(m).isEmpty()) {
          needs.computeIfAbsent(m, k -> new ArrayList<>()).add(f.provision());
        }
      }
    }
    Question best = null;
    int bestScore = 0;
    for (Question q : questions) {
      if (q.party() || !open(q, answers, provedKeys, known)) {
        continue;
      }
      int s = needs.getOrDefault(q.fact(), List.of()).size();
      if (s > bestScore) {
        best = q;
        bestScore = s;
      }
    }
    if (best != null) {
      return new Next(Optional.of(best), bestScore, List.copyOf(needs.get(best.fact())), a);
    }
    Set<String> actions = new java.util.HashSet<>();
    if (a.plan() != null) {
      a.plan().actions().forEach(x -> actions.add(x.kind().key()));
    }
    for (Question q : questions) {
      if (q.party()
          && open(q, answers, provedKeys, known)
          && q.neededFor().stream().anyMatch(actions::contains)) {
        return new Next(Optional.of(q), 0, List.of(), a);
      }
    }
    return new Next(Optional.empty(), 0, List.of(), a);
  }

  /** The facts keys a scan proved (never asked). */
  public static Set<String> provedKeys(String proved) {
    return leaves(provedNode(proved));
  }

  /**
   * Checks an answer's text form for the question's kind and returns its canonical text form.
   *
   * @throws CaseworkException naming the question and the bad value
   */
  public static String checkValue(Question q, String raw) throws CaseworkException {
    String v = raw == null ? "" : raw.strip();
    if (v.isEmpty()) {
      throw new CaseworkException(q.fact() + ": no answer given");
    }
    switch (q.kind()) {
      case BOOL:
        if (!v.equals("true") && !v.equals("false")) {
          throw new CaseworkException(q.fact() + ": expected yes or no, was " + v);
        }
        return v;
      case DATE:
        try {
          return LocalDate.parse(v).toString();
        } catch (DateTimeParseException e) {
          throw new CaseworkException(q.fact() + ": expected a day as YYYY-MM-DD, was " + v, e);
        }
      case COUNT:
      case AGE:
        try {
          long n = Long.parseLong(v);
          long max = q.kind() == Kind.AGE ? 130 : Integer.MAX_VALUE;
          if (n < 0 || n > max) {
            throw new CaseworkException(q.fact() + ": expected 0.." + max + ", was " + v);
          }
          return Long.toString(n);
        } catch (NumberFormatException e) {
          throw new CaseworkException(q.fact() + ": expected a whole number, was " + v, e);
        }
      case MONEY:
        try {
          BigDecimal d = new BigDecimal(v);
          if (d.signum() < 0) {
            throw new CaseworkException(q.fact() + ": expected 0 or more, was " + v);
          }
          return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
          throw new CaseworkException(q.fact() + ": expected an amount in yuan, was " + v, e);
        }
      case CHOICE:
        if (!q.choices().containsKey(v)) {
          throw new CaseworkException(
              q.fact() + ": expected one of " + q.choices().keySet() + ", was " + v);
        }
        return v;
      case TEXT:
        if (v.length() > 500) {
          throw new CaseworkException(q.fact() + ": at most 500 characters, was " + v.length());
        }
        return v;
      default:
        throw new IllegalStateException("unknown kind " + q.kind());
    }
  }

  /**
   * Records an answer, refusing one that makes the facts contradict themselves (a last day before
   * the first).
   *
   * @throws CaseworkException naming the question and the problem
   */
  public InterviewAnswers answer(
      InterviewAnswers answers,
      Question q,
      InterviewAnswers.Answer a,
      String proved,
      LocalDate asOf)
      throws CaseworkException {
    InterviewAnswers after = answers.with(q.fact(), a);
    if (!q.party()) {
      try {
        CaseFacts.parse(factsJson(after, proved, asOf), ChineseLaw.factsSchema());
      } catch (InvalidFactsException e) {
        throw new CaseworkException(e.getMessage(), e);
      }
    }
    return after;
  }

  /**
   * The case facts ({@code redress/case-facts@1} JSON) her answers and the scans give: what a scan
   * proved stands; her answers fill the rest.
   */
  public String factsJson(InterviewAnswers answers, String proved, LocalDate asOf) {
    ObjectNode out = provedNode(proved).deepCopy();
    Set<String> provedKeys = leaves(out);
    for (Map.Entry<String, InterviewAnswers.Answer> e : answers.all().entrySet()) {
      Question q = byFact.get(e.getKey());
      if (q == null
          || q.party()
          || e.getValue().state() != InterviewAnswers.State.GIVEN
          || provedKeys.contains(q.fact())) {
        continue;
      }
      put(out, q.fact(), q.kind(), e.getValue().value());
    }
    out.put("schema", CaseFacts.SCHEMA);
    out.put("as_of", asOf.toString());
    return out.toPrettyString();
  }

  /**
   * The next version of the case's stored facts after her answer to {@code q}, or empty when the
   * answer changes nothing (an "I don't know" or a skip never writes a fact, and neither does the
   * value already stored). The version is the stored facts (or, when none were stored yet, the
   * facts all her answers and the scans give) with this answer and what the scans proved laid over
   * them; every other stored key is kept as it is.
   *
   * @param stored the latest stored facts text (YAML or JSON), if any
   * @param q the question just answered
   * @param answers her answers, the new one included
   * @param proved the facts scans proved (JSON, may be empty)
   * @throws CaseworkException when the stored text is not a mapping
   */
  public Optional<String> factsVersion(
      Optional<String> stored, Question q, InterviewAnswers answers, String proved, LocalDate asOf)
      throws CaseworkException {
    Optional<InterviewAnswers.Answer> a = answers.get(q.fact());
    if (q.party() || a.isEmpty() || a.get().state() != InterviewAnswers.State.GIVEN) {
      return Optional.empty();
    }
    ObjectNode base;
    if (stored.isPresent()) {
      base = mapping(stored.get());
    } else {
      base = provedNode(factsJson(answers, proved, asOf));
    }
    ObjectNode next = base.deepCopy();
    if (!Interview.provedKeys(proved).contains(q.fact())) {
      put(next, q.fact(), q.kind(), a.get().value());
    }
    overlay(next, provedNode(proved));
    if (stored.isPresent() && leafValues(next).equals(leafValues(base))) {
      return Optional.empty();
    }
    next.put("schema", CaseFacts.SCHEMA);
    next.put("as_of", asOf.toString());
    return Optional.of(next.toPrettyString() + "\n");
  }

  /**
   * The next version of the case's stored parties after her answer to the parties question {@code
   * q}, or empty when it changes nothing (as {@link #factsVersion}).
   *
   * @throws CaseworkException when the stored text is not a mapping
   */
  public Optional<String> partiesVersion(
      Optional<String> stored, Question q, InterviewAnswers answers) throws CaseworkException {
    Optional<InterviewAnswers.Answer> a = answers.get(q.fact());
    if (!q.party() || a.isEmpty() || a.get().state() != InterviewAnswers.State.GIVEN) {
      return Optional.empty();
    }
    ObjectNode base = stored.isPresent() ? mapping(stored.get()) : JSON.createObjectNode();
    ObjectNode next = base.deepCopy();
    put(next, q.fact().substring(PARTIES.length()), Kind.TEXT, a.get().value());
    if (stored.isPresent() && leafValues(next).equals(leafValues(base))) {
      return Optional.empty();
    }
    next.put("schema", "redress/parties@1");
    return Optional.of(next.toPrettyString() + "\n");
  }

  private static ObjectNode mapping(String text) throws CaseworkException {
    try {
      JsonNode n = YAML.readTree(text);
      if (n == null || !n.isObject()) {
        throw new CaseworkException("the stored record is not a mapping");
      }
      return (ObjectNode) n;
    } catch (IOException e) {
      throw new CaseworkException("the stored record cannot be read: " + firstLine(e.getMessage()));
    }
  }

  private static void overlay(ObjectNode into, ObjectNode from) {
    from.properties()
        .forEach(
            e -> {
              JsonNode had = into.get(e.getKey());
              if (e.getValue().isObject() && had instanceof ObjectNode o) {
                overlay(o, (ObjectNode) e.getValue());
              } else {
                into.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  private static Map<String, Object> leafValues(ObjectNode n) {
    Map<String, Object> m = new HashMap<>();
    flatten(n, "", m);
    m.remove("schema");
    m.remove("as_of");
    return m;
  }

  /** The parties file ({@code redress/parties@1} JSON) from her answers to parties questions. */
  public String partiesJson(InterviewAnswers answers) {
    ObjectNode out = JSON.createObjectNode();
    out.put("schema", "redress/parties@1");
    for (Map.Entry<String, InterviewAnswers.Answer> e : answers.all().entrySet()) {
      Question q = byFact.get(e.getKey());
      if (q != null && q.party() && e.getValue().state() == InterviewAnswers.State.GIVEN) {
        put(out, q.fact().substring(PARTIES.length()), Kind.TEXT, e.getValue().value());
      }
    }
    return out.toPrettyString();
  }

  // ---------------------------------------------------------------------------------------------

  private Assessment assessOrNull(InterviewAnswers answers, ObjectNode proved, LocalDate asOf) {
    try {
      CaseFacts f =
          CaseFacts.parse(factsJson(answers, proved.toString(), asOf), ChineseLaw.factsSchema());
      if (f.date("conduct.last_act").isEmpty() || asOf.isBefore(f.conductDate())) {
        return null;
      }
      return ChineseLaw.jurisdiction().assess(f, asOf);
    } catch (InvalidFactsException e) {
      return null;
    }
  }

  private static boolean open(
      Question q, InterviewAnswers answers, Set<String> proved, Map<String, Object> known) {
    if (answers.get(q.fact()).isPresent() || proved.contains(q.fact())) {
      return false;
    }
    for (Map.Entry<String, Object> e : q.skipIf().entrySet()) {
      if (e.getValue().equals(known.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Known leaf values (proof first, then answers), as the YAML scalars skip_if compares. */
  private Map<String, Object> known(InterviewAnswers answers, ObjectNode proved) {
    Map<String, Object> out = new HashMap<>();
    answers
        .all()
        .forEach(
            (k, a) -> {
              Question q = byFact.get(k);
              if (q != null && a.state() == InterviewAnswers.State.GIVEN) {
                out.put(k, q.kind() == Kind.BOOL ? Boolean.valueOf(a.value()) : a.value());
              }
            });
    flatten(proved, "", out);
    return out;
  }

  private static void flatten(JsonNode n, String prefix, Map<String, Object> out) {
    n.properties()
        .forEach(
            e -> {
              String k = prefix + e.getKey();
              if (e.getValue().isObject()) {
                flatten(e.getValue(), k + ".", out);
              } else {
                out.put(k, scalar(e.getValue()));
              }
            });
  }

  private static Object scalar(JsonNode v) {
    return v.isBoolean() ? (Object) v.asBoolean() : v.asText();
  }

  private static Set<String> leaves(ObjectNode n) {
    Map<String, Object> m = new LinkedHashMap<>();
    flatten(n, "", m);
    m.remove("schema");
    m.remove("as_of");
    return m.keySet();
  }

  private static ObjectNode provedNode(String proved) {
    if (proved == null || proved.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(proved);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("proved facts must be a JSON object");
      }
      return (ObjectNode) n;
    } catch (IOException e) {
      throw new IllegalArgumentException("proved facts are not JSON: " + e.getMessage(), e);
    }
  }

  private static void put(ObjectNode root, String dotted, Kind kind, String value) {
    String[] parts = dotted.split("\\.");
    ObjectNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode c = n.get(parts[i]);
      n = c instanceof ObjectNode o ? o : n.putObject(parts[i]);
    }
    String leaf = parts[parts.length - 1];
    switch (kind) {
      case BOOL -> n.put(leaf, Boolean.parseBoolean(value));
      case COUNT, AGE -> n.put(leaf, Long.parseLong(value));
      case MONEY -> n.put(leaf, new BigDecimal(value));
      default -> n.put(leaf, value);
    }
  }

  private static Kind kindOf(Object type) {
    if (type instanceof List) {
      return Kind.CHOICE;
    }
    return switch ((String) type) {
      case "bool" -> Kind.BOOL;
      case "date" -> Kind.DATE;
      case "count" -> Kind.COUNT;
      case "age" -> Kind.AGE;
      case "money" -> Kind.MONEY;
      default -> Kind.TEXT;
    };
  }

  private static Text text(JsonNode n, String where) throws CaseworkException {
    String zh = n.path("zh").asText("");
    String en = n.path("en").asText("");
    if (zh.isBlank() || en.isBlank()) {
      throw new CaseworkException(where + ": needs both zh and en");
    }
    return new Text(zh, en);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The types of the case-facts keys, read from law-cn's schema file. */
  private static final class FactTypes {
    private static volatile Map<String, Object> types;

    static Map<String, Object> get() {
      Map<String, Object> t = types;
      if (t == null) {
        try (InputStream in =
            ChineseLaw.class.getResourceAsStream("/org/redress/lawcn/case-facts-1.yaml")) {
          if (in == null) {
            throw new IllegalStateException("case-facts-1.yaml is missing from law-cn");
          }
          JsonNode root = YAML.readTree(in);
          Map<String, Object> out = new LinkedHashMap<>();
          root.properties()
              .forEach(
                  e -> {
                    if (!e.getKey().equals("renamed")) {
                      walk(e.getValue(), e.getKey(), out);
                    }
                  });
          t = Collections.unmodifiableMap(out);
          types = t;
        } catch (IOException e) {
          throw new UncheckedIOException("failed to read case-facts-1.yaml", e);
        }
      }
      return t;
    }

    private static void walk(JsonNode v, String path, Map<String, Object> out) {
      if (v.isObject()) {
        v.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), out));
      } else if (v.isArray()) {
        List<String> words = new ArrayList<>();
        v.forEach(w -> words.add(w.asText()));
        out.put(path, List.copyOf(words));
      } else {
        out.put(path, v.asText());
      }
    }
  }
}
