package org.redress.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

class CaptureTest {
  @TempDir Path tmp;
  SamplePreviewServer server;

  @BeforeEach
  void start() throws IOException {
    Map<String, byte[]> media = new HashMap<>();
    for (int i = 1; i <= 3; i++) {
      media.put("/media/" + i + ".jpg", TestPictures.jpeg(TestPictures.picture(i)));
    }
    server =
        SamplePreviewServer.start(
            "hillwalks", "Hill Walks", "12.3K", SamplePreview.defaultPosts(), media);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Capture capture(boolean screenshot) {
    return Capture.builder().delay(Duration.ofMillis(5)).screenshot(screenshot).build();
  }

  @Test
  void capture_channelPreview_warcValidatesAndReplaysEveryResource() throws Exception {
    URI page = server.uri("/s/hillwalks");
    Capture.Result r = capture(false).capture(page, tmp.resolve("c"));

    assertThat(r.status()).isEqualTo(200);
    Map<String, byte[]> replayed = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    int requests = 0;
    int digests = 0;
    try (WarcReader reader = new WarcReader(r.warc())) {
      reader.onWarning(warnings::add);
      reader.calculateBlockDigest();
      for (WarcRecord rec : reader) {
        if (rec.blockDigest().isPresent()) {
          rec.body().consume();
          assertThat(rec.calculatedBlockDigest()).as(rec.toString()).isEqualTo(rec.blockDigest());
          digests++;
        }
      }
    }
    assertThat(digests).isGreaterThan(6);
    try (WarcReader reader = new WarcReader(r.warc())) {
      reader.onWarning(warnings::add);
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcRequest) {
          requests++;
        }
        if (rec instanceof WarcResponse resp) {
          replayed.put(
              URI.create(resp.target()).getPath(),
              resp.http().bodyDecoded().stream().readAllBytes());
        }
      }
    }
    assertThat(warnings).isEmpty();
    assertThat(replayed.keySet())
        .contains(
            "/robots.txt",
            "/s/hillwalks",
            "/css/widget.css",
            "/media/1.jpg",
            "/media/2.jpg",
            "/media/3.jpg");
    for (String p : replayed.keySet()) {
      assertThat(replayed.get(p)).as(p).isEqualTo(server.file(p));
    }
    assertThat(requests).isEqualTo(replayed.size());
    assertThat(r.fileOf(server.uri("/media/2.jpg"))).isPresent();
    assertThat(Files.readAllBytes(r.fileOf(server.uri("/media/2.jpg")).orElseThrow()))
        .isEqualTo(server.file("/media/2.jpg"));
    String meta = Files.readString(r.metadata());
    assertThat(meta)
        .contains("\"request_headers\"", "\"response_headers\"", "\"started\"", "RedressCapture");
  }

  @Test
  void capture_channelPreview_parsesCountersAndPosts() throws Exception {
    Capture.Result r = capture(false).capture(server.uri("/s/hillwalks"), tmp.resolve("c"));

    TelegramPreview.Channel c = r.channel();
    assertThat(c.name()).isEqualTo("hillwalks");
    assertThat(c.title()).isEqualTo("Hill Walks");
    assertThat(c.subscribers()).isEqualTo(12_300);
    assertThat(c.posts()).extracting(TelegramPreview.Post::id).containsExactly(101L, 102L, 103L);
    assertThat(c.posts())
        .extracting(TelegramPreview.Post::views)
        .containsExactly(1_200L, 15_300L, 870L);
    assertThat(c.posts().get(1).media()).containsExactly(server.uri("/media/2.jpg"));
    assertThat(c.posts().get(0).date()).hasToString("2026-03-01T11:30Z");
  }

  @Test
  void capture_pageDisallowedByRobots_isRefusedAndNothingElseFetched() {
    URI page = server.uri("/private/s/hillwalks");

    assertThatThrownBy(() -> capture(false).capture(page, tmp.resolve("c")))
        .isInstanceOf(CaptureException.class)
        .hasMessageContaining("robots.txt")
        .hasMessageContaining("disallows");
    assertThat(server.requests()).isEqualTo(1); // robots.txt only
  }

  @Test
  void capture_urlWithCredentials_isRefused() {
    assertThatThrownBy(
            () ->
                capture(false)
                    .capture(URI.create("http://user:pw@127.0.0.1:1/s/x"), tmp.resolve("c")))
        .isInstanceOf(CaptureException.class)
        .hasMessageContaining("never log in");
  }

  @Test
  void capture_withChromium_takesAScreenshot() throws Exception {
    boolean required = Boolean.getBoolean("redress.ocr.required");
    if (Chromium.find().isEmpty() && !required) {
      org.junit.jupiter.api.Assumptions.abort(
          "Chromium is not installed ("
              + Chromium.INSTALL
              + "); scripts/test.d/ocr.sh installs it");
    }
    Capture.Result r = capture(true).capture(server.uri("/s/hillwalks"), tmp.resolve("c"));

    assertThat(r.screenshotProblem()).isNull();
    assertThat(r.screenshot()).isRegularFile();
    byte[] png = Files.readAllBytes(r.screenshot());
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void robots_longestRuleWins_andAgentGroupApplies() {
    Robots r =
        Robots.parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: RedressCapture\n"
                + "Disallow: /a/\nAllow: /a/b\n",
            "RedressCapture");

    assertThat(r.allowed("/x")).isTrue();
    assertThat(r.allowed("/a/c")).isFalse();
    assertThat(r.allowed("/a/b/c")).isTrue();
    assertThat(
            Robots.parse("User-agent: *\nDisallow: /*.jpg$\n", "RedressCapture")
                .allowed("/m/1.jpg"))
        .isFalse();
  }
}
