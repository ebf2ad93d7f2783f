package org.redress.law;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validated case facts in the {@code redress/case-facts@1} format. A key that is absent is
 * unknown, never "no"; an unknown key is an error that names the nearest valid key.
 */
public final class CaseFacts {
  /** The schema identifier these facts must declare. */
  public static final String SCHEMA = "redress/case-facts@1";

  private static final Map<String, Object> TYPES = loadSchema();

  private final Map<String, Object> values;

  private CaseFacts(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Parses and validates case facts written in YAML or JSON.
   *
   * @param text the document
   * @return the facts
   * @throws InvalidFactsException for malformed text, a wrong schema, an unknown key (naming the
   *     nearest valid one), a value of the wrong type, a negative count or impossible dates
   */
  public static CaseFacts parse(String text) {
    JsonNode root;
    try {
      root = Yaml.read(text);
    } catch (Yaml.MalformedException e) {
      throw new InvalidFactsException("", e.getMessage());
    }
    if (!root.isObject()) {
      throw new InvalidFactsException("", "case facts must be a mapping of keys, was "
          + root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    walk(root, "", out);
    Object schema = out.get("schema");
    if (schema == null) {
      throw new InvalidFactsException("schema", "schema: missing; expected \"" + SCHEMA + "\"");
    }
    if (!SCHEMA.equals(schema)) {
      throw new InvalidFactsException("schema",
          "schema: expected \"" + SCHEMA + "\", was \"" + schema + "\"");
    }
    LocalDate first = (LocalDate) out.get("conduct.first_act");
    LocalDate last = (LocalDate) out.get("conduct.last_act");
    if (first != null && last != null && last.isBefore(first)) {
      throw new InvalidFactsException("conduct.last_act", "conduct.last_act: " + last
          + " is before conduct.first_act " + first);
    }
    if (first == null && last != null) {
      throw new InvalidFactsException("conduct.first_act",
          "conduct.first_act: missing although conduct.last_act is given");
    }
    return new CaseFacts(out);
  }

  /** The dotted paths of every valid leaf key, in schema order. */
  public static List<String> paths() {
    return List.copyOf(TYPES.keySet());
  }

  /** Whether a dotted path is a valid leaf key holding a date. */
  static boolean isDate(String path) {
    return "date".equals(TYPES.get(path));
  }

  /** Whether a dotted path is a valid leaf key. */
  static boolean isPath(String path) {
    return TYPES.containsKey(path);
  }

  /**
   * The value of a fact: {@link Boolean}, {@link BigDecimal}, {@link String} or {@link LocalDate};
   * {@code null} when unknown. {@code conduct.last_act} defaults to {@code conduct.first_act}.
   *
   * @throws IllegalArgumentException for a path that is not in the schema
   */
  public Object get(String path) {
    if (!TYPES.containsKey(path)) {
      throw new IllegalArgumentException("not a case-facts key: " + path);
    }
    Object v = values.get(path);
    if (v == null && path.equals("conduct.last_act")) {
      return values.get("conduct.first_act");
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
   * The date of the conduct that chooses the law: the last act (the end of continuing conduct).
   *
   * @throws InvalidFactsException when {@code conduct.first_act} is absent
   */
  public LocalDate conductDate() {
    return date("conduct.last_act").orElseThrow(() -> new InvalidFactsException(
        "conduct.first_act",
        "conduct.first_act: missing; the date of the conduct decides which law applies"));
  }

  // ---------------------------------------------------------------------------------------------

  private static void walk(JsonNode node, String prefix, Map<String, Object> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      boolean isBranch = TYPES.keySet().stream().anyMatch(k -> k.startsWith(path + "."));
      if (!TYPES.containsKey(path) && !isBranch) {
        throw unknownKey(prefix, path);
      }
      if (isBranch) {
        if (v.isNull()) {
          continue;
        }
        if (!v.isObject()) {
          throw new InvalidFactsException(path,
              path + ": expected a mapping of keys, was " + show(v));
        }
        walk(v, path, out);
        continue;
      }
      if (v.isNull()) {
        continue; // explicitly unknown
      }
      out.put(path, convert(path, TYPES.get(path), v));
    }
  }

  private static InvalidFactsException unknownKey(String prefix, String path) {
    List<String> siblings = TYPES.keySet().stream()
        .filter(k -> prefix.isEmpty() || k.startsWith(prefix + "."))
        .map(k -> {
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
        String near = v.isTextual()
            ? Names.nearest(v.asText(), allowed).map(n -> " (did you mean " + n + "?)").orElse("")
            : "";
        throw new InvalidFactsException(path, path + ": expected one of " + allowed + ", was "
            + show(v) + near);
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

  private static Map<String, Object> loadSchema() {
    try (InputStream in = CaseFacts.class.getResourceAsStream("case-facts-1.yaml")) {
      if (in == null) {
        throw new IllegalStateException("case-facts-1.yaml missing from the law module");
      }
      JsonNode root = Yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Object> out = new LinkedHashMap<>();
      flattenSchema(root, "", out);
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the case-facts schema", e);
    } catch (Yaml.MalformedException e) {
      throw new IllegalStateException("case-facts schema: " + e.getMessage(), e);
    }
  }

  private static void flattenSchema(JsonNode node, String prefix, Map<String, Object> out) {
    node.properties().forEach(e -> {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flattenSchema(v, path, out);
      } else if (v.isArray()) {
        List<String> words = new java.util.ArrayList<>();
        v.forEach(w -> words.add(w.asText()));
        out.put(path, List.copyOf(words));
      } else {
        out.put(path, v.asText());
      }
    });
  }
}
