package org.redress.documents.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.redress.documents.Lang;

/** Small language-dependent pieces: placeholders, dates, amounts, list joining. */
public final class Words {
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

  /**
   * A phrase of {@code templates/phrases.<lang>.yaml} filled with values given as name, value pairs
   * (see {@link Phrases}).
   */
  public String say(String key, Object... pairs) {
    return Phrases.say(lang, key, pairs);
  }

  /** A visible placeholder for an unknown value, its label the phrase {@code ph.<key>}. */
  public String ph(String key) {
    return label(say("ph." + key));
  }

  /** A visible placeholder around a label already in the document's language. */
  public String label(String label) {
    return say("placeholder", "label", label);
  }

  /**
   * Chooses the Chinese or the English text: only for the joint papers' model, whose words have not
   * moved into the phrase files yet.
   */
  public String t(String zh, String en) {
    return lang == Lang.ZH ? zh : en;
  }

  /**
   * A visible placeholder for an unknown value, its label given in both languages: only for the
   * joint papers' model (see {@link #t}).
   */
  public String ph(String zh, String en) {
    return label(t(zh, en));
  }

  /** A date as a document writes it: 2026-02-03 as the phrase {@code date} words it. */
  public String date(LocalDate d) {
    return say(
        "date",
        "year",
        d.getYear(),
        "month",
        d.getMonthValue(),
        "day",
        d.getDayOfMonth(),
        "month_name",
        d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
  }

  /**
   * A timestamp given in an input (ISO 8601 with {@code Z} or an offset) in Beijing time, to the
   * minute, with the zone named (the phrase {@code time}). A value that is not such a timestamp is
   * returned as given.
   */
  public String time(String iso) {
    Optional<ZonedDateTime> t = beijing(iso);
    if (t.isEmpty()) {
      return iso.strip();
    }
    ZonedDateTime z = t.get();
    String hm = String.format(Locale.ROOT, "%02d:%02d", z.getHour(), z.getMinute());
    return say("time", "date", date(z.toLocalDate()), "hm", hm);
  }

  /** The instant of an ISO 8601 timestamp in Beijing time, if it is one. */
  public static Optional<ZonedDateTime> beijing(String iso) {
    try {
      return Optional.of(OffsetDateTime.parse(iso.strip()).atZoneSameInstant(BEIJING));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An amount in yuan, grouped by thousands (the phrase {@code yuan}). */
  public String yuan(long amount) {
    String n = String.format(Locale.ROOT, "%,d", amount);
    return say("yuan", "n", n);
  }

  /** An amount in yuan with fen when it has them (the phrase {@code yuan}). */
  public String yuan(java.math.BigDecimal amount) {
    java.math.BigDecimal a = amount.stripTrailingZeros();
    String n =
        a.scale() <= 0
            ? String.format(Locale.ROOT, "%,d", a.toBigInteger())
            : String.format(Locale.ROOT, "%,.2f", amount);
    return say("yuan", "n", n);
  }

  /** An amount or a placeholder. */
  public String yuanOr(OptionalLong amount, String placeholder) {
    return amount.isPresent() ? yuan(amount.getAsLong()) : ph(placeholder);
  }

  /** Joins items: A, B and C, with the phrases {@code list.sep} and {@code list.and}. */
  public String list(java.util.List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    String sep = say("list.sep");
    String and = say("list.and");
    return String.join(sep, items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
  }
}
