package org.redress.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.redress.match.Signal;
import org.redress.phash.Pdq;
import org.redress.phash.VpdqFrame;

/**
 * One hash in its canonical text form, as stored and exported.
 *
 * <ul>
 *   <li>{@code pdq}: 64 lowercase hex digits; quality 0..100 or null when unknown.
 *   <li>{@code md5}, {@code sha256}: lowercase hex.
 *   <li>{@code vpdq}: a JSON array of {@code "hex,quality,seconds"} strings (seconds with three
 *       decimals), python-threatexchange's {@code VpdqCompactFeature} serialisation.
 * </ul>
 *
 * @param signal the kind of hash
 * @param value the canonical text
 * @param quality PDQ quality, or null
 */
public record HashValue(Signal signal, String value, Integer quality) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A PDQ hash with its quality (null when unknown). */
  public static HashValue pdq(Pdq pdq, Integer quality) {
    if (quality != null && (quality < 0 || quality > 100)) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
    }
    return new HashValue(Signal.PDQ, pdq.toString(), quality);
  }

  /** A vPDQ hash. */
  public static HashValue vpdq(List<VpdqFrame> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a vPDQ hash needs at least one frame");
    }
    List<String> parts = new ArrayList<>();
    for (VpdqFrame f : frames) {
      parts.add(String.format(Locale.ROOT, "%s,%d,%.3f", f.pdq(), f.quality(), f.seconds()));
    }
    try {
      return new HashValue(Signal.VPDQ, JSON.writeValueAsString(parts), null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write vPDQ frames: " + e.getMessage(), e);
    }
  }

  /**
   * An MD5 or SHA-256 digest, normalised to lowercase.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static HashValue digest(Signal signal, String hex) {
    return new HashValue(signal, signal.normaliseDigest(hex), null);
  }

  /**
   * Parses {@code SIGNAL:VALUE}, e.g. {@code pdq:HEX}, {@code pdq:HEX,QUALITY}, {@code md5:HEX},
   * {@code sha256:HEX}, {@code vpdq:["hex,q,s", ...]} or {@code vpdq:hex,q,s;hex,q,s}.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static HashValue parseTagged(String tagged) {
    int colon = tagged == null ? -1 : tagged.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "expected SIGNAL:VALUE such as pdq:<64 hex digits>, was \"" + abbreviate(tagged) + "\"");
    }
    return parse(tagged.substring(0, colon), tagged.substring(colon + 1));
  }

  /**
   * Parses a value of the named signal (see {@link #parseTagged} for the forms).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static HashValue parse(String signalName, String value) {
    Signal s = Signal.parse(signalName);
    String v = value == null ? "" : value.trim();
    switch (s) {
      case PDQ:
        return parsePdq(v);
      case VPDQ:
        return vpdq(parseFrames(v));
      default:
        return digest(s, v);
    }
  }

  private static HashValue parsePdq(String v) {
    int comma = v.indexOf(',');
    String hex = comma < 0 ? v : v.substring(0, comma).trim();
    Integer quality = null;
    if (comma >= 0) {
      quality = parseInt(v.substring(comma + 1).trim(), "PDQ quality");
    }
    return pdq(Pdq.parse(hex), quality);
  }

  /**
   * vPDQ frames from a JSON array of {@code "hex,quality,seconds"} strings, or from such triples
   * separated by semicolons or whitespace. Frame numbers are assigned in order from 0.
   *
   * @throws IllegalArgumentException naming the bad frame
   */
  public static List<VpdqFrame> parseFrames(String v) {
    List<String> parts = new ArrayList<>();
    if (v.startsWith("[")) {
      JsonNode node;
      try {
        node = JSON.readTree(v);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "not a JSON array of vPDQ frames: " + e.getOriginalMessage());
      }
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          throw new IllegalArgumentException(
              "vPDQ frame must be a \"hex,quality,seconds\" string, "
                  + "was "
                  + abbreviate(n.toString()));
        }
        parts.add(n.asText());
      }
    } else {
      for (String p : v.split("[;\\s]+")) {
        if (!p.isEmpty()) {
          parts.add(p);
        }
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a vPDQ hash needs at least one frame");
    }
    List<VpdqFrame> frames = new ArrayList<>();
    for (String p : parts) {
      String[] f = p.split(",", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException(
            "vPDQ frame must be \"hex,quality,seconds\", was \"" + abbreviate(p) + "\"");
      }
      double seconds;
      try {
        seconds = Double.parseDouble(f[2].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad vPDQ frame seconds: \"" + abbreviate(f[2]) + "\"");
      }
      frames.add(
          new VpdqFrame(
              frames.size(),
              Pdq.parse(f[0].trim()),
              parseInt(f[1].trim(), "vPDQ frame quality"),
              seconds));
    }
    return frames;
  }

  private static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what + " must be an integer, was \"" + abbreviate(s) + "\"");
    }
  }

  /** The PDQ hash ({@code pdq} only). */
  public Pdq pdq() {
    if (signal != Signal.PDQ) {
      throw new IllegalStateException("not a PDQ value: " + signal.id());
    }
    return Pdq.parse(value);
  }

  /** The frames ({@code vpdq} only). */
  public List<VpdqFrame> frames() {
    if (signal != Signal.VPDQ) {
      throw new IllegalStateException("not a vPDQ value: " + signal.id());
    }
    return parseFrames(value);
  }

  /** The key that makes an item unique in a bank: the hex, or SHA-256 of a vPDQ value. */
  public String fingerprint() {
    if (signal != Signal.VPDQ) {
      return value;
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** {@code signal:value}, the form {@link #parseTagged} reads (PDQ quality included). */
  @Override
  public String toString() {
    return signal.id() + ":" + value + (quality == null ? "" : "," + quality);
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
