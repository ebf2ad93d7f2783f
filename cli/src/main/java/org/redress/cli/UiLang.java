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

  /**
   * Points the command tree at the bundles of a locale. English is in the annotations; Chinese is
   * one bundle for the whole tree: {@code MainMessages_zh} (headings, shared options, the command
   * list) and {@code help/NAME_zh.properties} per top-level command, whose keys carry the command's
   * qualified name ({@code redress.bank.add.label}, {@code redress.bank.add.NAME[0]}), as picocli
   * looks them up.
   */
  static void apply(CommandLine root, Locale locale) {
    ResourceBundle main = bundle("org.redress.cli.MainMessages", locale);
    ResourceBundle docs = bundle("org.redress.cli.DocMessages", locale);
    if (!chinese(locale)) {
      root.getCommandSpec().resourceBundle(main);
      CommandLine doc = root.getSubcommands().get("doc");
      if (doc != null) {
        doc.getCommandSpec().resourceBundle(docs);
      }
      return;
    }
    Map<String, String> words = new java.util.HashMap<>();
    for (String k : main.keySet()) {
      words.put(k, main.getString(k));
    }
    for (String name : root.getSubcommands().keySet()) {
      words.putAll(helpWords(name));
      String listed = "command." + name;
      if (words.containsKey(listed)) {
        words.putIfAbsent("redress." + name + ".usage.description", words.get(listed));
      }
    }
    ResourceBundle tree = new Words(words, locale);
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      if (e.getKey().equals("doc")) {
        Map<String, String> withDoc = new java.util.HashMap<>(words);
        for (String k : docs.keySet()) {
          // doc's own bundle wins, also over the one-line list entry (command.doc)
          withDoc.put(k.startsWith("usage.") ? "redress.doc." + k : k, docs.getString(k));
        }
        e.getValue().getCommandSpec().resourceBundle(new Words(withDoc, locale));
      } else {
        applyTree(e.getValue(), tree);
      }
    }
    root.getCommandSpec().resourceBundle(tree);
  }

  private static void applyTree(CommandLine cl, ResourceBundle bundle) {
    cl.getCommandSpec().resourceBundle(bundle);
    for (CommandLine sub : cl.getSubcommands().values()) {
      applyTree(sub, bundle);
    }
  }

  /** The Chinese help of one top-level command ({@code help/NAME_zh.properties}), or none. */
  static Map<String, String> helpWords(String command) {
    String path = "help/" + command + "_zh.properties";
    try (java.io.InputStream in = UiLang.class.getResourceAsStream(path)) {
      if (in == null) {
        return Map.of();
      }
      java.util.Properties p = new java.util.Properties();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      Map<String, String> out = new java.util.HashMap<>();
      for (String k : p.stringPropertyNames()) {
        out.put(k, p.getProperty(k));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("failed to read " + path, e);
    }
  }

  /** A bundle over a map of words, in a given locale (doc reads the locale to choose its words). */
  private static final class Words extends ResourceBundle {
    private final Map<String, String> words;
    private final Locale locale;

    Words(Map<String, String> words, Locale locale) {
      // A description in lines (key.0, key.1, ...), as the annotations give it: a command list
      // shows only its first line.
      Map<String, String> lines = new java.util.HashMap<>();
      for (Map.Entry<String, String> e : words.entrySet()) {
        String[] split = e.getValue().split("%n", -1);
        if (e.getKey().endsWith("usage.description") && split.length > 1) {
          for (int i = 0; i < split.length; i++) {
            lines.put(e.getKey() + "." + i, split[i]);
          }
        } else {
          lines.put(e.getKey(), e.getValue());
        }
      }
      this.words = Map.copyOf(lines);
      this.locale = locale;
    }

    @Override
    protected Object handleGetObject(String key) {
      return words.get(key);
    }

    @Override
    public java.util.Enumeration<String> getKeys() {
      return java.util.Collections.enumeration(words.keySet());
    }

    @Override
    protected java.util.Set<String> handleKeySet() {
      return words.keySet();
    }

    @Override
    public Locale getLocale() {
      return locale;
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
