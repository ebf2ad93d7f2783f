package org.redress.documents;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;

/** The fictional sample case under {@code src/test/resources/sample-case/}. */
final class SampleCase {
  static final LocalDate DATE = LocalDate.of(2026, 11, 25);
  static final String GENERATOR = "Redress 0.1.0";

  private SampleCase() {}

  static Path dir() {
    try {
      return Path.of(SampleCase.class.getResource("/sample-case/facts.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static CaseInputs full() {
    return CaseInputs.files(file("facts.yaml"))
        .findings(file("findings.json"))
        .report(file("spread-report.json"))
        .evidence(file("evidence-manifest.json"))
        .parties(file("parties.yaml"))
        .read();
  }

  static CaseInputs factsOnly() {
    return CaseInputs.files(file("facts.yaml")).read();
  }

  static Documents documents() {
    return Documents.builder().date(DATE).generator(GENERATOR).build();
  }
}
