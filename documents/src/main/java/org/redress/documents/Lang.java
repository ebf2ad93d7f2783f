package org.redress.documents;

import java.util.Locale;
import java.util.Optional;

/** The language of a document. Chinese is authoritative; English is provided alongside. */
public enum Lang {
  /** Simplified Chinese ({@code zh-CN}); the authoritative version of every document. */
  ZH("zh", Locale.SIMPLIFIED_CHINESE),
  /** English, for the victim, helpers and foreign platforms. */
  EN("en", Locale.ENGLISH);

  private final String code;
  private final Locale locale;

  Lang(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** The short code used in file names and on the command line: {@code zh} or {@code en}. */
  public String code() {
    return code;
  }

  /** The locale of the language. */
  public Locale locale() {
    return locale;
  }

  /** The language with this code ({@code zh}, {@code zh-CN} or {@code en}, any case), if any. */
  public static Optional<Lang> tryParse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    if (c.equals("zh") || c.equals("zh-cn") || c.equals("zh_cn")) {
      return Optional.of(ZH);
    }
    if (c.equals("en")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }
}
