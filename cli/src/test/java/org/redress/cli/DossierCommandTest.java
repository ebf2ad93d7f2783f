package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.dossier.Dossier;
import org.redress.dossier.DossierJson;

/**
 * {@code redress dossier}: three cases scanned the same generated export; two consent, one never
 * did. The dossier counts a post both consenting victims exported once and a file once, names the
 * victims only by pseudonym, and a withdrawn consent removes her and keeps the other's pseudonym.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierCommandTest {
  @TempDir static Path tmp;
  Path ws;
  String chat;

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
      CliRun scan = run("scan", folder.toString(), "--case", c);
      assertThat(scan.exit()).as(scan.err()).isZero();
    }
    assertThat(run("case", "consent", "ann", "--dossiers", "yes").exit()).isZero();
    assertThat(run("case", "consent", "bea", "--dossiers", "yes").exit()).isZero();
    CliRun index = run("dossier", "index", "--min-cases", "2");
    assertThat(index.exit()).as(index.err()).isZero();
    chat =
        index
            .out()
            .lines()
            .filter(l -> l.startsWith("chat\t"))
            .findFirst()
            .orElseThrow()
            .split("\t")[1];
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

  private Dossier build(String name) throws Exception {
    Path out = tmp.resolve(name + ".json");
    CliRun r = run("dossier", "build", "--chat", chat, "--json", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("information, not legal advice");
    try (InputStream in = Files.newInputStream(out)) {
      return DossierJson.read(in);
    }
  }

  @Test
  void build_twoConsentingCasesOfOneExport_countPostsAndFilesOnce() throws Exception {
    Dossier d = build("both");

    assertThat(d.victims()).extracting(Dossier.Victim::pseudonym).containsExactly("A", "B");
    assertThat(d.victims()).extracting(Dossier.Victim::caseId).containsExactly("ann", "bea");
    Dossier.Victim a = d.victims().get(0);
    // Both exported the same chat: the aggregate is one victim's share, not twice it.
    assertThat(d.totals().posts()).isEqualTo(a.posts()).isPositive();
    assertThat(d.totals().distinctFiles()).isEqualTo(a.files());
    assertThat(d.posts()).allSatisfy(p -> assertThat(p.seenIn()).hasSize(2));
    assertThat(d.posts())
        .flatExtracting(Dossier.Post::seenIn)
        .extracting(Dossier.Ref::caseId)
        .doesNotContain("cai");
  }

  @Test
  void index_caseWithoutConsent_contributesNothing() {
    CliRun r = run("dossier", "index");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("cai");
  }

  @Test
  void build_consentWithdrawn_herPseudonymGoesAndTheOtherStays() throws Exception {
    build("before");
    assertThat(run("case", "consent", "ann", "--dossiers", "no").exit()).isZero();
    try {
      Dossier d = build("after");

      assertThat(d.victims()).extracting(Dossier.Victim::pseudonym).containsExactly("B");
      assertThat(d.victims()).extracting(Dossier.Victim::caseId).containsExactly("bea");
    } finally {
      assertThat(run("case", "consent", "ann", "--dossiers", "yes").exit()).isZero();
    }
  }

  @Test
  void build_badHandleOrTwoTargets_usageErrorInOneLine() {
    CliRun bad = run("dossier", "build", "--handle", "微信");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
    CliRun two = run("dossier", "build", "--chat", "1", "--sender", "user1");
    assertThat(two.exit()).isEqualTo(2);
  }
}
