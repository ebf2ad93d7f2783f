package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.CliWorkspace.GeneratedExport;
import org.redress.dossier.Dossier;
import org.redress.dossier.DossierJson;

/**
 * {@code redress dossier}: three cases scanned the same generated export; two consent, one never
 * did. The dossier counts a post both consenting victims exported once and a file once, names the
 * victims only by pseudonym, and a withdrawn consent removes her and keeps the other's pseudonym.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FixedNow.class)
class DossierCommandTest {
  @TempDir static Path tmp;
  CliWorkspace ws;
  String chat;

  @BeforeAll
  void setUp() throws Exception {
    ws = new CliWorkspace(tmp.resolve("ws"));
    chat = ws.threeCasesTwoConsenting(GeneratedExport.make(tmp.resolve("export")), false);
  }

  private CliRun run(String... args) {
    return ws.run(args);
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
