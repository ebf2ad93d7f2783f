package org.redress.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row per occurrence: RFC 4180, UTF-8 with a byte-order mark (so spreadsheet programs in
 * China open it as UTF-8), CRLF line ends, headers in Chinese with the English key in brackets,
 * post times in the view's zone with the zone named. A text cell a spreadsheet would run as a
 * formula gets a leading {@code '}; control and bidi characters are replaced.
 */
public final class ReportCsv {
  /** The header, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "哈希库(bank)",
          "条目(label)",
          "条目类型(item_kind)",
          "平台(platform)",
          "位置(locator)",
          "聊天编号(chat_id)",
          "聊天名称(chat_name)",
          "聊天类型(chat_type)",
          "消息编号(message_id)",
          "发布时间(date_local)",
          "发布时间UTC(date_utc)",
          "导出的时间原文(date_exported)",
          "时区不明(zone_unknown)",
          "发送者(sender_name)",
          "发送者编号(sender_id)",
          "转发(forwarded)",
          "转发自(forwarded_from)",
          "字段(field)",
          "文件(file)",
          "读取位置(location)",
          "媒体类型(media_kind)",
          "匹配信号(signal)",
          "距离(distance)",
          "匹配的库条目(item_ids)",
          "SHA-256",
          "MD5",
          "PDQ");

  private ReportCsv() {}

  /**
   * Writes the CSV file (through a temporary file).
   *
   * @throws ReportException when it cannot be written
   */
  public static void write(SpreadReport r, ZoneId zone, Path out) throws ReportException {
    Files2.replace(
        out,
        os -> {
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          write(r, zone, w);
          w.flush();
        });
  }

  /** Writes the CSV, starting with the byte-order mark; does not close the writer. */
  public static void write(SpreadReport r, ZoneId zone, Writer w) throws IOException {
    w.write('\uFEFF');
    row(w, COLUMNS);
    for (SpreadReport.Item item : r.items()) {
      for (SpreadReport.Occurrence o : item.occurrences()) {
        List<String> ids = new ArrayList<>();
        o.matches().forEach(m -> ids.add(Long.toString(m.item())));
        row(
            w,
            List.of(
                item.bank(),
                item.label(),
                item.kind(),
                s(o.platform()),
                s(o.locator()),
                s(o.chatId()),
                s(o.chatName()),
                s(o.chatType()),
                s(o.messageId()),
                o.dateUtc() == null ? "" : Times.zh(o.dateUtc(), zone),
                o.dateUtc() == null ? "" : o.dateUtc().toString(),
                o.dateExported(),
                Boolean.toString(o.zoneUnknown()),
                o.senderName(),
                o.senderId(),
                Boolean.toString(o.forwarded()),
                o.forwardedFrom(),
                o.field(),
                o.file(),
                o.location(),
                o.mediaKind(),
                o.signal(),
                Integer.toString(o.distance()),
                String.join(" ", ids),
                o.sha256(),
                o.md5(),
                s(o.pdq())));
      }
    }
  }

  /** The CSV as text (byte-order mark first). */
  public static String toText(SpreadReport r, ZoneId zone) {
    var sw = new java.io.StringWriter();
    try {
      write(r, zone, sw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  private static String s(Object v) {
    return v == null ? "" : v.toString();
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  /** Quotes as RFC 4180; a text starting with = + - @ tab or CR gets a leading '. */
  static String cell(String v) {
    String s = InertText.of(v);
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.startsWith("'")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
