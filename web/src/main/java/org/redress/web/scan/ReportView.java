package org.redress.web.scan;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.redress.report.SpreadReport;

/**
 * The spread report ({@code redress/spread-report@1}, docs/spread-report.md) as the report page
 * shows it: totals, three bar charts and the occurrences, filtered. Reads the {@code report}
 * module's records (read by its one reader, {@code ReportJson}). No picture: only references, names
 * and hashes.
 */
public final class ReportView {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final SpreadReport report;
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
  public ReportView(SpreadReport report, String lang) {
    this.report = report;
    this.lang = lang;
    this.all = occurrences(report);
  }

  /** The report's totals. */
  public SpreadReport.Totals totals() {
    return report.totals();
  }

  /** Whether some input could not be read to the end. */
  public boolean partial() {
    return report.partial();
  }

  /** First and last time a copy was seen, Beijing time. */
  public String firstSeen() {
    return time(report.totals().firstSeen()).orElse("-");
  }

  public String lastSeen() {
    return time(report.totals().lastSeen()).orElse("-");
  }

  /** Posts with matches per day. */
  public BarChart perDay() {
    List<BarChart.Entry> e = new ArrayList<>();
    for (SpreadReport.Day d : report.timeline()) {
      e.add(new BarChart.Entry(d.date().toString(), d.posts()));
    }
    return BarChart.of(e);
  }

  /** Posts with matches per chat. */
  public BarChart perChat() {
    List<BarChart.Entry> e = new ArrayList<>();
    for (SpreadReport.ChatRow c : report.chats()) {
      if (c.postsWithMatches() > 0) {
        e.add(new BarChart.Entry(c.chatName(), c.postsWithMatches()));
      }
    }
    return BarChart.of(e);
  }

  /** Trade posts per category, with the category's name in the page's language. */
  public BarChart tradeByCategory() {
    List<BarChart.Entry> e = new ArrayList<>();
    SpreadReport.Trade t = report.trade();
    for (Map.Entry<String, Long> c : t.byCategory().entrySet()) {
      SpreadReport.Label l = t.categories().get(c.getKey());
      String label = l == null ? c.getKey() : lang.equals("en") ? l.en() : l.zh();
      e.add(new BarChart.Entry(label, c.getValue()));
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

  private static List<Occurrence> occurrences(SpreadReport report) {
    List<Occurrence> out = new ArrayList<>();
    for (SpreadReport.Item item : report.items()) {
      for (SpreadReport.Occurrence o : item.occurrences()) {
        boolean known = !o.zoneUnknown() && o.dateUtc() != null;
        String time =
            known
                ? MINUTE.format(o.dateUtc().atZone(BEIJING))
                : o.dateExported() == null ? "-" : o.dateExported().replace('T', ' ');
        String chat =
            o.chatName() != null ? o.chatName() : o.location() == null ? "" : o.location();
        String reference = o.reference() != null ? o.reference() : o.file() == null ? "" : o.file();
        out.add(
            new Occurrence(
                time,
                known,
                chat,
                o.senderName() == null ? "" : o.senderName(),
                item.label(),
                o.signal() == null ? "" : o.signal(),
                o.signal() == null ? "" : Integer.toString(o.distance()),
                o.forwarded(),
                reference,
                o.chatId() == null ? "" : o.chatId().toString(),
                o.messageId() == null ? "" : o.messageId().toString()));
      }
    }
    return out;
  }

  private static java.util.Optional<String> time(SpreadReport.Seen at) {
    if (at == null || at.dateUtc() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(MINUTE.format(at.dateUtc().atZone(BEIJING)));
  }
}
