package org.redress.lawcn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.redress.law.Finding;
import org.redress.law.Jurisdiction;

/**
 * A number read from a screenshot or a captured page ({@code facts_provenance.<fact>.read_from}) is
 * used like any other, but every finding that uses it says it was read, not counted, and must be
 * checked against the original.
 */
class ReadFactsTest {
  private static final Jurisdiction CN = ChineseLaw.jurisdiction();

  private static String facts(String provenance) {
    return """
        schema: redress/case-facts@1
        conduct: {first_act: '2026-02-01'}
        victims: {count: 1, youngest_age: 24, female: true}
        acts: {covert_filming: true, filmed_sexual_activity: true, filmed_intimate_parts: true}
        distribution:
          shared: true
          online: true
          for_profit: true
          counts: {videos: 0, audio: 0, images: 0, clicks: 12000, paid_members: 0,
                   illegal_income_cny: 0}
          group: {role: none, members: 0, mainly_for_obscene: false}
          minors_under_14_depicted: false
          minors_under_18_depicted: false
          distributed_to_minors: false
        harm: {serious_mental_harm: false, self_harm_or_suicide: false}
        """
        + provenance;
  }

  private static Finding art363(String provenance) {
    return CN.assess(CN.parseFacts(facts(provenance)), LocalDate.parse("2026-03-01"))
        .findings()
        .finding("CN-CL-363")
        .orElseThrow();
  }

  @Test
  void assess_clicksReadFromAScreenshot_findingSaysReadAndToBeChecked() {
    Finding f =
        art363(
            """
            facts_provenance:
              distribution.counts.clicks: {read_from: screenshot, source: /case/shot-1.png}
            """);
    assertThat(f.status()).isEqualTo("applies");
    assertThat(f.explanation().zh()).contains("本认定所用的数字（12000）由截图识别，需核对原件。");
    assertThat(f.explanation().en()).contains("read from a screenshot by OCR, not counted");
    assertThat(f.unconfirmed())
        .contains("distribution.counts.clicks = 12000 was read from a screenshot");
  }

  @Test
  void assess_clicksReadFromACapturedPage_saysReadFromAPage() {
    Finding f =
        art363(
            """
            facts_provenance:
              distribution: {counts: {clicks: {read_from: captured_page, source: https://t.me/s/x}}}
            """);
    assertThat(f.explanation().zh()).contains("由网页识别，需核对原件");
  }

  @Test
  void assess_clicksCounted_noReadNote() {
    Finding f = art363("");
    assertThat(f.status()).isEqualTo("applies");
    assertThat(f.explanation().zh()).doesNotContain("需核对原件");
    assertThat(f.unconfirmed()).noneMatch(u -> u.contains("was read from"));
  }
}
