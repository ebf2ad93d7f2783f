package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demo_freshWorkspace_runsEveryStepAndVerifiesItsPackage() {
    CliRun r = CliRun.of("demo", "--workspace", tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("15 of 15 edited copies recognised");
    assertThat(r.out()).contains("the unrelated picture was correctly not matched");
    assertThat(r.out()).contains("VERIFIED");
    Path demo = tmp.resolve("demo");
    assertThat(demo.resolve("export/planted.json")).isRegularFile();
    assertThat(demo.resolve("evidence-package.zip")).isRegularFile();
    assertThat(demo.resolve("workspace/redress.db")).isRegularFile();
    // The demo can be run again: it replaces its own folder.
    CliRun again = CliRun.of("demo", "--workspace", tmp.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(Files.exists(demo.resolve("copies/unrelated-picture.jpg"))).isTrue();
  }
}
