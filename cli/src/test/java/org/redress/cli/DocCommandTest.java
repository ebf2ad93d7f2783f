package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redress doc}: the sample case of the documents module, rendered from the command line. */
class DocCommandTest {
  static final Path SAMPLE =
      Path.of("..", "documents", "src", "test", "resources", "sample-case")
          .toAbsolutePath()
          .normalize();

  @TempDir Path dir;

  private static String sample(String name) {
    return SAMPLE.resolve(name).toString();
  }

  /**
   * {@code redress doc KIND} from every file of the sample case (facts, findings, report, evidence
   * manifest, parties), dated 2026-11-25, into {@code out}, with {@code more} options.
   */
  private static CliRun docOfTheSampleCase(String kind, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "doc",
                kind,
                "--facts",
                sample("facts.yaml"),
                "--findings",
                sample("findings.json"),
                "--report",
                sample("spread-report.json"),
                "--evidence-manifest",
                sample("evidence-manifest.json"),
                "--parties",
                sample("parties.yaml"),
                "--date",
                "2026-11-25",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void list_printsEveryKindWithItsTitles() {
    CliRun r = CliRun.of("doc", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).hasSize(org.redress.documents.DocumentKind.values().length);
    assertThat(r.out())
        .contains(
            "police-report",
            "报案材料",
            "takedown-notice",
            "evidence-list",
            "Private prosecution complaint");
  }

  @Test
  void doc_sampleCase_writesBothLanguagesAndFormatsAndPrintsOnlyPaths() throws IOException {
    Path out = dir.resolve("out");
    CliRun r = docOfTheSampleCase("police-report", out);
    assertThat(r.err()).contains("is a bare manifest").hasLineCount(1);
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            out.resolve("police-report.zh.docx").toString(),
            out.resolve("police-report.zh.pdf").toString(),
            out.resolve("police-report.en.docx").toString(),
            out.resolve("police-report.en.pdf").toString());
    for (String f : new String[] {"zh.docx", "zh.pdf", "en.docx", "en.pdf"}) {
      assertThat(Files.size(out.resolve("police-report." + f))).isGreaterThan(3000);
    }
    assertThat(Files.readAllBytes(out.resolve("police-report.zh.pdf")))
        .startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    // Personal details never reach the terminal.
    assertThat(r.out() + r.err()).doesNotContain("张某某", "000000200104120000");
  }

  @Test
  void doc_oneLanguageAndFormat_writesOneFile() {
    Path out = dir.resolve("one");
    CliRun r =
        CliRun.of(
            "doc",
            "evidence-list",
            "--facts",
            sample("facts.yaml"),
            "--evidence-manifest",
            sample("evidence-manifest.json"),
            "--lang",
            "zh",
            "--format",
            "pdf",
            "--date",
            "2026-11-25",
            "--out",
            out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly(out.resolve("evidence-list.zh.pdf").toString());
  }

  @Test
  void doc_unknownKind_isAUsageError() {
    CliRun r =
        CliRun.of("doc", "love-letter", "--facts", sample("facts.yaml"), "--out", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("redress: unknown document kind 'love-letter' (known: ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void doc_missingFactsFile_isADataErrorNamingTheFile() {
    Path missing = dir.resolve("missing.yaml");
    CliRun r =
        CliRun.of(
            "doc",
            "assessment",
            "--facts",
            missing.toString(),
            "--out",
            dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("redress: " + missing + ": no such file" + System.lineSeparator());
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void doc_malformedFindings_isADataErrorOnOneLine() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("findings.json"),
            "{\"schema\": \"redress/findings@1\",",
            StandardCharsets.UTF_8);
    CliRun r =
        CliRun.of(
            "doc",
            "assessment",
            "--facts",
            sample("facts.yaml"),
            "--findings",
            bad.toString(),
            "--out",
            dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("redress: " + bad + ": malformed YAML/JSON at line 1");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void doc_withoutFacts_isAUsageError() {
    CliRun r = CliRun.of("doc", "assessment", "--out", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--facts FILE (or --case NAME) is required");
  }

  @Test
  void doc_badLang_isAUsageError() {
    CliRun r =
        CliRun.of(
            "doc",
            "assessment",
            "--facts",
            sample("facts.yaml"),
            "--lang",
            "fr",
            "--out",
            dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--lang must be zh, en or both, was 'fr'");
  }

  @Test
  void doc_misspeltFactsKey_isRefusedExactlyLikeAssess() throws IOException {
    Path facts =
        Files.writeString(
            dir.resolve("facts.yaml"),
            "schema: redress/case-facts@1\nas_of: 2026-11-24\nacts:\n  covert_filmng: true\n",
            StandardCharsets.UTF_8);
    CliRun assess = CliRun.of("assess", facts.toString());
    CliRun doc =
        CliRun.of(
            "doc",
            "police-report",
            "--facts",
            facts.toString(),
            "--out",
            dir.resolve("o").toString());
    assertThat(assess.exit()).isNotZero();
    assertThat(doc.exit()).isEqualTo(assess.exit());
    assertThat(doc.err()).isEqualTo(assess.err()).contains("covert_filmng");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void doc_decimalMedicalCosts_isAcceptedAsByAssess() throws IOException {
    Path facts =
        Files.writeString(
            dir.resolve("facts.yaml"),
            "schema: redress/case-facts@1\nas_of: 2026-11-24\nconduct:\n  first_act: 2026-02-03\n"
                + "harm:\n  medical_costs_cny: 1234.50\n",
            StandardCharsets.UTF_8);
    CliRun.ok("assess", facts.toString());
    CliRun doc =
        CliRun.of(
            "doc",
            "civil-complaint",
            "--facts",
            facts.toString(),
            "--lang",
            "zh",
            "--format",
            "docx",
            "--out",
            dir.resolve("o").toString());
    assertThat(doc.err()).isEmpty();
    assertThat(doc.exit()).isZero();
  }

  @Test
  void docAll_sampleCase_writesEveryKindInOneRunOwnerOnly() throws IOException {
    Path out = dir.resolve("all");
    CliRun r = docOfTheSampleCase("all", out, "--layout", "elements");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "civil-complaint.zh.pdf",
            "takedown-notice-agent.zh.pdf",
            "takedown-notice-foreign.en.pdf",
            "report-12377.zh.txt");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)))
        .isEqualTo("rwx------");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("police-report.zh.pdf"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(out.resolve("report-12377.zh.txt"), StandardCharsets.UTF_8))
        .contains("举报内容")
        .doesNotContain("**", "|%");
  }

  @Test
  void doc_badLayout_isAUsageError() {
    CliRun r =
        CliRun.of(
            "doc",
            "civil-complaint",
            "--facts",
            sample("facts.yaml"),
            "--layout",
            "table",
            "--out",
            dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--layout must be elements or narrative, was 'table'");
  }

  @Test
  void help_chineseLocale_isChinese() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
      CliRun r = CliRun.of("doc", "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("用法：", "案件事实文件", "要素式");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
