package org.redress.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One log leaf (docs §3.1): an add, a metadata correction or a shred. */
final class Leaf {
  static final String ADD = "add";
  static final String CORRECT = "correct";
  static final String SHRED = "shred";

  final String type;
  final String caseId;
  final long item;
  final @Nullable String sha256;
  final long size;
  final @Nullable String meta;
  final Instant at;

  private Leaf(
      String type,
      String caseId,
      long item,
      @Nullable String sha256,
      long size,
      @Nullable String meta,
      Instant at) {
    this.type = type;
    this.caseId = caseId;
    this.item = item;
    this.sha256 = sha256;
    this.size = size;
    this.meta = meta;
    this.at = at;
  }

  static Leaf add(String caseId, long item, String sha256, long size, String meta, Instant at) {
    return new Leaf(ADD, caseId, item, sha256, size, meta, at);
  }

  static Leaf correct(String caseId, long item, String meta, Instant at) {
    return new Leaf(CORRECT, caseId, item, null, -1, meta, at);
  }

  static Leaf shred(String caseId, Instant at) {
    return new Leaf(SHRED, caseId, -1, null, -1, null, at);
  }

  byte[] bytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", 1L);
    m.put("type", type);
    m.put("case", caseId);
    if (!type.equals(SHRED)) {
      m.put("item", item);
    }
    if (type.equals(ADD)) {
      m.put("sha256", sha256);
      m.put("size", size);
    }
    if (meta != null) {
      m.put("meta", meta);
    }
    m.put("at", at.toString());
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  /** The content hash of an add leaf ({@link #parse} requires it there). */
  String sha() {
    if (sha256 == null) {
      throw new IllegalStateException("a " + type + " leaf has no content hash");
    }
    return sha256;
  }

  /** The metadata hash of an add or correct leaf ({@link #parse} requires it there). */
  String metaHash() {
    if (meta == null) {
      throw new IllegalStateException("a " + type + " leaf names no metadata");
    }
    return meta;
  }

  /** Parses and validates a leaf; {@code where} names it in messages. */
  static Leaf parse(byte[] bytes, String where) {
    Map<String, Object> m = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
    if (!Long.valueOf(1).equals(m.get("v"))) {
      throw new IllegalArgumentException(where + ": unsupported leaf version " + m.get("v"));
    }
    String type = Json.str(m, "type", where);
    String caseId = Json.str(m, "case", where);
    try {
      Layout.checkCase(caseId);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
    }
    Instant at;
    try {
      at = Instant.parse(Json.str(m, "at", where));
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException(where + ": \"at\" is not an RFC 3339 instant", ex);
    }
    switch (type) {
      case ADD:
        {
          String sha = Json.str(m, "sha256", where);
          String meta = Json.str(m, "meta", where);
          long size = Json.num(m, "size", where);
          if (!Hex.isSha256(sha) || !Hex.isSha256(meta) || size < 0) {
            throw new IllegalArgumentException(where + ": bad sha256, meta or size");
          }
          return add(caseId, Json.num(m, "item", where), sha, size, meta, at);
        }
      case CORRECT:
        {
          String meta = Json.str(m, "meta", where);
          if (!Hex.isSha256(meta)) {
            throw new IllegalArgumentException(where + ": bad meta hash");
          }
          return correct(caseId, Json.num(m, "item", where), meta, at);
        }
      case SHRED:
        return shred(caseId, at);
      default:
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s: unknown leaf type \"%s\"", where, type));
    }
  }
}
