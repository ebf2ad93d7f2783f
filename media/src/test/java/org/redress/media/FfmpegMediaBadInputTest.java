package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

/** Bad files get one clear reason naming the file; nothing reaches stderr from FFmpeg. */
class FfmpegMediaBadInputTest {
  @TempDir Path dir;

  private static Path sample() {
    return Vectors.vpdq().resolve("videos/pattern-sd-grey-bar.mp4");
  }

  @Test
  void hashVideo_emptyFile_saysEmpty() throws Exception {
    Path f = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessage(f + ": empty file");
  }

  @Test
  void hashVideo_missingFile_saysNoSuchFile() {
    Path f = dir.resolve("missing.mp4");
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1)).hasMessage(f + ": no such file");
  }

  @Test
  void hashVideo_textFile_isNotAVideo() throws Exception {
    Path f = dir.resolve("notes.mp4");
    Files.writeString(f, "this is not a video, just some notes\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": not a video FFmpeg can read (");
  }

  @Test
  void hashVideo_playlistPointingElsewhere_isRefusedBeforeReadingIt() throws Exception {
    Path target = dir.resolve("other.mp4");
    Files.copy(sample(), target);
    Path f = dir.resolve("list.m3u8");
    Files.writeString(
        f,
        "#EXTM3U\n#EXTINF:10,\nother.mp4\n#EXTINF:10,\nhttp://127.0.0.1:9/x.ts\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": not a video FFmpeg can read (");
  }

  @Test
  void hashVideo_mp4CutInHalf_saysTruncated() throws Exception {
    byte[] all = Files.readAllBytes(sample());
    Path f = dir.resolve("cut.mp4");
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageMatching(
            "\\Q" + f + "\\E: truncated video: the index lists 206 frames, the file holds \\d+");
  }

  @Test
  void hashVideo_mp4CutInsideItsIndex_isNotReadable() throws Exception {
    byte[] all = Files.readAllBytes(sample());
    int mdat = indexOf(all, "mdat".getBytes(StandardCharsets.US_ASCII)) - 4;
    Path f = dir.resolve("cut-index.mp4");
    Files.write(f, Arrays.copyOf(all, mdat / 2));
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": not a video FFmpeg can read (");
  }

  @Test
  void hashVideo_mp4WithZeroedFrameData_hasNoDecodableFrames() throws Exception {
    byte[] all = Files.readAllBytes(sample());
    int moov = indexOf(all, "moov".getBytes(StandardCharsets.US_ASCII)) - 4;
    int mdat = indexOf(all, "mdat".getBytes(StandardCharsets.US_ASCII)) - 4;
    assertThat(mdat).isGreaterThan(moov); // this sample keeps its index first
    // The index is intact; every byte of the media data is zero.
    byte[] broken = all.clone();
    Arrays.fill(broken, mdat + 8, broken.length, (byte) 0);
    Path f = dir.resolve("zeroed.mp4");
    Files.write(f, broken);
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(f, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(f + ": no decodable video frames");
  }

  @Test
  void hashVideo_pngImage_isNotAVideo() throws Exception {
    Path png = Vectors.pdq().resolve("data/reg-test-input/pen-and-coaster.png");
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(png, 1))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(png + ": not a video FFmpeg can read (");
  }

  @Test
  void hashVideo_negativeInterval_isRefused() {
    assertThatThrownBy(() -> FfmpegMedia.hashVideo(sample(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seconds per frame must be finite and >= 0, was -1.0");
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
