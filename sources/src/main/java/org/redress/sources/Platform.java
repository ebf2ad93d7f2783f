package org.redress.sources;

import java.util.Locale;

/**
 * The service a post was published on. A reader for another service (a WhatsApp export, a web page)
 * adds its value here; everything downstream (scan, report, preservation, takedown notices) cites
 * posts through {@link Locator} and names the platform by {@link #id()} and {@link #displayName()}
 * only.
 */
public enum Platform {
  /** Telegram (Desktop exports, JSON or HTML). */
  TELEGRAM("Telegram");

  private final String displayName;

  Platform(String displayName) {
    this.displayName = displayName;
  }

  /** The stable lower-case id used in locators and reports: {@code telegram}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The service's own name, as written in any language: {@code Telegram}. */
  public String displayName() {
    return displayName;
  }

  /**
   * The platform with this id.
   *
   * @throws IllegalArgumentException naming the unknown id
   */
  public static Platform ofId(String id) {
    for (Platform p : values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown platform \"" + id + "\"");
  }
}
