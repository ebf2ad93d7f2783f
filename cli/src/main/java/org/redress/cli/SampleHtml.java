package org.redress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the sample export in Telegram Desktop's HTML markup (the layout its {@code
 * export_output_html.cpp} produces; see {@code docs/sources.md}): {@code messages.html}, {@code
 * messages2.html}… per chat, and for a full export {@code export_results.html} and {@code
 * lists/chats.html}. Like the real thing it gives no chat or user ids, repeats a sender's name only
 * on the first of consecutive messages ({@code joined}), and dates each message with the exporting
 * computer's offset.
 */
final class SampleHtml {
  /** Telegram Desktop's page size. */
  static final int PER_PAGE = 1000;

  private static final DateTimeFormatter TITLE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final long JOIN_WITHIN_SECONDS = 900;

  /** A chat: id (not written: HTML exports carry none), name, JSON type, folder. */
  record ChatInfo(long id, String name, String type, String folder) {}

  /** A message with the fields the JSON export would get; nulls for absent ones. */
  record Message(
      long chatId,
      long id,
      long unixtime,
      boolean service,
      String action,
      String sender,
      String forwardedFrom,
      String text,
      String link,
      String linkText,
      String photo,
      String file,
      String fileName,
      String thumbnail,
      String mediaType,
      int width,
      int height,
      int duration,
      long size) {}

  private final Path export;
  private final boolean singleChat;
  private final int perPage;
  private final ZoneId zone;

  SampleHtml(Path export, boolean singleChat, int perPage, ZoneId zone) {
    if (perPage < 1) {
      throw new IllegalArgumentException("perPage must be positive, was " + perPage);
    }
    this.export = export;
    this.singleChat = singleChat;
    this.perPage = perPage;
    this.zone = zone;
  }

  /** Writes every chat's pages and, for a full export, the summary and chat list. */
  void write(List<ChatInfo> chats, List<Message> messages) throws IOException {
    Map<Long, List<Message>> byChat = new LinkedHashMap<>();
    for (ChatInfo c : chats) {
      byChat.put(c.id(), new ArrayList<>());
    }
    for (Message m : messages) {
      byChat.get(m.chatId()).add(m);
    }
    for (List<Message> list : byChat.values()) {
      list.sort((a, b) -> Long.compare(a.id(), b.id()));
    }
    for (ChatInfo c : chats) {
      writeChat(c, byChat.get(c.id()));
    }
    if (!singleChat) {
      writeList(chats, byChat);
      writeSummary(chats.size());
    }
  }

  private String dir(ChatInfo c) {
    return singleChat ? "" : c.folder() + "/";
  }

  private void writeChat(ChatInfo c, List<Message> list) throws IOException {
    int pages = Math.max(1, (list.size() + perPage - 1) / perPage);
    for (int p = 0; p < pages; p++) {
      StringBuilder h = new StringBuilder();
      start(h, singleChat ? "" : "../../");
      header(h, c.name(), singleChat ? null : "../../export_results.html");
      h.append("  <div class=\"page_body chat_page\">\n   <div class=\"history\">\n");
      if (p > 0) {
        h.append("    <a class=\"pagination block_link\" href=\"")
            .append(page(p - 1))
            .append("\">Previous messages</a>\n");
      }
      Message previous = null;
      long dayId = 0;
      for (Message m : list.subList(p * perPage, Math.min(list.size(), (p + 1) * perPage))) {
        if (previous == null || !day(previous).equals(day(m))) {
          ZonedDateTime d = Instant.ofEpochSecond(m.unixtime()).atZone(zone);
          service(
              h,
              --dayId,
              d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear());
        }
        if (m.service()) {
          service(h, m.id(), serviceText(c, m));
        } else {
          message(h, m, previous);
        }
        previous = m;
      }
      if (p + 1 < pages) {
        h.append("    <a class=\"pagination block_link\" href=\"")
            .append(page(p + 1))
            .append("\">Next messages</a>\n");
      }
      h.append("   </div>\n  </div>\n");
      end(h);
      Path out = export.resolve(dir(c) + page(p));
      Files.createDirectories(out.getParent());
      Files.writeString(out, h, StandardCharsets.UTF_8);
    }
  }

  private static String page(int index) {
    return index == 0 ? "messages.html" : "messages" + (index + 1) + ".html";
  }

  private String day(Message m) {
    return Instant.ofEpochSecond(m.unixtime()).atZone(zone).toLocalDate().toString();
  }

  private static String serviceText(ChatInfo c, Message m) {
    return switch (m.action()) {
      case "create_group" ->
          esc(m.sender())
              + " created group &laquo;"
              + esc(c.name())
              + "&raquo; with members 阿杰 and Momo";
      case "invite_members" -> esc(m.sender()) + " invited 阿杰 and Momo";
      case "create_channel" -> "Channel &laquo;" + esc(c.name()) + "&raquo; created";
      default -> esc(m.sender()) + " " + esc(m.action());
    };
  }

  private static void service(StringBuilder h, long id, String html) {
    h.append("    <div class=\"message service\" id=\"message")
        .append(id)
        .append("\">\n")
        .append("     <div class=\"body details\">\n")
        .append(html)
        .append("\n     </div>\n")
        .append("    </div>\n");
  }

  /** Whether tdesktop would repeat the sender's name (and userpic) for {@code m}. */
  private boolean wrap(Message m, Message previous) {
    if (previous == null || previous.service()) {
      return true;
    }
    boolean forwarded = m.forwardedFrom() != null;
    return !previous.sender().equals(m.sender())
        || !day(previous).equals(day(m))
        || forwarded != (previous.forwardedFrom() != null)
        || (forwarded && !m.forwardedFrom().equals(previous.forwardedFrom()))
        || Math.abs(m.unixtime() - previous.unixtime()) > (forwarded ? 1 : JOIN_WITHIN_SECONDS);
  }

  private void message(StringBuilder h, Message m, Message previous) {
    boolean wrap = wrap(m, previous);
    ZonedDateTime d = Instant.ofEpochSecond(m.unixtime()).atZone(zone);
    h.append("    <div class=\"message default clearfix")
        .append(wrap ? "" : " joined")
        .append("\" id=\"message")
        .append(m.id())
        .append("\">\n");
    if (wrap) {
      h.append("     <div class=\"pull_left userpic_wrap\">\n")
          .append("      <div class=\"userpic userpic")
          .append(1 + Math.floorMod(m.sender().hashCode(), 8))
          .append("\" style=\"width: 42px; height: 42px\">\n")
          .append("       <div class=\"initials\" style=\"line-height: 42px\">")
          .append(esc(m.sender().substring(0, 1)))
          .append("</div>\n      </div>\n     </div>\n");
    }
    h.append("     <div class=\"body\">\n")
        .append("      <div class=\"pull_right date details\" title=\"")
        .append(TITLE.format(d))
        .append(" UTC")
        .append(offset(d))
        .append("\">")
        .append(TIME.format(d))
        .append("</div>\n");
    if (wrap) {
      h.append("      <div class=\"from_name\">\n")
          .append(esc(m.sender()))
          .append(" \n")
          .append("      </div>\n");
    }
    String indent = "      ";
    if (m.forwardedFrom() != null) {
      h.append("      <div class=\"forwarded body\">\n");
      if (wrap) {
        h.append("       <div class=\"from_name\">\n")
            .append(esc(m.forwardedFrom()))
            .append(" <span class=\"date details\" title=\"")
            .append(TITLE.format(d))
            .append(" UTC")
            .append(offset(d))
            .append("\"> ")
            .append(TITLE.format(d))
            .append("</span>\n       </div>\n");
      }
      indent = "       ";
    }
    media(h, m, indent);
    if (!m.text().isEmpty() || m.link() != null) {
      h.append(indent).append("<div class=\"text\">\n").append(esc(m.text()).replace("\n", "<br>"));
      if (m.link() != null) {
        h.append("<a href=\"")
            .append(esc(m.link()))
            .append("\">")
            .append(esc(m.linkText()))
            .append("</a>");
      }
      h.append("\n").append(indent).append("</div>\n");
    }
    if (m.forwardedFrom() != null) {
      h.append("      </div>\n");
    }
    h.append("     </div>\n    </div>\n");
  }

  private static String offset(ZonedDateTime d) {
    String id = d.getOffset().getId();
    return id.equals("Z") ? "+00:00" : id;
  }

  private void media(StringBuilder h, Message m, String indent) {
    if (m.photo() != null) {
      h.append(indent).append("<div class=\"media_wrap clearfix\">\n");
      if (m.photo().startsWith("(")) {
        generic(
            h,
            indent,
            "media_photo",
            null,
            "Photo",
            description(m.photo()),
            m.width() + "x" + m.height() + ", " + size(m.size()));
      } else {
        String href = local(m.photo());
        h.append(indent)
            .append(" <a class=\"photo_wrap clearfix pull_left\" href=\"")
            .append(esc(href))
            .append("\">\n")
            .append(indent)
            .append("  <img class=\"photo\" src=\"")
            .append(esc(href))
            .append("\" style=\"width: ")
            .append(m.width() / 2)
            .append("px; height: ")
            .append(m.height() / 2)
            .append("px\"/>\n")
            .append(indent)
            .append(" </a>\n");
      }
      h.append(indent).append("</div>\n");
    }
    if (m.file() != null) {
      h.append(indent).append("<div class=\"media_wrap clearfix\">\n");
      boolean video = "video_file".equals(m.mediaType());
      if (m.file().startsWith("(")) {
        generic(
            h,
            indent,
            video ? "media_video" : "media_file",
            null,
            video ? "Video file" : m.fileName(),
            description(m.file()),
            video ? duration(m.duration()) + ", " + size(m.size()) : size(m.size()));
      } else if (video && m.thumbnail() != null && !m.thumbnail().startsWith("(")) {
        h.append(indent)
            .append(" <a class=\"video_file_wrap clearfix pull_left\" href=\"")
            .append(esc(local(m.file())))
            .append("\">\n")
            .append(indent)
            .append("  <div class=\"video_play_bg\">\n")
            .append(indent)
            .append("   <div class=\"video_play\"></div>\n")
            .append(indent)
            .append("  </div>\n")
            .append(indent)
            .append("  <div class=\"video_duration\">")
            .append(duration(m.duration()))
            .append("</div>\n")
            .append(indent)
            .append("  <img class=\"video_file\" src=\"")
            .append(esc(local(m.thumbnail())))
            .append("\" style=\"width: ")
            .append(m.width() / 2)
            .append("px; height: ")
            .append(m.height() / 2)
            .append("px\"/>\n")
            .append(indent)
            .append(" </a>\n");
      } else {
        generic(
            h,
            indent,
            video ? "media_video" : "media_file",
            local(m.file()),
            video ? "Video file" : m.fileName(),
            "",
            size(m.size()));
      }
      h.append(indent).append("</div>\n");
    }
  }

  private static void generic(
      StringBuilder h,
      String indent,
      String cls,
      String href,
      String title,
      String description,
      String status) {
    if (href == null) {
      h.append(indent)
          .append(" <div class=\"media clearfix pull_left ")
          .append(cls)
          .append("\">\n");
    } else {
      h.append(indent)
          .append(" <a class=\"media clearfix pull_left block_link ")
          .append(cls)
          .append("\" href=\"")
          .append(esc(href))
          .append("\">\n");
    }
    h.append(indent)
        .append("  <div class=\"fill pull_left\"></div>\n")
        .append(indent)
        .append("  <div class=\"body\">\n")
        .append(indent)
        .append("   <div class=\"title bold\">")
        .append(esc(title))
        .append("</div>\n");
    if (!description.isEmpty()) {
      h.append(indent)
          .append("   <div class=\"description\">")
          .append(esc(description))
          .append("</div>\n");
    }
    h.append(indent)
        .append("   <div class=\"status details\">")
        .append(esc(status))
        .append("</div>\n")
        .append(indent)
        .append("  </div>\n")
        .append(indent)
        .append(href == null ? " </div>\n" : " </a>\n");
  }

  /** tdesktop's description for a file it did not download, from the JSON placeholder. */
  private static String description(String placeholder) {
    if (placeholder.contains("exceeds maximum size")) {
      return "Exceeds maximum size, change data exporting settings to download.";
    }
    if (placeholder.contains("unavailable")) {
      return "Unavailable, please try again later.";
    }
    return "Not included, change data exporting settings to download.";
  }

  /** A path from the export root as seen from the chat's own folder. */
  private String local(String exportRelative) {
    if (singleChat) {
      return exportRelative;
    }
    int second = exportRelative.indexOf('/', exportRelative.indexOf('/') + 1);
    return exportRelative.substring(second + 1);
  }

  private static String duration(int seconds) {
    return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }

  private static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  private void writeList(List<ChatInfo> chats, Map<Long, List<Message>> byChat) throws IOException {
    StringBuilder h = new StringBuilder();
    start(h, "../");
    header(h, "Chats", "../export_results.html");
    h.append("  <div class=\"page_body list_page\">\n")
        .append(
            "   <div class=\"page_about details\">This page lists all chats from this"
                + " export.</div>\n   <div class=\"entry_list\">\n");
    for (ChatInfo c : chats) {
      int n = byChat.get(c.id()).size();
      h.append("    <a class=\"entry block_link clearfix\" href=\"../")
          .append(c.folder())
          .append("/messages.html#allow_back\">\n")
          .append("     <div class=\"pull_left userpic_wrap\"></div>\n")
          .append("     <div class=\"body\">\n")
          .append("      <div class=\"pull_right info details\">")
          .append(listType(c.type()))
          .append("</div>\n")
          .append("      <div class=\"name bold\">")
          .append(esc(c.name()))
          .append(" </div>\n")
          .append("      <div class=\"details_entry details\">")
          .append(n == 1 ? "1 message" : n == 0 ? "No messages" : n + " messages")
          .append("</div>\n     </div>\n    </a>\n");
    }
    h.append("   </div>\n  </div>\n");
    end(h);
    Path out = export.resolve("lists/chats.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, h, StandardCharsets.UTF_8);
  }

  private static String listType(String jsonType) {
    if (jsonType.endsWith("_channel")) {
      return "channel";
    }
    if (jsonType.endsWith("_group") || jsonType.endsWith("_supergroup")) {
      return "group";
    }
    return jsonType.equals("bot_chat") ? "bot" : "private";
  }

  private void writeSummary(int chats) throws IOException {
    StringBuilder h = new StringBuilder();
    start(h, "");
    header(h, "Exported Data", null);
    h.append("  <div class=\"page_body\">\n   <div class=\"personal_info clearfix\"></div>\n")
        .append("   <div class=\"sections with_divider\">\n")
        .append("    <a class=\"section block_link chats\" href=\"lists/chats.html#allow_back\">\n")
        .append("     <div class=\"counter details\">")
        .append(chats)
        .append("</div>\n")
        .append("     <div class=\"label bold\">Chats</div>\n    </a>\n   </div>\n")
        .append(
            "   <div class=\"page_about details with_divider\">Synthetic sample export made by"
                + " redress.</div>\n  </div>\n");
    end(h);
    Files.writeString(export.resolve("export_results.html"), h, StandardCharsets.UTF_8);
  }

  private static void start(StringBuilder h, String base) {
    h.append("<!DOCTYPE html>\n<html>\n <head>\n  <meta charset=\"utf-8\"/>\n")
        .append("  <title>Exported Data</title>\n")
        .append("  <meta content=\"width=device-width, initial-scale=1.0\" name=\"viewport\"/>\n")
        .append("  <link href=\"")
        .append(base)
        .append("css/style.css\" rel=\"stylesheet\"/>\n")
        .append(" </head>\n <body>\n  <div class=\"page_wrap\">\n");
  }

  private static void header(StringBuilder h, String title, String back) {
    h.append("  <div class=\"page_header\">\n");
    if (back == null) {
      h.append("   <div class=\"content\">\n");
    } else {
      h.append("   <a class=\"content block_link\" href=\"")
          .append(back)
          .append("\" onclick=\"return GoBack(this)\">\n");
    }
    h.append("    <div class=\"text bold\">\n")
        .append(esc(title))
        .append(" \n    </div>\n")
        .append(back == null ? "   </div>\n" : "   </a>\n")
        .append("  </div>\n");
  }

  private static void end(StringBuilder h) {
    h.append("  </div>\n </body>\n</html>\n");
  }

  /** tdesktop's escaping: &amp; &lt; &gt; &quot; &apos;. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
