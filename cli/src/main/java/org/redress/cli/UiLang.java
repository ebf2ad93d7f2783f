package org.redress.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The language the command line speaks (help and messages): {@code redress --lang zh|en} before the
 * subcommand, else {@code REDRESS_LANG}, else the default locale (Chinese when its language is
 * Chinese). The words live in resource bundles ({@code MainMessages}, {@code DocMessages}), so a
 * command's wording is edited there and a new command adds its {@code command.NAME} key.
 */
final class UiLang {
  /** The environment variable that chooses the language. */
  static final String ENV = "REDRESS_LANG";

  private UiLang() {}

  /**
   * The interface locale for these arguments and environment.
   *
   * @throws ExitCodes.UsageException for a value other than zh or en
   */
  static Locale resolve(String[] args, Map<String, String> env) {
    String given = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--lang") && i + 1 < args.length) {
        given = args[i + 1];
        break;
      }
      if (a.startsWith("--lang=")) {
        given = a.substring("--lang=".length());
        break;
      }
      if (!a.startsWith("-")) {
        break; // the subcommand: its own --lang (doc's document languages) is not ours
      }
    }
    if (given == null) {
      given = env.get(ENV);
      if (given != null && !given.isBlank()) {
        return parse(given, ENV);
      }
      return Locale.getDefault().getLanguage().equals("zh")
          ? Locale.SIMPLIFIED_CHINESE
          : Locale.ROOT;
    }
    return parse(given, "--lang");
  }

  private static Locale parse(String v, String where) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "zh", "zh_cn", "zh-cn", "zh_cn.utf-8" -> Locale.SIMPLIFIED_CHINESE;
      case "en", "en_us", "en-us", "c", "posix" -> Locale.ROOT;
      default ->
          throw new ExitCodes.UsageException(where + " must be zh or en, was '" + v.strip() + "'");
    };
  }

  static boolean chinese(Locale l) {
    return l.getLanguage().equals("zh");
  }

  /** Points the command tree at the bundles of a locale and words the subcommand list in it. */
  static void apply(CommandLine root, Locale locale) {
    ResourceBundle main = bundle("org.redress.cli.MainMessages", locale);
    root.getCommandSpec().resourceBundle(main);
    CommandLine doc = root.getSubcommands().get("doc");
    if (doc != null) {
      doc.getCommandSpec().resourceBundle(bundle("org.redress.cli.DocMessages", locale));
    }
    if (!chinese(locale)) {
      return;
    }
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      String key = "command." + e.getKey();
      if (main.containsKey(key)) {
        CommandLine.Model.UsageMessageSpec u = e.getValue().getCommandSpec().usageMessage();
        u.description(main.getString(key));
        if (u.header().length > 0) {
          u.header(main.getString(key));
        }
      }
    }
  }

  /** The keys of the subcommand list that the Chinese bundle lacks (for the tests). */
  static List<String> missingCommandKeys(CommandLine root) {
    ResourceBundle zh = bundle("org.redress.cli.MainMessages", Locale.SIMPLIFIED_CHINESE);
    return root.getSubcommands().keySet().stream()
        .map(n -> "command." + n)
        .filter(k -> !zh.containsKey(k))
        .toList();
  }

  /** A bundle of exactly this locale or the base one (never the machine's default locale). */
  static ResourceBundle bundle(String name, Locale locale) {
    return ResourceBundle.getBundle(
        name,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** A message from a bundle, or {@code fallback} when the key is missing. */
  static String text(ResourceBundle bundle, String key, String fallback) {
    if (bundle == null) {
      return fallback;
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }
}
