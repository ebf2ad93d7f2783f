package org.redress.lawcn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.redress.law.ActionPlan;
import org.redress.law.Assessment;
import org.redress.law.Finding;
import org.redress.law.Jurisdiction;

/**
 * Civil Code Art 1197 (a platform that knew and took no necessary measures is jointly liable with
 * the user): a notice under Art 1195 recorded in the takedown tracker ({@code platform_notice.*})
 * that the platform has not acted on settles "knew and did nothing"; without a notice it stays the
 * court's determination, a later step, as before.
 */
class PlatformNoticeTest {
  private static final Jurisdiction CN = ChineseLaw.jurisdiction();
  private static final LocalDate AS_OF = LocalDate.parse("2026-12-06");

  private static String facts(String notice) {
    return """
        schema: redress/case-facts@1
        conduct: {first_act: '2026-10-01'}
        victims: {count: 1, youngest_age: 24, female: true}
        acts: {covert_filming: true, filmed_intimate_parts: true}
        distribution: {shared: true, online: true, still_online: true}
        """
        + notice;
  }

  private static Assessment assess(String notice) {
    return CN.assess(CN.parseFacts(facts(notice)), AS_OF);
  }

  private static Finding art1197(String notice) {
    return assess(notice).findings().finding("CN-CC-1197").orElseThrow();
  }

  @Test
  void art1197_noticeThirtyDaysAgoNotActedOn_appliesAndCitesTheDate() {
    Finding f =
        art1197(
            """
            platform_notice: {notified_on: '2026-11-06', acted: false, platform: 微博,
                              source: takedown_tracker}
            """);
    assertThat(f.status()).isEqualTo("applies");
    assertThat(f.explanation().zh())
        .contains("平台“微博”于2026年11月6日收到删除通知（据删除跟踪记录），截至2026年12月6日已30日未采取必要措施。");
    assertThat(f.explanation().en()).contains("2026-11-06", "30 days later");
    assertThat(status(assess("platform_notice: {notified_on: '2026-11-06', acted: false}")))
        .isEqualTo(ActionPlan.Status.SUPPORTED);
  }

  @Test
  void art1197_noNotice_staysALaterStepForTheCourt() {
    Finding f = art1197("");
    assertThat(f.status()).isEqualTo("possible");
    assertThat(f.missing()).containsExactly("platform_knew");
    assertThat(f.explanation().zh()).doesNotContain("收到删除通知");
    assertThat(status(assess(""))).isEqualTo(ActionPlan.Status.LATER_STEP);
  }

  @Test
  void art1197_platformActed_isNotSettledByTheNotice() {
    Finding f =
        art1197(
            """
            platform_notice: {notified_on: '2026-11-06', acted: true, acted_on: '2026-11-08',
                              source: takedown_tracker}
            """);
    assertThat(f.status()).isEqualTo("possible");
    assertThat(f.missing()).containsExactly("platform_knew");
    assertThat(f.explanation().zh()).contains("于2026年11月6日收到删除通知，于2026年11月8日采取了措施");
  }

  private static ActionPlan.Status status(Assessment a) {
    return java.util.Objects.requireNonNull(a.plan()).actions().stream()
        .flatMap(x -> x.grounds().stream())
        .filter(g -> g.provision().equals("CN-CC-1197"))
        .findFirst()
        .orElseThrow()
        .status();
  }
}
