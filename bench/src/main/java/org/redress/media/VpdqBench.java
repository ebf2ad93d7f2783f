package org.redress.media;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * vPDQ throughput on a generated 60-second 1280x720 30 fps H.264 video (moving gradients and a
 * bouncing square; nothing else): sampled frames per second at one frame per second and at every
 * frame, decoding on one thread, hashing on one thread. Prints figures; not a timed test.
 *
 * <p>Lives in package {@code org.redress.media} (in the bench module) to call the package-private
 * {@code FfmpegMedia} directly, without MD5/SHA-256 or the rest of {@code MediaHasher}.
 *
 * <p>Run after {@code mvn -q -o -pl bench -am compile}: {@code java -cp
 * bench/target/classes:media/target/classes:phash/target/classes:JARS org.redress.media.VpdqBench
 * [VIDEO.mp4]} where JARS are javacv, javacpp and ffmpeg 1.5.13 (with their linux-x86_64
 * classifiers) from {@code ~/.m2}; see {@code docs/vpdq.md}. With a path that exists, that video is
 * measured; with a path that does not, the generated video is written there and kept.
 */
public final class VpdqBench {
  private static final int W = 1280;
  private static final int H = 720;
  private static final int FPS = 30;
  private static final int SECONDS = 60;

  private VpdqBench() {}

  public static void main(String[] args) throws Exception {
    Path video;
    boolean generated = false;
    if (args.length > 0 && Files.isRegularFile(Paths.get(args[0]))) {
      video = Paths.get(args[0]);
    } else {
      video =
          args.length > 0
              ? Paths.get(args[0])
              : Files.createTempFile("redress-vpdq-bench-", ".mp4");
      long t0 = System.nanoTime();
      String codec = generate(video);
      generated = args.length == 0;
      System.out.printf(
          Locale.ROOT,
          "generated %s: %dx%d, %d s at %d fps, %s, %.1f MB in %.1f s%n",
          video,
          W,
          H,
          SECONDS,
          FPS,
          codec,
          Files.size(video) / 1e6,
          (System.nanoTime() - t0) / 1e9);
    }
    try {
      FfmpegMedia.hashVideo(video, 1.0); // warm-up: JIT, natives
      System.out.printf(
          Locale.ROOT,
          "1 frame/s: packets left out %s; frames identical to decoding every packet: %b%n",
          skipped(video),
          FfmpegMedia.hashVideo(video, 1.0)
              .frames()
              .equals(FfmpegMedia.decodeVideoEveryPacket(video, 1.0, 1).frames()));
      for (int round = 1; round <= 2; round++) {
        measure(video, "1 frame/s, every packet (before)", -1.0, 1, round);
        measure(video, "1 frame/s, 1 decoder thread ", 1.0, 1, round);
        measure(video, "every frame, 1 decoder thread", 0.0, 1, round);
        measure(video, "1 frame/s, auto decoder threads", 1.0, 0, round);
      }
      System.out.printf(
          Locale.ROOT,
          "cores: %d, java %s%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
    } finally {
      if (generated) {
        Files.deleteIfExists(video);
      }
    }
  }

  private static void measure(Path video, String label, double spf, int threads, int round)
      throws MediaException {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    FfmpegMedia.VideoHashes v =
        spf < 0
            ? FfmpegMedia.decodeVideoEveryPacket(video, -spf, threads)
            : FfmpegMedia.hashVideo(video, spf, threads);
    double s = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    int sampled = v.frames().size();
    int decoded = v.frames().get(sampled - 1).frameNumber() + 1;
    System.out.printf(
        Locale.ROOT,
        "round %d  %-32s %4d sampled frames in %6.2f s: %7.1f sampled frames/s"
            + " (%6.1f frames/s of video, %5.1fx real time); calling thread %6.2f CPU-s%n",
        round,
        label,
        sampled,
        s,
        sampled / s,
        decoded / s,
        (double) decoded / FPS / s,
        cpu);
  }

  private static String skipped(Path video) throws MediaException {
    SkipPlan plan = FfmpegMedia.skipPlan(video, 1.0);
    return plan == null ? "none (no plan)" : plan.skipped() + " of " + plan.packets();
  }

  /** Writes the test video; returns the encoder used. */
  static String generate(Path out) throws Exception {
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    String[] encoders = {"libopenh264", "mpeg4"};
    Exception last = null;
    for (String encoder : encoders) {
      try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), W, H, 0)) {
        rec.setFormat("mp4");
        rec.setVideoCodecName(encoder);
        if (encoder.equals("mpeg4")) {
          rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        }
        rec.setFrameRate(FPS);
        rec.setGopSize(2 * FPS);
        rec.setVideoBitrate(4_000_000);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.start();
        Frame frame = new Frame(W, H, Frame.DEPTH_UBYTE, 3);
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int i = 0; i < SECONDS * FPS; i++) {
          paint(buf, stride, i);
          rec.record(frame, avutil.AV_PIX_FMT_BGR24);
        }
        rec.stop();
        return encoder;
      } catch (Exception e) {
        last = e;
      }
    }
    throw last;
  }

  /** Moving diagonal gradients, a slow colour wave and a bouncing square. */
  private static void paint(ByteBuffer buf, int stride, int t) {
    int sx = Math.abs(((t * 7) % (2 * (W - 200))) - (W - 200));
    int sy = Math.abs(((t * 5) % (2 * (H - 200))) - (H - 200));
    int shade = (int) (127 + 120 * Math.sin(t / 40.0));
    for (int y = 0; y < H; y++) {
      int row = y * stride;
      for (int x = 0; x < W; x++) {
        int p = row + x * 3;
        boolean square = x >= sx && x < sx + 200 && y >= sy && y < sy + 200;
        byte b = (byte) (square ? 255 - shade : (x + 2 * t) & 0xFF);
        byte g = (byte) (square ? shade : (y + x / 4 + t) & 0xFF);
        byte r = (byte) (square ? 40 : (shade + (x ^ y) / 8) & 0xFF);
        buf.put(p, b);
        buf.put(p + 1, g);
        buf.put(p + 2, r);
      }
    }
  }
}
