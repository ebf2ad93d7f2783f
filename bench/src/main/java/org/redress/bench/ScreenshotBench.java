package org.redress.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.screenshots.CountText;
import org.redress.screenshots.Region;
import org.redress.screenshots.ScreenText;
import org.redress.screenshots.Screenshots;
import org.redress.screenshots.SyntheticScreenshots;

/**
 * Screenshot throughput (plain main, one thread): synthetic screenshots of every layout (phone and
 * desktop) per second for region finding + hashing (each region and its alternative cuts, dihedral
 * PDQ), and for the same plus OCR of the text (Tesseract, chi_sim+eng) when installed. Generation
 * is not timed. State the machine load next to the figures.
 *
 * <p>Usage: {@code ScreenshotBench [shots=50] [ocrShots=10]}.
 */
public final class ScreenshotBench {
  private ScreenshotBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int ocrN = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    SyntheticScreenshots gen = SyntheticScreenshots.withSystemFont();
    SyntheticScreenshots.Layout[] layouts = SyntheticScreenshots.Layout.values();
    List<BufferedImage> shots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BufferedImage pic = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
      pic.setRGB(
          0, 0, 640, 480, SyntheticImages.photoLike(640, 480, new java.util.Random(i)), 0, 640);
      shots.add(gen.render(pic, layouts[i % layouts.length], i).image());
    }
    int hashes = 0;
    for (int i = 0; i < Math.min(5, n); i++) {
      hashes += Screenshots.regionHashes(shots.get(i)).size(); // warm-up
    }
    long t0 = System.nanoTime();
    hashes = 0;
    for (BufferedImage s : shots) {
      hashes += Screenshots.regionHashes(s).size();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "regions + hashing: %d screenshots in %.2f s = %.1f/s" + " (%.1f region hashes each)%n",
        n,
        secs,
        n / secs,
        hashes / (double) n);
    var why = ScreenText.unavailable();
    if (ocrN <= 0) {
      return;
    }
    if (why.isPresent()) {
      System.out.println("with OCR: not measured: " + why.get());
      return;
    }
    ScreenText ocr = ScreenText.open();
    int k = Math.min(ocrN, n);
    long t1 = System.nanoTime();
    int readings = 0;
    for (int i = 0; i < k; i++) {
      List<Region> regions = Screenshots.regions(shots.get(i));
      Screenshots.regionHashes(shots.get(i));
      readings +=
          CountText.read(
                  ocr.lines(shots.get(i), regions.isEmpty() ? List.of() : List.of(regions.get(0))))
              .size();
    }
    double s2 = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "regions + hashing + OCR: %d screenshots in %.2f s = %.2f/s" + " (%.1f readings each)%n",
        k,
        s2,
        k / s2,
        readings / (double) k);
  }
}
