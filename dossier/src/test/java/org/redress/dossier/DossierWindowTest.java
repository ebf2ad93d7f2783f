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
