package org.redress.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The scan's progress bar on stderr: files checked / total, rate and time left. Shown only on a
 * terminal (and not when {@code REDRESS_NO_PROGRESS} is set); redraws at most ten times a second.
 * Thread-safe: the scan reports from its hashing threads.
 */
final class ScanProgressBar {
  private final PrintStream term;
  private final long total;
  private final long started = System.nanoTime();
  private long lastDraw;

  private ScanProgressBar(PrintStream term, long total) {
    this.term = term;
    this.total = total;
  }

  /** Whether a bar would be shown at all (decides whether to count the files first). */
  static boolean wanted() {
    return System.console() != null && System.getenv("REDRESS_NO_PROGRESS") == null;
  }

  static ScanProgressBar of(long total) {
    return new ScanProgressBar(new PrintStream(System.err, true, StandardCharsets.UTF_8), total);
  }

  synchronized void checked(long done) {
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    term.print(line(done, total, (now - started) / 1e9));
  }

  /** {@code [#####.....] 120/5000 41.3 files/s ETA 1m58s}. */
  static String line(long done, long total, double secs) {
    int width = 30;
    int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
    StringBuilder sb = new StringBuilder("\r[");
    for (int i = 0; i < width; i++) {
      sb.append(i < filled ? '#' : '.');
    }
    double rate = secs > 0 ? done / secs : 0;
    sb.append(String.format(Locale.ROOT, "] %d/%d  %.1f files/s", done, total, rate));
    if (rate > 0 && total > done) {
      long left = Math.round((total - done) / rate);
      sb.append(String.format(Locale.ROOT, "  ETA %dm%02ds", left / 60, left % 60));
    }
    sb.append("   ");
    return sb.toString();
  }

  synchronized void finish() {
    term.print("\r\033[K");
    term.flush();
  }
}
