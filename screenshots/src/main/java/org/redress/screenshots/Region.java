package org.redress.screenshots;

import java.util.Locale;

/**
 * A rectangle inside a screenshot, in the screenshot's pixels (as displayed, after EXIF
 * orientation). Its text form {@code x,y,w,h} round-trips through {@link #parse}.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, at least 1
 * @param height height, at least 1
 */
public record Region(int x, int y, int width, int height) {
  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException when x or y is negative or a side is below 1
   */
  public Region {
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "region must have x, y >= 0 and width, height >= 1, was " + text(x, y, width, height));
    }
  }

  /**
   * Reads {@code x,y,w,h}.
   *
   * @throws IllegalArgumentException when the text is not four non-negative integers
   */
  public static Region parse(String text) {
    String[] p = text.split(",", -1);
    if (p.length != 4) {
      throw new IllegalArgumentException("region must be x,y,w,h, was '" + text + "'");
    }
    try {
      return new Region(
          Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
          Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("region must be x,y,w,h, was '" + text + "'", e);
    }
  }

  /** The area in pixels. */
  public long area() {
    return (long) width * height;
  }

  /** The area shared with {@code o} over the area of their union (0..1). */
  public double iou(Region o) {
    int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
    int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
    double inter = (double) ix * iy;
    return inter / (area() + o.area() - inter);
  }

  @Override
  public String toString() {
    return text(x, y, width, height);
  }

  private static String text(int x, int y, int w, int h) {
    return String.format(Locale.ROOT, "%d,%d,%d,%d", x, y, w, h);
  }
}
