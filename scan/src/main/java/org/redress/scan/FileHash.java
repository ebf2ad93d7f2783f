package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.redress.match.Query;
import org.redress.media.MediaHash;
import org.redress.media.MediaKind;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;
import org.redress.phash.VpdqFrame;

/**
 * What hashing one media file gave: its hashes, or the reason it could not be hashed. Only hashes
 * and digests, never pixels. Serialises to one JSON line for the resume cache.
 */
record FileHash(
    MediaKind kind,
    PdqResult pdq,
    DihedralHashes variants,
    List<VpdqFrame> vpdq,
    String md5,
    String sha256,
    long size,
    String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static FileHash of(MediaHash h) {
    return new FileHash(
        h.kind(), h.pdq(), h.dihedral(), h.vpdq(), h.md5(), h.sha256(), h.size(), null);
  }

  static FileHash failed(String error) {
    return new FileHash(null, null, null, null, null, null, -1, error);
  }

  boolean ok() {
    return error == null;
  }

  Query query() {
    return new Query(pdq, vpdq, md5, sha256);
  }

  /** One JSON line, keyed by the cache key. */
  String toLine(String key) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("k", key);
    if (error != null) {
      o.put("error", error);
    } else {
      o.put("kind", kind.name());
      if (pdq != null) {
        o.put("pdq", pdq.pdq().toString());
        o.put("q", pdq.quality());
      }
      if (variants != null) {
        ArrayNode a = o.putArray("dihedral");
        for (Dihedral d : Dihedral.values()) {
          a.add(variants.get(d).toString());
        }
      }
      if (vpdq != null) {
        ArrayNode a = o.putArray("vpdq");
        for (VpdqFrame f : vpdq) {
          a.addArray()
              .add(f.frameNumber())
              .add(f.pdq().toString())
              .add(f.quality())
              .add(f.seconds());
        }
      }
      o.put("md5", md5);
      o.put("sha256", sha256);
      o.put("size", size);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("failed to write a cache line: " + e.getOriginalMessage(), e);
    }
  }

  /** The key of a cache line, or null when the line is not valid JSON (a torn last line). */
  static String keyOf(JsonNode line) {
    JsonNode k = line.get("k");
    return k == null || !k.isTextual() ? null : k.asText();
  }

  /**
   * Reads a cache line written by {@link #toLine}.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  static FileHash fromLine(JsonNode o) {
    if (o.hasNonNull("error")) {
      return failed(o.get("error").asText());
    }
    MediaKind kind = MediaKind.valueOf(o.path("kind").asText());
    PdqResult pdq = null;
    if (o.hasNonNull("pdq")) {
      pdq = new PdqResult(Pdq.parse(o.get("pdq").asText()), o.path("q").asInt());
    }
    DihedralHashes variants = null;
    if (o.hasNonNull("dihedral")) {
      List<Pdq> list = new ArrayList<>();
      for (JsonNode v : o.get("dihedral")) {
        list.add(Pdq.parse(v.asText()));
      }
      if (list.size() != Dihedral.values().length || pdq == null) {
        throw new IllegalArgumentException(
            "cache line with "
                + list.size()
                + " variants"
                + (pdq == null ? " and no PDQ hash" : ""));
      }
      variants = DihedralHashes.of(list, pdq.quality());
    }
    List<VpdqFrame> frames = null;
    if (o.hasNonNull("vpdq")) {
      frames = new ArrayList<>();
      for (JsonNode f : o.get("vpdq")) {
        frames.add(
            new VpdqFrame(
                f.get(0).asInt(),
                Pdq.parse(f.get(1).asText()),
                f.get(2).asInt(),
                f.get(3).asDouble()));
      }
    }
    String md5 = o.path("md5").asText(null);
    String sha = o.path("sha256").asText(null);
    if (md5 == null || sha == null) {
      throw new IllegalArgumentException("cache line without digests");
    }
    return new FileHash(kind, pdq, variants, frames, md5, sha, o.path("size").asLong(), null);
  }
}
