package org.redress.law;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The vocabulary of case facts a jurisdiction understands: every dotted key with its type ({@code
 * date}, {@code bool}, {@code count}, {@code age}, {@code money}, {@code string} or a list of
 * allowed words). A jurisdiction ships it as data (for China: {@code law-cn}'s {@code
 * case-facts-1.yaml}); {@link CaseFacts#parse(String, FactsSchema)} and the law data's conditions
 * are checked against it.
 */
public final class FactsSchema {
  private final String schemaId;
  private final Map<String, Object> types;
  private final Map<String, String> renamed;

  private FactsSchema(String schemaId, Map<String, Object> types, Map<String, String> renamed) {
    this.schemaId = schemaId;
    this.types = Collections.unmodifiableMap(types);
    this.renamed = Collections.unmodifiableMap(renamed);
  }

  /**
   * Reads a schema file: a YAML mapping of keys to types, plus an optional top-level {@code
   * renamed:} mapping of old dotted keys to their new names (old files are refused with a message
   * naming the new key).
   *
   * @param schemaId the identifier facts must declare, e.g. {@code redress/case-facts@1}
   * @param yaml the schema file
   * @throws LawDataException for a malformed schema
   */
  public static FactsSchema parse(String schemaId, String yaml) {
    JsonNode root;
    try {
      root = Yaml.read(yaml);
    } catch (Yaml.MalformedException e) {
      throw new LawDataException("case-facts schema: " + e.getMessage());
    }
    if (!root.isObject()) {
      throw new LawDataException("case-facts schema: expected a mapping");
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    JsonNode r = root.get("renamed");
    if (r != null) {
      r.properties().forEach(e -> renamed.put(e.getKey(), e.getValue().asText()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    root.properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("renamed")) {
                flatten(e.getValue(), e.getKey(), out);
              }
            });
    return new FactsSchema(schemaId, out, renamed);
  }

  private static void flatten(JsonNode v, String path, Map<String, Object> out) {
    if (v.isObject()) {
      v.properties().forEach(e -> flatten(e.getValue(), path + "." + e.getKey(), out));
    } else if (v.isArray()) {
      List<String> words = new ArrayList<>();
      v.forEach(w -> words.add(w.asText()));
      out.put(path, List.copyOf(words));
    } else {
      String t = v.asText();
      if (!List.of("string", "bool", "date", "count", "age", "money").contains(t)) {
        throw new LawDataException("case-facts schema: " + path + ": unknown type " + t);
      }
      out.put(path, t);
    }
  }

  /** The identifier facts must declare in {@code schema:}. */
  public String id() {
    return schemaId;
  }

  /** The dotted paths of every valid leaf key, in schema order. */
  public List<String> paths() {
    return List.copyOf(types.keySet());
  }

  /** Whether a dotted path is a valid leaf key. */
  public boolean isPath(String path) {
    return types.containsKey(path);
  }

  /** Whether a dotted path is a valid leaf key holding a date. */
  public boolean isDate(String path) {
    return "date".equals(types.get(path));
  }

  /** The type of a leaf key: a type word or the list of allowed words; null for none. */
  @Nullable Object type(String path) {
    return types.get(path);
  }

  /** Old key names and the keys that replace them. */
  Map<String, String> renamed() {
    return renamed;
  }

  /** Whether some leaf key lies below this dotted path. */
  boolean isBranch(String path) {
    String p = path + ".";
    for (String k : types.keySet()) {
      if (k.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
