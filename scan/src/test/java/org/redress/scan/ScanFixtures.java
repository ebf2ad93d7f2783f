package org.redress.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.redress.match.BankRules;
import org.redress.match.Matcher;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;

/** Small generated exports for scan tests: innocuous gradients and shapes, nothing else. */
final class ScanFixtures {
  private ScanFixtures() {}

  /** A distinct innocuous picture: a gradient with a few coloured shapes placed by the seed. */
  static byte[] picture(long seed, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (255 * x / w) << 16 | (255 * y / h) << 8 | (int) (seed * 37 % 255));
      }
    }
    Graphics2D g = img.createGraphics();
    for (int i = 0; i < 6; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillOval(r.nextInt(w), r.nextInt(h), w / 3, h / 3);
      g.fillRect(r.nextInt(w), r.nextInt(h), w / 4, h / 5);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** A matcher with one bank "victims" holding the PDQ hash of each given file. */
  static Matcher bank(Path... originals) throws Exception {
    MediaHasher hasher = MediaHasher.builder().build();
    Matcher.Builder b = Matcher.builder().bank(new BankRules("victims", 31, 50));
    for (Path p : originals) {
      MediaHash h = hasher.hash(p);
      b.pdq(
          "victims",
          Math.abs(p.getFileName().hashCode()),
          p.getFileName().toString(),
          h.pdq().pdq(),
          h.pdq().quality());
    }
    return b.build();
  }

  /** A single-chat export in {@code dir} with the given messages (JSON objects, comma-joined). */
  static Path export(Path dir, String messages) throws IOException {
    Files.createDirectories(dir);
    String json =
        "{\"name\":\"测试群\",\"type\":\"private_supergroup\",\"id\":42,\"messages\":["
            + messages
            + "]}";
    Files.writeString(dir.resolve("result.json"), json, StandardCharsets.UTF_8);
    return dir;
  }

  /** A message posting a photo (path relative to the export), sent at 2026-02-0{day}. */
  static String photo(long id, String path, String from, int day) {
    long unix = 1770076800L + day * 86400L + id * 60;
    return String.format(
        java.util.Locale.ROOT,
        "{\"id\":%d,\"type\":\"message\",\"date\":\"2026-02-0%dT12:00:00\",\"date_unixtime\":"
            + "\"%d\",\"from\":\"%s\",\"from_id\":\"user%d\",\"photo\":\"%s\",\"text\":\"\"}",
        id,
        day,
        unix,
        from,
        Math.abs(from.hashCode()),
        path);
  }

  static String text(long id, String text) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"id\":%d,\"type\":\"message\",\"date\":\"2026-02-05T12:00:00\",\"date_unixtime\":"
            + "\"1770292800\",\"from\":\"shop\",\"from_id\":\"user99\",\"text\":\"%s\"}",
        id,
        text);
  }
}
