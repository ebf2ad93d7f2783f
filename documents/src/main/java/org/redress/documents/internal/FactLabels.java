package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.redress.documents.DocumentException;

/**
 * Labels for what a finding still needs: the case-fact keys ({@code fact-labels.yaml} beside the
 * templates) and the determinations of the law-cn data ({@code time-rules.yaml}), so no Chinese
 * text ever shows an engine key such as {@code obscenity_determination}.
 */
final class FactLabels {
  private static final Map<String, Bilingual> LABELS = load();

  private FactLabels() {}

  /** The label of a fact key or determination id, if known. */
  static Optional<Bilingual> of(String key) {
    return Optional.ofNullable(LABELS.get(key.strip()));
  }

  private static Map<String, Bilingual> load() {
    Map<String, Bilingual> out = new HashMap<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode facts = read(yaml, "org/redress/documents/fact-labels.yaml", true);
    facts.properties().forEach(e -> out.put(e.getKey(), label(e.getValue())));
    JsonNode rules = read(yaml, "org/redress/lawcn/data/time-rules.yaml", false);
    rules
        .path("determinations")
        .properties()
        .forEach(e -> out.put(e.getKey(), label(e.getValue())));
    return Map.copyOf(out);
  }

  private static Bilingual label(JsonNode n) {
    return new Bilingual(n.path("zh").asText(null), n.path("en").asText(null));
  }

  private static JsonNode read(ObjectMapper yaml, String resource, boolean required) {
    try (InputStream in = FactLabels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        if (required) {
          throw new DocumentException("missing resource " + resource);
        }
        return yaml.createObjectNode();
      }
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new DocumentException("failed to read " + resource + ": " + e.getMessage(), e);
    }
  }
}
