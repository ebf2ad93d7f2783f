package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

class HashCommandTest {
  @TempDir Path tmp;

  private static final String BRIDGE =
      "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

  @Test
  void hash_referenceImage_printsReferenceHashQualityAndPath() {
    Path f = Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg");
    CliRun r = CliRun.of("hash", "--orientation", "ignore", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(BRIDGE + " 100 " + f + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void hash_overMaxPixels_namesTheFlagThatRaisesIt() {
    Path f = Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg");
    CliRun r = CliRun.of("hash", "--max-pixels", "1000", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("over the limit of 1000; raise --max-pixels to allow it")
        .doesNotContain("Exception");
  }

  @Test
  void hash_manyFilesOnTwoThreads_keepsInputOrder() {
    Path dir = Vectors.pdq().resolve("data/bridge-mods");
    CliRun one = CliRun.of("hash", "-j", "1", dir.toString());
    CliRun two = CliRun.of("hash", "-j", "2", dir.toString());
    assertThat(one.exit()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    List<String> lines = one.out().lines().toList();
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).endsWith("aaa-orig.jpg");
    assertThat(lines)
        .isSortedAccordingTo(
            (a, b) -> a.substring(a.lastIndexOf(' ')).compareTo(b.substring(b.lastIndexOf(' '))));
  }

  @Test
  void hash_json_printsOneObjectWithEveryField() throws IOException {
    Path f = Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg");
    CliRun r = CliRun.of("hash", "--json", "--dihedral", "--orientation", "ignore", f.toString());
    assertThat(r.exit()).isZero();
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertThat(n.get("path").asText()).isEqualTo(f.toString());
    assertThat(n.get("type").asText()).isEqualTo("image");
    assertThat(n.get("pdq").asText()).isEqualTo(BRIDGE);
    assertThat(n.get("quality").asInt()).isEqualTo(100);
    assertThat(n.get("md5").asText()).matches("[0-9a-f]{32}");
    assertThat(n.get("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(n.get("dihedral").get("rot90").asText())
        .isEqualTo("f0a10efd51c83d429053d48d0fffbc52e34e0e17ada956a9d29685211ea9e58f");
    assertThat(n.get("width").asInt()).isEqualTo(1600);
    assertThat(n.get("height").asInt()).isEqualTo(1004);
  }

  @Test
  void hash_badFilesAmongGood_reportsEachOnOneLineContinuesAndExitsOne() throws IOException {
    Path empty = Files.write(tmp.resolve("empty.jpg"), new byte[0]);
    Path text = Files.writeString(tmp.resolve("notes.jpg"), "hello\n", StandardCharsets.UTF_8);
    Path good = Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg");
    Path missing = tmp.resolve("missing.jpg");
    CliRun r =
        CliRun.of(
            "hash",
            "--orientation",
            "ignore",
            empty.toString(),
            good.toString(),
            text.toString(),
            missing.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(BRIDGE + " 100 " + good + System.lineSeparator());
    List<String> errors = r.err().lines().toList();
    assertThat(errors).hasSize(3);
    assertThat(errors).anySatisfy(l -> assertThat(l).contains(empty.toString()).contains("empty"));
    assertThat(errors).anySatisfy(l -> assertThat(l).contains(text.toString()));
    assertThat(errors).anySatisfy(l -> assertThat(l).contains(missing.toString()));
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void hash_directoryLoop_isReportedAndTheRestHashed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("a/b"));
    Files.copy(Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg"), dir.resolve("x.jpg"));
    Files.createSymbolicLink(dir.resolve("loop"), tmp.resolve("a"));
    CliRun r = CliRun.of("hash", tmp.resolve("a").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.err()).contains("directory loop");
  }

  @Test
  void hash_usageErrors_exitTwoWithOneLine() {
    CliRun noArgs = CliRun.of("hash");
    assertThat(noArgs.exit()).isEqualTo(2);
    assertThat(noArgs.err().lines()).hasSize(1);
    CliRun badThreads = CliRun.of("hash", "-j", "0", "x.jpg");
    assertThat(badThreads.exit()).isEqualTo(2);
    assertThat(badThreads.err()).contains("--threads must be in 1..1024, was 0");
    CliRun badOrientation = CliRun.of("hash", "--orientation", "sideways", "x.jpg");
    assertThat(badOrientation.exit()).isEqualTo(2);
    assertThat(badOrientation.err()).contains("sideways");
  }

  @Test
  void help_printsToStdoutAndExitsZero() {
    CliRun r = CliRun.of("hash", "-h");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: redress hash");
  }
}
