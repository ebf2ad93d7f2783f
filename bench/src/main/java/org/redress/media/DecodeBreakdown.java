package org.redress.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.redress.phash.PdqHasher;

/**
 * Where one image's CPU goes on the calling thread, stage by stage, in a warm JVM: read the file,
 * MD5 + SHA-256, header, decode, 512x512 sample, PDQ. {@code DecodeBreakdown FILE [ROUNDS]}. Prints
 * figures; not a test.
 */
public final class DecodeBreakdown {
  private DecodeBreakdown() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    PdqHasher hasher = new PdqHasher();
    String[] names = {"read", "md5+sha256", "header", "decode", "sample 512", "pdq"};
    long[] total = new long[names.length];
    for (int r = 0; r < rounds + 5; r++) {
      long[] t = new long[names.length + 1];
      t[0] = mx.getCurrentThreadCpuTime();
      byte[] data = Files.readAllBytes(file);
      t[1] = mx.getCurrentThreadCpuTime();
      Digests.of(data);
      t[2] = mx.getCurrentThreadCpuTime();
      Format format = Format.detect(data, Math.min(data.length, 64));
      ImageHeader header = ImageHeader.read(file, format, data);
      t[3] = mx.getCurrentThreadCpuTime();
      Pixels px = ImageDecoder.decode(file, data, header);
      t[4] = mx.getCurrentThreadCpuTime();
      Sampled s = Sampled.of(px, Exif.UPRIGHT);
      t[5] = mx.getCurrentThreadCpuTime();
      s.hash(hasher);
      t[6] = mx.getCurrentThreadCpuTime();
      if (r >= 5) {
        for (int i = 0; i < names.length; i++) {
          total[i] += t[i + 1] - t[i];
        }
      }
    }
    long all = 0;
    for (long v : total) {
      all += v;
    }
    System.out.printf(
        Locale.ROOT, "%s, %d rounds after 5 warm-up, CPU ms per image:%n", file, rounds);
    for (int i = 0; i < names.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "  %-12s %8.2f ms  %5.1f %%%n",
          names[i],
          total[i] / 1e6 / rounds,
          100.0 * total[i] / all);
    }
    System.out.printf(Locale.ROOT, "  %-12s %8.2f ms%n", "total", all / 1e6 / rounds);
  }
}
