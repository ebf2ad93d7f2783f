package org.redress.casework;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads YAML (and so JSON) text for the light checks casework makes before storing it. */
final class Yaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  /** Checks that {@code text} is a YAML or JSON mapping, naming {@code source} if not. */
  static JsonNode requireMapping(String text, String source) throws CaseworkException {
    JsonNode n;
    try {
      n = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new CaseworkException(
          source + ": not YAML or JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (n == null || !n.isObject()) {
      throw new CaseworkException(source + ": expected a mapping of keys to values");
    }
    return n;
  }
}
