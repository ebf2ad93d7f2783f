import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Benchmark input for bench/spark-bench.sh: N innocuous one-megapixel JPEGs (1152×864; gradients,
 * circles, bars, each from its seed) in OUT/files/dddd/, and K "originals" in OUT/originals/ whose
 * slightly brighter copies are planted among the N files. Run: java GenJpegs.java OUT N K
 */
public final class GenJpegs {
  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args[0]);
    int n = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    Files.createDirectories(out.resolve("originals"));
    for (int i = 0; i < k; i++) {
      ImageIO.write(scene(1_000_000L + i, 0), "jpg",
          out.resolve("originals").resolve(String.format(Locale.ROOT, "o%03d.jpg", i)).toFile());
    }
    AtomicInteger done = new AtomicInteger();
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        // Every (n / k)-th file is a planted copy of an original, 20 levels brighter.
        boolean planted = k > 0 && i % (n / k) == 0 && i / (n / k) < k;
        BufferedImage img = planted ? scene(1_000_000L + i / (n / k), 20) : scene(i, 0);
        Path dir = out.resolve("files").resolve(String.format(Locale.ROOT, "%04d", i / 1000));
        Files.createDirectories(dir);
        ImageIO.write(img, "jpg", dir.resolve(String.format(Locale.ROOT, "%s%06d.jpg",
            planted ? "copy-" : "f", i)).toFile());
        int d = done.incrementAndGet();
        if (d % 1000 == 0) {
          System.err.printf(Locale.ROOT, "%d of %d%n", d, n);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  static BufferedImage scene(long seed, int brighter) {
    SplittableRandom r = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(1152, 864, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(r, brighter), 1152, 864, color(r, brighter)));
    g.fillRect(0, 0, 1152, 864);
    for (int i = 0; i < 12; i++) {
      g.setColor(color(r, brighter));
      int s = 40 + r.nextInt(300);
      if (r.nextBoolean()) {
        g.fillOval(r.nextInt(1152), r.nextInt(864), s, s);
      } else {
        g.fillRect(r.nextInt(1152), r.nextInt(864), s * 2, s / 3);
      }
    }
    g.dispose();
    return img;
  }

  static Color color(SplittableRandom r, int brighter) {
    return new Color(Math.min(255, r.nextInt(220) + brighter),
        Math.min(255, r.nextInt(220) + brighter), Math.min(255, r.nextInt(220) + brighter));
  }
}
