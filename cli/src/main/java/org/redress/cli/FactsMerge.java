package org.redress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Combines what a victim tells (an intake file in {@code redress/case-facts@1}) with what a spread
 * report proves (its {@code facts} fragment, same vocabulary). The report's values win for what it
 * measures (counts, ad posts, shared/online); dates widen the conduct period: the earliest first
 * act and the latest last act of either.
 */
final class FactsMerge {
  private FactsMerge() {}

  /** A new facts tree: {@code intake} with {@code proven} merged in and {@code as_of} set. */
  static ObjectNode merge(JsonNode intake, JsonNode proven, LocalDate asOf) {
    if (!intake.isObject()) {
      throw new IllegalArgumentException("intake facts must be a mapping");
    }
    ObjectNode out = intake.deepCopy();
    if (proven != null && proven.isObject()) {
      mergeInto(out, (ObjectNode) proven, "");
    }
    out.put("schema", "redress/case-facts@1");
    out.put("as_of", asOf.toString());
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode source, String prefix) {
    for (Map.Entry<String, JsonNode> e : source.properties()) {
      String key = e.getKey();
      String path = prefix + key;
      JsonNode value = e.getValue();
      if (path.equals("schema")) {
        continue;
      }
      if (value.isObject()) {
        JsonNode existing = target.get(key);
        ObjectNode child = existing != null && existing.isObject()
            ? (ObjectNode) existing : target.putObject(key);
        mergeInto(child, (ObjectNode) value, path + ".");
      } else if (path.equals("conduct.first_act") || path.equals("conduct.last_act")) {
        JsonNode existing = target.get(key);
        if (existing == null || !existing.isTextual()) {
          target.set(key, value);
        } else {
          LocalDate a = LocalDate.parse(existing.asText());
          LocalDate b = LocalDate.parse(value.asText());
          boolean first = path.endsWith("first_act");
          target.put(key, (first ? (b.isBefore(a) ? b : a) : (b.isAfter(a) ? b : a)).toString());
        }
      } else {
        target.set(key, value);
      }
    }
  }
}
