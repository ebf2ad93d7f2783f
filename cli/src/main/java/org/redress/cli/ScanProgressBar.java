package org.redress.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The scan's progress line on stderr: files checked so far and the rate. Shown only on a terminal
 * (and not when {@code REDRESS_NO_PROGRESS} is set); redraws at most ten times a second.
 * Thread-safe: the scan reports from its hashing threads.
 *
 * <p>It has no total and no time left on purpose (issue 21): knowing the total would take a second
 * pass over every export before the first file is hashed.
 */
final class ScanProgressBar {
  private final PrintStream term;
  private final long started = System.nanoTime();
  private long lastDraw;

  private ScanProgressBar(PrintStream term) {
    this.term = term;
  }

  /** Whether the line would be shown at all. */
  static boolean wanted() {
    return System.console() != null && System.getenv("REDRESS_NO_PROGRESS") == null;
  }

  static ScanProgressBar create() {
    return new ScanProgressBar(new PrintStream(System.err, true, StandardCharsets.UTF_8));
  }

  synchronized void checked(long done) {
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    term.print(line(done, (now - started) / 1e9));
  }

  /** {@code checked 120 media files 41.3 files/s}. */
  static String line(long done, double secs) {
    double rate = secs > 0 ? done / secs : 0;
    return "\r" + Msg.get("progress", "scan.checked", done, rate);
  }

  synchronized void finish() {
    term.print("\r\033[K");
    term.flush();
  }
}
