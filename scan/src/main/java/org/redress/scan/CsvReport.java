package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One CSV row per occurrence (RFC 4180; text cells that a spreadsheet would run are quoted). */
final class CsvReport {
  static final String[] COLUMNS = {
    "bank", "label", "item_kind", "chat_id", "chat_name", "chat_type", "message_id", "reference",
    "date_utc", "date_exported", "zone_unknown", "sender_name", "sender_id", "forwarded",
    "forwarded_from", "field", "file", "location", "media_kind", "signal", "distance", "item_ids",
    "sha256", "md5", "pdq"
  };

  private CsvReport() {}

  static String render(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    row(sb, List.of(COLUMNS));
    for (JsonNode item : root.get("items")) {
      for (JsonNode o : item.get("occurrences")) {
        List<String> ids = new ArrayList<>();
        o.get("matches").forEach(m -> ids.add(m.get("item").asText()));
        List<String> cells = new ArrayList<>();
        cells.add(item.get("bank").asText());
        cells.add(item.get("label").asText());
        cells.add(item.get("kind").asText());
        for (String k : new String[] {"chat_id", "chat_name", "chat_type", "message_id",
            "reference", "date_utc", "date_exported", "zone_unknown", "sender_name", "sender_id",
            "forwarded", "forwarded_from", "field", "file", "location", "media_kind", "signal",
            "distance"}) {
          JsonNode v = o.get(k);
          cells.add(v == null || v.isNull() ? "" : v.asText());
        }
        cells.add(String.join(" ", ids));
        cells.add(o.get("sha256").asText());
        cells.add(o.get("md5").asText());
        cells.add(o.get("pdq").isNull() ? "" : o.get("pdq").asText());
        row(sb, cells);
      }
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /** Quotes as RFC 4180; a text starting with = + - @ gets a leading ' (formula injection). */
  static String cell(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        || s.startsWith("'")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
