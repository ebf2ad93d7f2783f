package org.redress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
  @TempDir Path tmp;

  private static SpreadReport read(String text) throws ReportException {
    return ReportJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "r");
  }

  @Test
  void write_thenRead_givesTheSameReportAndText() throws Exception {
    SpreadReport r = Samples.report();
    Path f = tmp.resolve("r.json");
    ReportJson.write(r, f);
    SpreadReport back = ReportJson.read(f);
    assertThat(back).isEqualTo(r);
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(ReportJson.toText(back));
    assertThat(ReportJson.toText(r))
        .contains(
            "\"matched_items\" : 1",
            "\"first_act\" : " + "\"2026-02-03\"",
            "\"locator\" : \"telegram:chat/42/message/7\"")
        .endsWith("}\n");
  }

  @Test
  void write_thenRead_readFactsAndTheirProvenanceRoundTrip() throws Exception {
    SpreadReport withRead = Samples.reportWithRead();
    String text = ReportJson.toText(withRead);
    assertThat(read(text)).isEqualTo(withRead);
    assertThat(text).contains("\"clicks\" : 1200", "\"label_zh\" : \"从截图识别\"");
    assertThat(withRead.screenshotsMatched()).isTrue();
  }

  @Test
  void read_unknownKey_refusedWithItsPath() {
    String t =
        ReportJson.toText(Samples.report())
            .replace("\"matched_items\" : 1,", "\"matched_items\" : 1, \"matchd_items\" : 1,");
    assertThatThrownBy(() -> read(t))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("unknown key \"matchd_items\"")
        .hasMessageContaining("totals");
  }

  @Test
  void read_missingKey_refused() {
    String t = ReportJson.toText(Samples.report()).replace("\"posts_read\" : 5,", "");
    assertThatThrownBy(() -> read(t))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("missing key \"posts_read\" in totals");
  }

  @Test
  void read_wrongTypeOrDuplicateKey_refused() {
    String text = ReportJson.toText(Samples.report());
    assertThatThrownBy(() -> read(text.replace("\"posts_read\" : 5", "\"posts_read\" : \"5\"")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("posts_read");
    assertThatThrownBy(
            () ->
                read(
                    text.replace("\"posts_read\" : 5,", "\"posts_read\" : 5, \"posts_read\" : 6,")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("posts_read");
  }

  @Test
  void read_otherSchemaOrNotJson_refused() {
    String text = ReportJson.toText(Samples.report());
    assertThatThrownBy(() -> read(text.replace("spread-report@1", "spread-report@9")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("redress/spread-report@1");
    assertThatThrownBy(() -> read("{\"schema\":"))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void read_factsWithMisspeltOrZeroCount_refused() {
    String text = ReportJson.toText(Samples.report());
    assertThatThrownBy(() -> read(text.replace("\"first_act\"", "\"first_akt\"")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("facts.conduct.first_akt");
    assertThatThrownBy(() -> read(text.replace("\"images\" : 1", "\"images\" : 0")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void factsText_isAStandaloneFactsFile() {
    assertThat(ReportJson.factsText(Samples.report().facts()))
        .contains("\"schema\" : \"redress/case-facts@1\"", "\"counts\"", "\"images\" : 1")
        .doesNotContain("videos", "null");
  }
}
