package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demo_freshWorkspace_runsTheWholePipelineOnGeneratedData() throws IOException {
    CliRun r = new CliWorkspace(tmp).ok("demo");
    Path demo = tmp.resolve("demo");
    // Matching a folder of edited copies.
    assertThat(r.out()).contains("15 of 15 edited copies recognised");
    assertThat(r.out()).contains("the unrelated picture was correctly not matched");
    // The scan finds exactly the copies the generator planted as findable.
    JsonNode planted = new ObjectMapper().readTree(demo.resolve("export/planted.json").toFile());
    JsonNode report =
        new ObjectMapper().readTree(demo.resolve("report/spread-report.json").toFile());
    long findable = planted.path("totals").path("victim_copies_pdq_findable").asLong();
    assertThat(findable).isPositive();
    assertThat(report.path("totals").path("posts_with_matches").asLong()).isEqualTo(findable);
    assertThat(demo.resolve("report/spread-report.html")).isRegularFile();
    // A generated screenshot: her picture found by region; a captured page sealed with its
    // counters read as facts.
    assertThat(r.out()).contains("her picture found in region x,y,w,h = ");
    assertThat(r.out()).contains("sealed", "subscribers 12300, largest view count 15300");
    assertThat(demo.resolve("report/capture-report.json")).isRegularFile();
    // Evidence sealed, exported and verified offline.
    assertThat(r.out()).contains("preserved " + findable + " matched file(s)");
    assertThat(r.out()).contains("VERIFIED");
    // The plan comes from the scan's facts plus the intake, and the counts read from the
    // screenshot and the captured page (the export's images plus the page's one copy; the
    // largest read view and subscriber counts, marked as read from the screenshot).
    JsonNode facts = new ObjectMapper().readTree(demo.resolve("facts.json").toFile());
    JsonNode page =
        new ObjectMapper().readTree(demo.resolve("report/capture-report.json").toFile());
    assertThat(facts.path("distribution").path("counts").path("images").asLong())
        .isEqualTo(
            report.path("facts").path("distribution").path("counts").path("images").asLong()
                + page.path("facts").path("distribution").path("counts").path("images").asLong());
    // (without Tesseract the demo says so on an "OCR:" line and reads no count from the
    // screenshot; scripts/test.sh installs it and requires it)
    if (!r.out().contains("   OCR: ") || Boolean.getBoolean("redress.ocr.required")) {
      assertThat(
              facts
                  .path("facts_provenance")
                  .path("distribution.counts.clicks")
                  .path("read_from")
                  .asText())
          .isEqualTo("screenshot");
      assertThat(r.out())
          .contains("distribution.counts.clicks = ")
          .contains("read from a screenshot, unconfirmed")
          .contains("unconfirmed in the assessment: distribution.counts.clicks = ");
    }
    assertThat(r.out()).contains("Report to the police").contains("Time limits");
    assertThat(demo.resolve("plan.zh.txt")).isRegularFile();
    // Every document kind, both languages and formats (the foreign platform's notice in English
    // only), and the 12377 report as plain text too.
    try (Stream<Path> docs = Files.list(demo.resolve("documents"))) {
      assertThat(docs.map(p -> p.getFileName().toString()))
          .hasSize(org.redress.documents.DocumentKind.values().length * 4)
          .contains("police-report.zh.pdf", "takedown-notice.en.docx", "evidence-list.zh.docx");
    }
    // The demo can be run again: it replaces its own folder.
    new CliWorkspace(tmp).ok("demo");
  }
}
