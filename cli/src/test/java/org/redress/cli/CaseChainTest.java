package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.CliWorkspace.GeneratedExport;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;

/**
 * The live chain a case worker types, end to end, with only public commands: {@code sample
 * telegram-export} → {@code bank add} → {@code scan --preserve} → {@code evidence export} → {@code
 * facts merge} → {@code assess} → {@code doc} for every kind. Content is checked across the links:
 * what the report found is what the documents say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseChainTest {
  @TempDir static Path tmp;
  Path reportFile;
  SpreadReport report;
  Path facts;
  Path findings;
  Path pkg;
  Path parties;
  Path docs;

  @BeforeAll
  void chain() throws Exception {
    System.setProperty("redress.now", "2026-03-20T02:00:00Z");
    CliWorkspace workspace = new CliWorkspace(tmp.resolve("ws"));
    GeneratedExport sample = GeneratedExport.make(tmp.resolve("export"));
    workspace.ok("bank", "create", "victims");
    workspace.ok("bank", "add", "victims", sample.originals().toString());
    reportFile = tmp.resolve("report.json");
    workspace.ok(
        "scan",
        sample.folder().toString(),
        "--bank",
        "victims",
        "--json",
        reportFile.toString(),
        "--preserve",
        "--case",
        "C-1");
    report = ReportJson.read(reportFile);
    pkg = tmp.resolve("package.zip");
    workspace.ok("evidence", "export", "--case", "C-1", pkg.toString());
    Path intake = resource("intake.yaml");
    parties = resource("parties.yaml");
    facts = tmp.resolve("facts.json");
    CliRun.ok(
        "facts", "merge", intake.toString(), reportFile.toString(), "--out", facts.toString());
    findings = tmp.resolve("findings.json");
    Files.writeString(
        findings, CliRun.ok("assess", facts.toString(), "--json").out(), StandardCharsets.UTF_8);
    docs = tmp.resolve("docs");
    for (String line : CliRun.ok("doc", "list").out().lines().toList()) {
      String kind = line.split("\\s+")[0];
      if (kind.equals("all")) {
        continue;
      }
      CliRun.ok(
          "doc",
          kind,
          "--facts",
          facts.toString(),
          "--findings",
          findings.toString(),
          "--report",
          reportFile.toString(),
          "--evidence-manifest",
          pkg.toString(),
          "--parties",
          parties.toString(),
          "--format",
          "docx",
          "--out",
          docs.toString());
    }
    System.clearProperty("redress.now");
  }

  private Path resource(String name) throws IOException {
    Path to = tmp.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/org/redress/cli/demo/" + name)) {
      Files.copy(in, to);
    }
    return to;
  }

  /** The text of a DOCX: its paragraphs' runs, tags removed. */
  private static String docxText(Path docx) throws IOException {
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(docx))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(z.readAllBytes(), StandardCharsets.UTF_8);
          return xml.replaceAll("</w:p>", "\n")
              .replaceAll("<[^>]+>", "")
              .replace("&quot;", "\"")
              .replace("&amp;", "&");
        }
      }
    }
    throw new AssertionError("no document.xml in " + docx);
  }

  @Test
  void chain_everyKindDrafted() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(docs)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    List<String> kinds =
        CliRun.ok("doc", "list")
            .out()
            .lines()
            .map(l -> l.split("\\s+")[0])
            .filter(k -> !k.equals("all"))
            .toList();
    assertThat(kinds).contains("police-report", "evidence-list", "takedown-notice");
    for (String kind : kinds) {
      assertThat(names).as(kind).anyMatch(n -> n.startsWith(kind + ".") && n.endsWith(".docx"));
    }
    assertThat(names)
        .contains(
            "police-report.zh.docx",
            "police-report.en.docx",
            "evidence-list.zh.docx",
            "takedown-notice.en.docx");
  }

  @Test
  void chain_evidenceList_citesTheSha256sFromTheReport() throws IOException {
    String list = docxText(docs.resolve("evidence-list.zh.docx")).replaceAll("\\s", "");
    for (SpreadReport.Occurrence o : report.allOccurrences()) {
      assertThat(list).contains(o.sha256());
    }
  }

  @Test
  void chain_evidenceList_citesTheChatNameFromTheReport() throws IOException {
    SpreadReport.Occurrence o =
        report.allOccurrences().stream().filter(x -> !x.loose()).findFirst().orElseThrow();
    assertThat(docxText(docs.resolve("evidence-list.zh.docx"))).contains(o.chatName());
  }

  @Test
  void chain_policeReport_carriesACountFromTheReport() throws IOException {
    String police = docxText(docs.resolve("police-report.zh.docx"));
    long posts = report.totals().postsWithMatches();
    long chats = report.totals().chatsInvolved();
    assertThat(posts).isGreaterThan(9);
    assertThat(police).containsAnyOf(posts + " 条", posts + "条", posts + " 个", posts + "个");
    assertThat(police).contains(Long.toString(chats));
  }

  @Test
  void chain_mergedFacts_carryTheReportsProvenFactsAndTheIntake() throws IOException {
    String f = Files.readString(facts, StandardCharsets.UTF_8);
    assertThat(f)
        .contains("\"images\" : " + report.facts().images())
        .contains("\"as_of\" : \"2026-03-20\"")
        .contains("\"covert_filming\" : true")
        .contains("\"first_act\" : \"2026-01-20\"");
  }

  private Path misspelt() throws IOException {
    String good = Files.readString(facts, StandardCharsets.UTF_8);
    Path bad = tmp.resolve("bad-facts.json");
    Files.writeString(
        bad, good.replace("\"covert_filming\"", "\"covert_filmng\""), StandardCharsets.UTF_8);
    return bad;
  }

  private static String reason(CliRun r) {
    String line = r.err().strip();
    return line.substring(line.indexOf(": ", "redress: ".length()) + 2);
  }

  @Test
  void chain_misspeltFactsKey_refusedByFactsMergeAndAssessAlike() throws IOException {
    Path bad = misspelt();
    CliRun merge = CliRun.of("facts", "merge", bad.toString(), reportFile.toString());
    CliRun assess = CliRun.of("assess", bad.toString());
    for (CliRun r : List.of(merge, assess)) {
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.DATA);
      assertThat(r.err())
          .startsWith("redress: " + bad + ": ")
          .contains("covert_filmng")
          .contains("acts.covert_filming");
      assertThat(r.out()).isEmpty();
    }
    assertThat(reason(merge)).isEqualTo(reason(assess));
  }

  @Test
  void chain_misspeltFactsKey_refusedByDocAlike() throws IOException {
    Path bad = misspelt();
    CliRun assess = CliRun.of("assess", bad.toString());
    CliRun doc =
        CliRun.of(
            "doc",
            "police-report",
            "--facts",
            bad.toString(),
            "--findings",
            findings.toString(),
            "--report",
            reportFile.toString(),
            "--format",
            "docx",
            "--out",
            tmp.resolve("bad-docs").toString());
    assertThat(doc.exit()).as(doc.err()).isEqualTo(ExitCodes.DATA);
    assertThat(reason(doc)).isEqualTo(reason(assess));
    assertThat(tmp.resolve("bad-docs")).doesNotExist();
  }
}
