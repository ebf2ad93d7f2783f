package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.CliWorkspace.GeneratedExport;
import org.redress.testing.Zips;

/**
 * {@code redress dossier papers}: three cases scanned and preserved the same generated export; two
 * consent. The joint papers name the two by pseudonym only, list each of their sealed items with
 * its log index and SHA-256, and the joint package verifies offline with {@code redress evidence
 * verify}; one changed byte in a part fails it naming the item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FixedNow.class)
class DossierPapersCommandTest {
  @TempDir static Path tmp;
  CliWorkspace ws;
  Path papers;
  CliRun made;

  @BeforeAll
  void setUp() throws Exception {
    ws = new CliWorkspace(tmp.resolve("ws"));
    String chat = ws.threeCasesTwoConsenting(GeneratedExport.make(tmp.resolve("export")), true);
    papers = tmp.resolve("papers");
    made = run("dossier", "papers", "--chat", chat, "--out", papers.toString());
    assertThat(made.exit()).as(made.err()).isZero();
  }

  private CliRun run(String... args) {
    return ws.run(args);
  }

  /** A DOCX's text as a reader sees it: the runs of word/document.xml, tags dropped. */
  private static String docxText(Path p) throws Exception {
    String xml = new String(Zips.entries(p).get("word/document.xml"), StandardCharsets.UTF_8);
    return xml.replaceAll("</w:p>", "\n").replaceAll("<[^>]+>", "");
  }

  @Test
  void papers_bothLanguagesAndFormats_andThePackage_areWritten() {
    for (String kind : List.of("joint-police-report", "joint-evidence-list")) {
      for (String f : List.of("zh.pdf", "zh.docx", "en.pdf", "en.docx")) {
        assertThat(papers.resolve(kind + "." + f)).isRegularFile();
      }
    }
    assertThat(papers.resolve("joint-evidence.zip")).isRegularFile();
    assertThat(made.out()).contains("2 victims", "information, not legal advice");
  }

  @Test
  void papers_nameVictimsByPseudonymOnly() throws Exception {
    for (String f :
        List.of(
            "joint-police-report.zh.docx",
            "joint-evidence-list.zh.docx",
            "joint-police-report.en.docx")) {
      String text = docxText(papers.resolve(f));
      assertThat(text).containsAnyOf("被害人A", "Victim A").containsAnyOf("被害人B", "Victim B");
      assertThat(text).doesNotContainPattern("\\b(ann|bea|cai)\\b").doesNotContain("case-");
    }
  }

  @Test
  void evidenceList_everySealedItemOfThePackage_withItsLogIndexAndHash() throws Exception {
    String joint =
        new String(
            Zips.entries(papers.resolve("joint-evidence.zip")).get("joint.json"),
            StandardCharsets.UTF_8);
    String text = docxText(papers.resolve("joint-evidence-list.zh.docx")).replaceAll("\\s+", "");
    Matcher m =
        Pattern.compile(
                "\"leaf_index\"\\s*:\\s*(\\d+)\\s*,\\s*\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\"")
            .matcher(joint);
    int n = 0;
    while (m.find()) {
      n++;
      assertThat(text).contains(m.group(2));
    }
    assertThat(n).isPositive();
    assertThat(joint)
        .containsPattern("\"victim\"\\s*:\\s*\"A\"")
        .containsPattern("\"victim\"\\s*:\\s*\"B\"");
  }

  @Test
  void evidenceVerify_jointPackage_verifiesOffline() {
    CliRun v = CliRun.of("evidence", "verify", papers.resolve("joint-evidence.zip").toString());
    assertThat(v.exit()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).contains("victim A", "victim B", "VERIFIED: every check holds");
  }

  @Test
  void evidenceVerify_oneByteOfAPartChanged_failsNamingTheItem() throws Exception {
    byte[] pkg = Files.readAllBytes(papers.resolve("joint-evidence.zip"));
    String manifest =
        new String(Zips.flatten(pkg).get("cases/B.zip/manifest.json"), StandardCharsets.UTF_8);
    // The first item's SHA-256 inside its logged leaf (a JSON string within the manifest).
    Matcher m = Pattern.compile("sha256[^0-9a-f]{1,8}([0-9a-f]{64})").matcher(manifest);
    assertThat(m.find()).isTrue();
    String sha = m.group(1);
    String flipped = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
    Path bad = tmp.resolve("bad.zip");
    Files.write(bad, Zips.rewrite(pkg, "cases/B.zip/manifest.json", Zips.replace(sha, flipped)));

    CliRun v = CliRun.of("evidence", "verify", bad.toString());
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).containsPattern("FAIL  victim B, item \\d+ \\(log index \\d+\\)");
    assertThat(v.out()).contains("NOT VERIFIED");
  }
}
