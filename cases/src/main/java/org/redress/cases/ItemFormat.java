package org.redress.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.match.Signal;
import org.redress.phash.Vpdq;

/**
 * Exchange formats for bank items (see {@code docs/matching.md}).
 *
 * <ul>
 *   <li>{@link #HMA}: one {@code SIGNAL_TYPE SIGNAL_STR} line per item, as Hasher-Matcher-Actioner
 *       and python-threatexchange write signals: {@code pdq <hex>}, {@code video_md5 <hex>}, {@code
 *       vpdq ["hex,quality,seconds", ...]}; {@code sha256 <hex>} is a Redress extension. Blank
 *       lines and {@code #} comments are skipped; a bare 64-hex-digit line is a PDQ hash.
 *   <li>{@link #JSONL}: one JSON object per line: {@code signal}, {@code value} (a string; for vpdq
 *       an array of frame strings), optional {@code quality}, {@code label}, {@code case}, {@code
 *       added_by}; exports add {@code id}, {@code bank}, {@code added_at}, {@code disabled_until}.
 *   <li>{@link #CSV}: RFC 4180 with the header {@code signal,value,quality,label,case,added_by,
 *       added_at,disabled_until}; a vpdq value is its JSON array text.
 * </ul>
 *
 * <p>Reading parses a whole file before anything is stored: a bad line fails the import with its
 * line number and nothing is added.
 */
public enum ItemFormat {
  /** HMA / python-threatexchange signal lines. */
  HMA,
  /** JSON lines. */
  JSONL,
  /** Comma-separated values with a header. */
  CSV;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CSV_HEADER =
      "signal,value,quality,label,case,added_by,added_at,disabled_until";

  /**
   * The format with this name ({@code hma}, {@code jsonl}, {@code csv}).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static ItemFormat parse(String name) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "hma":
      case "pte":
        return HMA;
      case "jsonl":
      case "json":
        return JSONL;
      case "csv":
        return CSV;
      default:
        throw new IllegalArgumentException(
            "unknown format \"" + name + "\" (expected hma, jsonl or csv)");
    }
  }

  /** Guesses the format from the first non-blank line: '{' JSON lines, the CSV header, else HMA. */
  public static ItemFormat detect(String firstLine) {
    String l = firstLine == null ? "" : firstLine.trim();
    if (l.startsWith("{")) {
      return JSONL;
    }
    if (l.toLowerCase(Locale.ROOT).startsWith("signal,value")) {
      return CSV;
    }
    return HMA;
  }

  /** Lowercase name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Writes items.
   *
   * @throws IOException when writing fails
   */
  public void write(List<Item> items, Writer out) throws IOException {
    if (this == CSV) {
      out.write(CSV_HEADER + "\n");
    }
    for (Item it : items) {
      out.write(line(it));
      out.write('\n');
    }
    out.flush();
  }

  private String line(Item it) throws JsonProcessingException {
    HashValue hv = it.hash();
    switch (this) {
      case HMA:
        // vPDQ as python-threatexchange serialises it: seconds as f"{t:.3}" (12.5, 1e+02)
        return hmaName(hv.signal())
            + " "
            + (hv.signal() == Signal.VPDQ ? Vpdq.of(hv.frames()).toPteSignal() : hv.value());
      case JSONL:
        {
          ObjectNode o = JsonNodeFactory.instance.objectNode();
          o.put("id", it.id());
          o.put("bank", it.bank());
          o.put("signal", hv.signal().id());
          if (hv.signal() == Signal.VPDQ) {
            o.set("value", JSON.readTree(hv.value()));
          } else {
            o.put("value", hv.value());
          }
          if (hv.quality() != null) {
            o.put("quality", hv.quality());
          }
          o.put("label", it.label());
          if (it.caseRef() != null) {
            o.put("case", it.caseRef());
          }
          o.put("added_by", it.addedBy());
          o.put("added_at", it.addedAt().toString());
          if (it.disabledUntil() != null) {
            o.put("disabled_until", it.disabledUntil().toString());
          }
          return JSON.writeValueAsString(o);
        }
      default:
        return String.join(
            ",",
            csv(hv.signal().id()),
            csv(hv.value()),
            hv.quality() == null ? "" : Integer.toString(hv.quality()),
            csv(it.label()),
            csv(it.caseRef()),
            csv(it.addedBy()),
            it.addedAt().toString(),
            it.disabledUntil() == null ? "" : it.disabledUntil().toString());
    }
  }

  /** The name HMA / python-threatexchange give the signal ({@code video_md5} for MD5). */
  public static String hmaName(Signal s) {
    return s == Signal.MD5 ? "video_md5" : s.id();
  }

  /**
   * Reads every item of a file before returning.
   *
   * @param in the text
   * @param source the file's name, for labels and messages
   * @param caseRef case reference given to every item, or null
   * @param addedBy who adds them, or null for the workspace user
   * @throws CasesException naming {@code source:line} and the problem; nothing is returned then
   * @throws IOException when reading fails
   */
  public List<NewItem> read(BufferedReader in, String source, String caseRef, String addedBy)
      throws IOException {
    List<NewItem> items = new ArrayList<>();
    String line;
    int n = 0;
    boolean header = this == CSV;
    while ((line = in.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String t = line.trim();
      if (t.isEmpty() || (this != CSV && t.startsWith("#"))) {
        continue;
      }
      if (header) {
        header = false;
        if (!t.toLowerCase(Locale.ROOT).startsWith("signal,value")) {
          throw new CasesException(source + ":" + n + ": expected the CSV header " + CSV_HEADER);
        }
        continue;
      }
      try {
        items.add(readLine(t, source + " line " + n, caseRef, addedBy));
      } catch (IllegalArgumentException | JsonProcessingException e) {
        String m =
            e instanceof JsonProcessingException
                ? "not a JSON object: " + ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        throw new CasesException(source + ":" + n + ": " + m, e);
      }
    }
    return items;
  }

  private NewItem readLine(String t, String defaultLabel, String caseRef, String addedBy)
      throws JsonProcessingException {
    switch (this) {
      case HMA:
        {
          int sp = indexOfWhitespace(t);
          if (sp < 0) {
            if (t.length() == 64) {
              return new NewItem(HashValue.parse("pdq", t), defaultLabel, caseRef, addedBy);
            }
            throw new IllegalArgumentException(
                "expected \"SIGNAL_TYPE VALUE\", was \"" + HashValue.abbreviate(t) + "\"");
          }
          HashValue hv = HashValue.parse(t.substring(0, sp), t.substring(sp + 1).trim());
          return new NewItem(hv, defaultLabel, caseRef, addedBy);
        }
      case JSONL:
        {
          JsonNode o = JSON.readTree(t);
          if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("expected a JSON object per line");
          }
          JsonNode v = o.get("value");
          if (o.get("signal") == null || v == null) {
            throw new IllegalArgumentException("a line needs \"signal\" and \"value\"");
          }
          String value = v.isArray() ? JSON.writeValueAsString(v) : v.asText();
          String q = o.hasNonNull("quality") ? o.get("quality").asText() : null;
          HashValue hv =
              HashValue.parse(o.get("signal").asText(), q == null ? value : value + "," + q);
          return new NewItem(
              hv,
              text(o, "label", defaultLabel),
              text(o, "case", caseRef),
              text(o, "added_by", addedBy));
        }
      default:
        {
          List<String> f = splitCsv(t);
          if (f.size() < 2) {
            throw new IllegalArgumentException("a CSV line needs at least signal and value");
          }
          String q = f.size() > 2 && !f.get(2).isEmpty() ? f.get(2) : null;
          HashValue hv = HashValue.parse(f.get(0), q == null ? f.get(1) : f.get(1) + "," + q);
          return new NewItem(
              hv,
              f.size() > 3 && !f.get(3).isEmpty() ? f.get(3) : defaultLabel,
              f.size() > 4 && !f.get(4).isEmpty() ? f.get(4) : caseRef,
              f.size() > 5 && !f.get(5).isEmpty() ? f.get(5) : addedBy);
        }
    }
  }

  private static String text(JsonNode o, String field, String dflt) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() || n.asText().isBlank() ? dflt : n.asText();
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static String csv(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + "\"";
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted CSV field");
    }
    out.add(cur.toString());
    return out;
  }
}
