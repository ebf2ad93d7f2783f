package org.redress.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes short generated videos (for demos, sample exports and benchmarks): frames come from a
 * {@link Painter}, encoded as H.264 (OpenH264) in MP4, or MPEG-4 Part 2 where that encoder is
 * missing. Never used on real media.
 */
public final class SampleVideo {
  /** Paints frame {@code index} into packed RGB pixels ({@code 0xRRGGBB}, row-major). */
  @FunctionalInterface
  public interface Painter {
    void paint(int index, int[] rgb);
  }

  private SampleVideo() {}

  /**
   * Encodes {@code frames} frames of {@code width}x{@code height} at {@code fps} into an MP4.
   *
   * @return the encoder used
   * @throws IOException when no encoder could write the file
   * @throws IllegalArgumentException when a size or count is not positive
   */
  public static String write(Path out, int width, int height, int fps, int frames, Painter painter)
      throws IOException {
    return write(out, width, height, fps, frames, 0, painter);
  }

  /**
   * As {@link #write(Path, int, int, int, int, Painter)} with MPEG-4 Part 2 (an encoder every
   * FFmpeg build has, and deterministic) at {@code bitrate} bits per second, or H.264 first when
   * {@code bitrate} is 0.
   *
   * @return the encoder used
   * @throws IOException when no encoder could write the file
   */
  public static String write(
      Path out, int width, int height, int fps, int frames, int bitrate, Painter painter)
      throws IOException {
    if (width < 16 || height < 16 || (width & 1) != 0 || (height & 1) != 0) {
      throw new IllegalArgumentException(
          "video size must be even and at least 16x16, was " + width + "x" + height);
    }
    if (fps <= 0 || frames <= 0 || bitrate < 0) {
      throw new IllegalArgumentException(
          "fps, frame count and bitrate must be positive, were "
              + fps
              + ", "
              + frames
              + ", "
              + bitrate);
    }
    try {
      FfmpegNatives.ensureLoaded(out);
    } catch (MediaException e) {
      throw new IOException(e.getMessage(), e);
    }
    Exception last = null;
    String[] encoders =
        bitrate > 0 ? new String[] {"mpeg4"} : new String[] {"libopenh264", "mpeg4"};
    for (String encoder : encoders) {
      try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), width, height, 0)) {
        rec.setFormat("mp4");
        rec.setVideoCodecName(encoder);
        if (encoder.equals("mpeg4")) {
          rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        }
        rec.setFrameRate(fps);
        rec.setGopSize(2 * fps);
        rec.setVideoBitrate(bitrate > 0 ? bitrate : Math.max(500_000, width * height * 3));
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.start();
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        int[] rgb = new int[width * height];
        for (int i = 0; i < frames; i++) {
          painter.paint(i, rgb);
          for (int y = 0; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width; x++) {
              int p = rgb[y * width + x];
              int o = row + x * 3;
              buf.put(o, (byte) p); // BGR24
              buf.put(o + 1, (byte) (p >> 8));
              buf.put(o + 2, (byte) (p >> 16));
            }
          }
          rec.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
        rec.stop();
        return encoder;
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IOException(
        "failed to write a sample video to " + out + ": " + last.getMessage(), last);
  }
}
