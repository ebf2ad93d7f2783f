package org.redress.law;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validated case facts in the {@code redress/case-facts@1} format. A key that is absent is unknown,
 * never "no"; an unknown key is an error that names the nearest valid key.
 */
public final class CaseFacts {
  /** The schema identifier these facts must declare. */
  public static final String SCHEMA = "redress/case-facts@1";

  private final FactsSchema schema;
  private final Map<String, Object> values;

  /** The longest facts text parsed, in characters. */
  public static final int MAX_CHARS = 1 << 20;

  private CaseFacts(FactsSchema schema, Map<String, Object> values) {
    this.schema = schema;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Parses and validates case facts written in YAML or JSON. This is the one reader of case facts:
   * every command that reads a facts file goes through it, so a file is accepted or refused alike
   * everywhere. Amounts of money may have decimals ({@code 1234.50}); counts and ages must be whole
   * numbers.
   *
   * @param text the document
   * @param schema the jurisdiction's facts vocabulary
   * @return the facts
   * @throws InvalidFactsException for text longer than {@link #MAX_CHARS}, malformed text, a wrong
   *     schema, an unknown key (naming the nearest valid one), a value of the wrong type, a
   *     negative count or impossible dates
   */
  public static CaseFacts parse(String text, FactsSchema schema) {
    if (text.length() > MAX_CHARS) {
      // Refused before the YAML parser sees it: a 20 MB comment took minutes to skip.
      throw new InvalidFactsException(
          "",
          String.format(
              Locale.ROOT,
              "case facts are %d characters, more than the limit of %d (a facts file is a few"
                  + " kilobytes)",
              text.length(),
              MAX_CHARS));
    }
    JsonNode root;
    try {
      root = Yaml.read(text);
    } catch (Yaml.MalformedException e) {
      throw new InvalidFactsException("", e.getMessage());
    }
    if (!root.isObject()) {
      throw new InvalidFactsException(
          "",
          "case facts must be a mapping of keys, was "
              + root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    walk(schema, root, "", out);
    Object declared = out.get("schema");
    if (declared == null) {
      throw new InvalidFactsException(
          "schema", "schema: missing; expected \"" + schema.id() + "\"");
    }
    if (!schema.id().equals(declared)) {
      throw new InvalidFactsException(
          "schema", "schema: expected \"" + schema.id() + "\", was \"" + declared + "\"");
    }
    LocalDate first = (LocalDate) out.get("conduct.first_act");
    LocalDate last = (LocalDate) out.get("conduct.last_act");
    if (first != null && last != null && last.isBefore(first)) {
      throw new InvalidFactsException(
          "conduct.last_act",
          "conduct.last_act: " + last + " is before conduct.first_act " + first);
    }
    if (first == null && last != null) {
      throw new InvalidFactsException(
          "conduct.first_act", "conduct.first_act: missing although conduct.last_act is given");
    }
    for (String act : ACTS) {
      LocalDate a = (LocalDate) out.get("conduct." + act + "_first");
      LocalDate b = (LocalDate) out.get("conduct." + act + "_last");
      if (a != null && b != null && b.isBefore(a)) {
        throw new InvalidFactsException(
            "conduct." + act + "_last",
            "conduct." + act + "_last: " + b + " is before conduct." + act + "_first " + a);
      }
    }
    if (first == null) {
      // The earliest act date given stands in for first_act when only per-act dates are known.
      LocalDate earliest = null;
      for (String act : ACTS) {
        for (String end : new String[] {"_first", "_last"}) {
          LocalDate d = (LocalDate) out.get("conduct." + act + end);
          if (d != null && (earliest == null || d.isBefore(earliest))) {
            earliest = d;
          }
        }
      }
      if (earliest != null) {
        out.put("conduct.first_act", earliest);
      }
    }
    return new CaseFacts(schema, out);
  }

  /** The acts whose dates the facts may give separately ({@code conduct.<act>_first/_last}). */
  static final List<String> ACTS = List.of("installed", "filmed", "spread");

  /** The vocabulary these facts were read with. */
  public FactsSchema schema() {
    return schema;
  }

  /**
   * The value of a fact: {@link Boolean}, {@link BigDecimal}, {@link String} or {@link LocalDate};
   * {@code null} when unknown. {@code conduct.last_act} defaults to the latest act date given, else
   * to {@code conduct.first_act}.
   *
   * @throws IllegalArgumentException for a path that is not in the schema
   */
  public @Nullable Object get(String path) {
    if (!schema.isPath(path)) {
      throw new IllegalArgumentException("not a case-facts key: " + path);
    }
    Object v = values.get(path);
    if (v == null && path.equals("conduct.last_act")) {
      LocalDate latest = (LocalDate) values.get("conduct.first_act");
      for (String act : ACTS) {
        for (String end : new String[] {"_first", "_last"}) {
          LocalDate d =
              schema.isPath("conduct." + act + end)
                  ? (LocalDate) values.get("conduct." + act + end)
                  : null;
          if (d != null && (latest == null || d.isAfter(latest))) {
            latest = d;
          }
        }
      }
      return latest;
    }
    return v;
  }

  /** A date fact, or empty when unknown. */
  public Optional<LocalDate> date(String path) {
    return Optional.ofNullable((LocalDate) get(path));
  }

  /** The facts' own assessment date, if they give one. */
  public Optional<LocalDate> asOf() {
    return date("as_of");
  }

  /**
   * The last day of one act ({@code installed}, {@code filmed}, {@code spread}), or of the whole
   * conduct for {@code any}: the date that chooses the version of a provision about that act
   * (Administrative Penalty Law Art 37, Criminal Law Art 12) and starts its clock (PSAPL 2025 Art
   * 25, Criminal Law Art 89). Falls back to {@code conduct.last_act} when the act's own dates are
   * not given.
   */
  public LocalDate actDate(String act) {
    if (!act.equals("any") && schema.isPath("conduct." + act + "_last")) {
      Optional<LocalDate> d = date("conduct." + act + "_last");
      if (d.isPresent()) {
        return d.get();
      }
      Optional<LocalDate> f = date("conduct." + act + "_first");
      if (f.isPresent()) {
        return f.get();
      }
    }
    return conductDate();
  }

  /** Whether the facts give this act's own dates. */
  public boolean hasActDates(String act) {
    return !act.equals("any")
        && schema.isPath("conduct." + act + "_last")
        && (values.containsKey("conduct." + act + "_last")
            || values.containsKey("conduct." + act + "_first"));
  }

  /**
   * The date of the conduct that chooses the law: the last act (the end of continuing conduct).
   *
   * @throws InvalidFactsException when {@code conduct.first_act} is absent
   */
  public LocalDate conductDate() {
    return date("conduct.last_act")
        .orElseThrow(
            () ->
                new InvalidFactsException(
                    "conduct.first_act",
                    "conduct.first_act: missing; the date of the conduct decides which law applies"));
  }

  // ---------------------------------------------------------------------------------------------

  private static void walk(
      FactsSchema schema, JsonNode node, String prefix, Map<String, Object> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      boolean isBranch = schema.isBranch(path);
      if (!schema.isPath(path) && !isBranch) {
        String now = schema.renamed().get(path);
        if (now != null) {
          throw new InvalidFactsException(
              path, "key " + path + " was renamed to " + now + "; rename it in the facts file");
        }
        throw unknownKey(schema, prefix, path);
      }
      if (isBranch) {
        if (v.isNull()) {
          continue;
        }
        if (!v.isObject()) {
          throw new InvalidFactsException(
              path, path + ": expected a mapping of keys, was " + show(v));
        }
        walk(schema, v, path, out);
        continue;
      }
      if (v.isNull()) {
        continue; // explicitly unknown
      }
      // path is a leaf key of the schema, so it has a type.
      out.put(path, convert(path, Objects.requireNonNull(schema.type(path)), v));
    }
  }

  private static InvalidFactsException unknownKey(FactsSchema schema, String prefix, String path) {
    List<String> siblings =
        schema.paths().stream()
            .filter(k -> prefix.isEmpty() || k.startsWith(prefix + "."))
            .map(
                k -> {
                  String rest = prefix.isEmpty() ? k : k.substring(prefix.length() + 1);
                  int dot = rest.indexOf('.');
                  String head = dot < 0 ? rest : rest.substring(0, dot);
                  return prefix.isEmpty() ? head : prefix + "." + head;
                })
            .distinct()
            .collect(java.util.stream.Collectors.toList());
    String hint = Names.nearest(path, siblings).map(n -> "; did you mean " + n + "?").orElse("");
    return new InvalidFactsException(path, "unknown key " + path + hint);
  }

  private static Object convert(String path, Object type, JsonNode v) {
    if (type instanceof List) {
      @SuppressWarnings("unchecked")
      List<String> allowed = (List<String>) type;
      if (!v.isTextual() || !allowed.contains(v.asText())) {
        String near =
            v.isTextual()
                ? Names.nearest(v.asText(), allowed)
                    .map(n -> " (did you mean " + n + "?)")
                    .orElse("")
                : "";
        throw new InvalidFactsException(
            path, path + ": expected one of " + allowed + ", was " + show(v) + near);
      }
      return v.asText();
    }
    switch ((String) type) {
      case "string":
        if (!v.isTextual()) {
          throw typeError(path, "text", v);
        }
        return v.asText();
      case "bool":
        if (!v.isBoolean()) {
          throw typeError(path, "true or false", v);
        }
        return v.asBoolean();
      case "date":
        if (!v.isTextual()) {
          throw typeError(path, "an ISO date (YYYY-MM-DD)", v);
        }
        try {
          return LocalDate.parse(v.asText());
        } catch (DateTimeParseException ex) {
          throw typeError(path, "an ISO date (YYYY-MM-DD)", v);
        }
      case "count":
      case "age":
        if (!v.isIntegralNumber()) {
          throw typeError(path, "a whole number", v);
        }
        if (v.decimalValue().signum() < 0) {
          throw new InvalidFactsException(path, path + ": must not be negative, was " + show(v));
        }
        return v.decimalValue();
      case "money":
        if (!v.isNumber()) {
          throw typeError(path, "a number of yuan", v);
        }
        if (v.decimalValue().signum() < 0) {
          throw new InvalidFactsException(path, path + ": must not be negative, was " + show(v));
        }
        return v.decimalValue();
      default:
        throw new IllegalStateException("schema type " + type);
    }
  }

  private static InvalidFactsException typeError(String path, String expected, JsonNode v) {
    return new InvalidFactsException(path, path + ": expected " + expected + ", was " + show(v));
  }

  private static String show(JsonNode v) {
    if (v.isTextual()) {
      return "\"" + v.asText() + "\"";
    }
    if (v.isContainerNode()) {
      return v.isArray() ? "a list" : "a mapping";
    }
    return v.toString();
  }
}
