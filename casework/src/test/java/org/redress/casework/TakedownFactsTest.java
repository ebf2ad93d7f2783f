package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cases.TakedownStore;
import org.redress.documents.CaseInputs;
import org.redress.documents.DocumentKind;
import org.redress.documents.Documents;
import org.redress.documents.Lang;
import org.redress.evidence.EvidenceStore;
import org.redress.law.Finding;
import org.redress.testing.MovableClock;

/**
 * The takedown tracker's dates reach the law and the papers: a notice sent to a platform 30 days
 * ago with no answer makes the Art 1197 finding cite the day, and the civil complaint's facts and
 * reasons state it (Beijing date) with the days without measures.
 */
class TakedownFactsTest {
  private static final String FACTS =
      "schema: redress/case-facts@1\n"
          + "conduct: {first_act: 2026-10-01}\n"
          + "victims: {count: 1, youngest_age: 24, female: true}\n"
          + "acts: {covert_filming: true, filmed_intimate_parts: true}\n"
          + "distribution: {shared: true, online: true, still_online: true}\n";

  @TempDir Path dir;

  // 02:00 UTC on 6 December is 10:00 on 6 December in Beijing.
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T02:00:00Z"));

  private Casework casework() {
    return Casework.builder(dir).clock(clock).user("advocate").build();
  }

  private static TakedownStore.NewNotice notice(String platform, LocalDate sent) {
    return new TakedownStore.NewNotice(
        "alice", platform, sent, List.of("https://weibo.example/p/1"), List.of(), null);
  }

  @Test
  void noticeThirtyDaysAgoNoAnswer_art1197CitesTheDayAndTheComplaintStatesIt() throws Exception {
    Casework cw = casework();
    Cases cases = cw.cases();
    cases.create("alice");
    Takedowns t = new Takedowns(cw.workspace().takedowns());
    t.recordNotice(notice("微博", LocalDate.of(2026, 11, 6)));
    CaseInputs in;
    String merged;
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS, "intake.yaml", locker);
      merged =
          cases.withTracker("alice", cases.factsText("alice", locker).orElseThrow(), cw.today());
      in = cases.inputs("alice", locker);
    }
    assertThat(Casework.readFacts(merged, "merged").get("platform_notice.source"))
        .isEqualTo("takedown_tracker");
    Finding f =
        cw.assess(Casework.readFacts(merged, "merged"), cw.today())
            .findings()
            .finding("CN-CC-1197")
            .orElseThrow();
    assertThat(f.status()).isEqualTo("applies");
    assertThat(f.explanation().zh())
        .contains("平台“微博”于2026年11月6日收到删除通知（据删除跟踪记录），截至2026年12月6日已30日未采取必要措施");

    String complaint =
        Documents.builder()
            .date(cw.today())
            .build()
            .plainText(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, in);
    assertThat(complaint)
        .contains("原告已于2026年11月6日依照")
        .contains("第一千一百九十五条通知网络服务提供者“微博”")
        .contains("截至2026年12月6日，已逾30日，该网络服务提供者仍未采取必要措施。");
    String elements =
        Documents.builder()
            .date(cw.today())
            .layout(Documents.Layout.ELEMENTS)
            .build()
            .plainText(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, in);
    assertThat(elements).contains("2026年11月6日", "已逾30日");
  }

  @Test
  void platformBlocked_findingSaysWhenAndTheComplaintHasNoDaysWithoutAction() throws Exception {
    Casework cw = casework();
    Cases cases = cw.cases();
    cases.create("alice");
    Takedowns t = new Takedowns(cw.workspace().takedowns());
    t.recordNotice(notice("微博", LocalDate.of(2026, 11, 6)));
    t.recordAnswer(
        new TakedownStore.NewAnswer(
            "alice",
            "微博",
            LocalDate.of(2026, 11, 9),
            TakedownStore.AnswerKind.BLOCKED,
            TakedownStore.Source.HAND,
            null,
            "",
            null),
        null,
        null);
    assertThat(t.noticeFacts("alice", cw.today()))
        .contains(
            new Takedowns.NoticeFacts(
                "微博", LocalDate.of(2026, 11, 6), true, LocalDate.of(2026, 11, 9)));
    CaseInputs in;
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS, "intake.yaml", locker);
      in = cases.inputs("alice", locker);
    }
    String complaint =
        Documents.builder()
            .date(cw.today())
            .build()
            .plainText(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, in);
    assertThat(complaint).contains("于2026年11月9日采取了措施").doesNotContain("仍未采取必要措施");
  }

  @Test
  void noNotice_factsUnchanged() throws Exception {
    Casework cw = casework();
    cw.cases().create("alice");
    assertThat(cw.cases().withTracker("alice", FACTS, cw.today())).isEqualTo(FACTS);
  }
}
