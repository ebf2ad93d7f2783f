package org.redress.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What is known about an item (docs §2): its case, source, how, when and by whom it was captured,
 * the tool, the original file name, size, media type and perceptual hashes. Immutable. The exact
 * JSON bytes are kept, because the log commits to their SHA-256.
 */
public final class Metadata {
  /** Allowed source kinds. */
  public static final List<String> SOURCE_KINDS = List.of("file", "telegram", "url", "other");

  /** Fields a correction may change (size and case never change). */
  public static final Set<String> CORRECTABLE =
      Set.of(
          "source_kind",
          "source_value",
          "capture_method",
          "captured_by",
          "captured_at",
          "file_name",
          "media_type",
          "note");

  private final String json;
  private final Map<String, Object> map;
  private @Nullable String sha256;

  private Metadata(String json, Map<String, Object> map) {
    this.json = json;
    this.map = map;
  }

  /**
   * New metadata: with a {@code caseCommit} (format 2) the case is named by its commitment ({@code
   * case_commit}), never in clear, so the metadata can be shown in a package that does not tell the
   * case; without one (format 1) by its id.
   */
  static Metadata create(
      String caseId,
      @Nullable String caseCommit,
      NewItem item,
      Instant capturedAt,
      String toolName,
      String toolVersion,
      String capturedBy,
      long size) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (caseCommit == null) {
      m.put("case", caseId);
    } else {
      m.put("case_commit", caseCommit);
    }
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("kind", item.sourceKind());
    src.put("value", item.sourceValue());
    m.put("source", src);
    m.put("capture_method", item.captureMethod());
    m.put("captured_at", capturedAt.toString());
    m.put("captured_by", item.capturedBy() != null ? item.capturedBy() : capturedBy);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", toolName);
    tool.put("version", toolVersion);
    m.put("tool", tool);
    Object name = item.file().getFileName();
    m.put("file_name", name == null ? item.file().toString() : name.toString());
    m.put("size", size);
    m.put("media_type", item.mediaType());
    if (!item.perceptualHashes().isEmpty()) {
      m.put("perceptual", new LinkedHashMap<String, Object>(item.perceptualHashes()));
    }
    m.put("note", item.note());
    m.values().removeIf(v -> v == null);
    // Built from checked values: no need to parse back what Json.write just wrote.
    return new Metadata(Json.write(m), m);
  }

  private static Metadata fromMap(Map<String, Object> m) {
    String json = Json.write(m);
    return parse(json.getBytes(StandardCharsets.UTF_8), "metadata");
  }

  /** Parses and checks stored metadata bytes. */
  static Metadata parse(byte[] bytes, String where) {
    String json = new String(bytes, StandardCharsets.UTF_8);
    Map<String, Object> m = Json.parseObject(json);
    if (m.containsKey("case") == m.containsKey("case_commit")) {
      throw new IllegalArgumentException(where + ": needs exactly one of case and case_commit");
    }
    if (m.containsKey("case")) {
      Json.str(m, "case", where);
    } else if (!Hex.isSha256(Json.str(m, "case_commit", where))) {
      throw new IllegalArgumentException(where + ": bad case_commit");
    }
    Json.num(m, "size", where);
    String at = Json.str(m, "captured_at", where);
    try {
      Instant.parse(at);
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException(where + ": captured_at is not an RFC 3339 instant", ex);
    }
    return new Metadata(json, m);
  }

  /**
   * A corrected copy: each change sets one {@link #CORRECTABLE} field; the reason goes to {@code
   * note}.
   */
  Metadata corrected(Map<String, String> changes, String reason) {
    Map<String, Object> m = new LinkedHashMap<>(map);
    @SuppressWarnings("unchecked")
    Map<String, Object> src =
        new LinkedHashMap<>(
            (Map<String, Object>) map.getOrDefault("source", new LinkedHashMap<String, Object>()));
    for (Map.Entry<String, String> e : new TreeMap<>(changes).entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      if (!CORRECTABLE.contains(k)) {
        throw new IllegalArgumentException(
            "field \""
                + k
                + "\" cannot be corrected; correctable: "
                + new java.util.TreeSet<>(CORRECTABLE));
      }
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("new value for \"" + k + "\" must not be empty");
      }
      switch (k) {
        case "source_kind":
          if (!SOURCE_KINDS.contains(v)) {
            throw new IllegalArgumentException(
                "source kind must be one of " + SOURCE_KINDS + ", was \"" + v + "\"");
          }
          src.put("kind", v);
          break;
        case "source_value":
          src.put("value", v);
          break;
        case "captured_at":
          try {
            m.put(k, Instant.parse(v).toString());
          } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(
                "captured_at must be an RFC 3339 instant such as "
                    + "2024-05-01T10:00:00Z, was \""
                    + v
                    + "\"",
                ex);
          }
          break;
        default:
          m.put(k, v);
      }
    }
    m.put("source", src);
    m.put("note", reason);
    return fromMap(m);
  }

  /** The exact JSON text the log's {@code meta} hash covers. */
  public String json() {
    return json;
  }

  byte[] bytes() {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  String sha256() {
    String s = sha256;
    if (s == null) {
      s = Hex.of(Hex.sha256(bytes()));
      sha256 = s;
    }
    return s;
  }

  /** The case, for metadata written before case commitments (format 1); else null. */
  public @Nullable String caseId() {
    return str("case");
  }

  /** The case commitment (docs §2, format 2); null for older metadata that names its case. */
  public @Nullable String caseCommit() {
    return str("case_commit");
  }

  public long size() {
    return (Long) Objects.requireNonNull(map.get("size"), "size (checked when read)");
  }

  public Instant capturedAt() {
    return Instant.parse((String) map.get("captured_at"));
  }

  public @Nullable String sourceKind() {
    return sub("source", "kind");
  }

  public @Nullable String sourceValue() {
    return sub("source", "value");
  }

  public @Nullable String captureMethod() {
    return str("capture_method");
  }

  public @Nullable String capturedBy() {
    return str("captured_by");
  }

  public @Nullable String toolName() {
    return sub("tool", "name");
  }

  public @Nullable String toolVersion() {
    return sub("tool", "version");
  }

  public @Nullable String fileName() {
    return str("file_name");
  }

  public @Nullable String mediaType() {
    return str("media_type");
  }

  public @Nullable String note() {
    return str("note");
  }

  /** Perceptual hashes by algorithm name; empty when there are none. */
  public Map<String, String> perceptual() {
    Object p = map.get("perceptual");
    Map<String, String> out = new TreeMap<>();
    if (p instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) p).entrySet()) {
        out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private @Nullable String str(String k) {
    Object v = map.get(k);
    return v instanceof String ? (String) v : null;
  }

  private @Nullable String sub(String k, String f) {
    Object v = map.get(k);
    if (v instanceof Map) {
      Object s = ((Map<?, ?>) v).get(f);
      return s instanceof String ? (String) s : null;
    }
    return null;
  }

  @Override
  public String toString() {
    return json;
  }
}
