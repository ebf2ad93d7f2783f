package org.redress.capture;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample channel preview site ({@link SamplePreview}) served on 127.0.0.1 on a free port, for
 * tests and the demo; closed by its user. It serves {@code /robots.txt}, {@code /s/NAME} (and a
 * copy under {@code /private/}, which robots.txt disallows), {@code /css/widget.css} and the given
 * media files.
 */
public final class SamplePreviewServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private SamplePreviewServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the site.
   *
   * @param media the bodies of the posts' media paths (e.g. {@code /media/1.jpg}), JPEG
   * @throws IOException when no loopback port can be bound
   */
  public static SamplePreviewServer start(String name, String title, String subscribers,
      List<SamplePreview.SamplePost> posts, Map<String, byte[]> media) throws IOException {
    HttpServer http = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SamplePreviewServer s = new SamplePreviewServer(http);
    s.files.put("/robots.txt", SamplePreview.robots().getBytes(StandardCharsets.UTF_8));
    byte[] page = SamplePreview.page(name, title, subscribers, posts)
        .getBytes(StandardCharsets.UTF_8);
    s.files.put("/s/" + name, page);
    s.files.put("/private/s/" + name, page);
    s.files.put("/css/widget.css", SamplePreview.css().getBytes(StandardCharsets.UTF_8));
    s.files.putAll(media);
    http.createContext("/", ex -> {
      s.requests.incrementAndGet();
      String path = ex.getRequestURI().getPath();
      byte[] body = s.files.get(path);
      if (body == null || !ex.getRequestMethod().equals("GET")) {
        ex.sendResponseHeaders(body == null ? 404 : 405, -1);
        ex.close();
        return;
      }
      String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "html";
      ex.getResponseHeaders().add("Content-Type",
          SamplePreview.types().getOrDefault(ext, "application/octet-stream"));
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    http.start();
    return s;
  }

  /** The URL of a path on the site. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The body served at a path, or null. */
  public byte[] file(String path) {
    return files.get(path);
  }

  /** How many requests the site has answered. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
