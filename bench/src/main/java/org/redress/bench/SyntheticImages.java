package org.redress.bench;

import java.util.Random;

/** Innocuous generated test pictures: smooth gradients, shapes and a little noise. */
public final class SyntheticImages {
  private SyntheticImages() {}

  /** A photo-like RGB picture ({@code 0xRRGGBB}), deterministic for a given random source. */
  public static int[] photoLike(int width, int height, Random r) {
    int[] px = new int[width * height];
    double cx = width * (0.3 + 0.4 * r.nextDouble());
    double cy = height * (0.3 + 0.4 * r.nextDouble());
    double radius = Math.min(width, height) * (0.15 + 0.2 * r.nextDouble());
    int hue = r.nextInt(256);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double sky = 255.0 * y / height;
        double wave = 40 * Math.sin(x * 0.02 + y * 0.013);
        double d = Math.hypot(x - cx, y - cy);
        boolean disc = d < radius;
        int red = clamp(disc ? hue : sky * 0.6 + wave + r.nextInt(9) - 4);
        int green = clamp(disc ? 255 - hue : 120 + wave * 0.5 + r.nextInt(9) - 4);
        int blue = clamp(disc ? 90 : 255 - sky * 0.7 + r.nextInt(9) - 4);
        px[y * width + x] = (red << 16) | (green << 8) | blue;
      }
    }
    return px;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
