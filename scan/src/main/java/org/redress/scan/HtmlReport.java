package org.redress.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, no external
 * resources). It never shows a picture: occurrences are listed by reference and hash; with
 * thumbnails on, each matched image gets its 8 × 8 mosaic, drawn large with hard edges.
 */
final class HtmlReport {
  private static final int MAX_TIMELINE_DAYS = 400;

  private HtmlReport() {}

  static String render(JsonNode r, Map<String, byte[]> thumbs, TradeLexicon lexicon) {
    StringBuilder h = new StringBuilder(64 * 1024);
    JsonNode t = r.get("totals");
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>传播报告 Spread report</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n");
    h.append("<h1>传播报告 <span class=\"en\">Spread report</span></h1>\n");
    h.append("<p class=\"meta\">").append(esc(r.get("schema").asText())).append(" · ")
        .append(esc(r.get("generated_at").asText())).append(" · banks: ");
    List<String> banks = new ArrayList<>();
    r.get("banks").forEach(b -> banks.add(b.get("name").asText()));
    h.append(esc(String.join(", ", banks))).append("</p>\n");
    h.append("<p class=\"privacy\">本报告不包含任何图片或视频，只有消息位置和哈希值。"
        + " <span class=\"en\">This report holds no pictures or videos: only where they were"
        + " posted and their hashes.</span></p>\n");
    if (r.get("partial").asBoolean()) {
      h.append("<div class=\"warn\"><b>报告不完整 / Partial report.</b> 部分来源未能完整读取，"
          + "以下数字只包括已读取的部分。 <span class=\"en\">Some input could not be read to the"
          + " end; the numbers cover only what was read.</span><ul>");
      r.get("unchecked").get("not_read").forEach(p -> h.append("<li>").append(esc(p.asText()))
          .append("</li>"));
      h.append("</ul></div>\n");
    }
    summary(h, r, t);
    timeline(h, r.get("timeline"));
    items(h, r.get("items"), thumbs);
    chats(h, r.get("chats"));
    trade(h, r.get("trade"), lexicon);
    unchecked(h, r.get("unchecked"));
    facts(h, r);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, JsonNode r, JsonNode t) {
    String first = seenDay(t.get("first_seen"));
    String last = seenDay(t.get("last_seen"));
    long items = t.get("matched_items").asLong();
    h.append("<h2>摘要 <span class=\"en\">Summary</span></h2>\n<div class=\"summary\">\n");
    if (items == 0) {
      h.append("<p>在已检查的 ").append(t.get("media_checked").asLong())
          .append(" 个媒体文件中，没有找到与所选哈希库相符的副本。</p>\n");
      h.append("<p class=\"en\">No copy of any item in the chosen banks was found among the ")
          .append(t.get("media_checked").asLong()).append(" media files checked.</p>\n");
    } else {
      h.append(String.format(Locale.ROOT,
          "<p>在 %d 个聊天的 %d 条消息中找到了 %d 个受害者条目的副本（不同图片文件 %d 个，不同视频文件"
              + " %d 个），涉及 %d 个发送者。最早出现于 %s，最近一次出现于 %s。</p>%n",
          t.get("chats_involved").asLong(), t.get("posts_with_matches").asLong(), items,
          t.get("matched_images").asLong(), t.get("matched_videos").asLong(),
          t.get("senders_involved").asLong(), esc(first), esc(last)));
      h.append(String.format(Locale.ROOT,
          "<p class=\"en\">Copies of %d victim item(s) were found in %d post(s) in %d chat(s)"
              + " (%d distinct image file(s), %d distinct video file(s)), sent by %d sender(s)."
              + " First seen %s, last seen %s.</p>%n",
          items, t.get("posts_with_matches").asLong(), t.get("chats_involved").asLong(),
          t.get("matched_images").asLong(), t.get("matched_videos").asLong(),
          t.get("senders_involved").asLong(), esc(first), esc(last)));
    }
    long ads = t.get("ad_posts").asLong();
    if (ads > 0) {
      h.append("<p>另发现 ").append(ads).append(" 条疑似黑产广告（偷拍设备、迷药、偷拍教程、贩卖偷拍内容）。</p>\n");
      h.append("<p class=\"en\">").append(ads).append(" post(s) look like trade ads (covert"
          + " cameras, sedatives, filming tutorials, sales of covert material).</p>\n");
    }
    long un = t.get("media_unchecked").asLong();
    if (un > 0) {
      h.append("<p>有 ").append(un).append(" 个媒体文件未能检查，以上数字不包括它们（见“未检查”一节）。</p>\n");
      h.append("<p class=\"en\">").append(un).append(" media file(s) could not be checked; the"
          + " numbers above do not cover them (see “Not checked”).</p>\n");
    }
    h.append(String.format(Locale.ROOT,
        "<p class=\"meta\">已读取 %d 个聊天、%d 条消息，检查了 %d 个媒体文件。 Read %d chat(s),"
            + " %d post(s); checked %d media file(s).</p>%n",
        t.get("chats_read").asLong(), t.get("posts_read").asLong(),
        t.get("media_checked").asLong(), t.get("chats_read").asLong(),
        t.get("posts_read").asLong(), t.get("media_checked").asLong()));
    h.append("</div>\n");
  }

  private static String seenDay(JsonNode seen) {
    if (seen == null || seen.isNull()) {
      return "—";
    }
    String exported = seen.get("date_exported").asText();
    return exported.isEmpty() ? seen.path("date_utc").asText("—") : exported.replace('T', ' ');
  }

  /** A bar per day from the first to the last day with matches (or per day with matches). */
  private static void timeline(StringBuilder h, JsonNode days) {
    h.append("<h2>时间线 <span class=\"en\">Timeline: posts with matches per day</span></h2>\n");
    if (days.isEmpty()) {
      h.append("<p>—</p>\n");
      return;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    try {
      LocalDate from = LocalDate.parse(days.get(0).get("date").asText());
      LocalDate to = LocalDate.parse(days.get(days.size() - 1).get("date").asText());
      if (ChronoUnit.DAYS.between(from, to) < MAX_TIMELINE_DAYS) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          order.add(d.toString());
        }
      }
    } catch (DateTimeParseException e) {
      order.clear();
    }
    days.forEach(d -> counts.put(d.get("date").asText(), d.get("posts").asLong()));
    if (order.isEmpty()) {
      order.addAll(counts.keySet());
    }
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int bar = Math.max(4, Math.min(28, 900 / order.size()));
    int chartH = 160;
    int width = order.size() * bar + 60;
    h.append(String.format(Locale.ROOT,
        "<svg class=\"timeline\" width=\"%d\" height=\"%d\""
            + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"posts with matches per day\">%n",
        width, chartH + 70, width, chartH + 70));
    h.append(String.format(Locale.ROOT,
        "<line x1=\"40\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n"
            + "<text x=\"2\" y=\"14\" class=\"ax\">%d</text><text x=\"2\" y=\"%d\" class=\"ax\">0"
            + "</text>%n", chartH + 10, width, chartH + 10, max, chartH + 10));
    for (int i = 0; i < order.size(); i++) {
      String d = order.get(i);
      long n = counts.getOrDefault(d, 0L);
      int x = 40 + i * bar;
      int bh = (int) Math.round((double) n * chartH / max);
      if (n > 0) {
        h.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#b03a2e\"><title>%s: %d"
                + "</title></rect>%n", x + 1, chartH + 10 - bh, bar - 2, bh, esc(d), n));
      }
      if (i == 0 || i == order.size() - 1 || (order.size() <= 31 && n > 0)) {
        h.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" class=\"ax\" transform=\"rotate(60 %d %d)\">%s</text>%n",
            x + 2, chartH + 22, x + 2, chartH + 22, esc(d)));
      }
    }
    h.append("</svg>\n");
  }

  private static void items(StringBuilder h, JsonNode items, Map<String, byte[]> thumbs) {
    h.append("<h2>受害者条目 <span class=\"en\">Victim items found</span></h2>\n");
    if (items.isEmpty()) {
      h.append("<p>—</p>\n");
      return;
    }
    h.append("<table><tr><th>条目 Item</th><th>库 Bank</th><th>类型 Kind</th><th>消息 Posts</th>"
        + "<th>聊天 Chats</th><th>发送者 Senders</th><th>首次 First seen</th>"
        + "<th>最近 Last seen</th></tr>\n");
    for (JsonNode it : items) {
      h.append("<tr><td>").append(esc(it.get("label").asText())).append("</td><td>")
          .append(esc(it.get("bank").asText())).append("</td><td>")
          .append(esc(it.get("kind").asText())).append("</td><td>")
          .append(it.get("posts").asLong()).append("</td><td>").append(it.get("chats").asLong())
          .append("</td><td>").append(it.get("senders").asLong()).append("</td><td>")
          .append(esc(seenDay(it.get("first_seen")))).append("</td><td>")
          .append(esc(seenDay(it.get("last_seen")))).append("</td></tr>\n");
    }
    h.append("</table>\n");
    for (JsonNode it : items) {
      h.append("<h3>").append(esc(it.get("label").asText())).append(" <span class=\"meta\">(")
          .append(esc(it.get("bank").asText())).append(", items ")
          .append(esc(it.get("item_ids").toString())).append(")</span></h3>\n");
      h.append("<table><tr>");
      if (!thumbs.isEmpty()) {
        h.append("<th>8×8</th>");
      }
      h.append("<th>聊天 Chat</th><th>消息 Message</th><th>日期 Date (exported / UTC)</th>"
          + "<th>发送者 Sender</th><th>转发自 Forwarded from</th><th>文件 File</th>"
          + "<th>匹配 Signal</th><th>SHA-256</th></tr>\n");
      for (JsonNode o : it.get("occurrences")) {
        h.append("<tr>");
        if (!thumbs.isEmpty()) {
          byte[] png = thumbs.get(o.get("sha256").asText());
          h.append("<td>");
          if (png != null) {
            h.append("<img class=\"px\" width=\"48\" height=\"48\" alt=\"8x8 mosaic\" src=\"data:"
                + "image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">");
          }
          h.append("</td>");
        }
        h.append("<td>").append(esc(text(o, "chat_name"))).append(" <span class=\"meta\">")
            .append(esc(text(o, "chat_id"))).append("</span></td><td>")
            .append(esc(text(o, "message_id"))).append("</td><td>")
            .append(esc(text(o, "date_exported"))).append("<br><span class=\"meta\">")
            .append(esc(text(o, "date_utc"))).append("</span></td><td>")
            .append(esc(text(o, "sender_name"))).append(" <span class=\"meta\">")
            .append(esc(text(o, "sender_id"))).append("</span></td><td>")
            .append(esc(text(o, "forwarded_from"))).append("</td><td class=\"file\">")
            .append(esc(text(o, "file"))).append("</td><td>").append(esc(text(o, "signal")))
            .append(" ").append(o.get("distance").asInt()).append("</td><td class=\"hash\">")
            .append(esc(text(o, "sha256"))).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
  }

  private static void chats(StringBuilder h, JsonNode chats) {
    h.append("<h2>按聊天 <span class=\"en\">By chat</span></h2>\n");
    h.append("<table><tr><th>聊天 Chat</th><th>类型 Type</th><th>消息 Posts</th>"
        + "<th>含副本的消息 Posts with matches</th><th>条目 Items</th><th>广告 Ads</th>"
        + "<th>未检查 Unchecked media</th><th>首次 First</th><th>最近 Last</th></tr>\n");
    for (JsonNode c : chats) {
      h.append("<tr><td>").append(esc(text(c, "chat_name"))).append(" <span class=\"meta\">")
          .append(esc(text(c, "chat_id"))).append("</span></td><td>")
          .append(esc(text(c, "chat_type"))).append("</td><td>").append(c.get("posts").asLong())
          .append("</td><td>").append(c.get("posts_with_matches").asLong()).append("</td><td>")
          .append(c.get("matched_items").asLong()).append("</td><td>")
          .append(c.get("ad_posts").asLong()).append("</td><td>")
          .append(c.get("media_unchecked").asLong()).append("</td><td>")
          .append(esc(seenDay(c.get("first_seen")))).append("</td><td>")
          .append(esc(seenDay(c.get("last_seen")))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void trade(StringBuilder h, JsonNode trade, TradeLexicon lexicon) {
    h.append("<h2>黑产广告 <span class=\"en\">Trade posts</span></h2>\n");
    h.append("<p>");
    List<String> parts = new ArrayList<>();
    trade.get("by_category").properties().forEach(e -> parts.add(
        esc(lexicon.label(e.getKey(), "zh")) + " / " + esc(lexicon.label(e.getKey(), "en"))
            + ": " + e.getValue().asLong()));
    h.append(String.join(" · ", parts)).append("</p>\n");
    if (trade.get("posts").isEmpty()) {
      return;
    }
    h.append("<table><tr><th>类别 Category</th><th>聊天 Chat</th><th>消息 Message</th>"
        + "<th>日期 Date</th><th>发送者 Sender</th><th>命中词 Matched phrases</th>"
        + "<th>内容 Text</th></tr>\n");
    for (JsonNode p : trade.get("posts")) {
      List<String> cats = new ArrayList<>();
      List<String> phrases = new ArrayList<>();
      for (JsonNode d : p.get("detections")) {
        cats.add(lexicon.label(d.get("category").asText(), "zh") + " / "
            + lexicon.label(d.get("category").asText(), "en"));
        List<String> ph = new ArrayList<>();
        d.get("phrases").forEach(x -> ph.add(x.asText()));
        phrases.add(String.join("、", ph));
      }
      h.append("<tr><td>").append(esc(String.join("; ", cats))).append("</td><td>")
          .append(esc(text(p, "chat_name"))).append(" <span class=\"meta\">")
          .append(esc(text(p, "chat_id"))).append("</span></td><td>")
          .append(esc(text(p, "message_id"))).append("</td><td>")
          .append(esc(text(p, "date_exported"))).append("</td><td>")
          .append(esc(text(p, "sender_name"))).append(" <span class=\"meta\">")
          .append(esc(text(p, "sender_id"))).append("</span></td><td>")
          .append(esc(String.join(" | ", phrases))).append("</td><td>")
          .append(esc(text(p, "text"))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void unchecked(StringBuilder h, JsonNode u) {
    h.append("<h2>未检查 <span class=\"en\">Not checked</span></h2>\n");
    h.append("<p>").append(esc(u.get("note").asText())).append("</p>\n");
    if (u.get("total").asLong() == 0) {
      h.append("<p>—</p>\n");
      return;
    }
    h.append("<table><tr><th>原因 Reason</th><th>数量 Count</th><th>说明 Meaning</th></tr>\n");
    u.get("by_reason").properties().forEach(e -> h.append("<tr><td>").append(esc(e.getKey()))
        .append("</td><td>").append(e.getValue().asLong()).append("</td><td>")
        .append(esc(u.get("reasons").path(e.getKey()).asText())).append("</td></tr>\n"));
    h.append("</table>\n<details><summary>").append(u.get("listed").asLong())
        .append(" listed</summary><table><tr><th>Chat</th><th>Message</th><th>Field</th>"
            + "<th>File</th><th>Reason</th><th>Detail</th></tr>\n");
    for (JsonNode m : u.get("media")) {
      h.append("<tr><td>").append(esc(text(m, "chat_name"))).append(" <span class=\"meta\">")
          .append(esc(text(m, "chat_id"))).append("</span></td><td>")
          .append(esc(text(m, "message_id"))).append("</td><td>").append(esc(text(m, "field")))
          .append("</td><td class=\"file\">").append(esc(text(m, "file"))).append("</td><td>")
          .append(esc(text(m, "reason"))).append("</td><td>").append(esc(text(m, "detail")))
          .append("</td></tr>\n");
    }
    h.append("</table></details>\n");
  }

  private static void facts(StringBuilder h, JsonNode r) {
    h.append("<h2>可证明的事实 <span class=\"en\">Facts this export proves</span></h2>\n");
    h.append("<p>以下事实可直接用于 <code>redress assess</code>。 <span class=\"en\">These facts"
        + " (redress/case-facts@1) can be given to <code>redress assess</code>.</span></p>\n");
    try {
      h.append("<pre>").append(esc(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(r.get("facts")))).append("</pre>\n");
    } catch (JsonProcessingException e) {
      h.append("<pre>").append(esc(r.get("facts").toString())).append("</pre>\n");
    }
    h.append("<table><tr><th>事实 Fact</th><th>值 Value</th><th>依据 Basis</th>"
        + "<th>消息 Messages</th></tr>\n");
    for (JsonNode tr : r.get("facts_trace")) {
      List<String> refs = new ArrayList<>();
      tr.get("refs").forEach(x -> refs.add(x.asText()));
      String shown = refs.size() > 30
          ? String.join("; ", refs.subList(0, 30)) + " … (" + refs.size() + ")"
          : String.join("; ", refs);
      h.append("<tr><td><code>").append(esc(tr.get("fact").asText())).append("</code></td><td>")
          .append(esc(tr.get("value").asText())).append("</td><td>")
          .append(esc(tr.get("rule").asText())).append("</td><td class=\"file\">")
          .append(esc(shown)).append("</td></tr>\n");
    }
    h.append("</table>\n<h3>导出文件无法证明的事实 <span class=\"en\">Facts an export cannot show"
        + "</span></h3>\n<ul>\n");
    for (JsonNode n : r.get("facts_not_shown")) {
      h.append("<li><code>").append(esc(n.get("fact").asText())).append("</code>: ")
          .append(esc(n.get("why").asText())).append(". <i>")
          .append(esc(n.get("how").asText())).append("</i></li>\n");
    }
    h.append("</ul>\n");
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? "" : v.asText();
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS =
      "body{font-family:system-ui,-apple-system,\"Noto Sans CJK SC\",\"Microsoft YaHei\","
          + "sans-serif;margin:2em;color:#222;max-width:1200px}\n"
          + "h1,h2,h3{font-weight:600}.en{color:#555;font-weight:normal}\n"
          + ".meta{color:#777;font-size:.85em}.privacy{background:#eef5ee;padding:.5em}\n"
          + ".warn{background:#fdecea;border:1px solid #b03a2e;padding:.5em 1em}\n"
          + ".summary p{margin:.3em 0}\n"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}\n"
          + "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\n"
          + "th{background:#f3f3f3}.hash,.file{font-family:monospace;font-size:.8em;"
          + "word-break:break-all}\n"
          + "img.px{image-rendering:pixelated;image-rendering:crisp-edges}\n"
          + ".timeline .ax{font-size:10px;fill:#555}\n";
}
