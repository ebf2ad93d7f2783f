package org.redress.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One log leaf (docs §3.1): an add, a metadata correction or a shred. Format 1 names its case in
 * clear; format 2 names it by a salted commitment ({@link CaseSalts}), so a package can prove the
 * leaf without telling its case.
 */
final class Leaf {
  /** Turns a format-2 leaf's {@code case_commit} into the case it stands for, or throws. */
  interface Cases {
    /** The case of {@code commit}; throws IllegalArgumentException when none is known here. */
    String caseOf(String commit, String where);
  }

  /** For contexts that know no commitments: every format-2 leaf fails. */
  static final Cases NO_COMMITS =
      (commit, where) -> {
        throw new IllegalArgumentException(where + ": a format-2 leaf, but no case salt is known");
      };

  static final String ADD = "add";
  static final String CORRECT = "correct";
  static final String SHRED = "shred";

  final String type;
  final String caseId;

  /** The case commitment of a format-2 leaf; null for format 1. */
  final @Nullable String commit;

  final long item;
  final @Nullable String sha256;
  final long size;
  final @Nullable String meta;
  final Instant at;

  private Leaf(
      String type,
      String caseId,
      @Nullable String commit,
      long item,
      @Nullable String sha256,
      long size,
      @Nullable String meta,
      Instant at) {
    this.type = type;
    this.caseId = caseId;
    this.commit = commit;
    this.item = item;
    this.sha256 = sha256;
    this.size = size;
    this.meta = meta;
    this.at = at;
  }

  static Leaf add(
      String caseId,
      @Nullable String commit,
      long item,
      String sha256,
      long size,
      String meta,
      Instant at) {
    return new Leaf(ADD, caseId, commit, item, sha256, size, meta, at);
  }

  static Leaf correct(String caseId, @Nullable String commit, long item, String meta, Instant at) {
    return new Leaf(CORRECT, caseId, commit, item, null, -1, meta, at);
  }

  static Leaf shred(String caseId, @Nullable String commit, Instant at) {
    return new Leaf(SHRED, caseId, commit, -1, null, -1, null, at);
  }

  /** The leaf format: 2 when it names its case by commitment. */
  int version() {
    return commit == null ? 1 : 2;
  }

  byte[] bytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("v", (long) version());
    m.put("type", type);
    if (commit == null) {
      m.put("case", caseId);
    } else {
      m.put("case_commit", commit);
    }
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

  /**
   * Parses and validates a leaf; {@code where} names it in messages; {@code cases} resolves the
   * commitment of a format-2 leaf.
   */
  static Leaf parse(byte[] bytes, String where, Cases cases) {
    Map<String, Object> m = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
    Object v = m.get("v");
    String type = Json.str(m, "type", where);
    String caseId;
    @Nullable String commit = null;
    if (Long.valueOf(1).equals(v)) {
      if (m.containsKey("case_commit")) {
        throw new IllegalArgumentException(where + ": a format-1 leaf has no case_commit");
      }
      caseId = Json.str(m, "case", where);
      try {
        Layout.checkCase(caseId);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
      }
    } else if (Long.valueOf(2).equals(v)) {
      if (m.containsKey("case")) {
        throw new IllegalArgumentException(where + ": a format-2 leaf names no case in clear");
      }
      commit = Json.str(m, "case_commit", where);
      if (!Hex.isSha256(commit)) {
        throw new IllegalArgumentException(where + ": bad case_commit");
      }
      caseId = cases.caseOf(commit, where);
    } else {
      throw new IllegalArgumentException(where + ": unsupported leaf version " + v);
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
          return add(caseId, commit, Json.num(m, "item", where), sha, size, meta, at);
        }
      case CORRECT:
        {
          String meta = Json.str(m, "meta", where);
          if (!Hex.isSha256(meta)) {
            throw new IllegalArgumentException(where + ": bad meta hash");
          }
          return correct(caseId, commit, Json.num(m, "item", where), meta, at);
        }
      case SHRED:
        return shred(caseId, commit, at);
      default:
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "%s: unknown leaf type \"%s\"", where, type));
    }
  }
}
