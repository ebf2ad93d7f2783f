package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.law.InvalidFactsException;
import org.redress.lawcn.ChineseLaw;

/**
 * Issue 11's disagreements: {@code redress doc} reads a facts file through the legal engine's
 * reader, so it accepts and refuses exactly what {@code redress assess} does, with the same message
 * (the CLI adds the same file prefix and exit code to both).
 */
class FactsLikeAssessTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("facts.yaml"), text, StandardCharsets.UTF_8);
  }

  private static Optional<String> assess(String text) {
    try {
      ChineseLaw.jurisdiction().parseFacts(text);
      return Optional.empty();
    } catch (InvalidFactsException e) {
      return Optional.of(e.getMessage());
    }
  }

  private Optional<String> doc(Path f) {
    try {
      CaseInputs.files(f).read();
      return Optional.empty();
    } catch (InvalidFactsException e) {
      return Optional.of(e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schema: redress/case-facts@1\nas_of: [2026\n",
        "schema: redress/case-facts@1\nacts:\n  covert_filming: true\n",
        "{\"schema\": \"redress/findings@1\", \"as_of\": \"2026-11-24\"}",
        "schema: redress/case-facts@1\ndistribution:\n  counts:\n    videos: many\n",
        "schema: redress/case-facts@1\nconduct:\n  first_act: 2026-05-01\n  last_act: 2026-04-01\n",
        "schema: redress/case-facts@1\nacts:\n  covert_filming: true\n  covert_filming: false\n",
        "{\"schema\":\"redress/case-facts@1\",\"as_of\":\"2026-11-24\"} x",
        "schema: redress/case-facts@1\nacts:\n  covert_filmng: true\n",
        "schema: redress/case-facts@1\nharm:\n  medical_costs_cny: 1234.50\n",
        "schema: redress/case-facts@1\nharm:\n  medical_costs_cny: -5\n"
      })
  void read_anyFactsText_isJudgedExactlyAsAssessJudgesIt(String text) throws IOException {
    assertThat(doc(write(text))).isEqualTo(assess(text));
  }

  @Test
  void read_decimalMedicalCosts_isAcceptedAndClaimedToTheFen() throws IOException {
    Path f =
        write(
            "schema: redress/case-facts@1\nas_of: 2026-11-24\n"
                + "harm:\n  medical_costs_cny: 1234.50\n");
    CaseInputs in = CaseInputs.files(f).read();
    assertThat(SampleCase.documents().markup(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, in))
        .contains("人民币1,234.50元");
  }

  @Test
  void read_misspeltKey_isRefusedNamingIt() throws IOException {
    Path f = write("schema: redress/case-facts@1\nacts:\n  covert_filmng: true\n");
    assertThatThrownBy(() -> CaseInputs.files(f).read())
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageContaining("covert_filmng");
  }
}
