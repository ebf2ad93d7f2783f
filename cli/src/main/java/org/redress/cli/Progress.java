package org.redress.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A one-line progress bar on stderr, shown only when stderr is a terminal and there is enough work
 * to be worth it. Redraws at most ten times a second.
 */
final class Progress {
  private static final int MIN_ITEMS = 50;
  private final PrintStream term;
  private final int total;
  private int done;
  private long lastDraw;
  private final long started = System.nanoTime();

  private Progress(PrintStream term, int total) {
    this.term = term;
    this.total = total;
  }

  /** A bar for {@code total} files, or a silent one when not on a terminal. */
  static Progress forFiles(int total) {
    boolean terminal = System.console() != null && System.getenv("REDRESS_NO_PROGRESS") == null;
    PrintStream term =
        terminal && total >= MIN_ITEMS
            ? new PrintStream(System.err, true, StandardCharsets.UTF_8)
            : null;
    return new Progress(term, total);
  }

  void step() {
    done++;
    if (term == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) ((long) done * width / Math.max(1, total));
    double secs = (now - started) / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    StringBuilder sb = new StringBuilder("\r[");
    for (int i = 0; i < width; i++) {
      sb.append(i < filled ? '#' : '.');
    }
    sb.append("] ").append(Msg.get("progress", "files.rate", done, total, Math.round(rate)));
    term.print(sb);
  }

  void finish() {
    if (term != null) {
      term.print("\r\033[K");
      term.flush();
    }
  }
}
