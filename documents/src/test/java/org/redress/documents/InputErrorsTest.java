package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing or malformed inputs fail with one line naming the file and the field. (Facts files are
 * judged by the legal engine's reader: see {@link FactsLikeAssessTest}.)
 */
class InputErrorsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path facts() throws IOException {
    return write("facts.yaml", "schema: redress/case-facts@1\nas_of: 2026-11-24\n");
  }

  @Test
  void read_missingFactsFile_namesTheFile() {
    Path f = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> CaseInputs.files(f).read())
        .isInstanceOf(InputException.class)
        .hasMessage(f + ": no such file");
  }

  private static final String FINDING =
      "{\"provision\":\"CN-CL-246\",\"route\":\"criminal\",\"status\":\"possible\","
          + "\"authority\":{\"zh\":\"法院\",\"en\":\"court\"},"
          + "\"explanation\":{\"zh\":\"说明\",\"en\":\"why\"}}";

  private static String findings(String... entries) {
    return "{\"schema\":\"redress/findings@1\",\"as_of\":\"2026-11-24\",\"findings\":["
        + String.join(",", entries)
        + "]}";
  }

  @Test
  void read_findingWithoutProvision_namesTheIndexAsTheLawCodecDoes() throws IOException {
    Path fi =
        write(
            "findings.json",
            findings(FINDING, FINDING.replace("\"provision\":\"CN-CL-246\",", "")));
    String codec = codecMessage(fi);
    assertThat(codec).isEqualTo("findings[1].provision: missing");
    assertThatThrownBy(() -> CaseInputs.files(facts()).findings(fi).read())
        .isInstanceOf(InputException.class)
        .hasMessage(fi + ": " + codec);
  }

  @Test
  void read_findingWithUnknownStatus_listsTheValidOnes() throws IOException {
    Path fi = write("findings.json", findings(FINDING.replace("possible", "maybe")));
    assertThatThrownBy(() -> CaseInputs.files(facts()).findings(fi).read())
        .hasMessageStartingWith(fi + ": findings[0].status: must be one of")
        .hasMessageEndingWith(", was \"maybe\"");
  }

  private static String codecMessage(Path file) throws IOException {
    try {
      org.redress.law.Assessment.parse(Files.readString(file, StandardCharsets.UTF_8));
      throw new AssertionError("the law codec accepted " + file);
    } catch (org.redress.law.InvalidAssessmentException e) {
      return e.getMessage();
    }
  }

  @Test
  void read_reportOccurrenceWithoutHash_saysWhatTheReportCodecSays() throws IOException {
    String sample = Files.readString(SampleCase.file("spread-report.json"), StandardCharsets.UTF_8);
    int at = sample.indexOf("\"sha256\"");
    int end = sample.indexOf('\n', at);
    Path r = write("report.json", sample.substring(0, at) + sample.substring(end + 1));
    String codec;
    try {
      org.redress.report.ReportJson.read(r);
      throw new AssertionError("the report codec accepted " + r);
    } catch (org.redress.report.ReportException e) {
      codec = e.getMessage();
    }
    assertThat(codec).startsWith(r + ": ").contains("sha256");
    assertThatThrownBy(() -> CaseInputs.files(facts()).report(r).read())
        .isInstanceOf(InputException.class)
        .hasMessage(codec);
  }

  @Test
  void read_manifestWithBadHash_namesTheEntry() throws IOException {
    Path m =
        write(
            "manifest.json",
            "{\"format\":\"redress-evidence-package/1\",\"entries\":["
                + "{\"leaf_index\":0,\"leaf\":{\"type\":\"add\",\"item\":0,\"sha256\":\"xyz\"}}]}");
    assertThatThrownBy(() -> CaseInputs.files(facts()).evidence(m).read())
        .hasMessage(m + ": field 'entries[0].leaf.sha256' must be 64 hex digits, was \"xyz\"");
  }

  @Test
  void read_packageThatDoesNotVerify_isRefusedNotQuoted() throws IOException {
    // A ZIP holding a manifest but no checkpoint or proofs: its hashes cannot be verified, so no
    // document may quote them (issue 17 point 2).
    Path z = dir.resolve("package.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(z))) {
      out.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
      out.write(Files.readAllBytes(SampleCase.file("evidence-manifest.json")));
      out.closeEntry();
    }
    assertThatThrownBy(() -> CaseInputs.files(facts()).evidence(z).read())
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(z + ": the evidence package did not verify: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void read_bareManifest_readsTheCorrectedItems() throws IOException {
    CaseInputs in =
        CaseInputs.files(facts()).evidence(SampleCase.file("evidence-manifest.json")).read();
    String md = SampleCase.documents().markup(DocumentKind.EVIDENCE_LIST, Lang.EN, in);
    for (String h : DocumentsTest.MANIFEST_HASHES) {
      assertThat(md).contains(h);
    }
    // item 1 was corrected: its new metadata (the note) is what the Chinese list shows
    String zh = SampleCase.documents().markup(DocumentKind.EVIDENCE_LIST, Lang.ZH, in);
    assertThat(zh).contains("证明涉案图片于2026年3月2日在");
  }

  @Test
  void read_partiesWithBadField_neverQuotesTheValue() throws IOException {
    Path p =
        write(
            "parties.yaml",
            "schema: redress/parties@1\nvictim:\n  name: 王秘密\n  birth_date: secret-1999\n");
    assertThatThrownBy(() -> CaseInputs.files(facts()).parties(p).read())
        .hasMessage(p + ": field 'victim.birth_date' must be a date YYYY-MM-DD")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "王秘密"));
  }

  @Test
  void read_malformedParties_givesOnlyThePosition() throws IOException {
    Path p = write("parties.yaml", "schema: redress/parties@1\nvictim: {name: \"王秘密\n");
    assertThatThrownBy(() -> CaseInputs.files(facts()).parties(p).read())
        .hasMessageStartingWith(p + ": not valid YAML at line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("王秘密"));
  }
}
