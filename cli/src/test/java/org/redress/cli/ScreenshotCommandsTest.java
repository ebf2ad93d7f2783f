package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.screenshots.ScreenText;
import org.redress.screenshots.SyntheticScreenshots;

/** {@code match} and {@code scan} find a bank picture shown inside a screenshot and name where. */
class ScreenshotCommandsTest {
  @TempDir static Path tmp;
  static CliWorkspace workspace;
  static Path shots;
  static SyntheticScreenshots.Shot shot;

  @BeforeAll
  static void setUp() throws Exception {
    workspace = new CliWorkspace(tmp.resolve("ws"));
    Path her = tmp.resolve("her.png");
    Files.write(her, SampleImages.png(SampleImages.scene(640, 480, 77)));
    workspace.ok("bank", "create", "victim");
    workspace.ok("bank", "add", "victim", her.toString());
    shots = Files.createDirectories(tmp.resolve("shots"));
    shot =
        SyntheticScreenshots.withSystemFont()
            .render(
                SampleImages.scene(640, 480, 77), SyntheticScreenshots.Layout.PHONE_CHANNEL_EN, 5);
    Files.write(shots.resolve("from-a-friend.jpg"), SampleImages.jpeg(shot.image(), 0.8f));
  }

  @Test
  void match_screenshotShowingABankPicture_printsTheRegion() {
    CliRun r =
        workspace.ok("match", "--bank", "victim", shots.resolve("from-a-friend.jpg").toString());
    assertThat(r.out()).contains("from-a-friend.jpg#region=", "\tvictim\t");
  }

  /**
   * With two threads the screenshot search runs on the workers (it was on the printing thread,
   * serial); the lines still come in input order, each region right after its file's own line.
   */
  @Test
  void match_twoThreadsJsonMixedFiles_linesInInputOrderRegionsAfterTheirFile() throws Exception {
    Path mixed = Files.createDirectories(tmp.resolve("mixed"));
    byte[] screenshot = Files.readAllBytes(shots.resolve("from-a-friend.jpg"));
    for (int i = 0; i < 12; i++) {
      String name = String.format(java.util.Locale.ROOT, "m%02d", i);
      if (i % 3 == 0) {
        Files.write(mixed.resolve(name + "-shot.jpg"), screenshot);
      } else {
        Files.write(
            mixed.resolve(name + "-other.jpg"),
            SampleImages.jpeg(SampleImages.scene(320, 240, 1000 + i), 0.9f));
      }
    }

    CliRun r = workspace.ok("match", "--bank", "victim", "-j", "2", "--json", "" + mixed);
    ObjectMapper json = new ObjectMapper();
    java.util.List<String> paths = new java.util.ArrayList<>();
    for (String line : r.out().strip().split("\n", -1)) {
      JsonNode n = json.readTree(line);
      String p = n.get("path").asText();
      paths.add(p.substring(p.lastIndexOf('/') + 1));
      if (p.contains("#region=")) {
        assertThat(n.get("matches")).isNotEmpty();
      }
    }
    java.util.List<String> expected = new java.util.ArrayList<>();
    java.util.List<String> regions = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = String.format(java.util.Locale.ROOT, "m%02d", i);
      expected.add(name + (i % 3 == 0 ? "-shot.jpg" : "-other.jpg"));
      if (i % 3 == 0) {
        int at = paths.indexOf(name + "-shot.jpg");
        assertThat(at).isNotNegative();
        assertThat(paths.get(at + 1)).startsWith(name + "-shot.jpg#region=");
        regions.add(paths.get(at + 1));
      }
    }
    assertThat(paths).filteredOn(p -> !p.contains("#")).containsExactlyElementsOf(expected);
    assertThat(paths).filteredOn(p -> p.contains("#")).containsExactlyElementsOf(regions);
  }

  @Test
  void match_noScreenshots_findsNothing() {
    CliRun r =
        workspace.run(
            "match",
            "--bank",
            "victim",
            "--no-screenshots",
            shots.resolve("from-a-friend.jpg").toString());

    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void scan_screenshot_occurrenceNamesTheRegionAndCountsAreReadFacts() throws Exception {
    Path json = tmp.resolve("shots.json");
    CliRun r =
        workspace.ok("scan", shots.toString(), "--bank", "victim", "--json", json.toString());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    JsonNode occ = report.at("/items/0/occurrences/0");
    assertThat(occ.path("region").asText()).matches("\\d+,\\d+,\\d+,\\d+");
    JsonNode read = report.at("/read_facts/0");
    assertThat(read.path("read_from").asText()).isEqualTo("screenshot");
    assertThat(read.path("label_zh").asText()).isEqualTo("从截图识别");
    if (ScreenText.unavailable().isPresent()) {
      assertThat(read.path("problem").asText()).contains("tesseract-ocr");
      assertThat(r.err()).contains("Tesseract");
      return;
    }
    assertThat(report.at("/facts/distribution/group/members").asLong()).isEqualTo(shot.members());
    assertThat(report.at("/facts/distribution/counts/clicks").asLong())
        .as(report.get("read_facts").toString())
        .isEqualTo(shot.views());
    assertThat(report.at("/facts_provenance/distribution.counts.clicks/read_from").asText())
        .isEqualTo("screenshot");
    assertThat(report.get("facts_trace").toString()).contains("from-a-friend.jpg");
  }
}
