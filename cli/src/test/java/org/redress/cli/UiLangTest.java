package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line speaks Chinese when asked (issue 13 point 8): help and doc's messages. */
class UiLangTest {
  /** A Latin word of four letters or more, outside commands a person types. */
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]{4,}");

  /** What may stay Latin in Chinese text: commands, options, values, file kinds and formats. */
  private static final Pattern ALLOWED =
      Pattern.compile(
          "([a-z]+/[a-z-]+@\\d|[a-z_]+\\.[a-z]+|(?m)^\\s{1,4}[a-z]+(?=\\s)|[a-z0-9]+(-[a-z0-9]+)+|assessment|redress(\\s[a-z-]+)*|--?[a-z][a-z-]*(=\\S+)?|'[^']*'|“[^”]*”|[A-Z]*[A-Z_]+|"
              + "[a-z_]+\\.[a-z_]+@\\d|REDRESS_[A-Z]+|YAML|JSON|DOCX|PDF|TrueType|PDQ|vPDQ|"
              + "MD5|SHA-256|Noto|zip|json|docx|pdf|both|elements|narrative|list|all|"
              + "[a-z]+/[a-z-]+@\\d|<[^>]+>|\\[[^\\]]*\\]|\\$\\{[^}]+\\})");

  static List<String> latinWords(String zh) {
    String stripped = ALLOWED.matcher(zh).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher m = LATIN.matcher(stripped);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void topLevelHelp_langZh_isChineseThroughout() {
    CliRun r = CliRun.of("--lang", "zh", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("用法：", "命令：", "选项：", "为案件生成文书", "依照中国法律评估", "显示某个命令的帮助");
    assertThat(HelpZhTest.strayWords(r.out(), HelpZhTest.treeWords())).as(r.out()).isEmpty();
  }

  @Test
  void topLevelHelp_envZh_isChinese_andEnDefault_isEnglish() {
    assertThat(CliRun.withLang("zh", "--help").out()).contains("命令：");
    CliRun en = CliRun.withLang("en", "--help");
    assertThat(en.out()).contains("Usage:", "Commands:").doesNotContain("命令：");
  }

  @Test
  void docHelp_langZh_isChineseThroughout() {
    CliRun r = CliRun.of("--lang", "zh", "doc", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("用法：", "案件事实文件", "要素式");
    assertThat(HelpZhTest.strayWords(r.out(), HelpZhTest.treeWords())).as(r.out()).isEmpty();
  }

  @Test
  void docErrors_langZh_areChineseOnOneLineWithTheUsageExitCode() {
    CliRun missing = CliRun.withLang("zh", "doc", "police-report", "--out", "x");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("redress：必须用 --facts 指定案件事实文件，或用 --case 指定案件");
    CliRun kind = CliRun.withLang("zh", "doc", "letter");
    assertThat(kind.exit()).isEqualTo(2);
    assertThat(kind.err()).contains("没有“letter”这种文书");
    CliRun layout =
        CliRun.withLang(
            "zh",
            "doc",
            "police-report",
            "--facts",
            DocCommandTest.SAMPLE.resolve("facts.yaml").toString(),
            "--out",
            "o",
            "--layout",
            "table");
    assertThat(layout.err()).contains("--layout 只能是 elements（要素式）或 narrative（叙述式），现为“table”");
    for (CliRun r : List.of(missing, kind, layout)) {
      assertThat(latinWords(r.err())).as(r.err()).isEmpty();
      assertThat(r.err().strip()).doesNotContain("\n");
    }
  }

  @Test
  void docErrors_langEn_stayEnglish() {
    CliRun r = CliRun.withLang("en", "doc", "police-report", "--out", "x");
    assertThat(r.err()).contains("--facts FILE (or --case NAME) is required");
  }

  @Test
  void lang_badValue_isAUsageError() {
    CliRun r = CliRun.of("--lang", "fr", "--help");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--lang must be zh or en, was 'fr'");
  }

  @Test
  void everyCommand_hasItsChineseDescription() {
    assertThat(UiLang.missingCommandKeys(Main.commandLine(new Main(), new String[0]))).isEmpty();
  }

  /** A parse error in Chinese: one line, the help hint, exit 2, no English word. */
  private static void chineseUsageError(CliRun r, String... contains) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    String line = r.err().strip();
    assertThat(line).doesNotContain("\n").startsWith("redress：").contains("（查看帮助：`redress");
    assertThat(line).contains(contains);
    assertThat(latinWords(line)).as(line).isEmpty();
  }

  @Test
  void parseErrors_unknownOption_everyCommand_areChineseWithTheHelpHint() {
    // Picocli reports a missing required parameter before an unknown option: either is a parse
    // error, and either must be Chinese.
    for (Class<?> c : Main.SUBCOMMANDS) {
      String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
      for (CliRun r :
          List.of(
              CliRun.withLang("zh", name, "--no-such-option"),
              CliRun.of("--lang", "zh", name, "--no-such-option"))) {
        chineseUsageError(r, "redress " + name + " --help");
        assertThat(r.err()).containsAnyOf("未知选项：--no-such-option", "缺少必需的");
      }
    }
  }

  @Test
  void parseErrors_missingParameterAndBadValue_areChinese() {
    chineseUsageError(CliRun.withLang("zh", "takedown", "notice", "c1"), "缺少必需的选项：--platform NAME");
    chineseUsageError(
        CliRun.withLang("zh", "takedown", "notice", "--platform", "微博"), "缺少必需的参数：CASE");
    chineseUsageError(CliRun.withLang("zh", "doc", "police-report", "--out"), "选项 --out 缺少值");
    chineseUsageError(
        CliRun.withLang("zh", "facts", "show", "c1", "--version", "abc"), "选项 --version 的值“abc”无效");
    chineseUsageError(CliRun.withLang("zh", "doc", "police-report", "--no-such"), "未知选项：--no-such");
    chineseUsageError(CliRun.withLang("zh", "doc"), "缺少必需的参数：KIND");
    chineseUsageError(CliRun.withLang("zh", "takedown"), "缺少");
  }

  @Test
  void parseErrors_langEn_stayEnglish() {
    CliRun r = CliRun.withLang("en", "takedown", "notice", "c1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Missing required option")
        .contains("(see 'redress takedown notice --help')");
  }
}
