package org.redress.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.match.Signal;
import org.redress.phash.Pdq;
import org.redress.phash.Vpdq;
import org.redress.phash.VpdqFrame;

/**
 * The one reader of {@code redress/hash-list@1}, the JSON a victim's browser (the {@code /hash}
 * page or the self-contained file {@code redress hasher} writes) saves or sends: names, sizes and
 * hashes of her files, never their bytes. {@code redress bank import} and the web's "add to her
 * bank" both read it here; the format is specified in {@code docs/hashing.md}.
 *
 * <p>A list turns into bank items by the rule {@link BankItems} applies to files hashed by the CLI:
 * an image gives its PDQ hash and SHA-256, a video its vPDQ hash, MD5 and SHA-256.
 */
public final class HashList {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "redress/hash-list@1";

  /** The most items one list may hold. */
  public static final int MAX_ITEMS = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private HashList() {}

  /**
   * One file's hashes: {@code pdq}/{@code quality} for images, {@code vpdq} for videos; {@code
   * approximate} when a browser without WebAssembly GC computed the PDQ/vPDQ hashes with the
   * JavaScript fallback (a few bits from the exact hash; MD5 and SHA-256 are exact either way).
   */
  public record Entry(
      String name,
      long size,
      String kind,
      Pdq pdq,
      int quality,
      String md5,
      String sha256,
      Vpdq vpdq,
      boolean approximate) {}

  /** How many of {@code entries} carry approximate PDQ/vPDQ hashes. */
  public static int approximate(List<Entry> entries) {
    int n = 0;
    for (Entry e : entries) {
      if (e.approximate()) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code text} (a file's beginning is enough) declares this format. */
  public static boolean declares(String text) {
    String s = text.stripLeading();
    return s.startsWith("{") && s.contains("\"" + FORMAT + "\"");
  }

  /**
   * Parses a whole list.
   *
   * @throws IllegalArgumentException naming the item and field when anything is wrong; nothing is
   *     returned for a list with one bad item
   */
  public static List<Entry> parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a hash list is a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException(
          "format must be " + FORMAT + ", was " + root.path("format"));
    }
    JsonNode items = root.path("items");
    if (!items.isArray()) {
      throw new IllegalArgumentException("items must be an array");
    }
    if (items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException(
          "a hash list holds at most " + MAX_ITEMS + " items, was " + items.size());
    }
    List<Entry> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        out.add(entry(items.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The bank items of {@code entries}, labelled with each file's name. */
  public static List<NewItem> items(List<Entry> entries, String caseRef, String addedBy) {
    List<NewItem> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.pdq() != null) {
        out.add(new NewItem(HashValue.pdq(e.pdq(), e.quality()), e.name(), caseRef, addedBy));
      }
      if (e.vpdq() != null) {
        out.add(new NewItem(HashValue.vpdq(e.vpdq().frames()), e.name(), caseRef, addedBy));
        out.add(new NewItem(HashValue.digest(Signal.MD5, e.md5()), e.name(), caseRef, addedBy));
      }
      out.add(new NewItem(HashValue.digest(Signal.SHA256, e.sha256()), e.name(), caseRef, addedBy));
    }
    return out;
  }

  private static Entry entry(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("must be an object");
    }
    String name = text(n, "name", 1, 1000);
    long size = n.path("size").asLong(-1);
    if (size < 0) {
      throw new IllegalArgumentException("size must be a number >= 0, was " + n.path("size"));
    }
    String kind = text(n, "kind", 1, 10);
    String md5 = hex(n, "md5", 32);
    JsonNode approx = n.path("approximate");
    if (!approx.isMissingNode() && !approx.isBoolean()) {
      throw new IllegalArgumentException("approximate must be true or false, was " + approx);
    }
    boolean approximate = approx.asBoolean(false);
    String sha256 = hex(n, "sha256", 64);
    switch (kind) {
      case "image":
        return new Entry(
            name,
            size,
            kind,
            Pdq.parse(text(n, "pdq", 64, 64)),
            quality(n.path("quality")),
            md5,
            sha256,
            null,
            approximate);
      case "video":
        return new Entry(name, size, kind, null, 0, md5, sha256, vpdq(n.path("vpdq")), approximate);
      default:
        throw new IllegalArgumentException("kind must be image or video, was " + kind);
    }
  }

  private static Vpdq vpdq(JsonNode frames) {
    if (!frames.isArray() || frames.isEmpty()) {
      throw new IllegalArgumentException("vpdq must be a non-empty array of frames");
    }
    List<VpdqFrame> out = new ArrayList<>(frames.size());
    for (JsonNode f : frames) {
      int frame = f.path("frame").asInt(-1);
      double seconds = f.path("seconds").asDouble(-1);
      out.add(
          new VpdqFrame(
              frame, Pdq.parse(text(f, "pdq", 64, 64)), quality(f.path("quality")), seconds));
    }
    return Vpdq.of(out);
  }

  private static int quality(JsonNode q) {
    if (!q.isInt() || q.asInt() < 0 || q.asInt() > 100) {
      throw new IllegalArgumentException("quality must be an integer in 0..100, was " + q);
    }
    return q.asInt();
  }

  private static String text(JsonNode n, String field, int min, int max) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().length() < min || v.asText().length() > max) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must be text of %d to %d characters, was %s",
              field,
              min,
              max,
              v.isMissingNode() ? "missing" : shorten(v.toString())));
    }
    return v.asText();
  }

  private static String hex(JsonNode n, String field, int digits) {
    String s = text(n, field, digits, digits).toLowerCase(Locale.ROOT);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        throw new IllegalArgumentException(
            field + " must be " + digits + " hex digits, was " + shorten(s));
      }
    }
    return s;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
