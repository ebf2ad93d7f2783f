package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.capture.SamplePreview;
import org.redress.capture.SamplePreviewServer;

class CaptureCommandTest {
  @TempDir Path tmp;

  @Test
  void capture_channelPreview_sealsPageAndPutsCountersInTheReportAsReadFacts() throws Exception {
    CliWorkspace workspace = new CliWorkspace(tmp.resolve("ws"));
    Map<String, byte[]> media = new HashMap<>();
    for (int i = 1; i <= 3; i++) {
      media.put(
          "/media/" + i + ".jpg", SampleImages.jpeg(SampleImages.scene(640, 480, 300 + i), 0.85f));
    }
    Path her = tmp.resolve("her.png");
    Files.write(her, SampleImages.png(SampleImages.scene(640, 480, 302)));
    workspace.ok("bank", "create", "victim");
    workspace.ok("bank", "add", "victim", her.toString());
    Path json = tmp.resolve("report.json");
    try (SamplePreviewServer site =
        SamplePreviewServer.start(
            "hillwalks", "Hill Walks", "12.3K", SamplePreview.defaultPosts(), media)) {
      CliRun r =
          workspace.ok(
              "capture",
              site.uri("/s/hillwalks").toString(),
              "--case",
              "C1",
              "--json",
              json.toString(),
              "--delay",
              "0",
              "--no-screenshot",
              "--out",
              tmp.resolve("captures").toString());
      assertThat(r.out()).contains("captured " + site.uri("/s/hillwalks"), "sealed 3 item(s)");
    }
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/totals/posts_with_matches").asLong()).isEqualTo(1);
    assertThat(report.at("/items/0/occurrences/0/message_id").asLong()).isEqualTo(102);
    assertThat(report.at("/facts/distribution/counts/clicks").asLong()).isEqualTo(15_300);
    assertThat(report.at("/facts/distribution/group/members").asLong()).isEqualTo(12_300);
    assertThat(report.at("/facts_provenance/distribution.counts.clicks/read_from").asText())
        .isEqualTo("captured_page");
    assertThat(report.at("/facts_provenance/distribution.group.members/label_zh").asText())
        .isEqualTo("从网页识别");
    assertThat(report.get("read_facts").toString()).contains("15.3K views", "12.3K subscribers");

    Path pkg = tmp.resolve("c1.zip");
    workspace.ok("evidence", "export", "--case", "C1", pkg.toString());
    CliRun verify = CliRun.of("evidence", "verify", pkg.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    CliRun list = workspace.run("evidence", "list", "--case", "C1");
    assertThat(list.out()).contains("application/warc");
  }

  @Test
  void capture_pageDisallowedByRobots_exitsOneAndSaysWhy() throws Exception {
    try (SamplePreviewServer site =
        SamplePreviewServer.start("x", "X", "1", java.util.List.of(), Map.of())) {
      CliRun r =
          new CliWorkspace(tmp.resolve("ws"))
              .run(
                  "capture",
                  site.uri("/private/s/x").toString(),
                  "--case",
                  "C1",
                  "--delay",
                  "0",
                  "--no-screenshot",
                  "--out",
                  tmp.resolve("c").toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("robots.txt of 127.0.0.1 disallows");
    }
  }
}
