package org.redress.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which facts or parties path fills a document's placeholder, from the data file {@code
 * placeholders.yaml} (a lawyer edits it without code).
 */
final class Placeholders {
  private static final Map<String, String> PATHS = load();

  private Placeholders() {}

  /** The path whose answer fills the placeholder labelled {@code label}, if known. */
  static Optional<String> path(String label) {
    return Optional.ofNullable(PATHS.get(label));
  }

  private static Map<String, String> load() {
    try (InputStream in = Placeholders.class.getResourceAsStream("placeholders.yaml")) {
      if (in == null) {
        throw new IllegalStateException("placeholders.yaml is missing from the casework jar");
      }
      JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, String> m = new HashMap<>();
      for (JsonNode n : list) {
        m.put(n.path("label").asText(), n.path("path").asText());
      }
      return Map.copyOf(m);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read placeholders.yaml", e);
    }
  }
}
