package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redress.phash.Vpdq;
import org.redress.phash.VpdqFrame;
import org.redress.testing.Vectors;

/**
 * vPDQ of the shared sample videos against the reference's hash files, by the reference's own
 * criterion ({@code vpdq/cpp/regtest.py}: every frame pair where both qualities are at least 50 is
 * within distance 31), plus exact frame numbers and timestamps; and bit for bit against the C++
 * reference built here on FFmpeg 5.1.9.
 */
class FfmpegMediaVideoTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "doorknob-hd-no-bar, 1280, 720, 120",
    "test-padded-dimensions, 1080, 1080, 150",
    "pattern-sd-grey-bar, 480, 720, 206",
    "pattern-sd-with-small-logo-bar, 480, 720, 206",
    "pattern-sd-with-large-logo-bar, 480, 720, 206"
  })
  void hashVideo_everyFrame_matchesReferenceHashes(String name, int w, int h, int frames)
      throws Exception {
    Path video = Vectors.vpdq().resolve("videos/" + name + ".mp4");
    FfmpegMedia.VideoHashes got = FfmpegMedia.hashVideo(video, 0);
    assertThat(got.width()).isEqualTo(w);
    assertThat(got.height()).isEqualTo(h);
    assertThat(got.frames()).hasSize(frames);

    Vpdq upstream = read("expected/upstream-sample-hashes/" + name + ".txt");
    Vpdq local = read("expected/local-cpp-ffmpeg5.1/" + name + ".txt");
    Stats vsUpstream = compare(got.frames(), upstream.frames());
    Stats vsLocal = compare(got.frames(), local.frames());
    System.out.println(
        String.format(
            Locale.ROOT,
            "vpdq %-32s upstream: %s | local-ffmpeg5.1: %s",
            name,
            vsUpstream,
            vsLocal));
    assertThat(vsUpstream.maxUsable).as("max distance, both qualities >= 50").isLessThan(31);
    // The C++ reference built against FFmpeg 5.1.9 and this code on JavaCV's FFmpeg 8.0.1 decode
    // and convert identically: a change here means FFmpeg's swscale or decoder output changed.
    assertThat(Vpdq.of(got.frames()).toCppText()).isEqualTo(local.toCppText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"doorknob-hd-no-bar", "pattern-sd-grey-bar"})
  void hashVideo_oneSecond_keepsEveryThirtiethFrameOfTheFullRun(String name) throws Exception {
    Path video = Vectors.vpdq().resolve("videos/" + name + ".mp4");
    List<VpdqFrame> all = FfmpegMedia.hashVideo(video, 0).frames();
    List<VpdqFrame> sampled = FfmpegMedia.hashVideo(video, 1.0).frames();
    List<VpdqFrame> expected =
        all.stream().filter(f -> f.frameNumber() % 30 == 0).collect(Collectors.toList());
    assertThat(sampled).containsExactlyElementsOf(expected);
    assertThat(sampled).extracting(VpdqFrame::frameNumber).startsWith(0, 30, 60, 90);
    assertThat(Vpdq.toCppLine(sampled.get(1))).endsWith(",1.000");
  }

  private static Vpdq read(String rel) throws IOException {
    return Vpdq.parseCppText(Files.readString(Vectors.vpdq().resolve(rel), StandardCharsets.UTF_8));
  }

  /** Frame numbers and printed timestamps must agree exactly; distances are measured. */
  private static Stats compare(List<VpdqFrame> got, List<VpdqFrame> want) {
    assertThat(got).hasSameSizeAs(want);
    Stats s = new Stats();
    for (int i = 0; i < want.size(); i++) {
      VpdqFrame g = got.get(i);
      VpdqFrame e = want.get(i);
      assertThat(g.frameNumber()).isEqualTo(e.frameNumber());
      String gl = Vpdq.toCppLine(g);
      String el = Vpdq.toCppLine(e);
      assertThat(gl.substring(gl.lastIndexOf(',')))
          .as("timestamp of frame %d", i)
          .isEqualTo(el.substring(el.lastIndexOf(',')));
      int d = g.pdq().distance(e.pdq());
      s.frames++;
      s.identical += gl.equals(el) ? 1 : 0;
      s.sameQuality += g.quality() == e.quality() ? 1 : 0;
      s.maxAll = Math.max(s.maxAll, d);
      if (g.quality() >= Vpdq.QUALITY_THRESHOLD && e.quality() >= Vpdq.QUALITY_THRESHOLD) {
        s.maxUsable = Math.max(s.maxUsable, d);
      }
    }
    return s;
  }

  private static final class Stats {
    int frames;
    int identical;
    int sameQuality;
    int maxAll;
    int maxUsable;

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "identical %3d/%3d (%3.0f%%), same quality %3d, max distance %2d (q>=50: %2d)",
          identical,
          frames,
          100.0 * identical / frames,
          sameQuality,
          maxAll,
          maxUsable);
    }
  }
}
