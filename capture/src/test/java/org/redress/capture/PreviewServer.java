package org.redress.capture;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** The sample channel preview site on 127.0.0.1, on a free port, for one test. */
final class PreviewServer implements AutoCloseable {
  final HttpServer server;
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();

  PreviewServer(String name, String title, String subscribers,
      List<SamplePreview.SamplePost> posts) throws IOException {
    files.put("/robots.txt", SamplePreview.robots().getBytes(StandardCharsets.UTF_8));
    files.put("/s/" + name, SamplePreview.page(name, title, subscribers, posts)
        .getBytes(StandardCharsets.UTF_8));
    files.put("/private/s/" + name, files.get("/s/" + name));
    files.put("/css/widget.css", SamplePreview.css().getBytes(StandardCharsets.UTF_8));
    for (SamplePreview.SamplePost p : posts) {
      for (String m : p.media()) {
        files.put(m, jpeg(picture(m.hashCode())));
      }
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] body = files.get(ex.getRequestURI().getPath());
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      String path = ex.getRequestURI().getPath();
      String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "html";
      ex.getResponseHeaders().add("Content-Type", SamplePreview.types().get(ext));
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  static BufferedImage picture(long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(256), 120, 200), 0, 480,
        new Color(230, 180, r.nextInt(256))));
    g.fillRect(0, 0, 640, 480);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillOval(r.nextInt(600), r.nextInt(440), 40 + r.nextInt(120), 40 + r.nextInt(120));
    }
    g.dispose();
    return img;
  }

  static byte[] jpeg(BufferedImage img) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
