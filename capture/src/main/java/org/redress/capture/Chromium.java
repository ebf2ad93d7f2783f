package org.redress.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A page's screenshot by headless Chromium (Debian's {@code chromium}), in a fresh profile that is
 * deleted afterwards, with background networking, sync, component updates and QUIC off so that the
 * browser fetches nothing but the page.
 */
final class Chromium {
  /** What to install when Chromium is missing. */
  static final String INSTALL = "apt-get install chromium";

  static final int WIDTH = 1280;
  static final int HEIGHT = 4000;

  private Chromium() {}

  /** The browser: $REDRESS_CHROMIUM, else chromium or chromium-browser on PATH. */
  static Optional<Path> find() {
    String env = System.getenv("REDRESS_CHROMIUM");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Takes a {@value #WIDTH} × {@value #HEIGHT} screenshot of the page (a tall window, so most pages
   * fit whole) into {@code png}.
   *
   * @throws IOException when Chromium fails or takes longer than {@code timeoutSeconds}
   */
  static void screenshot(Path chromium, String url, Path png, int timeoutSeconds)
      throws IOException {
    Path profile = Files.createTempDirectory("redress-chromium-");
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  chromium.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--hide-scrollbars",
                  "--user-data-dir=" + profile,
                  "--window-size=" + WIDTH + "," + HEIGHT,
                  "--screenshot=" + png.toAbsolutePath(),
                  url));
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(profile.resolve("chromium.log").toFile());
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted while Chromium took the screenshot", e);
      }
      if (!done) {
        p.destroyForcibly();
        throw new IOException("Chromium took longer than " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(png) || Files.size(png) == 0) {
        throw new IOException("Chromium exited with " + p.exitValue() + " and no screenshot");
      }
    } finally {
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
