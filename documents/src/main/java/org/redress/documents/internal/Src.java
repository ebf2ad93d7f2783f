package org.redress.documents.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.redress.documents.InputException;

/**
 * One input document as a Jackson tree, with typed, path-addressed reads that fail with a message
 * naming the file and the field. A sensitive source (the parties file) never quotes its values or
 * its parser's token text in messages.
 */
public final class Src {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Path file;
  private final JsonNode root;
  private final boolean sensitive;

  private Src(Path file, JsonNode root, boolean sensitive) {
    this.file = file;
    this.root = root;
    this.sensitive = sensitive;
  }

  /**
   * Reads a YAML or JSON file ({@code .json} is parsed as JSON, anything else as YAML).
   *
   * @throws InputException when the file is missing, unreadable, malformed or not a mapping
   */
  public static Src read(Path file, boolean sensitive) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "no such file");
    } catch (IOException e) {
      throw new InputException(file, "failed to read: " + e.getMessage(), e);
    }
    return parse(file, bytes, sensitive);
  }

  /** Parses bytes that came from {@code file} (or from an entry of it). */
  static Src parse(Path file, byte[] bytes, boolean sensitive) {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode root;
    try {
      root = (json ? JSON : YAML).readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null
              ? ""
              : String.format(
                  Locale.ROOT, " at line %d, column %d", at.getLineNr(), at.getColumnNr());
      String why = sensitive ? "" : ": " + firstLine(e.getOriginalMessage());
      throw new InputException(file, "not valid " + (json ? "JSON" : "YAML") + where + why, e);
    } catch (IOException e) {
      throw new InputException(file, "failed to read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InputException(file, "the file is empty");
    }
    if (!root.isObject()) {
      throw new InputException(file, "expected a mapping (keys and values) at the top level");
    }
    return new Src(file, root, sensitive);
  }

  /** Reads a stream that came from {@code file}. */
  static Src parse(Path file, InputStream in, boolean sensitive) throws IOException {
    return parse(file, in.readAllBytes(), sensitive);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The file this came from. */
  public Path file() {
    return file;
  }

  /** The root mapping. */
  public JsonNode root() {
    return root;
  }

  /** A failure about field {@code path} of this file. */
  public InputException error(String path, String what) {
    return new InputException(file, "field '" + path + "' " + what);
  }

  /** The node at a dotted path below {@code from}, or empty when absent or null. */
  public static Optional<JsonNode> at(JsonNode from, String path) {
    JsonNode n = from;
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      n = n.get(part);
    }
    return n == null || n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(n);
  }

  /** The node at a path, failing with "missing field" when absent. */
  public JsonNode require(JsonNode from, String base, String path) {
    return at(from, path)
        .orElseThrow(() -> new InputException(file, "missing field '" + join(base, path) + "'"));
  }

  static String join(String base, String path) {
    return base == null || base.isEmpty() ? path : base + "." + path;
  }

  private String shown(JsonNode n) {
    if (sensitive) {
      return "";
    }
    String t = n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    if (t.length() > 40) {
      t = t.substring(0, 37) + "...";
    }
    return ", was " + t;
  }

  /** A text (a scalar: strings, and numbers written without quotes) or empty when absent. */
  public Optional<String> text(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    JsonNode v = n.get();
    if (!(v.isTextual() || v.isNumber())) {
      throw error(join(base, path), "must be text" + shown(v));
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A required text. */
  public String requireText(JsonNode from, String base, String path) {
    return text(from, base, path)
        .orElseThrow(() -> new InputException(file, "missing field '" + join(base, path) + "'"));
  }

  /** A boolean, or empty when absent (absent means unknown, not false). */
  public Optional<Boolean> bool(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!n.get().isBoolean()) {
      throw error(join(base, path), "must be true or false" + shown(n.get()));
    }
    return Optional.of(n.get().booleanValue());
  }

  /** A non-negative whole number, or empty when absent. */
  public OptionalLong count(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return OptionalLong.empty();
    }
    JsonNode v = n.get();
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw error(join(base, path), "must be a whole number >= 0" + shown(v));
    }
    return OptionalLong.of(v.longValue());
  }

  /** An ISO date (YYYY-MM-DD), or empty when absent. */
  public Optional<LocalDate> date(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    JsonNode v = n.get();
    try {
      if (!v.isTextual()) {
        throw new DateTimeParseException("not text", v.toString(), 0);
      }
      return Optional.of(LocalDate.parse(v.asText().strip()));
    } catch (DateTimeParseException e) {
      throw error(join(base, path), "must be a date YYYY-MM-DD" + shown(v));
    }
  }

  /** The elements of an array, or empty when absent; a non-array fails. */
  public List<JsonNode> array(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return List.of();
    }
    if (!n.get().isArray()) {
      throw error(join(base, path), "must be a list" + shown(n.get()));
    }
    List<JsonNode> out = new ArrayList<>();
    n.get().forEach(out::add);
    return out;
  }

  /** A list of texts (a single text counts as a list of one), or empty when absent. */
  public List<String> texts(JsonNode from, String base, String path) {
    Optional<JsonNode> n = at(from, path);
    if (n.isEmpty()) {
      return List.of();
    }
    if (n.get().isTextual()) {
      return List.of(n.get().asText().strip());
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : array(from, base, path)) {
      if (!(e.isTextual() || e.isNumber())) {
        throw error(join(base, path) + "[" + i + "]", "must be text" + shown(e));
      }
      out.add(e.asText().strip());
      i++;
    }
    return out;
  }

  /** Fails unless the top-level {@code schema} equals {@code expected}. */
  public void requireSchema(String expected) {
    String s = requireText(root, "", "schema");
    if (!s.equals(expected)) {
      throw error("schema", "must be " + expected + (sensitive ? "" : ", was \"" + s + "\""));
    }
  }
}
