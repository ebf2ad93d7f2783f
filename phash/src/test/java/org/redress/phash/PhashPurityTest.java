package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hashing core must stay compilable to WebAssembly by TeaVM so the browser hashes with this
 * very code: no AWT, no reflection, no locale-dependent formatting. Checked on the compiled
 * classes' constant pools, where every referenced class and method is named.
 */
class PhashPurityTest {
  private static final List<String> BANNED =
      List.of(
          "java/awt/",
          "javax/imageio/",
          "java/lang/reflect/",
          "java/util/Locale",
          "java/util/Formatter",
          "java/lang/invoke/StringConcatFactory",
          "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;");

  @Test
  void compiledCore_referencesNothingTeaVmCannotCompile() throws IOException, URISyntaxException {
    Path classes = Path.of(Pdq.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> problems = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        checked++;
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String b : BANNED) {
          if (text.contains(b)) {
            problems.add(classes.relativize(f) + " references " + b);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }
}
