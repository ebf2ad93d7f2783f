package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAllTest {
  @TempDir Path dir;

  @Test
  void writeAll_sampleCase_writesEveryKindLanguageAndFormatAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("documents");
    List<Path> files = SampleCase.documents().writeAll(SampleCase.factsOnly(), out);
    // Two languages and two formats each, the foreign platform's notice in English only, and
    // the 12377 report also as plain text in each language.
    assertThat(files).hasSize(DocumentKind.values().length * 4 - 2 + 2);
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(
              files.stream().map(p -> p.getFileName().toString()).sorted().toList())
          .contains("police-report.zh.pdf", "assessment.en.docx")
          .noneMatch(n -> n.startsWith("."));
    }
  }
}
