package org.redress.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The spread report as one self-contained page a judge, a lawyer or the victim can read: Chinese
 * throughout with English alongside, times in the view's zone with the zone named (Beijing time by
 * default), source problems first (an unreadable or empty source is never silent), a method section
 * (what a PDQ distance means, the threshold, that a person confirms every match, the measured
 * false-match rate) and a print stylesheet for A4 in which a SHA-256 stays one unbroken string on a
 * line of its own. Inline CSS and SVG only: no scripts, no external resources, no picture but the
 * optional 8 × 8 mosaics. All text from an export is escaped and made inert.
 */
public final class ReportHtml {
  private static final int MAX_TIMELINE_DAYS = 400;

  private final SpreadReport r;
  private final Map<String, byte[]> thumbs;
  private final ZoneId zone;
  private final Writer h;

  private ReportHtml(SpreadReport r, Map<String, byte[]> thumbs, ZoneId zone, Writer w) {
    this.r = r;
    this.thumbs = Map.copyOf(thumbs);
    this.zone = zone;
    this.h = w;
  }

  /**
   * Writes the page to a file (through a temporary file).
   *
   * @param thumbs 8 × 8 PNG mosaics by SHA-256 (empty: none)
   * @throws ReportException when it cannot be written
   */
  public static void write(SpreadReport r, Map<String, byte[]> thumbs, ZoneId zone, Path out)
      throws ReportException {
    Files2.replace(
        out,
        os -> {
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          write(r, thumbs, zone, w);
          w.flush();
        });
  }

  /** Writes the page; does not close the writer. */
  public static void write(SpreadReport r, Map<String, byte[]> thumbs, ZoneId zone, Writer w)
      throws IOException {
    new ReportHtml(r, thumbs, zone, w).render();
  }

  /** The page as text. */
  public static String toText(SpreadReport r, Map<String, byte[]> thumbs, ZoneId zone) {
    var sw = new java.io.StringWriter(64 * 1024);
    try {
      write(r, thumbs, zone, sw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return sw.toString();
  }

  private void a(String s) throws IOException {
    h.write(s);
  }

  private void f(String fmt, Object... args) throws IOException {
    h.write(String.format(Locale.ROOT, fmt, args));
  }

  private void render() throws IOException {
    a(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"referrer\" content=\"no-referrer\">\n"
            + "<title>传播报告 Spread report</title>\n<style>\n"
            + CSS
            + "</style>\n"
            + "</head>\n<body>\n");
    a("<h1>传播报告 <span class=\"en\">Spread report</span></h1>\n");
    List<String> banks = new ArrayList<>();
    r.banks().forEach(b -> banks.add(b.name()));
    a(
        "<p class=\"meta\">生成时间 "
            + esc(Times.zh(r.generatedAt(), zone))
            + " <span class=\"en\">Generated "
            + esc(Times.en(r.generatedAt(), zone))
            + "</span> · 比对的哈希库 <span class=\"en\">banks</span>: "
            + esc(String.join(", ", banks))
            + " · <span class=\"en\">"
            + esc(r.schema())
            + "</span></p>\n");
    a(
        "<p class=\"privacy\">本报告不包含任何图片或视频，只有发布位置和哈希值。"
            + " <span class=\"en\">This report holds no pictures or videos: only where they were"
            + " posted and their hashes.</span></p>\n");
    sources();
    summary();
    method();
    timeline();
    items();
    chats();
    trade();
    unchecked();
    facts();
    readFacts();
    a("</body>\n</html>\n");
  }

  // ---- sources, first: nothing unreadable or empty is silent

  private void sources() throws IOException {
    List<SpreadReport.SourceRead> bad = r.troubledSources();
    a("<h2>读取的来源 <span class=\"en\">Sources read</span></h2>\n");
    if (bad.isEmpty()) {
      f(
          "<p class=\"ok\">全部 %d 个来源均已完整读取。 <span class=\"en\">%s read to the end.</span></p>%n",
          r.sources().size(),
          r.sources().size() == 1
              ? "The one source was"
              : "All " + r.sources().size() + " sources were");
    } else {
      a(
          "<div class=\"warn\"><p><b>来源问题：以下来源未能完整读取或没有可检查的内容，报告中的数字不包括它们未读取的部分。</b>"
              + " <span class=\"en\">Source problems: the sources below could not be read to the end"
              + " or held nothing to check; the figures in this report do not cover what was not"
              + " read.</span></p>\n<ul>\n");
      for (SpreadReport.SourceRead s : bad) {
        a("<li><span class=\"file\">" + esc(s.path()) + "</span>: ");
        if (s.refused() != null) {
          a("无法打开 <span class=\"en\">could not be opened</span> — " + esc(s.refused()));
        } else if (s.empty()) {
          a(
              "没有读到任何消息或媒体文件（空的来源或格式不符） <span class=\"en\">no post and no media"
                  + " file was read (empty, or not the expected format)</span>");
        } else {
          f(
              "读取不完整，问题 %d 个 <span class=\"en\">%s, %s</span>",
              s.problemCount(),
              s.partial() ? "read only in part" : "read with problems",
              count(s.problemCount(), "problem"));
          if (!s.problems().isEmpty()) {
            a("<ul>");
            for (SpreadReport.Problem p : s.problems()) {
              a("<li class=\"file\">" + esc(p.toString()) + "</li>");
            }
            if (s.problemCount() > s.problems().size()) {
              f(
                  "<li>另有 %d 个问题未列出 <span class=\"en\">%d more not listed</span></li>",
                  s.problemCount() - s.problems().size(), s.problemCount() - s.problems().size());
            }
            a("</ul>");
          }
        }
        a("</li>\n");
      }
      a("</ul></div>\n");
    }
    a(
        "<table><thead><tr><th>来源 <span class=\"en\">Source</span></th>"
            + "<th>类型 <span class=\"en\">Kind</span></th><th>聊天 <span class=\"en\">Chats</span></th>"
            + "<th>消息 <span class=\"en\">Posts</span></th>"
            + "<th>媒体 <span class=\"en\">Media</span></th>"
            + "<th>未检查 <span class=\"en\">Unchecked</span></th>"
            + "<th>状态 <span class=\"en\">State</span></th></tr></thead>\n<tbody>\n");
    for (SpreadReport.SourceRead s : r.sources()) {
      String state =
          s.refused() != null
              ? "无法打开 <span class=\"en\">refused</span>"
              : s.empty()
                  ? "空 <span class=\"en\">empty</span>"
                  : s.partial()
                      ? "不完整 <span class=\"en\">partial</span>"
                      : s.problemCount() > 0
                          ? "有问题 <span class=\"en\">problems</span>"
                          : "完整 <span class=\"en\">complete</span>";
      f(
          "<tr><td class=\"file\">%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td>"
              + "<td>%s</td></tr>%n",
          esc(s.path()),
          esc(kindZh(s.kind())),
          s.chats(),
          s.posts(),
          s.mediaAvailable() + s.looseFiles(),
          s.mediaUnchecked(),
          state);
    }
    a("</tbody></table>\n");
  }

  private static String kindZh(@Nullable String kind) {
    if (kind == null) {
      return "—";
    }
    return switch (kind) {
      case "telegram_export" -> "Telegram 导出";
      case "folder" -> "文件夹";
      case "zip" -> "ZIP 压缩包";
      case "file" -> "文件";
      default -> kind;
    };
  }

  // ---- summary

  private void summary() throws IOException {
    SpreadReport.Totals t = r.totals();
    String first = seenZh(t.firstSeen());
    String last = seenZh(t.lastSeen());
    a("<h2>摘要 <span class=\"en\">Summary</span></h2>\n<div class=\"summary\">\n");
    if (t.matchedItems() == 0) {
      f("<p>在已检查的 %d 个媒体文件中，没有找到与所选哈希库相符的副本。这只说明这些来源中没有找到，" + "不说明其他地方没有。</p>%n", t.mediaChecked());
      f(
          "<p class=\"en\">No copy of any item in the chosen banks was found among the %d media"
              + " files checked. This says nothing about other places.</p>%n",
          t.mediaChecked());
    } else {
      f(
          "<p>在 %d 个聊天的 %d 条消息中找到了 %d 个受害者条目的副本（不同图片文件 %d 个，不同视频文件"
              + " %d 个），涉及 %d 个发送者。最早出现于 %s，最近一次出现于 %s。</p>%n",
          t.chatsInvolved(),
          t.postsWithMatches(),
          t.matchedItems(),
          t.matchedImages(),
          t.matchedVideos(),
          t.sendersInvolved(),
          esc(first),
          esc(last));
      f(
          "<p class=\"en\">Copies of %s were found in %s in %s"
              + " (%s, %s), sent by %s."
              + " First seen %s, last seen %s.</p>%n",
          count(t.matchedItems(), "victim item"),
          count(t.postsWithMatches(), "post"),
          count(t.chatsInvolved(), "chat"),
          count(t.matchedImages(), "distinct image file"),
          count(t.matchedVideos(), "distinct video file"),
          count(t.sendersInvolved(), "sender"),
          esc(seenEn(t.firstSeen())),
          esc(seenEn(t.lastSeen())));
    }
    if (t.adPosts() > 0) {
      f("<p>另发现 %d 条疑似黑产广告（偷拍设备、迷药、偷拍教程、贩卖偷拍内容）。</p>%n", t.adPosts());
      f(
          "<p class=\"en\">%s like trade ads (covert cameras, sedatives, filming"
              + " tutorials, sales of covert material).</p>%n",
          t.adPosts() == 1 ? "1 post looks" : t.adPosts() + " posts look");
    }
    if (t.mediaUnchecked() > 0) {
      f("<p class=\"strong\">有 %d 个媒体文件未能检查，以上数字不包括它们（见“未检查的媒体”一节）。</p>%n", t.mediaUnchecked());
      f(
          "<p class=\"en\">%s could not be checked; the figures above do not cover"
              + " %s (see “Not checked”).</p>%n",
          count(t.mediaUnchecked(), "media file"), t.mediaUnchecked() == 1 ? "it" : "them");
    }
    f(
        "<p class=\"meta\">已读取 %d 个聊天、%d 条消息，检查了 %d 个媒体文件（图片 %d，视频 %d）。"
            + " <span class=\"en\">Read %s, %s; checked %s (%s, %s).</span></p>%n",
        t.chatsRead(),
        t.postsRead(),
        t.mediaChecked(),
        t.imagesChecked(),
        t.videosChecked(),
        count(t.chatsRead(), "chat"),
        count(t.postsRead(), "post"),
        count(t.mediaChecked(), "media file"),
        count(t.imagesChecked(), "image"),
        count(t.videosChecked(), "video"));
    a("</div>\n");
  }

  /** "1 post", "3 posts": an English count agrees with its noun. */
  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private String seenZh(SpreadReport.Seen s) {
    if (s == null) {
      return "—";
    }
    if (s.dateUtc() != null) {
      return Times.zh(s.dateUtc(), zone);
    }
    return s.dateExported().replace('T', ' ') + "（导出时间原文，时区不明）";
  }

  private String seenEn(SpreadReport.Seen s) {
    if (s == null) {
      return "—";
    }
    if (s.dateUtc() != null) {
      return Times.en(s.dateUtc(), zone);
    }
    return s.dateExported().replace('T', ' ') + " (as exported, zone unknown)";
  }

  // ---- method

  private void method() throws IOException {
    a("<h2>方法说明 <span class=\"en\">Method</span></h2>\n<div class=\"method\">\n");
    a(
        "<p>每个媒体文件都计算两类指纹：<b>SHA-256 和 MD5</b>（只有逐字节完全相同的文件才相同），以及"
            + "<b>PDQ 感知哈希</b>（图片）或 <b>vPDQ</b>（视频，每秒一帧的 PDQ）。PDQ 把图片概括为 256 位；"
            + "两张图片的 <b>距离</b> 是两个哈希不同的位数（0–256）。距离越小越相似：缩放、重新压缩、"
            + "转成灰度的副本距离很小；两个互不相关的哈希平均相差约 128 位（256 位的一半）。</p>\n");
    a(
        "<p class=\"en\">Every media file gets two kinds of fingerprint: <b>SHA-256 and MD5</b> (equal"
            + " only for byte-identical files) and a <b>PDQ perceptual hash</b> (images) or"
            + " <b>vPDQ</b> (videos: PDQ of one frame per second). PDQ sums a picture up in 256 bits;"
            + " the <b>distance</b> of two pictures is the number of bits in which their hashes"
            + " differ (0–256). The smaller, the more alike: resized, recompressed or grey copies are"
            + " close; two unrelated hashes differ in about 128 bits on average (half of 256).</p>\n");
    a(
        "<table><thead><tr><th>哈希库 <span class=\"en\">Bank</span></th>"
            + "<th>阈值（距离不超过） <span class=\"en\">Threshold (distance at most)</span></th>"
            + "<th>最低质量 <span class=\"en\">Minimum quality</span></th></tr></thead><tbody>\n");
    for (SpreadReport.Bank b : r.banks()) {
      f(
          "<tr><td>%s</td><td>%d</td><td>%d</td></tr>%n",
          esc(b.name()), b.threshold(), b.minQuality());
    }
    a("</tbody></table>\n");
    a(
        "<p>一张图片的 PDQ 距离不超过阈值即列为匹配；也比较它的镜像和旋转版本（“变体”一栏注明）。"
            + "视频按帧比较：该视频中不同的帧至少 80% 与库中视频某一帧的距离不超过阈值，才列为匹配。"
            + "质量低于最低质量的图片不参与比较。SHA-256 或 MD5 相同则是同一文件。</p>\n");
    a(
        "<p class=\"en\">A picture is listed as a match when its PDQ distance is at most the"
            + " threshold; its mirrored and rotated versions are compared too (named under"
            + " “variant”). Videos are compared frame by frame: at least 80% of the video's distinct"
            + " frames must be within the threshold of some frame of the bank video. Pictures below"
            + " the minimum quality are not compared. Equal SHA-256 or MD5 means the same file.</p>\n");
    a(
        "<p class=\"strong\">每一个匹配都必须由人核对确认。Redress 从不查看图片内容，本报告也不展示图片："
            + "受害人或其代理人应对照原件逐一核对所列的每一条。</p>\n");
    a(
        "<p class=\"en\"><b>A person must confirm every match.</b> Redress never looks at what a"
            + " picture shows and this report shows none: the victim or her representative checks"
            + " each listed post against the original.</p>\n");
    a(
        "<p>"
            + MethodText.FALSE_MATCH_ZH
            + "</p>\n<p class=\"en\">"
            + MethodText.FALSE_MATCH_EN
            + "</p>\n");
    a("<p>所有数字只包括已读取、已检查的媒体文件，是下限：同一文件再次发布只算一次（按 SHA-256），" + "未检查的媒体不在其中。</p>\n");
    a(
        "<p class=\"en\">Every figure covers only the media read and checked and is a lower bound:"
            + " the same file posted again counts once (by SHA-256), and unchecked media are not"
            + " in it.</p>\n</div>\n");
  }

  // ---- timeline

  private void timeline() throws IOException {
    a("<h2>时间线 <span class=\"en\">Timeline: posts with matches per day</span></h2>\n");
    List<SpreadReport.Day> days = r.timeline();
    if (days.isEmpty()) {
      a("<p>—</p>\n");
      return;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    LocalDate from = days.get(0).date();
    LocalDate to = days.get(days.size() - 1).date();
    if (ChronoUnit.DAYS.between(from, to) < MAX_TIMELINE_DAYS) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        order.add(d.toString());
      }
    }
    days.forEach(d -> counts.put(d.date().toString(), d.posts()));
    if (order.isEmpty()) {
      order.addAll(counts.keySet());
    }
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int bar = Math.max(4, Math.min(28, 640 / order.size()));
    int chartH = 140;
    int width = order.size() * bar + 60;
    f(
        "<svg class=\"timeline\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
            + " aria-label=\"每日含副本的消息数 posts with matches per day\">%n",
        width, chartH + 70, width, chartH + 70);
    f(
        "<line x1=\"40\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>%n"
            + "<text x=\"2\" y=\"14\" class=\"ax\">%d</text><text x=\"2\" y=\"%d\" class=\"ax\">0"
            + "</text>%n",
        chartH + 10, width, chartH + 10, max, chartH + 10);
    for (int i = 0; i < order.size(); i++) {
      String d = order.get(i);
      long n = counts.getOrDefault(d, 0L);
      int x = 40 + i * bar;
      int bh = (int) Math.round((double) n * chartH / max);
      if (n > 0) {
        f(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#b03a2e\"><title>%s: %d"
                + "</title></rect>%n",
            x + 1, chartH + 10 - bh, bar - 2, bh, esc(d), n);
      }
      if (i == 0 || i == order.size() - 1 || (order.size() <= 31 && n > 0)) {
        f(
            "<text x=\"%d\" y=\"%d\" class=\"ax\" transform=\"rotate(60 %d %d)\">%s</text>%n",
            x + 2, chartH + 22, x + 2, chartH + 22, esc(d));
      }
    }
    a(
        "</svg>\n<p class=\"meta\">按导出者所在日历日统计。 <span class=\"en\">By the exporter's"
            + " calendar day.</span></p>\n");
  }

  // ---- items

  private void items() throws IOException {
    a("<h2>找到的受害者条目 <span class=\"en\">Victim items found</span></h2>\n");
    if (r.items().isEmpty()) {
      a("<p>—</p>\n");
      return;
    }
    a(
        "<table><thead><tr><th>条目 <span class=\"en\">Item</span></th>"
            + "<th>哈希库 <span class=\"en\">Bank</span></th><th>类型 <span class=\"en\">Kind</span></th>"
            + "<th>消息 <span class=\"en\">Posts</span></th><th>聊天 <span class=\"en\">Chats</span></th>"
            + "<th>发送者 <span class=\"en\">Senders</span></th>"
            + "<th>首次出现 <span class=\"en\">First seen</span></th>"
            + "<th>最近出现 <span class=\"en\">Last seen</span></th></tr></thead><tbody>\n");
    for (SpreadReport.Item it : r.items()) {
      f(
          "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td>"
              + "<td>%s</td></tr>%n",
          esc(it.label()),
          esc(it.bank()),
          mediaZh(it.kind()),
          it.posts(),
          it.chats(),
          it.senders(),
          esc(seenZh(it.firstSeen())),
          esc(seenZh(it.lastSeen())));
    }
    a("</tbody></table>\n");
    int cols = thumbs.isEmpty() ? 6 : 7;
    for (SpreadReport.Item it : r.items()) {
      List<String> ids = new ArrayList<>();
      it.itemIds().forEach(i -> ids.add(Long.toString(i)));
      a(
          "<h3>"
              + esc(it.label())
              + " <span class=\"meta\">（"
              + esc(it.bank())
              + "，库条目 <span class=\"en\">bank items</span> "
              + esc(String.join(", ", ids))
              + "）</span></h3>\n<table class=\"occ\"><thead><tr>");
      if (!thumbs.isEmpty()) {
        a("<th>8×8</th>");
      }
      a(
          "<th>聊天 <span class=\"en\">Chat</span></th><th>消息 <span class=\"en\">Message</span></th>"
              + "<th>发布时间 <span class=\"en\">Posted</span></th>"
              + "<th>发送者 / 转发自 <span class=\"en\">Sender / forwarded from</span></th>"
              + "<th>文件 <span class=\"en\">File</span></th>"
              + "<th>匹配 <span class=\"en\">Match</span></th></tr></thead>\n");
      for (SpreadReport.Occurrence o : it.occurrences()) {
        String id = o.locator() == null ? o.location() : o.locator();
        a("<tbody class=\"row\" id=\"" + esc(anchor(it, o)) + "\" title=\"" + esc(id) + "\"><tr>");
        if (!thumbs.isEmpty()) {
          byte[] png = thumbs.get(o.sha256());
          a("<td>");
          if (png != null) {
            a(
                "<img class=\"px\" width=\"48\" height=\"48\" alt=\"8×8\" src=\"data:image/png;"
                    + "base64,"
                    + Base64.getEncoder().encodeToString(png)
                    + "\">");
          }
          a("</td>");
        }
        if (o.loose()) {
          a("<td colspan=\"2\">散落文件 <span class=\"en\">loose file</span></td>");
        } else {
          a(
              "<td>"
                  + esc(o.chatName())
                  + "<br><span class=\"meta id\">"
                  + o.chatId()
                  + "</span></td><td>"
                  + o.messageId()
                  + "</td>");
        }
        a(
            "<td>"
                + postedHtml(o)
                + "</td><td>"
                + esc(o.senderName())
                + " <span class=\"meta id\">"
                + esc(o.senderId())
                + "</span>");
        if (o.forwarded()) {
          a("<br>转发自 <span class=\"en\">forwarded from</span> " + esc(o.forwardedFrom()));
        }
        a(
            "</td><td class=\"file\">"
                + esc(o.file())
                + "</td><td>"
                + esc(o.signal().toUpperCase(Locale.ROOT))
                + " 距离 <span class=\"en\">distance</span> "
                + o.distance());
        if (o.variant() != null) {
          a("<br>变体 <span class=\"en\">variant</span> " + esc(o.variant()));
        }
        a(
            "</td></tr>\n<tr class=\"hashrow\"><td colspan=\""
                + cols
                + "\">SHA-256 <span"
                + " class=\"hash\">"
                + esc(o.sha256())
                + "</span></td></tr></tbody>\n");
      }
      a("</table>\n");
    }
  }

  private static String anchor(SpreadReport.Item it, SpreadReport.Occurrence o) {
    return "o-"
        + it.bank()
        + "-"
        + it.label()
        + "-"
        + (o.loose() ? o.sha256().substring(0, 12) : o.chatId() + "-" + o.messageId());
  }

  private String postedHtml(SpreadReport.Occurrence o) {
    if (o.dateUtc() != null && !o.zoneUnknown()) {
      return esc(Times.zh(o.dateUtc(), zone))
          + "<br><span class=\"meta\">UTC "
          + esc(o.dateUtc().toString())
          + "</span>";
    }
    if (o.dateExported().isEmpty()) {
      return "—";
    }
    return esc(o.dateExported().replace('T', ' '))
        + "<br><span class=\"meta\">导出时间原文，时区不明 <span class=\"en\">as exported, zone"
        + " unknown</span></span>";
  }

  private static String mediaZh(String kind) {
    return switch (kind) {
      case "video" -> "视频 <span class=\"en\">video</span>";
      case "image" -> "图片 <span class=\"en\">image</span>";
      default -> esc(kind);
    };
  }

  // ---- chats

  private void chats() throws IOException {
    a("<h2>按聊天统计 <span class=\"en\">By chat</span></h2>\n");
    a(
        "<table><thead><tr><th>聊天 <span class=\"en\">Chat</span></th>"
            + "<th>类型 <span class=\"en\">Type</span></th><th>消息 <span class=\"en\">Posts</span></th>"
            + "<th>含副本的消息 <span class=\"en\">Posts with matches</span></th>"
            + "<th>条目 <span class=\"en\">Items</span></th><th>广告 <span class=\"en\">Ads</span></th>"
            + "<th>未检查 <span class=\"en\">Unchecked media</span></th>"
            + "<th>首次 <span class=\"en\">First</span></th><th>最近 <span class=\"en\">Last</span></th>"
            + "</tr></thead><tbody>\n");
    for (SpreadReport.ChatRow c : r.chats()) {
      f(
          "<tr><td>%s<br><span class=\"meta id\">%d</span></td><td>%s</td><td>%d</td><td>%d</td>"
              + "<td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td></tr>%n",
          esc(c.chatName()),
          c.chatId(),
          chatTypeZh(c.chatType()),
          c.posts(),
          c.postsWithMatches(),
          c.matchedItems(),
          c.adPosts(),
          c.mediaUnchecked(),
          esc(seenZh(c.firstSeen())),
          esc(seenZh(c.lastSeen())));
    }
    a("</tbody></table>\n");
  }

  private static String chatTypeZh(String type) {
    String zh =
        switch (type) {
          case "personal_chat" -> "私聊";
          case "bot_chat" -> "机器人";
          case "private_group", "private_supergroup" -> "私密群组";
          case "public_supergroup" -> "公开群组";
          case "private_channel" -> "私密频道";
          case "public_channel" -> "公开频道";
          case "saved_messages" -> "收藏夹";
          default -> "";
        };
    return zh.isEmpty() ? esc(type) : zh + " <span class=\"en\">" + esc(type) + "</span>";
  }

  // ---- trade

  private void trade() throws IOException {
    SpreadReport.Trade t = r.trade();
    a("<h2>黑产广告 <span class=\"en\">Trade posts</span></h2>\n<p>");
    List<String> parts = new ArrayList<>();
    t.byCategory().keySet().stream()
        .sorted()
        .forEach(
            k ->
                parts.add(
                    esc(t.label(k, "zh"))
                        + " <span class=\"en\">"
                        + esc(t.label(k, "en"))
                        + "</span>: "
                        + t.byCategory().get(k)));
    a(String.join(" · ", parts) + "</p>\n");
    if (t.posts().isEmpty()) {
      return;
    }
    if (t.notListed() > 0) {
      f(
          "<p class=\"meta\">每个聊天只列出前 %d 条；另有 %d 条已计数但未列出。 <span class=\"en\">The"
              + " first %d per chat are listed; %d more were counted but not listed.</span></p>%n",
          t.listedPerChat(), t.notListed(), t.listedPerChat(), t.notListed());
    }
    a(
        "<table><thead><tr><th>类别 <span class=\"en\">Category</span></th>"
            + "<th>聊天 <span class=\"en\">Chat</span></th><th>消息 <span class=\"en\">Message</span></th>"
            + "<th>发布时间 <span class=\"en\">Posted</span></th>"
            + "<th>发送者 <span class=\"en\">Sender</span></th>"
            + "<th>命中词 <span class=\"en\">Matched phrases</span></th>"
            + "<th>内容 <span class=\"en\">Text</span></th></tr></thead><tbody>\n");
    for (SpreadReport.TradePost p : t.posts()) {
      List<String> cats = new ArrayList<>();
      List<String> phrases = new ArrayList<>();
      for (SpreadReport.Detection d : p.detections()) {
        cats.add(
            esc(t.label(d.category(), "zh"))
                + " <span class=\"en\">"
                + esc(t.label(d.category(), "en"))
                + "</span>");
        phrases.add(esc(String.join("、", d.phrases())));
      }
      String when =
          p.dateUtc() != null ? esc(Times.zh(p.dateUtc(), zone)) : esc(p.dateExported()) + "（时区不明）";
      a(
          "<tr title=\""
              + esc(p.locator() == null ? p.reference() : p.locator())
              + "\"><td>"
              + String.join("; ", cats)
              + "</td><td>"
              + esc(p.chatName())
              + "<br><span class=\"meta"
              + " id\">"
              + p.chatId()
              + "</span></td><td>"
              + p.messageId()
              + "</td><td>"
              + when
              + "</td><td>"
              + esc(p.senderName())
              + " <span class=\"meta id\">"
              + esc(p.senderId())
              + "</span></td><td>"
              + String.join(" | ", phrases)
              + "</td><td>"
              + esc(p.text())
              + "</td></tr>\n");
    }
    a("</tbody></table>\n");
  }

  // ---- unchecked

  private void unchecked() throws IOException {
    SpreadReport.Unchecked u = r.unchecked();
    a("<h2>未检查的媒体 <span class=\"en\">Not checked</span></h2>\n");
    a(
        "<p>以下媒体没有与任何哈希库比较，报告中的数字不包括它们。请在导出时勾选缺少的类型并放宽大小限制"
            + "（Telegram Desktop：设置 › 高级 › 导出 Telegram 数据），然后重新扫描。</p>\n");
    a("<p class=\"en\">" + esc(u.note()) + "</p>\n");
    if (u.total() == 0) {
      a("<p>—</p>\n");
      return;
    }
    a(
        "<table><thead><tr><th>原因 <span class=\"en\">Reason</span></th>"
            + "<th>数量 <span class=\"en\">Count</span></th><th>说明 <span class=\"en\">Meaning</span>"
            + "</th></tr></thead><tbody>\n");
    for (String k : u.byReason().keySet().stream().sorted().toList()) {
      a(
          "<tr><td>"
              + esc(reasonZh(k))
              + " <span class=\"en\">"
              + esc(k)
              + "</span></td><td>"
              + u.byReason().get(k)
              + "</td><td class=\"en\">"
              + esc(u.reasons().getOrDefault(k, ""))
              + "</td></tr>\n");
    }
    a("</tbody></table>\n");
    f(
        "<details><summary>列出前 %d 个 <span class=\"en\">first %d listed</span></summary>"
            + "<table><thead><tr><th>聊天 <span class=\"en\">Chat</span></th>"
            + "<th>消息 <span class=\"en\">Message</span></th><th>文件 <span class=\"en\">File</span>"
            + "</th><th>原因 <span class=\"en\">Reason</span></th>"
            + "<th>详情 <span class=\"en\">Detail</span></th></tr></thead><tbody>%n",
        u.listed(), u.listed());
    for (SpreadReport.UncheckedMedia m : u.media()) {
      a(
          "<tr><td>"
              + esc(m.chatName() == null ? "" : m.chatName())
              + " <span class=\"meta id\">"
              + (m.chatId() == null ? "" : m.chatId())
              + "</span></td><td>"
              + (m.messageId() == null ? "" : m.messageId())
              + "</td><td class=\"file\">"
              + esc(m.file())
              + "</td><td>"
              + esc(reasonZh(m.reason()))
              + "</td><td>"
              + esc(m.detail() == null ? "" : m.detail())
              + "</td></tr>\n");
    }
    a("</tbody></table></details>\n");
  }

  private static String reasonZh(String code) {
    return switch (code) {
      case "not_included" -> "导出时未包含该类媒体";
      case "exceeds_max_size" -> "超过导出的大小限制";
      case "unavailable" -> "媒体已不可用";
      case "unknown_placeholder" -> "导出中的占位符不明";
      case "missing_file" -> "文件缺失";
      case "path_escape", "absolute_path", "link_escape", "zip_slip" -> "路径指向导出之外，已拒绝";
      case "not_a_file" -> "不是普通文件";
      case "unreadable" -> "文件无法读取或计算哈希";
      case "audio" -> "音频不计算哈希";
      default -> code;
    };
  }

  // ---- facts

  private void facts() throws IOException {
    a("<h2>导出可证明的事实 <span class=\"en\">Facts this export proves</span></h2>\n");
    a(
        "<table><thead><tr><th>事实 <span class=\"en\">Fact</span></th>"
            + "<th>值 <span class=\"en\">Value</span></th>"
            + "<th>依据的消息 <span class=\"en\">Messages</span></th></tr></thead><tbody>\n");
    for (SpreadReport.FactTrace tr : r.factsTrace()) {
      List<String> refs = tr.refs();
      String shown =
          refs.size() > 30 ? String.join("; ", refs.subList(0, 30)) : String.join("; ", refs);
      long more = tr.refsTotal() - Math.min(refs.size(), 30);
      a(
          "<tr><td>"
              + factZh(tr.fact())
              + "<br><span class=\"en\">"
              + esc(tr.rule())
              + "</span></td><td>"
              + esc(valueZh(tr.value()))
              + readLabel(tr.fact(), tr.read())
              + "</td><td class=\"file\">"
              + esc(shown)
              + (more > 0 ? " …（另 " + more + " 条 <span class=\"en\">" + more + " more</span>）" : "")
              + "</td></tr>\n");
    }
    a(
        "</tbody></table>\n<h3>导出无法证明的事实 <span class=\"en\">Facts an export cannot show"
            + "</span></h3>\n<ul>\n");
    for (SpreadReport.NotShown n : r.factsNotShown()) {
      a(
          "<li>"
              + factZh(n.fact())
              + "：<span class=\"en\">"
              + esc(n.why())
              + ". "
              + esc(n.how())
              + "</span></li>\n");
    }
    a("</ul>\n");
  }

  /**
   * The mark of a value that was read (OCR from a screenshot, a captured page's counter), not
   * counted: the JSON's {@code label_zh} (从截图识别 / 从网页识别), the confidence, the text read and where,
   * and that it must be checked against the original.
   */
  private String readLabel(String fact, SpreadReport.@Nullable Read read) {
    SpreadReport.Provenance p = r.factsProvenance().get(fact);
    String label;
    String from;
    double confidence;
    String source;
    if (read != null) {
      label = read.labelZh();
      from = read.readFrom();
      confidence = read.confidence();
      source = read.source();
    } else if (p != null) {
      label = p.labelZh();
      from = p.readFrom();
      confidence = p.confidence();
      source = p.source();
    } else {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "<br><span class=\"read\">%s，需核对原件 <span class=\"en\">%s; check it against the"
            + " original</span>（置信度 <span class=\"en\">confidence</span> %.2f）</span>"
            + "%s<br><span class=\"file\">%s</span>",
        esc(label),
        "screenshot".equals(from) ? "read from a screenshot" : "read from a captured page",
        confidence,
        read == null ? "" : "<br>「" + esc(read.text()) + "」",
        esc(source));
  }

  // ---- values read from screenshots and captured pages

  private void readFacts() throws IOException {
    if (r.readFacts().isEmpty()) {
      return;
    }
    a(
        "<h2>从截图和网页识别的数值 <span class=\"en\">Values read from screenshots and captured"
            + " pages</span></h2>\n<p>这些数值由文字识别或网页读取得出，不是从导出中计数的；使用前需核对原件。"
            + " <span class=\"en\">These values were read by OCR or from a page, not counted from an"
            + " export; check them against the original before relying on them.</span></p>\n"
            + "<table><thead><tr><th>来源 <span class=\"en\">Source</span></th>"
            + "<th>匹配区域 <span class=\"en\">Matched regions</span></th>"
            + "<th>识别的数值 <span class=\"en\">Values read</span></th></tr></thead><tbody>\n");
    for (SpreadReport.ReadSource s : r.readFacts()) {
      StringBuilder vals = new StringBuilder();
      for (SpreadReport.Reading x : s.readings()) {
        vals.append(
            String.format(
                Locale.ROOT,
                "%s：%s「%s」（%.2f）<br>",
                esc(readingZh(x.field())),
                esc(String.valueOf(x.value())),
                esc(x.text()),
                x.confidence()));
      }
      if (s.problem() != null) {
        vals.append("<span class=\"problem\">").append(esc(s.problem())).append("</span>");
      }
      a(
          "<tr><td><span class=\"read\">"
              + esc(s.labelZh())
              + "</span><br><span class=\"file\">"
              + esc(s.location())
              + "<br>"
              + esc(s.sha256())
              + "</span>"
              + (s.post() == null ? "" : "<br>" + esc(s.post()))
              + "</td><td>"
              + esc(String.join("; ", s.regions()))
              + "</td><td>"
              + vals
              + "</td></tr>\n");
    }
    a("</tbody></table>\n");
  }

  private static String readingZh(String field) {
    return switch (field) {
      case "views" -> "浏览量";
      case "members" -> "订阅或成员数";
      case "time" -> "时间";
      case "name" -> "名称";
      case "sender" -> "发送者";
      default -> field;
    };
  }

  private static String valueZh(Object v) {
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    return String.valueOf(v);
  }

  private static String factZh(String key) {
    String zh =
        switch (key) {
          case "conduct.first_act" -> "最早发布日期";
          case "conduct.last_act" -> "最近发布日期";
          case "distribution.shared" -> "已被传播";
          case "distribution.online" -> "在网络上传播";
          case "distribution.counts.images" -> "传播的不同图片数";
          case "distribution.counts.videos" -> "传播的不同视频数";
          case "distribution.counts.clicks" -> "点击或浏览次数";
          case "distribution.group.members" -> "群组成员数";
          case "trade.ad_posts" -> "黑产广告条数";
          case "trade.ad_recipient_members_total" -> "广告所在群组的成员总数";
          case "distribution.still_online" -> "目前是否仍可访问";
          case "distribution.for_profit" -> "是否以牟利为目的";
          case "distribution.victim_identifiable" -> "能否识别出受害人";
          case "distribution.group.role" -> "传播者在群组中的身份";
          default -> "";
        };
    return zh.isEmpty()
        ? "<code>" + esc(key) + "</code>"
        : zh + " <span class=\"en\"><code>" + esc(key) + "</code></span>";
  }

  /** Escapes for text and attribute values, after making the text inert. */
  static String esc(String raw) {
    String s = InertText.of(raw);
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
      "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\","
          + "\"PingFang SC\",system-ui,sans-serif;margin:2em;color:#222;max-width:1200px;"
          + "line-height:1.5}\n"
          + "h1,h2,h3{font-weight:600}h2{border-bottom:1px solid #ccc;margin-top:1.6em}\n"
          + ".en{color:#555;font-weight:normal}\n"
          + ".meta{color:#666;font-size:.85em}.id{font-family:monospace}\n"
          + ".privacy{background:#eef5ee;padding:.5em}.ok{background:#eef5ee;padding:.4em}\n"
          + ".read{background:#fff4d6;font-weight:bold;padding:0 .2em}\n"
          + ".warn{background:#fdecea;border:2px solid #b03a2e;padding:.3em 1em}\n"
          + ".strong{font-weight:600}.summary p,.method p{margin:.35em 0}\n"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em;width:100%}\n"
          + "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\n"
          + "th{background:#f3f3f3}.file{font-family:monospace;font-size:.85em;"
          + "word-break:break-all}\n"
          + ".hashrow td{border-top:none;font-size:.8em;color:#444}\n"
          + ".hash{font-family:\"DejaVu Sans Mono\",Consolas,monospace;white-space:nowrap;"
          + "word-break:keep-all;overflow-wrap:normal}\n"
          + "img.px{image-rendering:pixelated;image-rendering:crisp-edges}\n"
          + ".timeline .ax{font-size:10px;fill:#555}\n"
          + "@page{size:A4;margin:15mm 12mm}\n"
          + "@media print{body{margin:0;max-width:none;font-size:10pt}"
          + "table{font-size:8.5pt}thead{display:table-header-group}"
          + "tbody.row,tr{break-inside:avoid;page-break-inside:avoid}"
          + "h2,h3{break-after:avoid;page-break-after:avoid}"
          + "details>*{display:block}.hash{font-size:7.5pt}"
          + ".warn,.privacy,.ok,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";
}
