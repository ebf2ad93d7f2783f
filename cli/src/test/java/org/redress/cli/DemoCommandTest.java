package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demo_freshWorkspace_recognisesEveryCopyAndWritesHashes() throws IOException {
    CliRun r = CliRun.of("demo", "--workspace", tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("18 of 18 copies recognised");
    assertThat(r.out()).contains("the unrelated picture was correctly not matched");
    assertThat(r.out()).containsPattern("100% of the copy's frames match the original");
    List<String> jsonl =
        Files.readAllLines(tmp.resolve("demo/hashes.jsonl"), StandardCharsets.UTF_8);
    assertThat(jsonl).hasSize(22);
    assertThat(jsonl).allSatisfy(l -> assertThat(l).contains("\"pdq\"").contains("\"sha256\""));
    // Only hashes are written next to the pictures; the run can be repeated.
    assertThat(CliRun.of("demo", "--workspace", tmp.toString()).exit()).isZero();
  }
}
