package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {
  @TempDir Path dir;

  private Path example() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("contract-example.yaml")) {
      Path p = dir.resolve("facts.yaml");
      Files.write(p, in.readAllBytes());
      return p;
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void assess_contractExample_printsAChinesePlanWithTheNotice() throws IOException {
    CliRun r = CliRun.ok("assess", example().toString());
    assertThat(r.out())
        .contains("不构成法律意见")
        .contains("向公安机关报案")
        .contains("《中华人民共和国治安管理处罚法》（2025年修订）第五十条第一款第（六）项")
        .contains("2026年11月20日")
        .contains("12377")
        .doesNotContain("CN-PSAPL");
  }

  @Test
  void assess_english_printsRoutesDeadlinesAndUnconfirmed() throws IOException {
    CliRun r = CliRun.ok("assess", example().toString(), "--lang", "en");
    assertThat(r.out())
        .contains("not legal advice")
        .contains("What to do, in order")
        .contains("Time limits")
        .contains("UNCONFIRMED");
  }

  @Test
  void assess_json_isFindingsAtOneWithOneFindingPerProvision() throws IOException {
    CliRun r = CliRun.ok("assess", example().toString(), "--json");
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schema").asText()).isEqualTo("redress/findings@1");
    assertThat(root.get("as_of").asText()).isEqualTo("2026-11-24");
    JsonNode privacy = null;
    for (JsonNode f : root.get("findings")) {
      if (f.get("provision").asText().equals("CN-PSAPL-2025-50")) {
        privacy = f;
      }
    }
    assertThat(privacy).isNotNull();
    assertThat(privacy.get("status").asText()).isEqualTo("applies");
    assertThat(privacy.get("deadline").get("date").asText()).isEqualTo("2026-11-20");
    assertThat(privacy.get("deadline").get("stopped_on").asText()).isEqualTo("2026-06-01");
  }

  @Test
  void assess_asOfFlag_overridesTheFactsDate() throws IOException {
    CliRun r = CliRun.of("assess", example().toString(), "--json", "--as-of", "2027-01-01");
    assertThat(new ObjectMapper().readTree(r.out()).get("as_of").asText()).isEqualTo("2027-01-01");
  }

  @Test
  void assess_unknownKey_isOneLineNamingTheNearestKey_exit1() throws IOException {
    Path p =
        write(
            "bad.yaml",
            "schema: redress/case-facts@1\nconduct: {first_act: 2026-02-01}\n"
                + "acts: {covert_filmng: true}\n");
    CliRun r = CliRun.of("assess", p.toString());
    assertThat(r.exit()).as("bad input data: exit 1").isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "redress: "
                + p
                + ": unknown key acts.covert_filmng; did you mean acts.covert_filming?");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void assess_malformedYaml_isOneLine_exit1() throws IOException {
    Path p = write("bad.yaml", "schema: redress/case-facts@1\nacts: {covert_filming: true\n");
    CliRun r = CliRun.of("assess", p.toString());
    assertThat(r.exit()).as("bad input data: exit 1").isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("redress: " + p + ": malformed YAML/JSON at line")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void assess_negativeCount_namesTheField_exit1() throws IOException {
    Path p =
        write(
            "bad.json",
            "{\"schema\":\"redress/case-facts@1\","
                + "\"conduct\":{\"first_act\":\"2026-02-01\"},"
                + "\"distribution\":{\"counts\":{\"videos\":-3}}}");
    CliRun r = CliRun.of("assess", p.toString());
    assertThat(r.exit()).as("bad input data: exit 1").isEqualTo(1);
    assertThat(r.err()).contains("distribution.counts.videos: must not be negative, was -3");
  }

  @Test
  void assess_badAsOfDate_exit2() throws IOException {
    CliRun r = CliRun.of("assess", example().toString(), "--as-of", "2026-13-01");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--as-of: expected an ISO date (YYYY-MM-DD), was \"2026-13-01\"");
  }

  @Test
  void assess_lastActBeforeFirstAct_exit1() throws IOException {
    Path p =
        write(
            "bad.yaml",
            "schema: redress/case-facts@1\n"
                + "conduct: {first_act: 2026-02-01, last_act: 2026-01-01}\n");
    CliRun r = CliRun.of("assess", p.toString());
    assertThat(r.exit()).as("bad input data: exit 1").isEqualTo(1);
    assertThat(r.err()).contains("conduct.last_act: 2026-01-01 is before conduct.first_act");
  }

  @Test
  void assess_unknownLanguage_exit2() throws IOException {
    CliRun r = CliRun.of("assess", example().toString(), "--lang", "fr");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--lang: expected zh or en");
  }

  @Test
  void assess_missingFile_exit1() {
    CliRun r = CliRun.of("assess", dir.resolve("nope.yaml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void assess_decimalMedicalCosts_isAcceptedAsAnAmount() throws IOException {
    Path p =
        write(
            "costs.yaml",
            "schema: redress/case-facts@1\n"
                + "conduct: {first_act: 2026-02-01}\nacts: {covert_filming: true}\n"
                + "harm: {medical_costs_cny: 1234.50}\n");
    CliRun r = CliRun.ok("assess", p.toString(), "--json", "--as-of", "2026-03-01");
    assertThat(r.out()).contains("\"plan\"");
  }
}
