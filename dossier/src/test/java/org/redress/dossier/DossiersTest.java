package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DossiersTest {
  private static final Target CHANNEL = new Target.Chat(Planted.CHANNEL);

  @Test
  void build_fiveVictimsOneChannel_totalsEqualPlanted() {
    Planted p = Planted.generate(5, 1, 1);

    Dossier d = Dossiers.build(CHANNEL, p.cases, Map.of(), Dossiers.DEFAULT_PDQ_RADIUS).dossier();

    int ownPosts = p.ownPosts.values().stream().mapToInt(Integer::intValue).sum();
    int ownFiles = p.ownFiles.values().stream().mapToInt(Integer::intValue).sum();
    // 55 own posts, one post two victims exported, two posts of a third party's file.
    assertThat(d.totals().posts()).isEqualTo(ownPosts + 1 + 2).isEqualTo(58);
    // 30 own files, the two pictures of the shared post, one re-encoded third-party file.
    assertThat(d.totals().distinctFiles()).isEqualTo(ownFiles + 2 + 1).isEqualTo(33);
    assertThat(d.totals().distinctSha256()).isEqualTo(59);
    assertThat(d.totals().videos()).isEqualTo(5);
    assertThat(d.totals().images()).isEqualTo(28);
    assertThat(d.totals().victims()).isEqualTo(5);
    assertThat(d.totals().chats()).isEqualTo(1);
    assertThat(d.totals().senders()).isEqualTo(1);
    assertThat(d.totals().tradePosts()).isEqualTo(4);
    assertThat(d.tradeByCategory()).containsExactly(Map.entry("covert_camera", 4L));
    assertThat(d.totals().maxMembers()).isEqualTo(100_004L);
    assertThat(d.victims())
        .extracting(Dossier.Victim::pseudonym)
        .containsExactly("A", "B", "C", "D", "E");
  }

  @Test
  void build_sharedPost_countsOnceAndNamesBothCases() {
    Planted p = Planted.generate(5, 2, 0);

    Dossier d = Dossiers.build(CHANNEL, p.cases, Map.of(), 31).dossier();

    List<Dossier.Post> twice = d.posts().stream().filter(x -> x.seenIn().size() == 2).toList();
    assertThat(twice).hasSize(1);
    assertThat(twice.get(0).seenIn())
        .extracting(Dossier.Ref::victim, Dossier.Ref::caseId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "case-a"),
            org.assertj.core.groups.Tuple.tuple("B", "case-b"));
  }

  @Test
  void build_reencodedCopyInTwoExports_countsOnce() {
    Planted p = Planted.generate(3, 3, 0);

    Dossier d = Dossiers.build(CHANNEL, p.cases, Map.of(), 31).dossier();
    Dossier strict = Dossiers.build(CHANNEL, p.cases, Map.of(), 0).dossier();

    List<Dossier.FileGroup> shared =
        d.files().stream().filter(f -> f.victims().size() == 2).toList();
    assertThat(shared).hasSize(1);
    assertThat(shared.get(0).sha256()).hasSize(2);
    assertThat(shared.get(0).victims()).containsExactly("B", "C");
    // With radius 0 only bank items join copies: the third party's two copies are two files.
    assertThat(strict.totals().distinctFiles()).isEqualTo(d.totals().distinctFiles() + 1);
  }

  @Test
  void build_consentWithdrawn_herCountsAndPseudonymDisappear() {
    Planted p = Planted.generate(5, 4, 1);
    Dossiers.Built before = Dossiers.build(CHANNEL, p.cases, Map.of(), 31);
    List<CaseInput> withdrawn = new ArrayList<>(p.cases);
    CaseInput c = withdrawn.get(2);
    withdrawn.set(
        2,
        new CaseInput(
            c.caseId(),
            new CaseInput.Consent(false, LocalDate.parse("2026-04-01"), "dossiers"),
            c.sightings(),
            c.trade(),
            c.chatMembers()));

    Dossier after = Dossiers.build(CHANNEL, withdrawn, before.pseudonyms(), 31).dossier();

    Dossier.Totals t0 = before.dossier().totals();
    // Hers: 5 own files and one video; 11 own posts and the post of her re-encoded copy (whose
    // file stays: victim B has it too).
    assertThat(after.totals().distinctFiles()).isEqualTo(t0.distinctFiles() - 6);
    assertThat(after.totals().posts()).isEqualTo(t0.posts() - 12);
    assertThat(after.totals().victims()).isEqualTo(4);
    assertThat(after.totals().maxMembers()).isEqualTo(100_004L);
    assertThat(after.victims())
        .extracting(Dossier.Victim::pseudonym)
        .containsExactly("A", "B", "D", "E");
    assertThat(after.victims()).extracting(Dossier.Victim::caseId).doesNotContain("case-c");
    assertThat(after.posts())
        .flatExtracting(Dossier.Post::seenIn)
        .extracting(Dossier.Ref::caseId)
        .doesNotContain("case-c");
    assertThat(after.files()).flatExtracting(Dossier.FileGroup::victims).doesNotContain("C");
  }

  @Test
  void build_noConsentAnywhere_countsNothing() {
    Planted p = Planted.generate(2, 5, 1);
    List<CaseInput> none =
        p.cases.stream()
            .map(c -> new CaseInput(c.caseId(), null, c.sightings(), c.trade(), c.chatMembers()))
            .toList();

    Dossier d = Dossiers.build(CHANNEL, none, Map.of(), 31).dossier();

    assertThat(d.totals().posts()).isZero();
    assertThat(d.totals().tradePosts()).isZero();
    assertThat(d.totals().maxMembers()).isNull();
    assertThat(d.victims()).isEmpty();
    assertThat(PerpetratorIndex.of(none).entries()).isEmpty();
  }

  @Test
  void build_contactWrittenFourWays_isOneSeller() {
    Planted p = Planted.generate(5, 6, 1);

    Dossier byAt = Dossiers.build(new Target.Contact("@SHOP_CAM"), p.cases, Map.of(), 31).dossier();
    Dossier byLink =
        Dossiers.build(new Target.Contact("https://t.me/shop_cam"), p.cases, Map.of(), 31)
            .dossier();
    Dossier bySender =
        Dossiers.build(new Target.Sender(Planted.SELLER), p.cases, Map.of(), 31).dossier();

    assertThat(byAt.totals().tradePosts()).isEqualTo(4);
    assertThat(byAt.totals()).isEqualTo(byLink.totals());
    // The account that posted the ads posted every channel copy.
    assertThat(byAt.totals().posts()).isEqualTo(bySender.totals().posts()).isEqualTo(58);
  }

  @Test
  void build_pseudonymsGiven_areKeptAndNewOnesSkipUsedLetters() {
    Planted p = Planted.generate(3, 7, 0);

    Dossiers.Built b = Dossiers.build(CHANNEL, p.cases, Map.of("case-b", "A", "case-z", "B"), 31);

    assertThat(b.pseudonyms()).containsEntry("case-b", "A").containsEntry("case-a", "C");
    assertThat(b.pseudonyms()).containsEntry("case-c", "D").containsEntry("case-z", "B");
  }

  @Test
  void letters_bijectiveBase26() {
    assertThat(Dossiers.letters(0)).isEqualTo("A");
    assertThat(Dossiers.letters(25)).isEqualTo("Z");
    assertThat(Dossiers.letters(26)).isEqualTo("AA");
    assertThat(Dossiers.letters(27)).isEqualTo("AB");
    assertThat(Dossiers.letters(26 + 26 * 26)).isEqualTo("AAA");
  }

  @Test
  void build_badRadius_refused() {
    assertThatThrownBy(() -> Dossiers.build(CHANNEL, List.of(), Map.of(), 65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..64");
  }

  @Test
  void index_sharedChannelAndSeller_seenInEveryCase() {
    Planted p = Planted.generate(5, 8, 1);

    PerpetratorIndex index = PerpetratorIndex.of(p.cases);

    assertThat(index.sharedBy(5))
        .extracting(PerpetratorIndex.Entry::kind, PerpetratorIndex.Entry::id)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                PerpetratorIndex.Kind.CHAT, Long.toString(Planted.CHANNEL)),
            org.assertj.core.groups.Tuple.tuple(PerpetratorIndex.Kind.SENDER, Planted.SELLER),
            org.assertj.core.groups.Tuple.tuple(PerpetratorIndex.Kind.CONTACT, "tg:shop_cam"),
            org.assertj.core.groups.Tuple.tuple(PerpetratorIndex.Kind.CONTACT, "wechat:shopcam88"));
    assertThat(index.entries().get(0).kind()).isEqualTo(PerpetratorIndex.Kind.CHAT);
    assertThat(index.entries().get(0).target()).isEqualTo(CHANNEL);
  }
}
