package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list of posts read from any post on (so the web page can page through every post behind a
 * total), and posts of exports without chat ids (HTML) joined to a chat by its name.
 */
class DossierWindowTest {
  private static final CaseInput.Consent YES =
      new CaseInput.Consent(true, LocalDate.parse("2026-03-01"), "dossiers");

  private static Sighting video(String caseId, long chat, String chatName, long m) {
    return new Sighting(
        caseId,
        chat,
        chatName,
        "public_supergroup",
        m,
        "telegram:chat/" + chat + "/message/" + m,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(m),
        "user7",
        "发送者",
        "",
        "",
        String.format(Locale.ROOT, "%064x", m),
        null,
        "bank/v" + m,
        Sighting.MediaKind.VIDEO);
  }

  private static Sighting by(
      String caseId, long chat, String chatName, long m, String senderId, String senderName) {
    Sighting v = video(caseId, chat, chatName, m);
    return new Sighting(
        v.caseId(),
        v.chatId(),
        v.chatName(),
        v.chatType(),
        v.messageId(),
        v.locator(),
        v.date(),
        senderId,
        senderName,
        "",
        "",
        v.sha256(),
        null,
        v.item(),
        v.kind());
  }

  @Test
  void build_allListed_everyReferenceBehindEveryNumber() {
    List<Sighting> s = new ArrayList<>();
    for (long m = 1; m <= 2_500; m++) {
      s.add(video("a", Planted.CHANNEL, "频道", m));
    }
    List<CaseInput> cases = List.of(new CaseInput("a", YES, s, List.of(), Map.of()));
    Target t = new Target.Chat(Planted.CHANNEL);

    Dossier page = Dossiers.build(t, cases, Map.of(), 31).dossier();
    Dossier all = Dossiers.build(t, cases, Map.of(), 31, 0, Dossier.ALL).dossier();

    assertThat(page.complete()).isFalse();
    assertThat(all.complete()).isTrue();
    assertThat(all.totals()).isEqualTo(page.totals());
    assertThat(all.posts()).hasSize(2_500);
    assertThat(all.files()).hasSize(2_500);
    assertThat(all.files().stream().mapToLong(Dossier.FileGroup::postsTotal).sum())
        .isEqualTo(2_500);
    assertThat(page.files()).hasSize(Dossier.LISTED);
  }

  @Test
  void build_senderOfHtmlPosts_tiedByTheOneIdItsNameBearsInTheChat() {
    long chat = Planted.CHANNEL;
    List<Sighting> json =
        List.of(by("a", chat, "群", 1, "user7", "卖家"), by("a", chat, "群", 2, "user8", "路人"));
    // HTML: no chat id, no user id; the same post 1 again, and post 3 by the same name.
    List<Sighting> html = List.of(by("b", 0, "群", 1, "", "卖家"), by("b", 0, "群", 3, "", "卖家"));
    List<CaseInput> cases =
        List.of(
            new CaseInput("a", YES, json, List.of(), Map.of()),
            new CaseInput("b", YES, html, List.of(), Map.of()));

    Dossier d = Dossiers.build(new Target.Sender("user7"), cases, Map.of(), 31).dossier();

    assertThat(d.totals().posts()).isEqualTo(2); // posts 1 (in both exports) and 3
    assertThat(d.totals().unattributedPosts()).isZero();
    assertThat(d.posts()).extracting(Dossier.Post::chatId).containsOnly(chat);
    assertThat(d.victims()).extracting(Dossier.Victim::posts).containsExactly(1L, 2L);
  }

  @Test
  void build_htmlSenderNameTwoIdsBear_reportedUnattributedNotCounted() {
    long chat = Planted.CHANNEL;
    List<Sighting> json =
        List.of(by("a", chat, "群", 1, "user7", "卖家"), by("a", chat, "群", 2, "user9", "卖家"));
    List<Sighting> html = List.of(by("b", 0, "群", 3, "", "卖家"), by("b", 0, "群", 4, "", "别人"));
    List<CaseInput> cases =
        List.of(
            new CaseInput("a", YES, json, List.of(), Map.of()),
            new CaseInput("b", YES, html, List.of(), Map.of()));

    Dossier d = Dossiers.build(new Target.Sender("user7"), cases, Map.of(), 31).dossier();

    assertThat(d.totals().posts()).isEqualTo(1);
    assertThat(d.totals().unattributedPosts()).isEqualTo(1);
    assertThat(d.unattributed()).singleElement().extracting(Dossier.Post::messageId).isEqualTo(3L);
    assertThat(d.unattributed().get(0).seenIn())
        .extracting(Dossier.Ref::caseId)
        .containsExactly("b");
  }

  @Test
  void build_postsFromBeyondTheFirstThousand_listsFromThere() {
    List<Sighting> s = new ArrayList<>();
    for (long m = 1; m <= 2_500; m++) {
      s.add(video("a", Planted.CHANNEL, "频道", m));
    }
    List<CaseInput> cases = List.of(new CaseInput("a", YES, s, List.of(), Map.of()));
    Target t = new Target.Chat(Planted.CHANNEL);

    Dossier first = Dossiers.build(t, cases, Map.of(), 31).dossier();
    Dossier last = Dossiers.build(t, cases, Map.of(), 31, 2_000).dossier();

    assertThat(first.posts()).hasSize(Dossier.LISTED);
    assertThat(first.posts().get(0).messageId()).isEqualTo(1);
    assertThat(last.totals()).isEqualTo(first.totals());
    assertThat(last.posts()).hasSize(500);
    assertThat(last.posts().get(0).messageId()).isEqualTo(2_001);
    assertThat(last.posts().get(499).messageId()).isEqualTo(2_500);
  }

  @Test
  void build_htmlExportOfTheChat_joinedByItsNameUnlessTwoChatsBearIt() {
    long other = -1005555555555L;
    // Case a exported JSON (ids); case b exported HTML (chat id 0) the same post and one more.
    List<CaseInput> cases =
        List.of(
            new CaseInput(
                "a", YES, List.of(video("a", Planted.CHANNEL, "频道", 1)), List.of(), Map.of()),
            new CaseInput(
                "b",
                YES,
                List.of(video("b", 0, "频道", 1), video("b", 0, "频道", 2)),
                List.of(),
                Map.of()));
    Target t = new Target.Chat(Planted.CHANNEL);

    Dossier d = Dossiers.build(t, cases, Map.of(), 31).dossier();

    assertThat(d.totals().posts()).isEqualTo(2);
    assertThat(d.totals().victims()).isEqualTo(2);
    assertThat(d.posts().get(0).seenIn()).extracting(Dossier.Ref::caseId).containsExactly("a", "b");

    List<CaseInput> ambiguous = new ArrayList<>(cases);
    ambiguous.add(
        new CaseInput("c", YES, List.of(video("c", other, "频道", 9)), List.of(), Map.of()));
    Dossier d2 = Dossiers.build(t, ambiguous, Map.of(), 31).dossier();

    assertThat(d2.totals().posts()).isEqualTo(1);
    assertThat(d2.victims()).extracting(Dossier.Victim::caseId).containsExactly("a");
  }
}
