package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every help screen of every command and subcommand is Chinese under {@code --lang zh} (issue 13
 * point 8): no ASCII word of three letters or more is left, except what a person types or reads as
 * a name. The exceptions are derived from the command tree itself (option names, command names,
 * placeholders) or are one of the few terms below.
 */
class HelpZhTest {
  /**
   * Terms that stay Latin in Chinese text, each because Chinese technical writing uses it as is:
   * the perceptual hashes and digests this tool computes (no Chinese names exist); file formats and
   * standards a person must recognise on disk or in a request (RFC 3161 and ISO 8601 are cited by
   * number); products and services named as themselves (Telegram, Chromium, Tesseract, Spark,
   * Hadoop, HDFS, StopNCII, HMA, Argon2id); and the key and size units Ctrl and GiB.
   */
  static final Set<String> TERMS =
      Set.of(
          "PDQ",
          "vPDQ",
          "MD5",
          "SHA",
          "JSON",
          "YAML",
          "CSV",
          "HTML",
          "ZIP",
          "DOCX",
          "PDF",
          "WARC",
          "PEM",
          "DER",
          "EXIF",
          "RFC",
          "ISO",
          "Telegram",
          "Chromium",
          "Tesseract",
          "Spark",
          "Hadoop",
          "HDFS",
          "StopNCII",
          "HMA",
          "Argon2id",
          "Ctrl",
          "GiB",
          "TrueType");

  /**
   * Text a person types or sees verbatim: a value in Chinese quotes (“json”, “redress demo”), a
   * schema name (redress/case-facts@1), a path or a file name (docs/spark.md, DIR/planted.json,
   * result.json), an environment variable (REDRESS_WORKSPACE), a URL and a placeholder in angle
   * brackets.
   */
  private static final Pattern VERBATIM =
      Pattern.compile(
          "“[^”]*”|redress/[a-z-]+@\\d|[A-Za-z0-9_<>.*-]*(/[A-Za-z0-9_<>.*-]+)+/?"
              + "|[A-Za-z0-9_*-]+\\.(json|jsonl|md|txt|html|zip|parquet|yaml|pem|ttf)\\b"
              + "|\\b[A-Z][A-Z0-9]*(_[A-Z0-9*]+)+\\b|https?://\\S+|<[^>]*>");

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** Every command's help under {@code --lang zh}, by qualified name. */
  private static List<String[]> everyHelp() {
    CommandLine root = Main.commandLine(new Main(), new String[0]);
    UiLang.apply(root, Locale.SIMPLIFIED_CHINESE);
    List<String[]> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(CommandLine cl, List<String[]> out) {
    out.add(new String[] {cl.getCommandSpec().qualifiedName(), cl.getUsageMessage()});
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, out);
    }
  }

  /** Option names, command names and placeholders of the whole tree, split into their words. */
  static Set<String> treeWords() {
    Set<String> words = new TreeSet<>();
    CommandLine root = Main.commandLine(new Main(), new String[0]);
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    for (int i = 0; i < all.size(); i++) {
      CommandSpec spec = all.get(i).getCommandSpec();
      addWords(words, spec.name());
      all.addAll(all.get(i).getSubcommands().values());
      List<ArgSpec> args = new ArrayList<>(spec.args());
      for (ArgSpec a : args) {
        if (a instanceof OptionSpec o) {
          for (String n : o.names()) {
            addWords(words, n);
          }
        }
        addWords(words, a.paramLabel());
      }
    }
    return words;
  }

  private static void addWords(Set<String> words, String text) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
  }

  /** The words of three letters or more in {@code zh} that are not allowed. */
  static List<String> strayWords(String zh, Set<String> allowed) {
    String rest = VERBATIM.matcher(zh).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(rest);
    while (m.find()) {
      String w = m.group();
      if (w.replaceAll("[0-9]", "").length() >= 3 && !allowed.contains(w) && !TERMS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  @Test
  void everyHelpScreen_langZh_hasNoEnglishWord() {
    Set<String> allowed = treeWords();
    List<String> stray = new ArrayList<>();
    List<String[]> helps = everyHelp();
    for (String[] help : helps) {
      List<String> words = strayWords(help[1], allowed);
      if (!words.isEmpty()) {
        stray.add(help[0] + ": " + words);
      }
    }
    assertThat(helps).hasSizeGreaterThan(70);
    assertThat(stray).as(String.join("\n", stray)).isEmpty();
  }

  @Test
  void everyHelpScreen_langZh_hasTheChineseHeadings() {
    for (String[] help : everyHelp()) {
      assertThat(help[1]).as(help[0]).contains("用法：").doesNotContain("Usage:", "Options:");
    }
  }

  @Test
  void strayWords_englishSentence_isCaught() {
    // The check itself must be able to fail: an untranslated line is found word by word, while
    // names the tree defines and verbatim text are not.
    assertThat(strayWords("Print stack traces for errors.", Set.of()))
        .containsExactly("Print", "stack", "traces", "for", "errors");
    assertThat(
            strayWords("用 --workspace=DIR 和 “json” 写到 docs/spark.md", Set.of("workspace", "DIR")))
        .isEmpty();
  }

  @Test
  void everyHelpScreen_langEn_staysEnglish() {
    CommandLine root = Main.commandLine(new Main(), new String[0]);
    UiLang.apply(root, Locale.ROOT);
    CommandLine add = root.getSubcommands().get("bank").getSubcommands().get("add");
    assertThat(add.getUsageMessage())
        .contains("Usage:", "Hash files locally")
        .doesNotContain("用法", "哈希库");
  }
}
