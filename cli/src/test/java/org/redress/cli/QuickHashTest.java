package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

/**
 * {@code redress hash PATH...} without picocli prints exactly what the picocli path prints. The
 * picocli side is the same run with {@code --} before the paths, which {@link QuickHash} leaves to
 * picocli and which changes nothing else.
 */
class QuickHashTest {
  @TempDir Path tmp;

  private static final Path BRIDGE = Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg");

  @Test
  void paths_plainHashRun_areTakenHere() {
    assertThat(QuickHash.paths(new String[] {"hash", "a.jpg", "b dir"}))
        .containsExactly(Path.of("a.jpg"), Path.of("b dir"));
    assertThat(QuickHash.paths(new String[] {"--lang", "zh", "hash", "a.jpg"}))
        .containsExactly(Path.of("a.jpg"));
    assertThat(QuickHash.paths(new String[] {"--lang=en", "hash", "a.jpg"}))
        .containsExactly(Path.of("a.jpg"));
  }

  @Test
  void paths_anythingElse_isLeftToPicocli() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"hash"},
            new String[] {"--lang", "zh", "hash"},
            new String[] {"hash", "-j", "1", "a.jpg"},
            new String[] {"hash", "a.jpg", "--json"},
            new String[] {"hash", "--", "a.jpg"},
            new String[] {"hash", "@args.txt"},
            new String[] {"hash", ""},
            new String[] {"hash", "a\0b.jpg"},
            new String[] {"--debug", "hash", "a.jpg"},
            new String[] {"match", "a.jpg"},
            new String[] {"evidence", "hash", "a.jpg"})) {
      assertThat(QuickHash.paths(args)).as(String.join(" ", args)).isNull();
    }
  }

  @Test
  void run_goodImage_printsWhatPicocliPrints() {
    assertSameAsPicocli(Map.of(), "hash", BRIDGE.toString());
  }

  @Test
  void run_badAndMissingAmongGood_printsWhatPicocliPrints() throws IOException {
    Path empty = Files.write(tmp.resolve("empty.jpg"), new byte[0]);
    Path text = Files.writeString(tmp.resolve("notes.jpg"), "hello\n", StandardCharsets.UTF_8);
    Path missing = tmp.resolve("missing.jpg");
    CliRun quick =
        assertSameAsPicocli(
            Map.of(),
            "hash",
            empty.toString(),
            BRIDGE.toString(),
            text.toString(),
            missing.toString());
    assertThat(quick.exit()).isEqualTo(1);
    assertThat(quick.err().lines()).hasSize(3);
  }

  @Test
  void run_directoryWithOtherFilesAndAVideo_printsWhatPicocliPrints() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.copy(BRIDGE, dir.resolve("a.jpg"));
    Files.copy(Vectors.vpdq().resolve("videos/pattern-sd-grey-bar.mp4"), dir.resolve("b.mp4"));
    Files.writeString(dir.resolve("notes.txt"), "not media\n", StandardCharsets.UTF_8);
    CliRun quick = assertSameAsPicocli(Map.of(), "hash", dir.toString());
    assertThat(quick.exit()).isZero();
    assertThat(quick.out().lines()).hasSize(2);
    assertThat(quick.out()).contains("vpdq:");
    assertThat(quick.err()).contains("skipped 1 file");
  }

  @Test
  void run_chinese_printsWhatPicocliPrints() {
    Path missing = tmp.resolve("missing.jpg");
    assertSameAsPicocli(Map.of(), "--lang", "zh", "hash", missing.toString(), BRIDGE.toString());
    assertSameAsPicocli(Map.of(UiLang.ENV, "zh"), "hash", missing.toString());
  }

  /** Runs {@code args} (a plain hash run) both ways; returns the quick outcome. */
  private static CliRun assertSameAsPicocli(Map<String, String> env, String... args) {
    assertThat(QuickHash.paths(args)).as("taken without picocli").isNotNull();
    List<String> viaPicocli = new ArrayList<>();
    boolean delimited = false;
    for (String a : args) {
      viaPicocli.add(a);
      if (a.equals("hash") && !delimited) {
        viaPicocli.add("--");
        delimited = true;
      }
    }
    String[] picocliArgs = viaPicocli.toArray(String[]::new);
    assertThat(QuickHash.paths(picocliArgs)).isNull();
    CliRun quick = CliRun.withEnv(env, args);
    CliRun picocli = CliRun.withEnv(env, picocliArgs);
    assertThat(quick).isEqualTo(picocli);
    return quick;
  }
}
