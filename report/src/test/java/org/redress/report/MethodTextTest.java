package org.redress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The false-match figure the report prints is the one docs/matching.md records, with its basis. */
class MethodTextTest {
  @Test
  void falseMatchFigure_equalsTheMeasurementRecordedInTheDocs() throws IOException {
    String doc = Files.readString(Path.of("../docs/matching.md"), StandardCharsets.UTF_8);
    assertThat(doc)
        .contains(
            String.format(
                Locale.ROOT,
                "| all queries | %,d | %d | %s %% (%s %%) |",
                MethodText.QUERIES,
                MethodText.FALSE_MATCHES,
                MethodText.percent(),
                MethodText.UPPER_PERCENT))
        .contains(String.format(Locale.ROOT, "%,d of %,d bank", MethodText.BANK, 1000))
        .contains("threshold " + MethodText.THRESHOLD)
        .contains("Outside that family, 0 of " + String.format(Locale.ROOT, "%,d", 2734))
        .contains("Run on 2026-12-06");
    assertThat(MethodText.QUERIES).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void html_methodSection_printsTheMeasuredRateWithItsBasis() {
    String h = ReportHtml.toText(Samples.report(), Map.of(), Times.BEIJING);
    assertThat(h)
        .contains("误匹配率（实测）")
        .contains("3,580张")
        .contains("721张")
        .contains("距离阈值31")
        .contains("1.15%")
        .contains("2026年12月6日（北京时间）")
        .contains("95% upper bound 1.48%")
        .doesNotContain("尚未", "not yet measured");
  }
}
