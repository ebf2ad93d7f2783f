package org.redress.web.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out for SVG: one row per entry, bar lengths scaled to the largest
 * value. The template draws it with {@code <rect>} and {@code <text>} (no script, no style
 * attribute), and a table beside it carries the same numbers for screen readers.
 */
public record BarChart(List<Bar> bars, int width, int height) {
  /** Row height, label column width and bar area width, in SVG units. */
  static final int ROW = 22;

  static final int LABEL = 200;
  static final int AREA = 320;

  /** At most this many rows are drawn (the table lists every entry). */
  static final int MAX_ROWS = 40;

  /** One label and its count. */
  public record Entry(String label, long value) {}

  /** One drawn row. */
  public record Bar(
      String label, String shortLabel, long value, int y, int length, int textY, int valueX) {}

  /** Lays out {@code entries} in their order. */
  public static BarChart of(List<Entry> entries) {
    long max = 1;
    for (Entry e : entries) {
      max = Math.max(max, e.value());
    }
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (Entry e : entries.subList(0, Math.min(entries.size(), MAX_ROWS))) {
      int len = (int) Math.max(e.value() > 0 ? 2 : 0, e.value() * AREA / max);
      String s = e.label().length() > 24 ? e.label().substring(0, 23) + "…" : e.label();
      bars.add(new Bar(e.label(), s, e.value(), y + 3, len, y + 16, LABEL + len + 6));
      y += ROW;
    }
    return new BarChart(List.copyOf(bars), LABEL + AREA + 60, Math.max(y, ROW));
  }

  /** Whether there is nothing to draw. */
  public boolean empty() {
    return bars.isEmpty();
  }

  /** The x where bars start. */
  public int barX() {
    return LABEL;
  }

  /** The SVG view box. */
  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
