package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redress.phash.VpdqFrame;
import org.redress.testing.Vectors;

class SkipPlanTest {

  // Decoding order I0 P3 B1 B2 P6 B4 B5 | I9 B7 B8: an IDR, references, non-reference B pictures.
  private static final long[] PTS = {0, 3, 1, 2, 6, 4, 5, 9, 7, 8};
  private static final boolean[] IDR = {
    true, false, false, false, false, false, false, true, false, false
  };
  private static final boolean[] NON_REF = {
    false, false, true, true, false, true, true, false, true, true
  };

  @Test
  void of_bPicturesAndGroupTails_leftOutSampledKept() {
    SkipPlan plan = SkipPlan.of(PTS, IDR, NON_REF, 3);
    // Sampled frames 0, 3, 6, 9 are the packets I0, P3, P6, I9: all B pictures go.
    assertThat(plan).isNotNull();
    boolean[] skipped = new boolean[PTS.length];
    for (int i = 0; i < PTS.length; i++) {
      skipped[i] = plan.skip(i);
    }
    assertThat(skipped)
        .containsExactly(false, false, true, true, false, true, true, false, true, true);
    assertThat(plan.sampledFrames()).isEqualTo(4);
    assertThat(plan.frameNumber(6)).isEqualTo(6);
    assertThat(plan.frameNumber(10)).isEqualTo(-1);
  }

  @Test
  void of_referencePictureAfterLastSampledInGroup_leftOut() {
    // Interval 4: sampled 0, 4, 8. Group one ends at P6 (rank 6): after B4 (needed, packet 5)
    // only B5 follows, so P6 at packet 4 stays (B4 and B5 may reference it).
    SkipPlan plan = SkipPlan.of(PTS, IDR, NON_REF, 4);
    assertThat(plan).isNotNull();
    assertThat(plan.skip(4)).isFalse(); // P6 precedes the needed B4 in decoding order
    assertThat(plan.skip(5)).isFalse(); // B4, sampled
    assertThat(plan.skip(6)).isTrue(); // B5
    // Group two: I9 (rank 9) B7 B8 (rank 8, sampled): I9 is needed by B8.
    assertThat(plan.skip(7)).isFalse();
    assertThat(plan.skip(8)).isTrue();
    assertThat(plan.skip(9)).isFalse();
  }

  @Test
  void of_wholeGroupWithoutSample_leftOutIncludingItsIdr() {
    long[] pts = {0, 1, 2, 3, 4, 5};
    boolean[] idr = {true, false, true, false, true, false};
    boolean[] nonRef = new boolean[6];
    SkipPlan plan = SkipPlan.of(pts, idr, nonRef, 4);
    assertThat(plan).isNotNull();
    assertThat(new boolean[] {plan.skip(0), plan.skip(1), plan.skip(2), plan.skip(3)})
        .containsExactly(false, true, true, true);
    assertThat(plan.skip(4)).isFalse();
    assertThat(plan.skip(5)).isTrue();
  }

  @Test
  void of_unsafeStreams_noPlan() {
    assertThat(SkipPlan.of(PTS, IDR, NON_REF, 1)).as("every frame").isNull();
    boolean[] noIdrFirst = IDR.clone();
    noIdrFirst[0] = false;
    assertThat(SkipPlan.of(PTS, noIdrFirst, NON_REF, 3)).as("starts without IDR").isNull();
    long[] dup = PTS.clone();
    dup[3] = 1;
    assertThat(SkipPlan.of(dup, IDR, NON_REF, 3)).as("same time twice").isNull();
    long[] unknown = PTS.clone();
    unknown[5] = Long.MIN_VALUE;
    assertThat(SkipPlan.of(unknown, IDR, NON_REF, 3)).as("unknown time").isNull();
  }

  @ParameterizedTest(name = "{0} every {1} s")
  @CsvSource({
    "doorknob-hd-no-bar, 1.0",
    "doorknob-hd-no-bar, 0.5",
    "doorknob-hd-no-bar, 0.2",
    "test-padded-dimensions, 1.0",
    "pattern-sd-grey-bar, 1.0",
    "pattern-sd-grey-bar, 0.3"
  })
  void hashVideo_sampledWithPlan_sameFramesAsEveryPacketDecoded(String name, double seconds)
      throws Exception {
    Path video = Vectors.vpdq().resolve("videos/" + name + ".mp4");
    SkipPlan plan = FfmpegMedia.skipPlan(video, seconds);
    List<VpdqFrame> full = FfmpegMedia.decodeVideoEveryPacket(video, seconds, 1).frames();
    System.out.println(
        name
            + " every "
            + seconds
            + " s: "
            + (plan == null ? "no plan" : plan.skipped() + " of " + plan.packets() + " left out"));
    // With a plan, decoding with it must not fall back (Failed) and must give the same frames.
    assertThat(FfmpegMedia.decodeVideo(video, seconds, 1, true).frames())
        .containsExactlyElementsOf(full);
    assertThat(FfmpegMedia.hashVideo(video, seconds).frames()).containsExactlyElementsOf(full);
  }

  @ParameterizedTest(name = "every {0} s")
  @CsvSource({"1.0", "0.5", "0.1", "2.0"})
  void hashVideo_generatedH264_leavesPacketsOutSameFrames(double seconds, @TempDir Path dir)
      throws Exception {
    Path video = dir.resolve("v.mp4");
    String encoder =
        SampleVideo.write(
            video,
            160,
            120,
            30,
            150,
            (i, rgb) -> {
              for (int p = 0; p < rgb.length; p++) {
                int x = p % 160;
                int y = p / 160;
                rgb[p] = ((x * 3 + i * 5) & 0xff) << 16 | ((y * 2 + i) & 0xff) << 8 | (x ^ y);
              }
            });
    org.junit.jupiter.api.Assumptions.assumeTrue(
        encoder.equals("libopenh264"), "no H.264 encoder in this FFmpeg build");
    SkipPlan plan = FfmpegMedia.skipPlan(video, seconds);
    assertThat(plan).isNotNull();
    assertThat(plan.skipped()).isPositive();
    List<VpdqFrame> planned = FfmpegMedia.decodeVideo(video, seconds, 1, true).frames();
    List<VpdqFrame> full = FfmpegMedia.decodeVideoEveryPacket(video, seconds, 1).frames();
    assertThat(planned).isNotEmpty().containsExactlyElementsOf(full);
  }
}
