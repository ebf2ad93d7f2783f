package org.redress.documents.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.redress.documents.Lang;

/** Small language-dependent pieces: placeholders, dates, amounts, list joining. */
public final class Words {
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /** The zone every time in a filing is given in. */
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final Lang lang;

  /** Words for a language. */
  public Words(Lang lang) {
    this.lang = lang;
  }

  /** The language. */
  public Lang lang() {
    return lang;
  }

  /** Chooses the Chinese or the English text. */
  public String t(String zh, String en) {
    return lang == Lang.ZH ? zh : en;
  }

  /** A visible placeholder for an unknown value: 【待填写：label】 / [to fill in: label]. */
  public String ph(String zh, String en) {
    return lang == Lang.ZH ? "【待填写：" + zh + "】" : "[to fill in: " + en + "]";
  }

  /** A date as a document writes it: 2026年2月3日 / 3 February 2026. */
  public String date(LocalDate d) {
    return lang == Lang.ZH
        ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
        : EN_DATE.format(d);
  }

  /**
   * A timestamp given in an input (ISO 8601 with {@code Z} or an offset) in Beijing time, to the
   * minute, with the zone named: 2026年3月1日20:00（北京时间） / 1 March 2026, 20:00 Beijing time (UTC+8). A
   * value that is not such a timestamp is returned as given.
   */
  public String time(String iso) {
    Optional<ZonedDateTime> t = beijing(iso);
    if (t.isEmpty()) {
      return iso.strip();
    }
    ZonedDateTime z = t.get();
    String hm = String.format(Locale.ROOT, "%02d:%02d", z.getHour(), z.getMinute());
    return lang == Lang.ZH
        ? date(z.toLocalDate()) + hm + "（北京时间）"
        : EN_DATE.format(z) + ", " + hm + " Beijing time (UTC+8)";
  }

  /** The instant of an ISO 8601 timestamp in Beijing time, if it is one. */
  public static Optional<ZonedDateTime> beijing(String iso) {
    try {
      return Optional.of(OffsetDateTime.parse(iso.strip()).atZoneSameInstant(BEIJING));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An amount in yuan: 人民币1,200元 / CNY 1,200. */
  public String yuan(long amount) {
    String n = String.format(Locale.ROOT, "%,d", amount);
    return lang == Lang.ZH ? "人民币" + n + "元" : "CNY " + n;
  }

  /** An amount in yuan with fen when it has them: 人民币1,234.50元 / CNY 1,234.50. */
  public String yuan(java.math.BigDecimal amount) {
    java.math.BigDecimal a = amount.stripTrailingZeros();
    String n =
        a.scale() <= 0
            ? String.format(Locale.ROOT, "%,d", a.toBigInteger())
            : String.format(Locale.ROOT, "%,.2f", amount);
    return lang == Lang.ZH ? "人民币" + n + "元" : "CNY " + n;
  }

  /** An amount or a placeholder. */
  public String yuanOr(OptionalLong amount, String zh, String en) {
    return amount.isPresent() ? yuan(amount.getAsLong()) : ph(zh, en);
  }

  /** Joins items: 甲、乙和丙 / A, B and C. */
  public String list(java.util.List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    String sep = t("、", ", ");
    String and = t("和", " and ");
    return String.join(sep, items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
  }
}
