package org.redress.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words the command line prints (errors, warnings, progress, summaries) in the interface
 * language. Each area has one bundle {@code org/redress/cli/msg/AREA.properties} (English) with its
 * twin {@code AREA_zh.properties} (Chinese, same keys). Patterns use {@link String#format} with
 * {@link Locale#ROOT}. {@link Main#run} sets the language for the run; a key missing from the
 * Chinese bundle falls back to English, which {@code MsgBundlesTest} forbids.
 */
public final class Msg {
  private static volatile Locale ui = Locale.ROOT;
  private static final ConcurrentHashMap<String, ResourceBundle> CACHE = new ConcurrentHashMap<>();

  private Msg() {}

  /** Sets the interface language for this run; returns the previous one (to restore). */
  static Locale use(Locale locale) {
    Locale before = ui;
    ui = locale;
    return before;
  }

  /** True when the command line speaks Chinese in this run. */
  public static boolean zh() {
    return UiLang.chinese(ui);
  }

  /** The message {@code key} of {@code area}, formatted with {@code args}. */
  public static String get(String area, String key, Object... args) {
    String pattern = pattern(area, key, zh());
    return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
  }

  /** True when {@code area} has the message {@code key}. */
  public static boolean has(String area, String key) {
    try {
      pattern(area, key, false);
      return true;
    } catch (MissingResourceException e) {
      return false;
    }
  }

  /**
   * A message about {@code n} things: in English {@code key.one} when {@code n} is 1 and {@code
   * key.many} otherwise; Chinese has one form, {@code key}. The count is the first argument.
   */
  public static String count(String area, String key, long n, Object... rest) {
    Object[] args = new Object[rest.length + 1];
    args[0] = n;
    System.arraycopy(rest, 0, args, 1, rest.length);
    if (zh()) {
      return get(area, key, args);
    }
    return get(area, key + (n == 1 ? ".one" : ".many"), args);
  }

  /** "redress: " or "redress：" with a message of {@code area}. */
  public static String line(String area, String key, Object... args) {
    return prefix() + get(area, key, args);
  }

  /** The program's prefix for a message line in the interface language. */
  public static String prefix() {
    return zh() ? "redress：" : "redress: ";
  }

  /** The prefix of a warning line in the interface language. */
  public static String warningPrefix() {
    return zh() ? "redress：警告：" : "redress: warning: ";
  }

  /**
   * A time for a person: in English {@code 2026-12-07 10:20 Asia/Shanghai}; in Chinese {@code
   * 2026-12-07 10:20（北京时间）}, naming another zone by its ID when one is set.
   */
  public static String time(java.time.Instant t) {
    return time(t, "yyyy-MM-dd HH:mm");
  }

  /** As {@link #time(java.time.Instant)} with seconds. */
  public static String timeSeconds(java.time.Instant t) {
    return time(t, "yyyy-MM-dd HH:mm:ss");
  }

  private static String time(java.time.Instant t, String pattern) {
    java.time.ZoneId zone = Today.zone();
    String at =
        java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(t.atZone(zone));
    if (!zh()) {
      return at + " " + zone.getId();
    }
    return at + "（" + zoneName(zone) + "）";
  }

  /** The zone in Chinese: 北京时间 for China's zone, else its ID. */
  static String zoneName(java.time.ZoneId zone) {
    return java.util.Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC", "+08:00")
            .contains(zone.getId())
        ? "北京时间"
        : zone.getId();
  }

  static String pattern(String area, String key, boolean chinese) {
    String name = "org.redress.cli.msg." + area;
    if (chinese) {
      try {
        return bundle(name, Locale.SIMPLIFIED_CHINESE).getString(key);
      } catch (MissingResourceException e) {
        // falls back to English below; MsgBundlesTest keeps the two bundles' keys equal
      }
    }
    return bundle(name, Locale.ROOT).getString(key);
  }

  private static ResourceBundle bundle(String name, Locale locale) {
    return CACHE.computeIfAbsent(
        name + "_" + locale.getLanguage(), k -> UiLang.bundle(name, locale));
  }
}
