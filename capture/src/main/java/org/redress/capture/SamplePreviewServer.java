package org.redress.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample channel preview site ({@link SamplePreview}) served on 127.0.0.1 on a free port, for
 * tests and the demo; closed by its user. It serves {@code /robots.txt}, {@code /s/NAME} (and a
 * copy under {@code /private/}, which robots.txt disallows), {@code /css/widget.css} and the given
 * media files. A minimal HTTP/1.1 server (GET only, one request per connection) on a daemon thread.
 */
public final class SamplePreviewServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private SamplePreviewServer(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = new Thread(this::serve, "redress-sample-preview");
    acceptor.setDaemon(true);
  }

  /**
   * Starts the site.
   *
   * @param media the bodies of the posts' media paths (e.g. {@code /media/1.jpg}), JPEG
   * @throws IOException when no loopback port can be bound
   */
  public static SamplePreviewServer start(
      String name,
      String title,
      String subscribers,
      List<SamplePreview.SamplePost> posts,
      Map<String, byte[]> media)
      throws IOException {
    SamplePreviewServer s =
        new SamplePreviewServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    s.files.put("/robots.txt", SamplePreview.robots().getBytes(StandardCharsets.UTF_8));
    byte[] page =
        SamplePreview.page(name, title, subscribers, posts).getBytes(StandardCharsets.UTF_8);
    s.files.put("/s/" + name, page);
    s.files.put("/private/s/" + name, page);
    s.files.put("/css/widget.css", SamplePreview.css().getBytes(StandardCharsets.UTF_8));
    s.files.putAll(media);
    s.acceptor.start();
    return s;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket c = socket.accept()) {
        c.setSoTimeout(10_000);
        answer(c);
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        // a client that went away; serve the next
      }
    }
  }

  private void answer(Socket c) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
    String line = in.readLine();
    if (line == null) {
      return;
    }
    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
      // headers are not needed
    }
    requests.incrementAndGet();
    String[] parts = line.split(" ");
    String path = parts.length > 1 ? URI.create(parts[1]).getPath() : "/";
    byte[] body = parts[0].equals("GET") ? files.get(path) : null;
    OutputStream out = c.getOutputStream();
    if (body == null) {
      String status = parts[0].equals("GET") ? "404 Not Found" : "405 Method Not Allowed";
      out.write(
          ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
    } else {
      String ext = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "html";
      String type = SamplePreview.types().getOrDefault(ext, "application/octet-stream");
      out.write(
          String.format(
                  Locale.ROOT,
                  "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n"
                      + "Content-Length: %d\r\nConnection: close\r\n\r\n",
                  type,
                  body.length)
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    }
    out.flush();
  }

  /** The URL of a path on the site. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
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
    try {
      socket.close();
      acceptor.join(5000);
    } catch (IOException e) {
      // closing a listening socket: nothing to save
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
