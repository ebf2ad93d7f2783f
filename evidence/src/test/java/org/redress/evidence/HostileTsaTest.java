package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: "a hostile or intercepted TSA reply of 4 GiB hangs evidence add holding the workspace
 * lock". The reply is capped at 64 KiB; the add returns with a warning.
 */
class HostileTsaTest {
  @TempDir Path tmp;

  @Test
  void evidenceAdd_tsaSendsEndlessReply_refusedAtCapItemStoredWithWarning() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    long[] sent = {0};
    server.createContext(
        "/tsa",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          try (OutputStream out = ex.getResponseBody()) {
            for (long i = 0; i < (4L << 30) / chunk.length; i++) {
              out.write(chunk);
              sent[0] += chunk.length;
            }
          } catch (java.io.IOException closed) {
            // the client hung up, as it must
          }
        });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
      long t0 = System.nanoTime();
      EvidenceStore s = Fixtures.store(tmp.resolve("ws")).tsa(url).open();
      try (s) {
        Item it = s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 100, 1)));
        assertThat(it.id()).isZero();
      }
      // The TSA is asked when the store closes, after the workspace lock is released.
      {
        assertThat(s.drainWarnings())
            .singleElement()
            .asString()
            .contains("reply larger than 65536 bytes; refused")
            .contains("the items are stored");
      }
      assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("seconds").isLessThan(30);
      assertThat(sent[0]).as("the client stopped reading early").isLessThan(64L << 20);
    } finally {
      server.stop(0);
    }
  }
}
