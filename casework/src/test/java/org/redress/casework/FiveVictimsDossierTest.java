package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.dossier.Dossier;
import org.redress.dossier.Target;
import org.redress.testing.FiveVictims;

/**
 * Five victims' generated exports (three JSON, two HTML) scanned into five cases through the real
 * reader, hasher and scanner: the shared chat's dossier counts exactly the planted totals, a
 * withdrawn consent takes away exactly her contribution, and a picture two victims share,
 * re-encoded in one's export, counts once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiveVictimsDossierTest {
  @TempDir static Path tmp;
  private FiveVictims gen;
  private Casework cw;

  @BeforeAll
  void setUp() throws Exception {
    gen = FiveVictims.generate(tmp.resolve("gen"), 19);
    cw =
        Casework.builder(tmp.resolve("ws"))
            .clock(Clock.fixed(Instant.parse("2026-03-20T02:00:00Z"), ZoneOffset.UTC))
            .user("tester")
            .build();
    FiveVictimsCases.load(cw, gen);
  }

  private Dossier build() throws Exception {
    return cw.dossiers().build(new Target.Chat(FiveVictims.CHAT_ID)).dossier();
  }

  private static void assertTotals(Dossier d, FiveVictims.Totals t) {
    Dossier.Totals x = d.totals();
    assertThat(x.posts()).as("posts").isEqualTo(t.posts());
    assertThat(x.distinctFiles()).as("distinct files").isEqualTo(t.files());
    assertThat(x.images()).as("images").isEqualTo(t.images());
    assertThat(x.videos()).as("videos").isEqualTo(t.videos());
    assertThat(x.distinctSha256()).as("distinct SHA-256").isEqualTo(t.sha256());
    assertThat(x.victims()).as("victims").isEqualTo(t.victims());
    assertThat(x.tradePosts()).as("trade ads").isEqualTo(t.ads());
  }

  @Test
  void build_fiveConsentingVictims_totalsAreThePlantedOnes() throws Exception {
    Dossier d = build();

    // The construction's numbers (FiveVictims' Javadoc), then the dossier against them.
    assertThat(gen.totals())
        .isEqualTo(
            new FiveVictims.Totals(
                FiveVictims.POSTS,
                FiveVictims.FILES,
                FiveVictims.FILES,
                0,
                FiveVictims.SHA256,
                5,
                FiveVictims.ADS));
    assertTotals(d, gen.totals());
    assertThat(d.victims())
        .extracting(Dossier.Victim::pseudonym)
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(d.pdqJoin()).isEqualTo(Dossier.JOIN_ALL_COPIES);
  }

  @Test
  void build_sellerBySenderAndByHandle_countsHtmlPostsTiedByName() throws Exception {
    FiveVictims.Totals planted = gen.sellerTotals(List.of(0, 1, 2, 3, 4));
    for (Target t :
        List.of(new Target.Sender(FiveVictims.SELLER_ID), new Target.Contact(FiveVictims.HANDLE))) {
      Dossier d = cw.dossiers().build(t).dossier();
      assertTotals(d, planted);
      assertThat(d.totals().unattributedPosts()).as("unattributed").isZero();
      // D and E exported HTML: their posts count only through the seller's name.
      assertThat(d.posts())
          .flatExtracting(Dossier.Post::seenIn)
          .extracting(Dossier.Ref::victim)
          .contains("D", "E");
    }
    // Without the JSON exports that tie the name to the id, D's and E's posts cannot count.
    for (int v : List.of(0, 1, 2)) {
      cw.cases().consent(FiveVictims.CASES.get(v), Cases.DOSSIERS, false);
    }
    try {
      Dossier d = cw.dossiers().build(new Target.Sender(FiveVictims.SELLER_ID)).dossier();
      assertThat(d.totals().posts()).isZero();
    } finally {
      for (int v : List.of(0, 1, 2)) {
        cw.cases().consent(FiveVictims.CASES.get(v), Cases.DOSSIERS, true);
      }
    }
  }

  @Test
  void build_consentWithdrawn_totalsDropByExactlyHerContribution() throws Exception {
    for (int v : List.of(4, 0)) {
      String caseId = FiveVictims.CASES.get(v);
      cw.cases().consent(caseId, Cases.DOSSIERS, false);
      try {
        Dossier d = build();
        List<Integer> others = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        others.remove(Integer.valueOf(v));

        assertTotals(d, gen.totals(others));
        assertThat(d.totals().posts()).isLessThan(FiveVictims.POSTS);
        assertThat(d.victims()).extracting(Dossier.Victim::caseId).doesNotContain(caseId);
        assertThat(d.posts())
            .flatExtracting(Dossier.Post::seenIn)
            .extracting(Dossier.Ref::caseId)
            .doesNotContain(caseId);
      } finally {
        cw.cases().consent(caseId, Cases.DOSSIERS, true);
      }
    }
  }

  @Test
  void build_pictureReencodedInTwoVictimsExports_countsOnce() throws Exception {
    Dossier d = build();

    List<Dossier.FileGroup> both =
        d.files().stream().filter(f -> f.victims().equals(List.of("A", "B"))).toList();
    // S: post X in A's export, post Y re-encoded in B's: one file of two SHA-256 values and two
    // posts, joined by PDQ alone. T: post Z in both exports: one file, one post.
    assertThat(both).extracting(f -> f.sha256().size()).containsExactlyInAnyOrder(2, 1);
    assertThat(both).extracting(Dossier.FileGroup::postsTotal).containsExactlyInAnyOrder(2L, 1L);
    Dossier.Victim a = d.victims().get(0);
    Dossier.Victim b = d.victims().get(1);
    assertThat(a.files()).isEqualTo(3 + 2);
    assertThat(b.files()).isEqualTo(4 + 2);
    assertThat(d.totals().distinctFiles()).isEqualTo(FiveVictims.FILES);
  }
}
