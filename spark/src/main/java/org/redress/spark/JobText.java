package org.redress.spark;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The lines the job prints for a person, in the language {@code redress bulk} passes down in {@code
 * REDRESS_LANG} (English otherwise, as on a cluster): bundle {@code JobText.properties} and its
 * Chinese twin, same keys. Reasons that lower modules give in English are not shown in Chinese
 * lines: the Chinese line names the file and says that {@code --lang en} shows the detail.
 */
final class JobText {
  private static final boolean ZH = chinese(System.getenv("REDRESS_LANG"));
  private static final ResourceBundle WORDS =
      ResourceBundle.getBundle(
          "org.redress.spark.JobText",
          ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private JobText() {}

  static boolean chinese(String lang) {
    return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("zh");
  }

  /** True when the job speaks Chinese. */
  static boolean zh() {
    return ZH;
  }

  /** The line {@code key} formatted with {@code args}, without the program's prefix. */
  static String get(String key, Object... args) {
    return String.format(Locale.ROOT, WORDS.getString(key), args);
  }

  /** The program's prefix, then the line {@code key}. */
  static String line(String key, Object... args) {
    return WORDS.getString("prefix") + get(key, args);
  }

  /**
   * An English {@code reason} from a lower module: as it is in English; in Chinese the line {@code
   * key} with the reason left out (it is shown by {@code --lang en}).
   */
  static String reason(String reason) {
    return ZH ? get("reason.hidden") : reason;
  }
}
