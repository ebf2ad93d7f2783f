package org.redress.web.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The spread report ({@code redress/spread-report@1}, docs/spread-report.md) as the report page
 * shows it: totals, three bar charts and the occurrences, filtered. Reads the documented JSON form;
 * when the spine's {@code report} module brings typed records, this reads those instead. No
 * picture: only references, names and hashes.
 */
public final class ReportView {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final JsonNode root;
  private final String lang;
  private final List<Occurrence> all;

  /** One place a copy was found. */
  public record Occurrence(
      String time,
      boolean zoneKnown,
      String chat,
      String sender,
      String item,
      String signal,
      String distance,
      boolean forwarded,
      String reference,
      String chatId,
      String messageId) {
    /** Whether the occurrence is a message in a chat (else a loose file, by its reference). */
    public boolean isMessage() {
      return !chatId.isEmpty() && !messageId.isEmpty();
    }
  }

  /**
   * One page of the occurrence table ({@value #PAGE_SIZE} rows), with links to the pages before and
   * after (null at either end).
   */
  public record Rows(
      List<Occurrence> shown, int from, int to, int total, String prevHref, String nextHref) {
    /** Rows per page. */
    public static final int PAGE_SIZE = 200;

    /** Page {@code page} (1-based; past the end: the last) of {@code all}; links are base+N. */
    public static Rows of(List<Occurrence> all, int page, String base) {
      int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
      int p = Math.min(Math.max(1, page), pages);
      int from = (p - 1) * PAGE_SIZE;
      int to = Math.min(all.size(), from + PAGE_SIZE);
      return new Rows(
          all.subList(from, to),
          all.isEmpty() ? 0 : from + 1,
          to,
          all.size(),
          p > 1 ? base + (p - 1) : null,
          p < pages ? base + (p + 1) : null);
    }
  }

  /** The filters of the occurrence table (empty string: no filter). */
  public record Filter(String chat, String item, String signal) {
    boolean keeps(Occurrence o) {
      return (chat.isEmpty() || chat.equals(o.chat()))
          && (item.isEmpty() || item.equals(o.item()))
          && (signal.isEmpty() || signal.equals(o.signal()));
    }

    /** Whether any filter is set. */
    public boolean any() {
      return !chat.isEmpty() || !item.isEmpty() || !signal.isEmpty();
    }
  }

  /** A view of {@code report} in {@code lang} ({@code zh} or {@code en}). */
  public ReportView(JsonNode report, String lang) {
    this.root = report;
    this.lang = lang;
    this.all = occurrences(report);
  }

  /** A total by its JSON name under {@code totals}. */
  public long total(String name) {
    return root.path("totals").path(name).asLong();
  }

  /** Whether some input could not be read to the end. */
  public boolean partial() {
    return root.path("partial").asBoolean();
  }

  /** First and last time a copy was seen, Beijing time. */
  public String firstSeen() {
    return time(root.path("totals").path("first_seen")).orElse("-");
  }

  public String lastSeen() {
    return time(root.path("totals").path("last_seen")).orElse("-");
  }

  /** Posts with matches per day. */
  public BarChart perDay() {
    List<BarChart.Entry> e = new ArrayList<>();
    for (JsonNode d : root.path("timeline")) {
      e.add(new BarChart.Entry(d.path("date").asText(), d.path("posts").asLong()));
    }
    return BarChart.of(e);
  }

  /** Posts with matches per chat. */
  public BarChart perChat() {
    List<BarChart.Entry> e = new ArrayList<>();
    for (JsonNode c : root.path("chats")) {
      if (c.path("posts_with_matches").asLong() > 0) {
        e.add(
            new BarChart.Entry(
                c.path("chat_name").asText(), c.path("posts_with_matches").asLong()));
      }
    }
    return BarChart.of(e);
  }

  /** Trade posts per category, with the category's name in the page's language. */
  public BarChart tradeByCategory() {
    List<BarChart.Entry> e = new ArrayList<>();
    JsonNode t = root.path("trade");
    for (Map.Entry<String, JsonNode> c : t.path("by_category").properties()) {
      String label = t.path("categories").path(c.getKey()).path(lang).asText(c.getKey());
      e.add(new BarChart.Entry(label, c.getValue().asLong()));
    }
    return BarChart.of(e);
  }

  /** The occurrences the filter keeps, in report order. */
  public List<Occurrence> occurrences(Filter f) {
    return all.stream().filter(f::keeps).toList();
  }

  /** Every occurrence. */
  public int occurrenceCount() {
    return all.size();
  }

  /** The chat names, items and signals to filter by. */
  public List<String> chats() {
    return distinct(0);
  }

  public List<String> items() {
    return distinct(1);
  }

  public List<String> signals() {
    return distinct(2);
  }

  private List<String> distinct(int which) {
    TreeSet<String> s = new TreeSet<>();
    for (Occurrence o : all) {
      s.add(which == 0 ? o.chat() : which == 1 ? o.item() : o.signal());
    }
    return List.copyOf(s);
  }

  private static List<Occurrence> occurrences(JsonNode report) {
    List<Occurrence> out = new ArrayList<>();
    for (JsonNode item : report.path("items")) {
      String label = item.path("label").asText();
      for (JsonNode o : item.path("occurrences")) {
        boolean known = !o.path("zone_unknown").asBoolean() && o.hasNonNull("date_utc");
        String time =
            known ? time(o).orElse("-") : o.path("date_exported").asText("-").replace('T', ' ');
        String chat = o.path("chat_name").asText(o.path("location").asText(""));
        String distance = o.hasNonNull("distance") ? o.get("distance").asText() : "";
        out.add(
            new Occurrence(
                time,
                known,
                chat,
                o.path("sender_name").asText(""),
                label,
                o.path("signal").asText(""),
                distance,
                o.path("forwarded").asBoolean(),
                o.path("reference").asText(o.path("file").asText("")),
                o.path("chat_id").isNumber() ? o.get("chat_id").asText() : "",
                o.path("message_id").isNumber() ? o.get("message_id").asText() : ""));
      }
    }
    return out;
  }

  private static java.util.Optional<String> time(JsonNode at) {
    if (!at.hasNonNull("date_utc")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        MINUTE.format(Instant.parse(at.get("date_utc").asText()).atZone(BEIJING)));
  }
}
