package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.redress.documents.Lang;

/** A text given in Chinese and English; either may be absent. */
public record Bilingual(String zh, String en) {
  /** The text in a language, or empty. */
  public Optional<String> get(Lang lang) {
    String s = lang == Lang.ZH ? zh : en;
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** Reads {@code {zh: …, en: …}} (or a plain text, taken as both) at {@code path}. */
  static Optional<Bilingual> read(Src src, JsonNode from, String base, String path) {
    Optional<JsonNode> n = Src.at(from, path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get().isTextual()) {
      String t = n.get().asText();
      return Optional.of(new Bilingual(t, t));
    }
    if (!n.get().isObject()) {
      throw src.error(Src.join(base, path), "must be text or {zh: …, en: …}");
    }
    return Optional.of(
        new Bilingual(
            src.text(n.get(), Src.join(base, path), "zh").orElse(null),
            src.text(n.get(), Src.join(base, path), "en").orElse(null)));
  }
}
