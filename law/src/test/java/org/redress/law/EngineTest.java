package org.redress.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engine mechanics on a small fictional law (IDs TEST-…), independent of the Chinese data. */
class EngineTest {
  private static String instrument(
      String id, String from, String to, String severity, String fine) {
    return "instrument:\n  id: "
        + id
        + "\n  title: {zh: 测试法, en: Test Act}\n"
        + "  version: {zh: "
        + id
        + ", en: "
        + id
        + "}\n"
        + "  in_force: {from: "
        + from
        + (to == null ? "" : ", to: " + to)
        + "}\n"
        + "  source: test\n  status: CONFIRMED\n  time_rule: lighter\n"
        + "provisions:\n"
        + "  - id: "
        + id
        + "-1\n    lineage: test.offence\n    article: {zh: 第一条, en: Art 1}\n"
        + "    status: CONFIRMED\n    source: test\n    text_zh: 测试条文\n    gloss_en: test\n"
        + "    kind: offence\n    route: administrative\n"
        + "    authority: {zh: 机关, en: authority}\n    explain: {zh: 说明, en: explanation}\n"
        + (severity == null
            ? ""
            : "    severity_vs_previous: {value: " + severity + ", status: DERIVED, note: test}\n")
        + "    elements:\n      - {id: filmed, cites: Art 1, when: \"acts.covert_filming\"}\n"
        + "    tiers:\n      - tier: basic\n        cites: Art 1\n"
        + "        penalty: {zh: 罚款, en: fine}\n        max: {fine_cny: "
        + fine
        + "}\n"
        + "    limitation: "
        + id
        + "-2\n"
        + "  - id: "
        + id
        + "-2\n    lineage: test.limit\n    article: {zh: 第二条, en: Art 2}\n"
        + "    status: CONFIRMED\n    source: test\n    text_zh: 时效\n    gloss_en: test\n"
        + "    kind: rule\n    limitation_rule:\n      type: discovery\n"
        + "      deadline_kind: police_discovery\n      period: {months: 6}\n"
        + "      stops: conduct.police_aware_on\n";
  }

  private static LawBook book(String newSeverity) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rules.yaml", read("synthetic.yaml"));
    files.put("old.yaml", instrument("TEST-2010", "2010-01-01", "2019-12-31", null, "500"));
    files.put("new.yaml", instrument("TEST-2020", "2020-01-01", null, newSeverity, "100"));
    return LawBook.load(files, TestSchema.SCHEMA);
  }

  private static String read(String name) {
    try (var in = EngineTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CaseFacts facts(String firstAct) {
    return TestSchema.facts(
        "schema: redress/case-facts@1\nconduct: {first_act: "
            + firstAct
            + ", police_aware_on: "
            + firstAct
            + "}\nacts: {covert_filming: true}\n");
  }

  @Test
  void assess_laterLawLighter_appliesTheLaterLawToEarlierConduct() {
    Findings f = new Engine(book("lighter")).assess(facts("2019-06-01"), LocalDate.of(2020, 3, 1));
    assertThat(f.findings()).extracting(Finding::provision).containsExactly("TEST-2020-1");
    assertThat(f.findings().get(0).penaltyMax().get("fine_cny").toString()).isEqualTo("100");
  }

  @Test
  void assess_laterLawHeavier_keepsTheLawAtTheTimeOfConduct() {
    Findings f = new Engine(book("heavier")).assess(facts("2019-06-01"), LocalDate.of(2020, 3, 1));
    assertThat(f.findings()).extracting(Finding::provision).containsExactly("TEST-2010-1");
  }

  @Test
  void assess_decidedBeforeTheChange_usesTheLawAtTheTime() {
    Findings f = new Engine(book("lighter")).assess(facts("2019-06-01"), LocalDate.of(2019, 7, 1));
    assertThat(f.findings()).extracting(Finding::provision).containsExactly("TEST-2010-1");
  }

  @Test
  void assess_conductBeforeAnyVersion_isReportedNotAssessed() {
    Findings f = new Engine(book("lighter")).assess(facts("2009-06-01"), LocalDate.of(2009, 7, 1));
    assertThat(f.findings()).isEmpty();
    assertThat(f.notAssessed())
        .extracting(Findings.NotAssessed::lineage)
        .containsExactly("test.offence");
    assertThat(f.notAssessed().get(0).reason()).contains("2009-06-01");
  }

  @Test
  void versionAt_dateNoVersionCovers_isAnError() {
    assertThatThrownBy(() -> book("lighter").versionAt("test.offence", LocalDate.of(2009, 12, 31)))
        .isInstanceOf(NoVersionException.class)
        .hasMessageContaining("test.offence")
        .hasMessageContaining("2009-12-31");
  }

  @Test
  void assess_asOfBeforeConduct_isRejected() {
    assertThatThrownBy(
            () -> new Engine(book("lighter")).assess(facts("2019-06-01"), LocalDate.of(2019, 1, 1)))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageContaining("as_of");
  }

  @Test
  void toJson_hasTheContractShapeAndTheNotice() {
    String json =
        new Engine(book("lighter")).assess(facts("2019-06-01"), LocalDate.of(2019, 7, 1)).toJson();
    assertThat(json)
        .contains("\"schema\" : \"redress/findings@1\"")
        .contains("\"status\" : \"applies\"")
        .contains("\"deadline\"")
        .contains("not legal advice");
  }

  @Test
  void load_overlappingVersions_isRejected() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rules.yaml", read("synthetic.yaml"));
    files.put("a.yaml", instrument("TEST-2010", "2010-01-01", "2020-06-30", null, "500"));
    files.put("b.yaml", instrument("TEST-2020", "2020-01-01", null, null, "100"));
    assertThatThrownBy(() -> LawBook.load(files, TestSchema.SCHEMA))
        .isInstanceOf(LawDataException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void load_conditionReadingAnUnknownFact_isRejectedWithTheNearestKey() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rules.yaml", read("synthetic.yaml"));
    files.put(
        "a.yaml",
        instrument("TEST-2010", "2010-01-01", null, null, "500")
            .replace("acts.covert_filming", "acts.covert_filmng"));
    assertThatThrownBy(() -> LawBook.load(files, TestSchema.SCHEMA))
        .isInstanceOf(LawDataException.class)
        .hasMessageContaining("acts.covert_filmng")
        .hasMessageContaining("acts.covert_filming");
  }

  @Test
  void load_unknownStatus_isRejected() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rules.yaml", read("synthetic.yaml"));
    files.put(
        "a.yaml",
        instrument("TEST-2010", "2010-01-01", null, null, "500")
            .replace("  status: CONFIRMED\n  time_rule", "  status: PROBABLY\n  time_rule"));
    assertThatThrownBy(() -> LawBook.load(files, TestSchema.SCHEMA))
        .isInstanceOf(LawDataException.class)
        .hasMessageContaining("PROBABLY");
  }
}
