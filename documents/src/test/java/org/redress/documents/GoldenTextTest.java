package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text layer of every document, compared with a golden file under {@code
 * src/test/resources/golden/<kind>.<lang>.<format>.txt}. After an intended change, regenerate with
 * {@code mvn -pl documents test -Dtest=GoldenTextTest -Dredress.golden.update=true} and review the
 * diff.
 */
class GoldenTextTest {
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("org.redress.documents.DocumentsTest#everyDocument")
  void text_sampleCase_matchesGoldenFile(DocumentKind kind, Lang lang, OutputFormat format)
      throws IOException {
    String actual = normalise(Rendered.text(kind, lang, format));
    String name = kind.id() + "." + lang.code() + "." + format.extension() + ".txt";
    if (Boolean.parseBoolean(System.getProperty("redress.golden.update"))) {
      Path dir = Path.of(System.getProperty("redress.golden.dir", "src/test/resources/golden"));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), actual, StandardCharsets.UTF_8);
      return;
    }
    var in = GoldenTextTest.class.getResourceAsStream("/golden/" + name);
    assertThat(in)
        .as("golden file " + name + " (generate with -Dredress.golden.update=true)")
        .isNotNull();
    String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(actual).isEqualTo(expected);
  }

  /** Trims lines, collapses runs of spaces, drops empty lines; ends with one newline. */
  static String normalise(String text) {
    return Arrays.stream(text.replace("\r\n", "\n").split("\n"))
        .map(l -> l.strip().replaceAll("[ \\t\\u00A0]+", " "))
        .filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
