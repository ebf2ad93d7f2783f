package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.documents.DocumentException;
import org.redress.documents.DocumentKind;
import org.redress.documents.Lang;
import org.redress.law.ActionPlan;

/**
 * The papers' words live in {@code templates/phrases.<lang>.yaml}, not in Java: the two files hold
 * the same keys, every key the Java code names exists in both, and no Java file of the module
 * carries Chinese prose in a string literal except the few listed below with their reason.
 */
class PhrasesTest {
  private static final Path MAIN = Path.of("src/main/java/org/redress/documents");

  /**
   * Files whose Chinese string literals are not the papers' prose, each with its reason. Anything
   * else with a Chinese literal fails the test: its words belong in the phrase files.
   */
  private static final Map<String, String> ALLOWED =
      Map.of(
          "Citations.java", "instrument titles: law data (the citation table), not prose",
          "Numerals.java", "Chinese numerals: a number format",
          "Markup.java", "the markup's own escape characters (full-width forms)",
          "Doc.java", "recognises a placeholder the phrase files wrote",
          "PdfWriter.java", "page footer of the shared writer (page layout, h-papers)",
          "DocxWriter.java", "page footer and the East Asian font name of the shared writer",
          "JointModel.java", "the joint papers' model: its words have not moved yet",
          "JointPapers.java", "the joint papers' footer: not moved yet");

  private static final Pattern CJK_LITERAL =
      Pattern.compile(
          "\"(?:[^\"\\\\]|\\\\.)*[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef](?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern SAY =
      Pattern.compile("\\bsay\\(\\s*(?:Lang\\.\\w+,\\s*)?\"([^\"]+)\"(?!\\s*\\+)");
  private static final Pattern PH = Pattern.compile("\\bph\\(\"([^\"]+)\"\\)");

  @Test
  void keys_zhAndEn_areTheSame() {
    assertThat(Phrases.keys(Lang.EN)).containsExactlyInAnyOrderElementsOf(Phrases.keys(Lang.ZH));
  }

  @Test
  void keys_namedInJava_existInBothLanguages() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Path file : javaFiles()) {
      String src = Files.readString(file, StandardCharsets.UTF_8);
      find(SAY, src, "", named);
      find(PH, src, "ph.", named);
    }
    for (DocumentKind k : DocumentKind.values()) {
      named.add("title." + k.id());
      named.add("role." + k.id());
    }
    for (ActionPlan.Status s : ActionPlan.Status.values()) {
      named.add("plan.status." + s.name().toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(named).hasSizeGreaterThan(100);
    for (Lang lang : Lang.values()) {
      assertThat(Phrases.keys(lang)).as("phrases.%s.yaml", lang.code()).containsAll(named);
    }
  }

  @Test
  void everyPhrase_eitherLanguage_rendersWithNoValues() {
    for (Lang lang : Lang.values()) {
      for (String key : Phrases.keys(lang)) {
        assertThat(Phrases.say(lang, key, "x", "")).as(key).isNotNull();
      }
    }
  }

  @Test
  void say_unknownKey_isRefusedNamingIt() {
    assertThatThrownBy(() -> Phrases.say(Lang.ZH, "no.such.phrase"))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("no.such.phrase");
  }

  @Test
  void say_values_areFilledInAndChoicesFollowThem() {
    assertThat(Phrases.say(Lang.EN, "spread.unchecked", "n", 1L, "one", true))
        .isEqualTo(" A further media file could not be checked; the figures do not include it.");
    assertThat(Phrases.say(Lang.EN, "spread.unchecked", "n", 3L, "one", false))
        .isEqualTo(
            " A further 3 media files could not be checked; the figures do not include them.");
    assertThat(Phrases.say(Lang.ZH, "spread.unchecked", "n", 3L, "one", false))
        .isEqualTo("另有3个媒体文件未能读取比对，未计入上述数字。");
    assertThat(new Words(Lang.ZH).ph("name")).isEqualTo("【待填写：姓名】");
    assertThat(new Words(Lang.EN).date(java.time.LocalDate.of(2026, 2, 3)))
        .isEqualTo("3 February 2026");
  }

  @Test
  void javaSources_holdNoChineseProseOutsideTheListedFiles() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      String name = file.getFileName().toString();
      if (ALLOWED.containsKey(name)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
          continue;
        }
        Matcher m = CJK_LITERAL.matcher(line);
        if (m.find()) {
          found.add(name + ":" + (i + 1) + ": " + m.group());
        }
      }
    }
    assertThat(found).as("Chinese text in Java: move it to templates/phrases.*.yaml").isEmpty();
  }

  @Test
  void cjkLiteral_aChineseStringInCode_isFound() {
    assertThat(CJK_LITERAL.matcher("return w.t(\"原告\", \"the plaintiff\");").find()).isTrue();
    assertThat(CJK_LITERAL.matcher("return w.say(\"role.civil-complaint\");").find()).isFalse();
  }

  private static void find(Pattern p, String src, String prefix, Set<String> into) {
    Matcher m = p.matcher(src);
    while (m.find()) {
      into.add(prefix + m.group(1));
    }
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
