package org.redress.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes short generated clips with FFmpeg (JavaCV): a slow pan across a still picture, MPEG-4
 * Part 2 in MP4 (an encoder every FFmpeg build has). Callers treat any failure, including missing
 * native libraries, as "no encoder available".
 */
final class SampleVideo {
  private SampleVideo() {}

  /**
   * A {@code frames}-frame clip at 12 frames per second panning across {@code still}.
   *
   * @throws IOException when encoding fails
   */
  static byte[] encode(BufferedImage still, int width, int height, int frames, int bitrate)
      throws IOException {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    Path tmp = Files.createTempFile("redress-sample-", ".mp4");
    try {
      try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), width, height, 0);
          Java2DFrameConverter conv = new Java2DFrameConverter()) {
        rec.setFormat("mp4");
        rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setFrameRate(12);
        rec.setVideoBitrate(bitrate);
        rec.start();
        for (int i = 0; i < frames; i++) {
          rec.record(conv.convert(frame(still, width, height, i, frames)));
        }
        rec.stop();
      }
      return Files.readAllBytes(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Frame {@code i}: a window sliding left to right over the still, scaled to the clip size. */
  private static BufferedImage frame(BufferedImage still, int w, int h, int i, int frames) {
    int winW = still.getWidth() * 3 / 4;
    int winH = still.getHeight() * 3 / 4;
    int x = (still.getWidth() - winW) * i / Math.max(1, frames - 1);
    int y = (still.getHeight() - winH) / 2;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(still, 0, 0, w, h, x, y, x + winW, y + winH, null);
    g.dispose();
    return out;
  }
}
