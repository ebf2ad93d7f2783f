package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

/** {@code bank add} and {@code match} take directories, like {@code hash}. */
class DirectoryInputsTest {
  @TempDir Path ws;

  @Test
  void bankAddAndMatch_directories_walkAndMatchEveryMediaFile() {
    String w = ws.toString();
    Path mods = Vectors.pdq().resolve("data/bridge-mods");
    assertThat(CliRun.of("bank", "create", "b", "--workspace", w).exit()).isZero();
    CliRun add =
        CliRun.of(
            "bank",
            "add",
            "b",
            "--workspace",
            w,
            Vectors.pdq().resolve("data/reg-test-input/dih").toString());
    assertThat(add.exit()).as(add.err()).isZero();
    CliRun match = CliRun.of("match", "--bank", "b", "--workspace", w, "-j", "2", mods.toString());
    assertThat(match.exit()).as(match.err()).isZero();
    // Every bridge edit is recognised as one of the bridge orientations.
    assertThat(match.out().lines().map(l -> l.split("\\s+")[0]).distinct())
        .hasSize(12)
        .allSatisfy(p -> assertThat(p).startsWith(mods.toString()));
  }

  @Test
  void bankAdd_emptyDirectory_addsNothingAndSaysSo() {
    String w = ws.toString();
    assertThat(CliRun.of("bank", "create", "b", "--workspace", w).exit()).isZero();
    CliRun add = CliRun.of("bank", "add", "b", "--workspace", w, ws.resolve("nothing").toString());
    assertThat(add.exit()).isEqualTo(1);
    assertThat(add.err().lines())
        .hasSizeLessThanOrEqualTo(2)
        .anySatisfy(l -> assertThat(l).contains("nothing was added"));
  }
}
