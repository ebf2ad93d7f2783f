package org.redress.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;

/**
 * End-to-end image hashing through {@link MediaHasher#hash} (read, digests, decode, sample, PDQ) on
 * generated photo-like JPEGs. Not a JMH kernel: a plain main that prints images per second.
 *
 * <p>Usage: {@code HashFilesBench [files=1000] [threads=1] [width=1000] [height=1000]}. It writes
 * {@code files} distinct JPEGs (quality 90) to a temporary folder, hashes them once to warm up,
 * then hashes them again timed, and deletes the folder.
 */
public final class HashFilesBench {
  private HashFilesBench() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int height = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Path dir = Files.createTempDirectory("redress-bench");
    try {
      List<Path> paths = generate(dir, files, width, height);
      MediaHasher hasher = MediaHasher.builder().build();
      run(hasher, paths, threads); // warm-up
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int done = run(hasher, paths, threads);
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "%d images of %dx%d, %d thread(s): %.2f s, %.1f images/s, heap used %d MiB%n",
          done,
          width,
          height,
          threads,
          secs,
          done / secs,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      if (threads == 1) {
        // CPU time of the hashing thread: a figure that other load on the machine does not skew.
        System.out.printf(
            Locale.ROOT,
            "  single thread CPU: %.2f s, %.1f images per CPU-second%n",
            cpu,
            done / cpu);
      }
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static int run(MediaHasher hasher, List<Path> paths, int threads) throws Exception {
    if (threads == 1) {
      for (Path p : paths) {
        check(hasher.hash(p));
      }
      return paths.size();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<MediaHash>> fs = new ArrayList<>();
      for (Path p : paths) {
        fs.add(pool.submit(() -> hasher.hash(p)));
      }
      for (Future<MediaHash> f : fs) {
        check(f.get());
      }
      return paths.size();
    } finally {
      pool.shutdown();
    }
  }

  private static void check(MediaHash h) {
    if (h.pdq() == null || h.sha256().length() != 64) {
      throw new IllegalStateException("incomplete hash for " + h.path());
    }
  }

  /** Distinct innocuous images: gradients and a disc whose position depends on the index. */
  static List<Path> generate(Path dir, int n, int w, int h) throws IOException {
    BufferedImage base = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Random rnd = new Random(42);
    byte[] px = ((java.awt.image.DataBufferByte) base.getRaster().getDataBuffer()).getData();
    for (int y = 0, i = 0; y < h; y++) {
      for (int x = 0; x < w; x++, i += 3) {
        int noise = rnd.nextInt(13) - 6;
        px[i] = (byte) clamp(255 * y / h + noise);
        px[i + 1] = (byte) clamp((int) (128 + 90 * Math.sin(x / 40.0 + y / 70.0)) + noise);
        px[i + 2] = (byte) clamp(255 * x / w + noise);
      }
    }
    List<Path> out = new ArrayList<>();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    for (int k = 0; k < n; k++) {
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
      img.setData(base.getRaster());
      var g = img.createGraphics();
      g.setColor(new java.awt.Color(200, 40 + (k * 7) % 200, 60));
      int r = Math.min(w, h) / 6;
      g.fillOval((k * 37) % (w - r), (k * 53) % (h - r), r, r);
      g.dispose();
      Path p = dir.resolve(String.format(Locale.ROOT, "img-%05d.jpg", k));
      try (FileImageOutputStream os = new FileImageOutputStream(p.toFile())) {
        writer.setOutput(os);
        writer.write(null, new IIOImage(img, null, null), param);
      }
      out.add(p);
    }
    writer.dispose();
    return out;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
