package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a Telegram Desktop HTML export (the default format), single-chat or full, with jsoup. The
 * markup follows tdesktop's {@code export_output_html.cpp}:
 *
 * <ul>
 *   <li>a single-chat export has {@code messages.html}, {@code messages2.html}… (1,000 messages
 *       each) at its root; a full export has {@code export_results.html}, the chat list {@code
 *       lists/chats.html} (each entry links {@code chats/chat_NNN/messages.html} and gives the
 *       chat's name, coarse type and message count) and one folder per chat;
 *   <li>each message is a {@code div.message} with {@code id="messageN"}: {@code service} ones hold
 *       their text in {@code div.body}; negative ids are the day headers, not messages;
 *   <li>a {@code default} message's {@code div.body} holds {@code div.date} (whose {@code title} is
 *       {@code dd.mm.yyyy hh:mm:ss UTC+08:00}), {@code div.from_name} (omitted on a {@code joined}
 *       message: the sender is the previous message's), {@code div.forwarded.body} (holding the
 *       original sender's name and, inside it, the content), {@code div.reply_to}, {@code
 *       div.media_wrap} and {@code div.text};
 *   <li>media link to their files ({@code a.photo_wrap}, {@code a.video_file_wrap}, {@code
 *       a.animated_wrap}, {@code a.sticker_wrap}, {@code a.media}), or, when not downloaded, show a
 *       {@code div.description} such as "Not included, change data exporting settings to
 *       download.".
 * </ul>
 *
 * HTML exports carry no chat or user ids: chats are told apart by their folder, senders by their
 * display name. A page that cannot be read, or a chat whose list entry counts more messages than
 * its pages hold, is a problem and marks the read partial; the rest is read.
 */
final class TelegramHtmlReader {
  static final String MESSAGES = "messages.html";
  static final String EXPORT_RESULTS = "export_results.html";
  static final String CHAT_LIST = "lists/chats.html";

  /** tdesktop writes 1,000 messages (a few MB) per page; a page over this is not read. */
  static final long MAX_PAGE_BYTES = 32L << 20;

  /** At most this many pages per chat (1,000,000 messages at tdesktop's 1,000 a page). */
  static final int MAX_PAGES = 1000;

  private static final Pattern GO_TO = Pattern.compile("go_to_message(\\d{1,18})");
  private static final Pattern VIA = Pattern.compile("\\s+via @\\S+$");
  private static final Pattern COUNT = Pattern.compile("^(\\d{1,12})\\s");

  private final ExportFiles files;
  private final Tally tally;

  /** {@code files} is rooted at the export's folder. */
  TelegramHtmlReader(ExportFiles files, Tally tally) {
    this.files = files;
    this.tally = tally;
  }

  /** True when {@code files} is rooted at an HTML export (full or single-chat). */
  static boolean isExport(ExportFiles files) {
    return files.isFile(EXPORT_RESULTS) || files.isFile(CHAT_LIST) || files.isFile(MESSAGES);
  }

  /** Reads the whole export; never throws: failures become problems. */
  void read() {
    if (files.isFile(CHAT_LIST)) {
      readFull();
    } else if (files.isFile(EXPORT_RESULTS)) {
      List<String> chats = new ArrayList<>();
      for (String f : files.folders("chats")) {
        chats.add("chats/" + f + "/");
      }
      if (files.isFile(MESSAGES)) {
        chats.add(0, "");
      }
      problem(
          files.display(CHAT_LIST),
          "missing: the chats were found by their folders; chat types and message counts are"
              + " unknown");
      for (String dir : chats) {
        readChat(dir, "", "", -1);
      }
    } else {
      readChat("", "", "", -1);
    }
  }

  private void readFull() {
    Document list = parse(CHAT_LIST);
    if (list == null) {
      return;
    }
    for (Element entry : list.select(".entry")) {
      String name = text(entry.selectFirst(".name"));
      String type = text(entry.selectFirst(".info"));
      long expected = count(text(entry.selectFirst(".details_entry")));
      String href = entry.is("a[href]") ? entry.attr("href") : "";
      if (href.isEmpty()) {
        // a chat with no exported messages: tdesktop writes no folder for it
        tally.chats++;
        continue;
      }
      String target = resolve("lists/", stripFragment(href));
      if (ExportFiles.unsafe(target) != null || !target.endsWith(".html")) {
        problem(
            files.display(CHAT_LIST),
            "chat '" + clip(name) + "' links outside the export (" + clip(href) + "); not read");
        tally.partial = true;
        continue;
      }
      int slash = target.lastIndexOf('/');
      readChat(target.substring(0, slash + 1), name, type, expected);
    }
  }

  /** Reads one chat's pages from {@code dir} ("" or ending in "/"). */
  private void readChat(String dir, String listedName, String type, long expected) {
    ChatState st = new ChatState();
    int page = 1;
    for (; page <= MAX_PAGES; page++) {
      String file = dir + (page == 1 ? MESSAGES : "messages" + page + ".html");
      if (!files.isFile(file)) {
        if (page == 1) {
          problem(
              files.display(file),
              "missing: this chat's messages could not be read (export again, or give the"
                  + " export's whole folder)");
          tally.partial = true;
        }
        break;
      }
      Document doc = parse(file);
      if (doc == null) {
        break;
      }
      if (st.chat == null) {
        String header = text(doc.selectFirst(".page_header .text"));
        String name = listedName.isEmpty() ? header : listedName;
        st.chat = new Chat(Chat.UNKNOWN_ID, name, chatType(type), files.display(dir + MESSAGES));
        tally.chats++;
      }
      readPage(doc, file, st);
    }
    if (page > MAX_PAGES) {
      problem(files.display(dir), "more than " + MAX_PAGES + " pages; the rest is not read");
      tally.partial = true;
    }
    if (st.chat != null && expected >= 0 && expected != st.read) {
      problem(
          files.display(CHAT_LIST),
          "chat '"
              + clip(st.chat.name())
              + "': the chat list counts "
              + expected
              + " messages, its pages hold "
              + st.read
              + " (pages missing or damaged)");
      tally.partial = true;
    }
  }

  /** The list's coarse type word as the chat type: private, bot, group or channel. */
  private static String chatType(String info) {
    String t = info.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "private", "bot", "group", "channel" -> t;
      default -> "";
    };
  }

  private static final class ChatState {
    Chat chat;
    long read;
    String lastSender = "";
    boolean lastForwarded;
    String lastForwardedFrom = "";
  }

  private Document parse(String file) {
    try (InputStream in = files.open(file)) {
      byte[] bytes = in.readNBytes((int) MAX_PAGE_BYTES + 1);
      if (bytes.length > MAX_PAGE_BYTES) {
        problem(
            files.display(file),
            "larger than "
                + Limits.bytes(MAX_PAGE_BYTES)
                + " (tdesktop writes a few MB a page); not read");
        tally.partial = true;
        return null;
      }
      return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "");
    } catch (IOException e) {
      problem(files.display(file), "failed to read: " + e.getMessage());
      tally.partial = true;
      return null;
    }
  }

  private void readPage(Document doc, String file, ChatState st) {
    String dir = file.substring(0, file.lastIndexOf('/') + 1);
    for (Element m : doc.select("div.message")) {
      String idAttr = m.id();
      long id;
      try {
        if (!idAttr.startsWith("message")) {
          throw new NumberFormatException();
        }
        id = Long.parseLong(idAttr.substring("message".length()));
      } catch (NumberFormatException e) {
        problem(
            files.display(file),
            "a message whose id is not 'messageN' (" + clip(idAttr) + "); not read");
        continue;
      }
      if (id < 0) {
        continue; // the day headers tdesktop numbers -1, -2, …
      }
      st.read++;
      if (m.hasClass("service")) {
        String text = plain(m.selectFirst("div.body")).text;
        tally.post(
            new Post(
                st.chat,
                id,
                "service",
                "",
                PostDate.unknown(),
                "",
                "",
                false,
                "",
                "",
                text,
                List.of(),
                List.of(),
                0));
        st.lastSender = "";
        st.lastForwarded = false;
        continue;
      }
      readMessage(m, id, file, dir, st);
    }
  }

  private void readMessage(Element m, long id, String file, String dir, ChatState st) {
    Element body = child(m, "body");
    if (body == null) {
      body = m;
    }
    PostDate date = PostDate.unknown();
    Element dateEl = child(body, "date");
    if (dateEl != null && dateEl.hasAttr("title")) {
      PostDate d = PostDate.ofHtml(dateEl.attr("title"));
      if (d == null) {
        problem(
            files.display(file),
            "message "
                + id
                + ": date '"
                + clip(dateEl.attr("title"))
                + "' is not a date between 2000 and 2099; the message is kept without a date");
      } else {
        date = d;
      }
    }
    String sender;
    Element from = child(body, "from_name");
    if (from != null) {
      sender = ownText(from);
    } else if (m.hasClass("joined")) {
      sender = st.lastSender;
    } else {
      sender = "";
    }
    Element content = body;
    boolean forwarded = false;
    String forwardedFrom = "";
    Element fwd = child(body, "forwarded");
    if (fwd != null) {
      forwarded = true;
      content = fwd;
      Element fwdFrom = child(fwd, "from_name");
      if (fwdFrom != null) {
        forwardedFrom = ownText(fwdFrom);
      } else if (st.lastForwarded) {
        forwardedFrom = st.lastForwardedFrom;
      }
    }
    long replyTo = 0;
    Element reply = child(content, "reply_to");
    if (reply == null) {
      reply = child(body, "reply_to");
    }
    if (reply != null) {
      Element a = reply.selectFirst("a[href]");
      Matcher g = a == null ? null : GO_TO.matcher(a.attr("href"));
      if (g != null && g.find()) {
        replyTo = Long.parseLong(g.group(1));
      }
    }
    List<MediaRef> media = new ArrayList<>(2);
    for (Element wrap : content.children()) {
      if (wrap.hasClass("media_wrap")) {
        media(wrap, dir, media);
      }
    }
    Text text = plain(child(content, "text"));
    st.lastSender = sender;
    st.lastForwarded = forwarded;
    st.lastForwardedFrom = forwardedFrom;
    tally.post(
        new Post(
            st.chat,
            id,
            "message",
            "",
            date,
            sender,
            "",
            forwarded,
            forwardedFrom,
            "",
            text.text,
            text.links,
            media,
            replyTo));
  }

  /** The media of one {@code div.media_wrap}, in the JSON reader's fields and order. */
  private void media(Element wrap, String dir, List<MediaRef> out) {
    for (Element e : wrap.children()) {
      String href = e.is("a[href]") ? e.attr("href") : "";
      if (e.hasClass("photo_wrap")) {
        add(out, "photo", dir, href, meta(null));
      } else if (e.hasClass("video_file_wrap") || e.hasClass("animated_wrap")) {
        String type = e.hasClass("video_file_wrap") ? "video_file" : "animation";
        add(out, "file", dir, href, meta(type));
        Element thumb = e.selectFirst("img[src]");
        if (thumb != null) {
          add(out, "thumbnail", dir, thumb.attr("src"), meta(null));
        }
      } else if (e.hasClass("sticker_wrap")) {
        add(out, "file", dir, href, meta("sticker"));
      } else if (e.hasClass("media")) {
        generic(e, dir, href, out);
      }
    }
  }

  /** A {@code .media} block: a file with a link, or a placeholder describing why there is none. */
  private void generic(Element e, String dir, String href, List<MediaRef> out) {
    String field;
    String type = null;
    String title = text(e.selectFirst(".title"));
    if (e.hasClass("media_photo")) {
      field = "photo";
      if (title.equals("Sticker")) {
        field = "file";
        type = "sticker";
      }
    } else if (e.hasClass("media_video")) {
      field = "file";
      type =
          switch (title) {
            case "Video message" -> "video_message";
            case "Animation" -> "animation";
            default -> "video_file";
          };
    } else if (e.hasClass("media_voice_message")) {
      field = "file";
      type = "voice_message";
    } else if (e.hasClass("media_audio_file")) {
      field = "file";
      type = "audio_file";
    } else if (e.hasClass("media_file")) {
      field = "file";
    } else {
      return; // calls, contacts, locations, polls, games, invoices: no file to check
    }
    if (!href.isEmpty() && !isGlobal(href)) {
      add(out, field, dir, href, meta(type));
    } else {
      String description = text(e.selectFirst(".description"));
      String raw = description.isEmpty() ? title : description;
      out.add(files.unchecked(field, raw, meta(type), placeholder(description)));
    }
    Element thumb = e.selectFirst("img.thumb[src]");
    if (thumb != null && field.equals("file")) {
      add(out, "thumbnail", dir, thumb.attr("src"), meta(null));
    }
  }

  /** Why tdesktop wrote no file, from its description text. */
  static UncheckedReason placeholder(String description) {
    String d = description.toLowerCase(Locale.ROOT);
    if (d.startsWith("not included")) {
      return UncheckedReason.NOT_INCLUDED;
    }
    if (d.startsWith("exceeds maximum size")) {
      return UncheckedReason.EXCEEDS_MAX_SIZE;
    }
    if (d.startsWith("unavailable")) {
      return UncheckedReason.UNAVAILABLE;
    }
    return UncheckedReason.UNKNOWN_PLACEHOLDER;
  }

  private static MediaRef.Meta meta(String mediaType) {
    return new MediaRef.Meta(mediaType, null, null, null, null, null, null);
  }

  private void add(List<MediaRef> out, String field, String dir, String href, MediaRef.Meta meta) {
    if (href.isEmpty() || isGlobal(href)) {
      return;
    }
    String raw = resolve(dir, stripFragment(href));
    out.add(files.resolve(field, raw, meta));
  }

  private static boolean isGlobal(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("tg://");
  }

  private static String stripFragment(String href) {
    int hash = href.indexOf('#');
    return hash < 0 ? href : href.substring(0, hash);
  }

  /**
   * {@code href} relative to the folder {@code dir} ("" or ending in "/"), as a path from the
   * export's root with {@code .} and {@code x/..} removed; a path climbing above the root keeps its
   * leading {@code ..} (so it is refused as unsafe) and an absolute one stays absolute.
   */
  static String resolve(String dir, String href) {
    String h = href.replace('\\', '/');
    if (h.startsWith("/") || (h.length() >= 2 && h.charAt(1) == ':')) {
      return h;
    }
    Deque<String> parts = new ArrayDeque<>();
    int climbs = 0;
    for (String s : (dir + h).split("/", -1)) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          climbs++;
        } else {
          parts.removeLast();
        }
      } else {
        parts.addLast(s);
      }
    }
    return "../".repeat(climbs) + String.join("/", parts);
  }

  /** "12 messages" → 12, "1 outgoing message" → 1, "No messages" → 0; -1 when unknown. */
  static long count(String details) {
    String d = details.strip();
    if (d.startsWith("No ")) {
      return 0;
    }
    Matcher m = COUNT.matcher(d);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The first direct child with {@code cls} among its classes, or null. */
  private static Element child(Element parent, String cls) {
    for (Element c : parent.children()) {
      if (c.hasClass(cls)) {
        return c;
      }
    }
    return null;
  }

  /** A name element's own text: without its date span and any "via @bot". */
  private static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.getWholeText());
      }
    }
    return VIA.matcher(sb.toString().strip()).replaceFirst("").strip();
  }

  private static String text(Element e) {
    return e == null ? "" : e.text().strip();
  }

  private record Text(String text, List<String> links) {
    static final Text EMPTY = new Text("", List.of());
  }

  /** A text block as the JSON export has it: line breaks kept, link targets collected. */
  private static Text plain(Element e) {
    if (e == null) {
      return Text.EMPTY;
    }
    StringBuilder sb = new StringBuilder();
    List<String> links = new ArrayList<>(0);
    append(e, sb, links);
    return new Text(sb.toString().strip(), links);
  }

  private static void append(Node n, StringBuilder sb, List<String> links) {
    for (Node c : n.childNodes()) {
      if (c instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (c instanceof Element el) {
        if (el.normalName().equals("br")) {
          sb.append('\n');
          continue;
        }
        if (el.normalName().equals("a") && el.hasAttr("href")) {
          String href = el.attr("href");
          String shown = el.text();
          if (!shown.startsWith("@") && !shown.startsWith("#") && !href.isEmpty()) {
            if (shown.equals(href)) {
              links.add(shown);
            } else if (isGlobal(href)) {
              links.add(href);
            }
          }
        }
        append(el, sb, links);
      }
    }
  }

  private void problem(String file, String message) {
    tally.problem(Problem.at(file, message));
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
