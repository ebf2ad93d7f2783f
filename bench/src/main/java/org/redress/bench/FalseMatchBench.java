package org.redress.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.redress.match.BankRules;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;

/**
 * Measures the false-match rate of PDQ at the default bank threshold (plain main): a bank of
 * generated innocuous pictures is matched against a separate set of generated pictures made from
 * another random stream, none of which is a copy or an edit of a bank picture, so every match is
 * false. Both sides are compared as a scan compares them: the query's eight dihedral variants
 * against the bank hash, and pictures below the bank's minimum quality are left out on both sides.
 *
 * <p>Pictures come from five families, drawn in turn: photo-like (gradient sky, a disc, noise;
 * {@link SyntheticImages}), overlapping shapes, smooth value noise at a random scale, rotated
 * stripes and checkers, and dark text-like lines on a light page. Nothing depicts a person.
 *
 * <p>Prints the counts, the rate (queries with at least one match over queries compared) with its
 * one-sided 95 % upper bound, and the distribution of each query's nearest distance. Usage: {@code
 * FalseMatchBench [queries=2000] [bank=1000] [threshold=31] [minQuality=50]}.
 */
public final class FalseMatchBench {
  private static final int W = 320;
  private static final int H = 240;
  private static final String[] FAMILIES = {"photo", "shapes", "noise", "stripes", "text"};

  private FalseMatchBench() {}

  /** Runs the measurement and prints the figures. */
  public static void main(String[] args) {
    int queries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int bankSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int threshold = args.length > 2 ? Integer.parseInt(args[2]) : BankRules.DEFAULT_THRESHOLD;
    int minQuality = args.length > 3 ? Integer.parseInt(args[3]) : BankRules.DEFAULT_MIN_QUALITY;
    long start = System.nanoTime();
    PdqHasher hasher = new PdqHasher();
    List<String> bankFamily = new ArrayList<>();
    List<String> queryFamily = new ArrayList<>();
    List<DihedralHashes> bank =
        hashAll(hasher, bankSize, new Random(0xBA4CL), minQuality, bankFamily);
    List<DihedralHashes> query =
        hashAll(hasher, queries, new Random(0x0E27L), minQuality, queryFamily);
    java.util.Map<String, Integer> byPair = new java.util.TreeMap<>();
    java.util.Map<String, Integer> keptByFamily = new java.util.TreeMap<>();
    java.util.Map<String, Integer> matchedByFamily = new java.util.TreeMap<>();
    int matchedQueries = 0;
    long matchedPairs = 0;
    int[] nearest = new int[query.size()];
    for (int q = 0; q < query.size(); q++) {
      int best = Integer.MAX_VALUE;
      boolean any = false;
      for (int bi = 0; bi < bank.size(); bi++) {
        int d = query.get(q).minDistance(bank.get(bi).get(Dihedral.ORIGINAL));
        best = Math.min(best, d);
        if (d <= threshold) {
          byPair.merge(queryFamily.get(q) + " vs " + bankFamily.get(bi), 1, Integer::sum);
          matchedPairs++;
          any = true;
        }
      }
      nearest[q] = best;
      keptByFamily.merge(queryFamily.get(q), 1, Integer::sum);
      if (any) {
        matchedQueries++;
        matchedByFamily.merge(queryFamily.get(q), 1, Integer::sum);
      }
    }
    Arrays.sort(nearest);
    double rate = query.isEmpty() ? 0 : (double) matchedQueries / query.size();
    double upper = upperBound95(matchedQueries, query.size());
    System.out.printf(
        Locale.ROOT,
        "generated: bank %d (kept %d at quality >= %d), queries %d (kept %d)%n",
        bankSize,
        bank.size(),
        minQuality,
        queries,
        query.size(),
        minQuality);
    System.out.printf(
        Locale.ROOT,
        "threshold %d, dihedral: queries with a false match %d of %d = %.4f%%"
            + " (95%% upper bound %.4f%%); false pairs %d of %d%n",
        threshold,
        matchedQueries,
        query.size(),
        100 * rate,
        100 * upper,
        matchedPairs,
        (long) query.size() * bank.size());
    if (nearest.length > 0) {
      System.out.printf(
          Locale.ROOT,
          "nearest distance per query: min %d, 1st percentile %d, 5th %d, median %d%n",
          nearest[0],
          nearest[nearest.length / 100],
          nearest[nearest.length / 20],
          nearest[nearest.length / 2]);
    }
    keptByFamily.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT,
                "  queries of family %s: %d, with a false match %d (95%% upper bound %.4f%%)%n",
                k,
                v,
                matchedByFamily.getOrDefault(k, 0),
                100 * upperBound95(matchedByFamily.getOrDefault(k, 0), v)));
    byPair.forEach(
        (k, v) ->
            System.out.printf(Locale.ROOT, "  false pairs, query vs bank family %s: %d%n", k, v));
    System.out.printf(Locale.ROOT, "took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * The one-sided 95 % upper bound of a proportion (Clopper-Pearson), found by bisection on the
   * binomial tail; for zero events it is about 3/n (the rule of three).
   */
  static double upperBound95(int events, int n) {
    if (n == 0) {
      return 1;
    }
    double lo = (double) events / n;
    double hi = 1;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (binomialCdf(events, n, mid) > 0.05) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static double binomialCdf(int k, int n, double p) {
    double sum = 0;
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    double logC = 0;
    for (int i = 0; i <= k; i++) {
      if (i > 0) {
        logC += Math.log((double) (n - i + 1) / i);
      }
      sum += Math.exp(logC + i * logP + (n - i) * logQ);
    }
    return sum;
  }

  private static List<DihedralHashes> hashAll(
      PdqHasher hasher, int count, Random r, int minQuality, List<String> families) {
    List<DihedralHashes> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] px = picture(FAMILIES[i % FAMILIES.length], r);
      DihedralHashes h = hasher.hashRgbDihedral(px, W, H);
      if (h.quality() >= minQuality) {
        out.add(h);
        families.add(FAMILIES[i % FAMILIES.length]);
      }
    }
    return out;
  }

  /** One generated picture of a family, as RGB pixels. */
  static int[] picture(String family, Random r) {
    if (family.equals("photo")) {
      return SyntheticImages.photoLike(W, H, r);
    }
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    switch (family) {
      case "shapes" -> shapes(g, r);
      case "noise" -> noise(img, r);
      case "stripes" -> stripes(g, r);
      default -> text(g, r);
    }
    g.dispose();
    return img.getRGB(0, 0, W, H, null, 0, W);
  }

  private static Color color(Random r) {
    return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }

  private static void shapes(Graphics2D g, Random r) {
    g.setColor(color(r));
    g.fillRect(0, 0, W, H);
    int n = 3 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      g.setColor(color(r));
      int x = r.nextInt(W) - W / 4;
      int y = r.nextInt(H) - H / 4;
      int w = 20 + r.nextInt(W / 2);
      int h = 20 + r.nextInt(H / 2);
      switch (r.nextInt(3)) {
        case 0 -> g.fillRect(x, y, w, h);
        case 1 -> g.fillOval(x, y, w, h);
        default -> {
          g.setStroke(new BasicStroke(2 + r.nextInt(12)));
          g.drawLine(x, y, x + w, y + h);
        }
      }
    }
  }

  private static void noise(BufferedImage img, Random r) {
    int cells = 3 + r.nextInt(14);
    double[][][] grid = new double[cells + 1][cells + 1][3];
    for (double[][] row : grid) {
      for (double[] c : row) {
        for (int k = 0; k < 3; k++) {
          c[k] = r.nextDouble() * 255;
        }
      }
    }
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double gx = (double) x * cells / W;
        double gy = (double) y * cells / H;
        int ix = (int) gx;
        int iy = (int) gy;
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        int rgb = 0;
        for (int k = 0; k < 3; k++) {
          double top = lerp(grid[iy][ix][k], grid[iy][ix + 1][k], fx);
          double bottom = lerp(grid[iy + 1][ix][k], grid[iy + 1][ix + 1][k], fx);
          int v = (int) Math.round(lerp(top, bottom, fy));
          rgb = (rgb << 8) | Math.max(0, Math.min(255, v));
        }
        img.setRGB(x, y, rgb);
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  private static void stripes(Graphics2D g, Random r) {
    g.setColor(color(r));
    g.fillRect(0, 0, W, H);
    g.rotate(r.nextDouble() * Math.PI, W / 2.0, H / 2.0);
    Color c = color(r);
    int period = 6 + r.nextInt(60);
    boolean checker = r.nextBoolean();
    g.setColor(c);
    for (int x = -W; x < 2 * W; x += period) {
      if (checker) {
        for (int y = -H; y < 2 * H; y += period * 2) {
          g.fillRect(x, y + ((x / period) % 2 == 0 ? 0 : period), period / 2 + 1, period);
        }
      } else {
        g.fillRect(x, -H, period / 2 + 1, 3 * H);
      }
    }
  }

  private static void text(Graphics2D g, Random r) {
    int paper = 200 + r.nextInt(56);
    g.setColor(new Color(paper, paper, paper - r.nextInt(30)));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(r.nextInt(80), r.nextInt(80), r.nextInt(80)));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10 + r.nextInt(20)));
    int line = g.getFontMetrics().getHeight();
    StringBuilder s = new StringBuilder();
    for (int y = line + r.nextInt(20); y < H; y += line) {
      s.setLength(0);
      int words = 2 + r.nextInt(8);
      for (int w = 0; w < words; w++) {
        int len = 1 + r.nextInt(9);
        for (int i = 0; i < len; i++) {
          s.append((char) ('a' + r.nextInt(26)));
        }
        s.append(' ');
      }
      g.drawString(s.toString(), 8 + r.nextInt(30), y);
    }
  }
}
