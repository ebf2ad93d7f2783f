package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redress dossier papers}: three cases scanned and preserved the same generated export; two
 * consent. The joint papers name the two by pseudonym only, list each of their sealed items with
 * its log index and SHA-256, and the joint package verifies offline with {@code redress evidence
 * verify}; one changed byte in a part fails it naming the item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierPapersCommandTest {
  @TempDir static Path tmp;
  Path ws;
  Path papers;
  CliRun made;

  @BeforeAll
  void setUp() throws Exception {
    System.setProperty("redress.now", "2026-03-20T02:00:00Z");
    ws = tmp.resolve("ws");
    Path export = tmp.resolve("export");
    assertThat(CliRun.of("sample", "telegram-export", export.toString()).exit()).isZero();
    Path folder;
    try (Stream<Path> s = Files.list(export)) {
      folder =
          s.filter(p -> p.getFileName().toString().startsWith("DataExport"))
              .findFirst()
              .orElseThrow();
    }
    for (String c : List.of("ann", "bea", "cai")) {
      assertThat(run("case", "create", c).exit()).isZero();
      CliRun add = run("bank", "add", "case-" + c, export.resolve("victim-originals").toString());
      assertThat(add.exit()).as(add.err()).isZero();
      CliRun scan = run("scan", folder.toString(), "--case", c, "--preserve");
      assertThat(scan.exit()).as(scan.err()).isZero();
    }
    assertThat(run("case", "consent", "ann", "--dossiers", "yes").exit()).isZero();
    assertThat(run("case", "consent", "bea", "--dossiers", "yes").exit()).isZero();
    String chat =
        run("dossier", "index", "--min-cases", "2")
            .out()
            .lines()
            .filter(l -> l.startsWith("chat\t"))
            .findFirst()
            .orElseThrow()
            .split("\t")[1];
    papers = tmp.resolve("papers");
    made = run("dossier", "papers", "--chat", chat, "--out", papers.toString());
    assertThat(made.exit()).as(made.err()).isZero();
  }

  @AfterAll
  void tearDown() {
    System.clearProperty("redress.now");
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--workspace";
    all[args.length + 1] = ws.toString();
    return CliRun.of(all);
  }

  /** A DOCX's text as a reader sees it: the runs of word/document.xml, tags dropped. */
  private static String docxText(Path p) throws Exception {
    String xml =
        new String(entries(Files.readAllBytes(p)).get("word/document.xml"), StandardCharsets.UTF_8);
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
            entries(Files.readAllBytes(papers.resolve("joint-evidence.zip"))).get("joint.json"),
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
    Map<String, byte[]> outer = entries(Files.readAllBytes(papers.resolve("joint-evidence.zip")));
    Map<String, byte[]> inner = entries(outer.get("cases/B.zip"));
    String manifest = new String(inner.get("manifest.json"), StandardCharsets.UTF_8);
    // The first item's SHA-256 inside its logged leaf (a JSON string within the manifest).
    Matcher m = Pattern.compile("sha256[^0-9a-f]{1,8}([0-9a-f]{64})").matcher(manifest);
    assertThat(m.find()).isTrue();
    String sha = m.group(1);
    String flipped = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
    inner.put("manifest.json", manifest.replace(sha, flipped).getBytes(StandardCharsets.UTF_8));
    outer.put("cases/B.zip", zip(inner));
    Path bad = tmp.resolve("bad.zip");
    Files.write(bad, zip(outer));

    CliRun v = CliRun.of("evidence", "verify", bad.toString());
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.out()).containsPattern("FAIL  victim B, item \\d+ \\(log index \\d+\\)");
    assertThat(v.out()).contains("NOT VERIFIED");
  }

  private static Map<String, byte[]> entries(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws Exception {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setTime(0L);
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bo.toByteArray();
  }
}
