package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind in both languages written as `redress doc all` writes them, then read back from the
 * PDF's text layer the way a clerk would search it (issue 13's tests). The files stay under {@code
 * target/review/} so each page can be looked at (see docs/documents.md).
 */
class FilingTextTest {
  /** The sample case's hashes: the preserved posts and the report's own file. */
  private static final List<String> HASHES =
      List.of(
          "ad8012eefbabedb981759c1c6307756dec1732999f33b8c653980fa34a0ee329",
          "9909ab10c7c8931f7a3a9605fc6ba77b118ec2ddfa4bb67dce00f4600128df8a",
          "f38b84550de8dea79dd0c12b3e66c9262947583c09a1254bf97ec78bb4c29fd4");

  /** Latin words a Chinese filing may carry: proper names of software and services. */
  private static final Set<String> NAMES = Set.of("Telegram", "Redress", "Merkle");

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{4,}");
  private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");

  private static Path dir;
  private static List<Path> files;

  @BeforeAll
  static void writeAll() throws IOException {
    dir = Path.of("target", "review");
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
    files = SampleCase.documents().writeAll(SampleCase.full(), dir);
  }

  private static List<Path> pdfs(String lang) {
    return files.stream().filter(p -> p.toString().endsWith("." + lang + ".pdf")).toList();
  }

  private static String text(Path pdf) {
    try {
      return Rendered.extract(OutputFormat.PDF, Files.readAllBytes(pdf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chinese text with what may be Latin removed: hashes, links, e-mail, file names. */
  private static String withoutLocators(String text) {
    return HEX64
        .matcher(text)
        .replaceAll(" ")
        .replaceAll("https?://\\S+", " ")
        .replaceAll("[\\w.+-]*@[\\w.-]+", " ")
        .replaceAll("[\\w-]+\\.(mp4|jpg|jpeg|png|json|html|txt)", " ");
  }

  @Test
  void writeAll_everyKind_bothLanguagesEveryFormatAndThe12377Text() {
    int kinds = DocumentKind.values().length;
    // The foreign platform's notice is in English only.
    assertThat(pdfs("zh")).hasSize(kinds - 1);
    assertThat(pdfs("en")).hasSize(kinds);
    assertThat(files)
        .contains(dir.resolve("report-12377.zh.txt"), dir.resolve("report-12377.en.txt"));
  }

  @Test
  void chineseFilings_textLayer_hasNoEnglishWordsOrKeys() {
    List<String> bad = new ArrayList<>();
    for (Path pdf : pdfs("zh")) {
      Matcher m = LATIN_WORD.matcher(withoutLocators(text(pdf)));
      while (m.find()) {
        if (!NAMES.contains(m.group())) {
          bad.add(pdf.getFileName() + ": " + m.group());
        }
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void evidenceList_textLayer_holdsEveryHashAsOneString() {
    for (String lang : List.of("zh", "en")) {
      String text = text(dir.resolve("evidence-list." + lang + ".pdf"));
      for (String h : HASHES) {
        assertThat(text).as(lang).contains(h);
      }
    }
  }

  @Test
  void filings_textLayer_noHashIsBroken() {
    for (Path pdf : files.stream().filter(p -> p.toString().endsWith(".pdf")).toList()) {
      // A hash broken across lines leaves a run of 20–63 hex digits at a line's end.
      Matcher m = Pattern.compile("(?m)\\b[0-9a-f]{20,63}$").matcher(text(pdf));
      assertThat(m.find()).as(pdf.getFileName().toString()).isFalse();
    }
  }

  @Test
  void filings_everyTime_namesItsZone() {
    for (Path pdf : files.stream().filter(p -> p.toString().endsWith(".pdf")).toList()) {
      // Page footers fall between a page's last line and the next page's first: drop them.
      String text = text(pdf).replaceAll("\\s+", "").replaceAll("第\\d+页共\\d+页|Page\\d+of\\d+", "");
      Matcher m = CLOCK.matcher(text);
      while (m.find()) {
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
        assertThat(after)
            .as(pdf.getFileName() + " at " + m.group())
            .matches("(?s)(（北京时间）|Beijingtime).*");
      }
      assertThat(text)
          .as(pdf.getFileName().toString())
          .doesNotContain("UTC\u0020")
          .doesNotContainPattern("\\d{2}:\\d{2}UTC");
    }
  }

  @Test
  void filings_text_showNoLocalPath() {
    for (Path f : files) {
      String text =
          f.toString().endsWith(".pdf")
              ? text(f)
              : f.toString().endsWith(".docx")
                  ? Rendered.extract(OutputFormat.DOCX, bytes(f))
                  : new String(bytes(f), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text)
          .as(f.getFileName().toString())
          .doesNotContainPattern("(^|[\\s：:（(])/(home|tmp|work|root|Users|var)/")
          .doesNotContainPattern("[A-Z]:\\\\");
    }
  }

  @Test
  void writeAll_files_areReadableByTheOwnerOnly() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    for (Path f : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .as(f.getFileName().toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void evidenceList_report_isListedOnce() {
    String zh = Rendered.squash(text(dir.resolve("evidence-list.zh.pdf")));
    assertThat(zh.split("影像比对报告（扩散报告）", -1)).hasSize(2);
    assertThat(zh).contains("证据1-1", "证据2-1", "页码", "份数", "原件/复印件");
  }

  private static byte[] bytes(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
