package org.redress.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the benchmark video of {@link VpdqBench} (60 s, 1280x720, 30 fps, H.264 through
 * libopenh264 with a GOP of 60, or MPEG-4 Part 2 when that encoder is missing) and nothing else:
 * {@code MakeSampleVideo OUT.mp4}. Used by {@code bench/cpp-compare.sh}.
 */
public final class MakeSampleVideo {
  private MakeSampleVideo() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: MakeSampleVideo OUT.mp4");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    String codec = VpdqBench.generate(out);
    System.out.printf(
        Locale.ROOT, "generated %s: %s, %.1f MB%n", out, codec, Files.size(out) / 1e6);
  }
}
