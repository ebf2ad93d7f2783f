package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.CliWorkspace.GeneratedExport;

/**
 * {@code redress case} and the {@code --case} options: one case from the command line, its facts
 * stored sealed and versioned, consent given and withdrawn, a scan kept in it, assess and doc
 * reading the stored facts; bad input is one line with exit 1 (data) or 2 (usage).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FixedNow.class)
class CaseCommandTest {
  @TempDir static Path tmp;
  CliWorkspace ws;
  Path facts;

  @BeforeAll
  void setUp() throws Exception {
    ws = new CliWorkspace(tmp.resolve("ws"));
    facts = tmp.resolve("intake.yaml");
    Files.writeString(
        facts,
        "schema: redress/case-facts@1\n"
            + "conduct: {first_act: 2026-01-20}\n"
            + "acts: {covert_filming: true}\n"
            + "distribution: {shared: true, online: true, counts: {images: 4}}\n",
        StandardCharsets.UTF_8);
    assertThat(run("case", "create", "alice").exit()).isZero();
  }

  private CliRun run(String... args) {
    return ws.run(args);
  }

  @Test
  void caseList_afterCreate_showsTheCaseAndItsBank() {
    CliRun r = run("case", "list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("alice\t2026-03-20\tbank case-alice");
  }

  @Test
  void caseCreate_twiceOrBadName_usageErrorInOneLine() {
    CliRun again = run("case", "create", "alice");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err().lines()).hasSize(1).first().asString().contains("already exists");
    CliRun bad = run("case", "create", "Alice Smith");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
  }

  @Test
  void factsSet_thenAssessAndDocByCase_readTheStoredFacts() throws Exception {
    CliRun set = run("facts", "set", "alice", facts.toString());
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("facts v");
    assertThat(run("facts", "show", "alice").out()).contains("covert_filming: true");
    assertThat(run("facts", "history", "alice").out()).contains("intake.yaml");
    // The database holds no clear text of the facts.
    byte[] db = Files.readAllBytes(ws.dir().resolve("redress.db"));
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain("covert_filming");

    CliRun file = CliRun.of("assess", facts.toString(), "--json");
    CliRun byCase = run("assess", "--case", "alice", "--json");
    assertThat(byCase.exit()).as(byCase.err()).isZero();
    assertThat(byCase.out()).isEqualTo(file.out());
    assertThat(byCase.err()).contains("kept in case alice");

    Path out = tmp.resolve("docs");
    CliRun doc =
        run("doc", "police-report", "--case", "alice", "--lang", "zh", "--out", out.toString());
    assertThat(doc.exit()).as(doc.err()).isZero();
    assertThat(out.resolve("police-report.zh.pdf")).exists();
    assertThat(out.resolve("police-report.zh.docx")).exists();
  }

  @Test
  void factsSet_misspeltKey_exit1NothingStored() throws Exception {
    run("case", "create", "bad-facts");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad, "schema: redress/case-facts@1\nacts: {covert_filmng: true}\n", StandardCharsets.UTF_8);
    CliRun r = run("facts", "set", "bad-facts", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1).first().asString().contains("covert_filmng");
    assertThat(run("facts", "history", "bad-facts").out()).isEmpty();
    CliRun assess = run("assess", "--case", "bad-facts");
    assertThat(assess.exit()).isEqualTo(1);
    assertThat(assess.err()).contains("no facts yet");
  }

  @Test
  void unknownCase_everyCommand_exit2() {
    assertThat(run("case", "show", "nobody").exit()).isEqualTo(2);
    assertThat(run("assess", "--case", "nobody").exit()).isEqualTo(2);
    assertThat(run("case", "consent", "nobody", "--dossiers", "yes").exit()).isEqualTo(2);
    assertThat(run("facts", "set", "nobody", facts.toString()).exit()).isEqualTo(2);
  }

  @Test
  void consent_yesThenNo_showKeepsTheLatestWithDate() {
    run("case", "create", "consenting");
    assertThat(run("case", "show", "consenting").out()).contains("not asked");
    assertThat(run("case", "consent", "consenting", "--dossiers", "yes").out())
        .contains("consent dossiers yes\tv1\t2026-03-20 10:00 Asia/Shanghai");
    assertThat(run("case", "consent", "consenting", "--dossiers", "no").out()).contains("v2");
    assertThat(run("case", "show", "consenting").out())
        .contains("consent dossiers: no (withdrawn) since 2026-03-20 10:00");
    CliRun bad = run("case", "consent", "consenting", "--dossiers", "maybe");
    assertThat(bad.exit()).isEqualTo(2);
  }

  @Test
  void scanWithCase_keepsTheScanAndItsReportInTheCase() throws Exception {
    GeneratedExport sample = GeneratedExport.make(tmp.resolve("export"));
    run("case", "create", "scanned");
    CliRun add = run("bank", "add", "case-scanned", sample.originals().toString());
    assertThat(add.exit()).as(add.err()).isZero();
    CliRun scan =
        run(
            "scan",
            sample.folder().toString(),
            "--case",
            "scanned",
            "--json",
            tmp.resolve("r.json").toString());
    assertThat(scan.exit()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("kept in case scanned: scan ");
    assertThat(run("case", "show", "scanned").out()).contains("scans: 1 finished");
    try (Stream<Path> s = Files.list(ws.dir().resolve("cases/scanned/scans"))) {
      Path dir = s.findFirst().orElseThrow();
      assertThat(dir.resolve("report.json")).exists();
      assertThat(dir.resolve("scan.json")).exists();
    }
  }
}
