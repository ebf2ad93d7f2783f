package org.redress.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Test data made on the spot: innocuous generated pictures (coloured rectangles), and a tiny
 * single-chat Telegram export that posts one of them twice, with a hostile chat name and hostile
 * message texts.
 */
final class Fixtures {
  /** A chat name and texts that would run script if they were not escaped. */
  static final String HOSTILE_CHAT = "<script>alert('chat')</script>";

  static final String HOSTILE_SENDER = "\"><img src=x onerror=alert('sender')>";
  static final String HOSTILE_TEXT = "\"><img src=x onerror=alert('text')> 出售针孔摄像头 私聊";

  private Fixtures() {}

  /** Writes {@code n} distinct pictures ({@code picture-1.png} …) into {@code dir}. */
  static Path pictures(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    for (int i = 1; i <= n; i++) {
      ImageIO.write(picture(i), "png", dir.resolve("picture-" + i + ".png").toFile());
    }
    return dir;
  }

  /** An innocuous picture: seeded random coloured rectangles, 320 × 240. */
  static BufferedImage picture(int seed) {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(seed);
    for (int k = 0; k < 40; k++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillRect(r.nextInt(300), r.nextInt(220), 20 + r.nextInt(120), 20 + r.nextInt(100));
    }
    g.dispose();
    return img;
  }

  /**
   * A single-chat export ({@code ChatExport_2026-03-01/result.json}) in {@code dir}: picture 1
   * posted twice (once forwarded), an unrelated picture, and a trade ad; names hostile.
   */
  static Path export(Path dir) throws IOException {
    Path export = dir.resolve("ChatExport_2026-03-01");
    Path photos = Files.createDirectories(export.resolve("photos"));
    ImageIO.write(picture(1), "png", photos.resolve("photo_1.png").toFile());
    ImageIO.write(picture(1), "png", photos.resolve("photo_2.png").toFile());
    ImageIO.write(picture(99), "png", photos.resolve("photo_3.png").toFile());
    String json =
        """
        {
          "name": %s,
          "type": "public_supergroup",
          "id": 1700000999,
          "messages": [
            {"id": 1, "type": "message", "date": "2026-02-03T17:50:45",
             "date_unixtime": "1770112245", "from": %s, "from_id": "user6000000003",
             "photo": "photos/photo_1.png", "width": 320, "height": 240, "text": %s},
            {"id": 2, "type": "message", "date": "2026-02-04T09:10:00",
             "date_unixtime": "1770167400", "from": "Momo", "from_id": "user6000000004",
             "forwarded_from": "someone", "photo": "photos/photo_2.png", "width": 320,
             "height": 240, "text": ""},
            {"id": 3, "type": "message", "date": "2026-02-05T10:00:00",
             "date_unixtime": "1770256800", "from": "Kiki", "from_id": "user6000000005",
             "photo": "photos/photo_3.png", "width": 320, "height": 240, "text": "风景"},
            {"id": 4, "type": "message", "date": "2026-02-05T11:00:00",
             "date_unixtime": "1770260400", "from": "Kiki", "from_id": "user6000000005",
             "text": %s}
          ]
        }
        """;
    json =
        String.format(
            java.util.Locale.ROOT,
            json,
            quote(HOSTILE_CHAT),
            quote(HOSTILE_SENDER),
            quote(HOSTILE_TEXT),
            quote(HOSTILE_TEXT));
    Files.writeString(export.resolve("result.json"), json, StandardCharsets.UTF_8);
    return export;
  }

  /** Zips the folder {@code export} (its name kept as the top folder) into {@code zip}. */
  static Path zip(Path export, Path zip) throws IOException {
    try (java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
        java.util.stream.Stream<Path> files = Files.walk(export)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(p)) {
          String name = export.getFileName() + "/" + export.relativize(p).toString();
          out.putNextEntry(new java.util.zip.ZipEntry(name.replace('\\', '/')));
          Files.copy(p, out);
          out.closeEntry();
        }
      }
    }
    return zip;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
