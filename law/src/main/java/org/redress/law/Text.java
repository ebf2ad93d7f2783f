package org.redress.law;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Chinese and English.
 *
 * @param zh the Chinese text
 * @param en the English text
 */
public record Text(String zh, String en) {
  /**
   * A text in both languages.
   *
   * @throws NullPointerException when either language is missing
   */
  public Text {
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** The text in {@code lang} ("zh" or "en"; anything else gets English). */
  public String in(String lang) {
    return "zh".equals(lang.toLowerCase(Locale.ROOT)) ? zh : en;
  }
}
