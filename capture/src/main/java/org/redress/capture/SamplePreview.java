package org.redress.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated Telegram channel preview site (the {@code t.me/s/NAME} markup, none of its artwork or
 * scripts) for tests and the demo, served on loopback: {@code /s/NAME} with the posts, {@code
 * /media/N.jpg} with their pictures and a {@code /robots.txt} that disallows {@code /private/}.
 */
public final class SamplePreview {
  /**
   * A post of the sample channel.
   *
   * @param id its message id
   * @param isoDate its date, ISO 8601 with offset
   * @param views the view counter as shown, e.g. {@code 12.3K}
   * @param text its text
   * @param media paths of its pictures on the site, e.g. {@code /media/1.jpg}
   */
  public record SamplePost(
      long id, String isoDate, String views, String text, List<String> media) {}

  private SamplePreview() {}

  /** The robots.txt of the sample site. */
  public static String robots() {
    return "User-agent: *\nDisallow: /private/\n";
  }

  /** The preview page of channel {@code name}. */
  public static String page(String name, String title, String subscribers, List<SamplePost> posts) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/css/widget.css\">\n")
        .append("</head><body>\n<div class=\"tgme_channel_info\">\n")
        .append("<div class=\"tgme_channel_info_header_title\"><span dir=\"auto\">")
        .append(esc(title))
        .append("</span></div>\n")
        .append("<div class=\"tgme_channel_info_header_username\"><a href=\"/")
        .append(esc(name))
        .append("\">@")
        .append(esc(name))
        .append("</a></div>\n")
        .append(
            "<div class=\"tgme_channel_info_counters\"><div class=\"tgme_channel_info_counter\">")
        .append("<span class=\"counter_value\">")
        .append(esc(subscribers))
        .append("</span> <span class=\"counter_type\">subscribers</span></div></div>\n</div>\n")
        .append("<section class=\"tgme_channel_history js-message_history\">\n");
    for (SamplePost p : posts) {
      b.append("<div class=\"tgme_widget_message_wrap js-widget_message_wrap\">")
          .append("<div class=\"tgme_widget_message text_not_supported_wrap js-widget_message\"")
          .append(" data-post=\"")
          .append(esc(name))
          .append('/')
          .append(p.id())
          .append("\">\n");
      for (String m : p.media()) {
        b.append("<a class=\"tgme_widget_message_photo_wrap\" href=\"/")
            .append(esc(name))
            .append('/')
            .append(p.id())
            .append("\" style=\"width:800px;background-image:url('")
            .append(esc(m))
            .append("')\"></a>\n");
      }
      b.append("<div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">")
          .append(esc(p.text()))
          .append("</div>\n")
          .append(
              "<div class=\"tgme_widget_message_footer\"><div class=\"tgme_widget_message_info\">")
          .append("<span class=\"tgme_widget_message_views\">")
          .append(esc(p.views()))
          .append("</span><span class=\"copyonly\"> views</span>")
          .append("<span class=\"tgme_widget_message_meta\"><a class=\"tgme_widget_message_date\"")
          .append(" href=\"/")
          .append(esc(name))
          .append('/')
          .append(p.id())
          .append("\">")
          .append("<time datetime=\"")
          .append(esc(p.isoDate()))
          .append("\" class=\"time\">")
          .append(esc(p.isoDate().substring(11, 16)))
          .append("</time></a></span>")
          .append("</div></div>\n</div></div>\n");
    }
    b.append("</section>\n</body></html>\n");
    return b.toString();
  }

  /** The style sheet the page links (so the capture has a non-media resource too). */
  public static String css() {
    return ".tgme_widget_message{margin:8px;font-family:sans-serif}"
        + ".tgme_widget_message_photo_wrap{display:block;height:450px;background-size:cover}\n";
  }

  /** Three posts with one picture each, at {@code /media/1.jpg} … {@code /media/3.jpg}. */
  public static List<SamplePost> defaultPosts() {
    List<SamplePost> out = new ArrayList<>();
    String[] views = {"1.2K", "15.3K", "870"};
    String[] text = {"周末爬山，风景很好", "New photos from the trip", "今天的晚霞"};
    for (int i = 1; i <= 3; i++) {
      out.add(
          new SamplePost(
              100 + i,
              String.format(Locale.ROOT, "2026-03-0%dT1%d:30:00+00:00", i, i),
              views[i - 1],
              text[i - 1],
              List.of("/media/" + i + ".jpg")));
    }
    return out;
  }

  /** The media types the sample site serves by extension. */
  public static Map<String, String> types() {
    return Map.of(
        "html",
        "text/html; charset=utf-8",
        "css",
        "text/css",
        "jpg",
        "image/jpeg",
        "txt",
        "text/plain; charset=utf-8");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
