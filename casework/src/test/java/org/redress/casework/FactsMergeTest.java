package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.report.CaseFactsFragment;
import org.redress.report.SpreadReport;

class FactsMergeTest {
  static final LocalDate AS_OF = LocalDate.parse("2026-03-20");
  static final String INTAKE =
      "schema: redress/case-facts@1\n"
          + "conduct: {first_act: 2026-01-20}\n"
          + "acts: {covert_filming: true}\n"
          + "distribution: {shared: false, counts: {images: 2}}\n";

  /** A report whose facts show these files and ad posts. */
  static SpreadReport report(LocalDate first, LocalDate last, List<String> images, long ads) {
    CaseFactsFragment f =
        new CaseFactsFragment(
            first,
            last,
            true,
            true,
            images.isEmpty() ? null : (long) images.size(),
            null,
            ads == 0 ? null : ads,
            null,
            null);
    List<SpreadReport.FactTrace> trace = new java.util.ArrayList<>();
    if (!images.isEmpty()) {
      trace.add(
          new SpreadReport.FactTrace(
              "distribution.counts.images",
              images.size(),
              "r",
              List.of("chat 1 message 1"),
              1,
              images,
              null));
    }
    if (ads > 0) {
      List<String> refs = new java.util.ArrayList<>();
      for (long i = 0; i < ads; i++) {
        refs.add("chat 9 message " + i);
      }
      trace.add(new SpreadReport.FactTrace("trade.ad_posts", ads, "r", refs, ads, null, null));
    }
    SpreadReport.Totals t =
        new SpreadReport.Totals(
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, ads);
    return SpreadReport.builder("test", Instant.EPOCH)
        .totals(t)
        .trade(new SpreadReport.Trade(ads, "1", Map.of(), Map.of(), List.of(), 50, 0, List.of()))
        .facts(f)
        .factsTrace(trace)
        .build();
  }

  @Test
  void merge_datesWiden_countsAreDistinctFilesAcrossReports_largerKept() throws Exception {
    SpreadReport a =
        report(
            LocalDate.parse("2026-02-03"),
            LocalDate.parse("2026-02-07"),
            List.of("a".repeat(64), "b".repeat(64), "c".repeat(64)),
            2);
    SpreadReport b =
        report(
            LocalDate.parse("2026-01-25"),
            LocalDate.parse("2026-03-01"),
            List.of("c".repeat(64), "d".repeat(64)),
            1);
    FactsMerge.Result r = FactsMerge.merge(INTAKE, "intake.yaml", List.of(a, b), AS_OF);
    assertThat(r.facts().get("conduct.first_act")).isEqualTo(LocalDate.parse("2026-01-20"));
    assertThat(r.facts().get("conduct.last_act")).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(((Number) r.facts().get("distribution.counts.images")).longValue()).isEqualTo(4);
    assertThat(((Number) r.facts().get("trade.ad_posts")).longValue()).isEqualTo(2);
    assertThat(r.facts().get("distribution.shared")).isEqualTo(true);
    assertThat(r.facts().get("acts.covert_filming")).isEqualTo(true);
    assertThat(r.facts().asOf()).contains(AS_OF);
    assertThat(r.conflicts())
        .extracting(FactsMerge.Conflict::key)
        .containsExactly("distribution.shared", "distribution.counts.images");
    assertThat(r.conflicts().get(1).kept()).isEqualTo("4");
  }

  /** A report with a view count read from a screenshot as its clicks. */
  static SpreadReport withReadClicks(long clicks) {
    SpreadReport r =
        report(LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-03"), List.of(), 0);
    return r.toBuilder()
        .facts(r.facts().withRead(clicks, null))
        .factsProvenance(
            Map.of(
                "distribution.counts.clicks",
                new SpreadReport.Provenance("screenshot", "从截图识别", 0.9, "/case/shot-1.png")))
        .build();
  }

  @Test
  void merge_clicksReadFromAScreenshot_keptWithTheirProvenance() throws Exception {
    FactsMerge.Result r =
        FactsMerge.merge(INTAKE, "i", List.of(withReadClicks(900), withReadClicks(12000)), AS_OF);
    assertThat(((Number) r.facts().get("distribution.counts.clicks")).longValue()).isEqualTo(12000);
    assertThat(r.facts().get("facts_provenance.distribution.counts.clicks.read_from"))
        .isEqualTo("screenshot");
    assertThat(r.facts().get("facts_provenance.distribution.counts.clicks.source"))
        .isEqualTo("/case/shot-1.png");
    // the merged file is read back by every command with the same strict reader
    assertThat(
            Facts.parse(r.json(), "merged")
                .get("facts_provenance.distribution.counts.clicks.read_from"))
        .isEqualTo("screenshot");
  }

  @Test
  void merge_intakeClicksLargerThanRead_intakeKeptWithoutReadProvenance() throws Exception {
    String intake = INTAKE.replace("counts: {images: 2}", "counts: {images: 2, clicks: 50000}");
    FactsMerge.Result r = FactsMerge.merge(intake, "i", List.of(withReadClicks(12000)), AS_OF);
    assertThat(((Number) r.facts().get("distribution.counts.clicks")).longValue()).isEqualTo(50000);
    assertThat(r.facts().get("facts_provenance.distribution.counts.clicks.read_from")).isNull();
    assertThat(r.conflicts())
        .anySatisfy(c -> assertThat(c.key()).isEqualTo("distribution.counts.clicks"));
  }

  @Test
  void merge_intakeCountLarger_keptAndNoted() throws Exception {
    String intake = INTAKE.replace("images: 2", "images: 9");
    FactsMerge.Result r =
        FactsMerge.merge(
            intake,
            "i",
            List.of(
                report(
                    LocalDate.parse("2026-02-03"),
                    LocalDate.parse("2026-02-03"),
                    List.of("a".repeat(64)),
                    0)),
            AS_OF);
    assertThat(((Number) r.facts().get("distribution.counts.images")).longValue()).isEqualTo(9);
    assertThat(r.conflicts()).anySatisfy(c -> assertThat(c.reports()).isEqualTo("1"));
  }

  @Test
  void merge_misspeltIntakeKey_refusedNamingFileAndNearestKey() {
    String bad = INTAKE.replace("covert_filming", "covert_filmng");
    assertThatThrownBy(() -> FactsMerge.merge(bad, "intake.yaml", List.of(), AS_OF))
        .isInstanceOf(CaseworkException.class)
        .hasMessageStartingWith("intake.yaml: ")
        .hasMessageContaining("covert_filmng")
        .hasMessageContaining("acts.covert_filming");
  }

  @Test
  void scanId_sameInputsInAnyOrder_sameResumeFile() {
    WorkspaceLayout l = new WorkspaceLayout(java.nio.file.Path.of("/w"));
    var a = java.nio.file.Path.of("/x/a");
    var b = java.nio.file.Path.of("/x/b");
    assertThat(l.scanCache(List.of(a, b)).toString())
        .isEqualTo(l.scanCache(List.of(b, a)).toString())
        .startsWith("/w/scans/");
  }
}
