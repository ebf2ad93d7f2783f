package org.redress.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseFactsTest {
  private static final String HEAD = "schema: redress/case-facts@1\n";

  @Test
  void parse_validYaml_readsTypedValues() {
    CaseFacts f =
        TestSchema.facts(
            HEAD
                + "conduct: {first_act: 2026-02-03}\n"
                + "acts: {covert_filming: true}\ndistribution: {counts: {videos: 20}}\n");
    assertThat(f.get("acts.covert_filming")).isEqualTo(true);
    assertThat(f.get("distribution.counts.videos").toString()).isEqualTo("20");
    assertThat(f.conductDate()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(f.get("acts.peeping")).isNull();
  }

  @Test
  void parse_json_isAccepted() {
    CaseFacts f =
        TestSchema.facts(
            "{\"schema\":\"redress/case-facts@1\","
                + "\"conduct\":{\"first_act\":\"2026-02-03\",\"last_act\":\"2026-03-01\"}}");
    assertThat(f.conductDate()).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void parse_unknownKey_namesTheNearestValidKey() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "acts: {covert_filmng: true}\n"))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessage("unknown key acts.covert_filmng; did you mean acts.covert_filming?");
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "distribution: {count: {videos: 1}}\n"))
        .hasMessage("unknown key distribution.count; did you mean distribution.counts?");
  }

  @Test
  void parse_wrongType_namesTheField() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "acts: {peeping: 'yes'}\n"))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessage("acts.peeping: expected true or false, was \"yes\"");
  }

  @Test
  void parse_negativeCount_isRejected() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "distribution: {counts: {videos: -1}}\n"))
        .hasMessage("distribution.counts.videos: must not be negative, was -1");
  }

  @Test
  void parse_impossibleDate_isRejected() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "conduct: {first_act: 2026-02-30}\n"))
        .hasMessageStartingWith("conduct.first_act: expected an ISO date");
  }

  @Test
  void parse_lastActBeforeFirstAct_isRejected() {
    assertThatThrownBy(
            () ->
                TestSchema.facts(HEAD + "conduct: {first_act: 2026-02-03, last_act: 2026-01-01}\n"))
        .hasMessage("conduct.last_act: 2026-01-01 is before conduct.first_act 2026-02-03");
  }

  @Test
  void parse_badEnum_suggestsTheNearestWord() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "perpetrator: {relation: formerpartner}\n"))
        .hasMessageContaining("did you mean former_partner?");
  }

  @Test
  void parse_malformedYaml_isOneLine() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "acts: {covert_filming: true\n"))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageStartingWith("malformed YAML/JSON at line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void parse_wrongSchema_isRejected() {
    assertThatThrownBy(() -> TestSchema.facts("schema: redress/case-facts@2\n"))
        .hasMessageContaining("schema: expected \"redress/case-facts@1\"");
  }

  @Test
  void conductDate_missingFirstAct_isAnErrorNamingTheField() {
    CaseFacts f = TestSchema.facts(HEAD);
    assertThatThrownBy(f::conductDate)
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageStartingWith("conduct.first_act: missing");
  }

  // Regression (issue 11): assess accepted 1234.50 while doc refused it; one reader now decides.
  @Test
  void parse_decimalMedicalCosts_isAnAmountOfMoneyWithItsCents() {
    CaseFacts f =
        TestSchema.facts(
            HEAD + "conduct: {first_act: 2026-02-03}\nharm: {medical_costs_cny: 1234.50}\n");
    assertThat((java.math.BigDecimal) f.get("harm.medical_costs_cny"))
        .isEqualByComparingTo("1234.50");
  }

  @Test
  void parse_decimalCount_isRefusedNamingTheKey() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "distribution: {counts: {videos: 2.5}}\n"))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessage("distribution.counts.videos: expected a whole number, was 2.5");
  }

  // Regression (issue 11): a misspelt key is refused with a hint, never dropped silently.
  @Test
  void parse_misspeltNestedKey_isRefusedWithTheFieldAndAHint() {
    InvalidFactsException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidFactsException.class,
            () -> TestSchema.facts(HEAD + "harm: {medical_cost_cny: 10}\n"));
    assertThat(e.field()).isEqualTo("harm.medical_cost_cny");
    assertThat(e.getMessage()).endsWith("did you mean harm.medical_costs_cny?");
  }

  @Test
  void parse_renamedKey_saysWhatItIsCalledNow() {
    assertThatThrownBy(() -> TestSchema.facts(HEAD + "acts: {hidden_camera: true}\n"))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessage(
            "key acts.hidden_camera was renamed to acts.disguised_device; rename it in the facts"
                + " file");
  }
}
