package org.redress.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A closed OCR reader leaves Tesseract's model cache empty, so a process that read a screenshot
 * exits without Tesseract's "ObjectCache … LEAK!" lines (which the demo used to print).
 */
class ScreenTextExitTest {
  private static String run(String mode) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    OcrExitMain.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void close_afterReading_processExitsWithoutLeakWarning() throws Exception {
    Assumptions.assumeTrue(
        ScreenText.unavailable().isEmpty() || Boolean.getBoolean("redress.ocr.required"),
        "Tesseract not installed");
    assertThat(run("keep")).as("the warning this test guards against").contains("LEAK");
    assertThat(run("close")).doesNotContain("LEAK");
  }
}
