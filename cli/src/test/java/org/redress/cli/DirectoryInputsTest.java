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
    CliWorkspace w = new CliWorkspace(ws);
    Path mods = Vectors.pdq().resolve("data/bridge-mods");
    w.ok("bank", "create", "b");
    w.ok("bank", "add", "b", Vectors.pdq().resolve("data/reg-test-input/dih").toString());
    CliRun match = w.ok("match", "--bank", "b", "-j", "2", mods.toString());
    // Every bridge edit is recognised as one of the bridge orientations.
    assertThat(match.out().lines().map(l -> l.split("\\s+")[0]).distinct())
        .hasSize(12)
        .allSatisfy(p -> assertThat(p).startsWith(mods.toString()));
  }

  @Test
  void bankAdd_emptyDirectory_addsNothingAndSaysSo() {
    CliWorkspace w = new CliWorkspace(ws);
    w.ok("bank", "create", "b");
    CliRun add = w.run("bank", "add", "b", ws.resolve("nothing").toString());
    assertThat(add.exit()).isEqualTo(1);
    assertThat(add.err().lines())
        .hasSizeLessThanOrEqualTo(2)
        .anySatisfy(l -> assertThat(l).contains("nothing was added"));
  }
}
