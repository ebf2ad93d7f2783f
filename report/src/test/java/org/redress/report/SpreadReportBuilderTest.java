package org.redress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadReportBuilderTest {
  private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

  private static SpreadReport.Totals zeroTotals() {
    SpreadReport.Seen seen = new SpreadReport.Seen(AT, "2026-03-01T10:00:00", false, 1, 1);
    return new SpreadReport.Totals(
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, seen, seen, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  private static SpreadReport.Trade noTrade() {
    return new SpreadReport.Trade(0, "1", Map.of(), Map.of(), List.of(), 50, 0, List.of());
  }

  @Test
  void build_onlyTotalsAndTrade_restIsEmptyAndReadsBack() throws Exception {
    SpreadReport r = SpreadReport.builder("test", AT).totals(zeroTotals()).trade(noTrade()).build();
    assertThat(r.schema()).isEqualTo(SpreadReport.SCHEMA);
    assertThat(r.generator()).isEqualTo("test");
    assertThat(r.generatedAt()).isEqualTo(AT);
    assertThat(r.partial()).isFalse();
    assertThat(r.banks()).isEmpty();
    assertThat(r.items()).isEmpty();
    assertThat(r.unchecked()).isEqualTo(SpreadReport.Unchecked.NONE);
    assertThat(r.unchecked().total()).isZero();
    assertThat(r.facts()).isEqualTo(CaseFactsFragment.NONE);
    assertThat(r.factsProvenance()).isEmpty();
    assertThat(ReportJson.read(new java.io.ByteArrayInputStream(bytes(r)), "r")).isEqualTo(r);
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualReport() {
    SpreadReport r = Samples.reportWithRead();
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void toBuilder_onePartChanged_onlyThatPartDiffers() {
    SpreadReport r = Samples.report();
    SpreadReport partial = r.toBuilder().partial(true).build();
    assertThat(partial.partial()).isTrue();
    assertThat(partial.toBuilder().partial(false).build()).isEqualTo(r);
  }

  @Test
  void build_withoutTotals_namesIt() {
    SpreadReport.Builder b = SpreadReport.builder("test", AT).trade(noTrade());
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("totals was not given");
  }

  @Test
  void build_withoutTrade_namesIt() {
    SpreadReport.Builder b = SpreadReport.builder("test", AT).totals(zeroTotals());
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trade was not given");
  }

  @Test
  void setter_null_refusedAtOnceNamingThePart() {
    SpreadReport.Builder b = SpreadReport.builder("test", AT);
    assertThatThrownBy(() -> b.factsTrace(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("facts_trace is missing or null");
    assertThatThrownBy(() -> SpreadReport.builder("test", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("generated_at is missing or null");
  }

  private static byte[] bytes(SpreadReport r) {
    return ReportJson.toText(r).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
