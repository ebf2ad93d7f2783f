package org.redress.screenshots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads counts, names and times from the text lines OCR found on a screenshot. Pure text rules, no
 * OCR: the rules are the arrangements apps use (a title bar with {@code 12,345 subscribers} or
 * {@code 1.2万 位订阅者} under the name, a group title {@code name(326)}, a view counter as {@code 12.3K
 * 14:05} or {@code 浏览 12,345 次}).
 */
public final class CountText {
  private static final String NUM = "(\\d{1,3}(?:[,. ]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*([KkMm万千]?)";
  private static final Pattern MEMBERS_AFTER =
      Pattern.compile(
          NUM + "\\s*(?:位|名)?\\s*(subscribers?|members?|订阅者|订阅用户|订阅|成员|关注者|粉丝)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBERS_BEFORE =
      Pattern.compile(
          "(subscribers?|members?|订阅者|成员|群成员|关注者|粉丝)\\s*[:：]?\\s*" + NUM, Pattern.CASE_INSENSITIVE);
  private static final Pattern GROUP_TITLE =
      Pattern.compile("^(.{1,40}?)\\s*[(（]\\s*(\\d{1,5})\\s*[)）]$");
  private static final Pattern VIEWS_AFTER =
      Pattern.compile(NUM + "\\s*(views?|次浏览|次阅读|次观看|浏览|阅读)", Pattern.CASE_INSENSITIVE);

  /** {@code views: 123} (a colon, so a name such as "City Views 6" is no count), 浏览 123 次. */
  private static final Pattern VIEWS_BEFORE =
      Pattern.compile(
          "(?:views?\\s*[:：]|浏览|阅读|观看)\\s*[:：]?\\s*" + NUM + "\\s*次?", Pattern.CASE_INSENSITIVE);

  /** A channel post's counter: the number right before the time at the end of a line. */
  private static final Pattern COUNTER_TIME =
      Pattern.compile("(?:^|[^\\d.,:])" + NUM + "\\s+(\\d{1,2}:\\d{0,2})\\s*$");

  /** A counter after an eye icon that OCR read as a symbol, with no time after it. */
  private static final Pattern ICON_COUNTER = Pattern.compile("^[©®@◎]\\s*" + NUM + "\\s*$");

  private static final Pattern TIME =
      Pattern.compile("(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*)?(\\d{1,2}:\\d{2})");

  private CountText() {}

  /**
   * One line of text as OCR read it.
   *
   * @param text the text
   * @param confidence OCR's confidence, 0..100
   * @param y the line's top, in screenshot pixels
   */
  public record Line(String text, float confidence, int y) {}

  /**
   * A value read from a screenshot.
   *
   * @param field what it is ({@code members}, {@code views}, {@code name}, {@code time})
   * @param value the value as read (a number for counts)
   * @param line the text line it was read from, as OCR gave it
   * @param confidence 0..1: OCR's confidence in the line, lowered for weaker rules
   */
  public record Reading(String field, String value, String line, double confidence) {
    /** The value as a number, for counts. */
    public OptionalLong count() {
      try {
        return OptionalLong.of(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }

  /**
   * Parses a count as a counter shows it: {@code 12,345}, {@code 12 345}, {@code 12.3K}, {@code
   * 1.2M}, {@code 1.2万}.
   */
  public static OptionalLong parseCount(String shown) {
    Matcher m = Pattern.compile("^\\s*" + NUM + "\\s*$").matcher(normalize(shown));
    return m.matches() ? value(m.group(1), m.group(2)) : OptionalLong.empty();
  }

  private static OptionalLong value(String digits, String unit) {
    String d = digits;
    boolean grouped = d.matches("\\d{1,3}(?:[,. ]\\d{3})+");
    if (grouped && (unit.isEmpty() || d.indexOf('.') < 0)) {
      d = d.replaceAll("[,. ]", "");
    }
    double v;
    try {
      v = Double.parseDouble(d);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    double f =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "k", "千" -> 1e3;
          case "m" -> 1e6;
          case "万" -> 1e4;
          default -> 1;
        };
    if (f == 1 && d.contains(".")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.round(v * f));
  }

  /** Full-width digits and punctuation to ASCII; spaces between Chinese characters removed. */
  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF08' && c != '\uFF09' && c != '\uFF1A') {
        c = (char) (c - 0xFEE0);
      }
      b.append(c);
    }
    String t = b.toString().replaceAll("(?<=[\\p{IsHan}])\\s+(?=[\\p{IsHan}])", "");
    t = t.replaceAll("(?<=\\d)\\s+(?=[万])", "");
    return t.replaceAll("\\s+", " ").trim();
  }

  /** Every reading in the lines, in line order. */
  public static List<Reading> read(List<Line> lines) {
    List<Reading> out = new ArrayList<>();
    String previous = null;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      String t = normalize(l.text());
      double conf = Math.max(0, Math.min(1, l.confidence() / 100.0));
      Matcher m;
      if ((m = MEMBERS_AFTER.matcher(t)).find()) {
        add(out, "members", value(m.group(1), m.group(2)), l, conf);
        if (previous != null && i > 0 && lines.get(i - 1).y() < l.y()) {
          out.add(new Reading("name", previous, lines.get(i - 1).text(), conf * 0.8));
        }
      } else if ((m = MEMBERS_BEFORE.matcher(t)).find()) {
        add(out, "members", value(m.group(2), m.group(3)), l, conf);
      } else if (i < 3 && (m = GROUP_TITLE.matcher(t)).find()) {
        out.add(new Reading("name", m.group(1).trim(), l.text(), conf * 0.9));
        add(out, "members", value(m.group(2), ""), l, conf * 0.9);
      }
      if ((m = VIEWS_AFTER.matcher(t)).find()) {
        add(out, "views", value(m.group(1), m.group(2)), l, conf);
      } else if ((m = VIEWS_BEFORE.matcher(t)).find()) {
        add(out, "views", value(m.group(1), m.group(2)), l, conf);
      } else if ((m = COUNTER_TIME.matcher(t)).find()) {
        add(out, "views", value(m.group(1), m.group(2)), l, conf * 0.8);
      } else if (i > 0 && (m = ICON_COUNTER.matcher(t)).find()) {
        add(out, "views", value(m.group(1), m.group(2)), l, conf * 0.6);
      }
      Matcher tm = TIME.matcher(t);
      if (tm.find() && !(i == 0 && tm.start() == 0 && t.length() <= 6)) {
        // the first line's lone clock is the phone's status bar, not a post time
        out.add(new Reading("time", tm.group().trim(), l.text(), conf));
      }
      previous = t.isBlank() ? previous : t;
    }
    return out;
  }

  private static void add(List<Reading> out, String field, OptionalLong v, Line l, double conf) {
    if (v.isPresent()) {
      out.add(new Reading(field, Long.toString(v.getAsLong()), l.text(), conf));
    }
  }

  /** The first reading of a field, if any. */
  public static Optional<Reading> first(List<Reading> readings, String field) {
    return readings.stream().filter(r -> r.field().equals(field)).findFirst();
  }
}
