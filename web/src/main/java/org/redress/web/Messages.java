package org.redress.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The words of the workspace in Chinese (the default) and English, from {@code
 * messages_zh_CN.properties} and {@code messages_en.properties} (UTF-8). A missing key is a bug and
 * shows as the key in brackets, so a test finds it.
 */
public final class Messages {
  /** The languages offered. */
  public static final Set<String> LANGUAGES = Set.of("zh", "en");

  private static final Messages ZH = new Messages("zh", Locale.SIMPLIFIED_CHINESE);
  private static final Messages EN = new Messages("en", Locale.ENGLISH);

  private final String lang;
  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(String lang, Locale locale) {
    this.lang = lang;
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "org.redress.web.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The messages of {@code lang} ({@code zh} or {@code en}; anything else is Chinese). */
  public static Messages of(String lang) {
    return "en".equals(lang) ? EN : ZH;
  }

  /** {@code zh} or {@code en}. */
  public String lang() {
    return lang;
  }

  /** The text of {@code key}, with {@code args} put in ({@link MessageFormat}). */
  public String t(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    if (args.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** Whether {@code key} exists. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }
}
