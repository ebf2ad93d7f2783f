package org.redress.documents.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import org.redress.documents.Lang;

/** Small language-dependent pieces: placeholders, dates, amounts, list joining. */
public final class Words {
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

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

  /** A timestamp as given in an input (ISO 8601), shortened to minutes: 2026-03-01 12:00 UTC. */
  public static String instant(String iso) {
    String s = iso.strip();
    if (s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z")) {
      return s.substring(0, 10) + " " + s.substring(11, 16) + " UTC";
    }
    return s;
  }

  /** An amount in yuan: 人民币1,200元 / CNY 1,200. */
  public String yuan(long amount) {
    String n = String.format(Locale.ROOT, "%,d", amount);
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
