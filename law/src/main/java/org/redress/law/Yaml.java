package org.redress.law;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Locale;

/** One YAML reader (JSON is YAML) and one JSON writer for the module. */
final class Yaml {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  /** Parses YAML or JSON text into a tree; the exception message is one line. */
  static JsonNode read(String text) throws MalformedException {
    try {
      JsonNode n = YAML.readTree(text);
      return n == null ? YAML.nullNode() : n;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null
              ? ""
              : String.format(
                  Locale.ROOT, " at line %d column %d", at.getLineNr(), at.getColumnNr());
      String what = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
      int nl = what.indexOf('\n');
      if (nl >= 0) {
        what = what.substring(0, nl);
      }
      throw new MalformedException("malformed YAML/JSON" + where + ": " + what.strip());
    }
  }

  /** Text that is not YAML or JSON. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String message;

    MalformedException(String message) {
      super(message);
      this.message = message;
    }

    /** The one-line message given at construction (never null). */
    @Override
    public String getMessage() {
      return message;
    }
  }
}
