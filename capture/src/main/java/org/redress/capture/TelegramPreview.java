package org.redress.capture;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.redress.screenshots.CountText;

/**
 * A Telegram channel's public web preview ({@code t.me/s/NAME}), parsed from its markup: the
 * channel's name, title and subscriber count, and each post's id, date, view count, text and media.
 * Counts are kept as shown ({@code 12.3K}) and as numbers.
 */
public final class TelegramPreview {
  private static final Pattern BG_URL =
      Pattern.compile("background-image:\\s*url\\('?([^')]+)'?\\)");

  /**
   * A post of the preview.
   *
   * @param id the message id ({@code data-post="NAME/ID"})
   * @param date when it was posted, as the markup gives it (ISO 8601 with offset), or null
   * @param viewsShown the view counter as shown, or empty
   * @param views the view counter as a number, or -1
   * @param text the text
   * @param media absolute URLs of its photos and videos
   */
  public record Post(
      long id, OffsetDateTime date, String viewsShown, long views, String text, List<URI> media) {}

  /**
   * The parsed preview.
   *
   * @param name the channel's username
   * @param title the channel's title
   * @param subscribersShown the subscriber counter as shown, or empty
   * @param subscribers the subscriber count, or -1
   * @param posts the posts, in page order
   */
  public record Channel(
      String name, String title, String subscribersShown, long subscribers, List<Post> posts) {}

  private TelegramPreview() {}

  /** True when the page looks like a channel preview (it has preview posts or channel info). */
  public static boolean looksLikePreview(String html) {
    return html.contains("tgme_widget_message") || html.contains("tgme_channel_info");
  }

  /** Parses a preview page fetched from {@code base}. */
  public static Channel parse(String html, URI base) {
    Document doc = Jsoup.parse(html, base.toString());
    String title = text(doc.selectFirst(".tgme_channel_info_header_title"));
    String name = text(doc.selectFirst(".tgme_channel_info_header_username")).replace("@", "");
    String subsShown = "";
    long subs = -1;
    for (Element c : doc.select(".tgme_channel_info_counter")) {
      String type = text(c.selectFirst(".counter_type"));
      if (type.startsWith("subscriber") || type.startsWith("member")) {
        subsShown = text(c.selectFirst(".counter_value"));
        subs = CountText.parseCount(subsShown).orElse(-1);
      }
    }
    List<Post> posts = new ArrayList<>();
    for (Element m : doc.select(".tgme_widget_message[data-post]")) {
      String dp = m.attr("data-post");
      int slash = dp.lastIndexOf('/');
      long id;
      try {
        id = Long.parseLong(dp.substring(slash + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (name.isEmpty() && slash > 0) {
        name = dp.substring(0, slash);
      }
      OffsetDateTime date = null;
      Element time = m.selectFirst(".tgme_widget_message_date time[datetime], time[datetime]");
      if (time != null) {
        try {
          date = OffsetDateTime.parse(time.attr("datetime"));
        } catch (DateTimeParseException e) {
          date = null;
        }
      }
      String viewsShown = text(m.selectFirst(".tgme_widget_message_views"));
      OptionalLong views = CountText.parseCount(viewsShown);
      List<URI> media = new ArrayList<>();
      for (Element ph : m.select(".tgme_widget_message_photo_wrap[style]")) {
        Matcher u = BG_URL.matcher(ph.attr("style"));
        if (u.find()) {
          media.add(base.resolve(u.group(1).strip()));
        }
      }
      for (Element v : m.select("video[src]")) {
        media.add(URI.create(v.absUrl("src")));
      }
      posts.add(
          new Post(
              id,
              date,
              viewsShown,
              views.orElse(-1),
              text(m.selectFirst(".tgme_widget_message_text")),
              media));
    }
    return new Channel(name, title, subsShown, subs, posts);
  }

  private static String text(Element e) {
    return e == null ? "" : e.text().strip();
  }
}
