package org.redress.screenshots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the picture regions of a screenshot: the axis-aligned rectangles that are neither flat user
 * interface nor text.
 *
 * <p>Implementation notes. The screenshot is first reduced (box filter) so that its longer side is
 * at most {@value #ANALYSIS_SIDE} pixels. It is then cut into {@value #BLOCK} × {@value #BLOCK}
 * blocks, and a block counts as <em>picture</em> when its colours vary (luma range at least {@value
 * #MIN_RANGE}) and are not explained by two colours and the blends between them: flat UI is one
 * colour, and anti-aliased text or icons are two colours and their mixes, so in both the pixels lie
 * on the segment between the block's darkest and brightest colour. Picture blocks are joined (a
 * closing of {@value #JOIN} blocks) into components; each large enough component gives a box, and
 * each side of the box is then moved to the picture's real border, because smooth parts of a
 * picture (a sky, a wall) are flat at block scale: a border is a line where the colour jumps along
 * most of the side while the lines just outside it are uniform along the side (the bubble or
 * background around an embedded picture; "uniform" also admits a line that is at least 70 % one
 * colour, as when an avatar sits beside the picture), or the edge of the screenshot. Picture blocks
 * are joined across one block only, so that a column of avatars does not chain the picture to every
 * bubble of the chat. {@link #variants} adds cuts for sides that still landed on the wrong border.
 *
 * <p>Limits: pictures must be upright rectangles at least {@value #MIN_SIDE_FRACTION_PCT} % of the
 * screenshot's shorter side wide and high; a picture on a background of its own border colour keeps
 * the box of its textured part; pictures that overlap or touch without a gap are found as one
 * region.
 */
public final class RegionFinder {
  static final int ANALYSIS_SIDE = 800;
  static final int BLOCK = 8;
  static final int MIN_RANGE = 24;
  static final int JOIN = 1;
  static final int MIN_SIDE_FRACTION_PCT = 12;

  /** Regions covering more than this share of the screenshot are the screenshot itself. */
  static final double WHOLE = 0.92;

  private RegionFinder() {}

  /**
   * The picture regions of an image given as packed RGB, largest first. A photo that is not a
   * screenshot gives no region (its one region would be the whole image).
   *
   * @param rgb packed 0xRRGGBB pixels, row by row
   * @throws IllegalArgumentException when the buffer does not hold width × height pixels
   */
  public static List<Region> find(int[] rgb, int width, int height) {
    if (width < 1 || height < 1 || rgb.length < (long) width * height) {
      throw new IllegalArgumentException(
          "rgb must hold width x height pixels, was "
              + rgb.length
              + " for "
              + width
              + "x"
              + height);
    }
    double scale = Math.min(1.0, ANALYSIS_SIDE / (double) Math.max(width, height));
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    int[] small = scale < 1.0 ? reduce(rgb, width, height, w, h) : rgb;
    List<int[]> boxes = new Analysis(small, w, h).boxes();
    List<Region> out = new ArrayList<>();
    double sx = width / (double) w;
    double sy = height / (double) h;
    for (int[] b : boxes) {
      int x0 = clamp((int) Math.round(b[0] * sx), 0, width - 1);
      int y0 = clamp((int) Math.round(b[1] * sy), 0, height - 1);
      int x1 = clamp((int) Math.round(b[2] * sx), x0 + 1, width);
      int y1 = clamp((int) Math.round(b[3] * sy), y0 + 1, height);
      int slack = (int) Math.ceil(Math.max(sx, sy)) + 2;
      Region r = snap(rgb, width, height, new Region(x0, y0, x1 - x0, y1 - y0), slack);
      if (r.area() > WHOLE * width * height) {
        continue;
      }
      boolean dup = false;
      for (Region o : out) {
        dup |= o.iou(r) > 0.8;
      }
      if (!dup) {
        out.add(r);
      }
    }
    out.sort(
        Comparator.comparingLong(Region::area)
            .reversed()
            .thenComparingInt(Region::y)
            .thenComparingInt(Region::x));
    return out;
  }

  /**
   * Alternative cuts of a region, for when a side was put at the wrong border (a caption strip
   * under a picture, an avatar column beside it, a pale picture merged with the bubble below it):
   * for each side, the line where the colour jumps along most of the side while the line just
   * outside the cut is mostly one colour (the background around an embedded picture, possibly
   * interrupted by an avatar), else the strongest straight jump within the side's outer two thirds;
   * every combination of keeping or cutting each side, the region itself excluded.
   */
  public static List<Region> variants(int[] rgb, int width, Region r) {
    int x0 = r.x();
    int y0 = r.y();
    int x1 = r.x() + r.width();
    int y1 = r.y() + r.height();
    int top = cut(rgb, width, true, true, x0, x1, y0 + 4, y1 - r.height() / 4);
    int bottom = cut(rgb, width, true, false, x0, x1, y0 + r.height() / 4, y1 - 4);
    int left = cut(rgb, width, false, true, y0, y1, x0 + 4, x1 - r.width() / 4);
    int right = cut(rgb, width, false, false, y0, y1, x0 + r.width() / 4, x1 - 4);
    List<Region> out = new ArrayList<>();
    for (int m = 1; m < 16; m++) {
      int a = (m & 1) != 0 ? top : y0;
      int b = (m & 2) != 0 ? bottom : y1;
      int c = (m & 4) != 0 ? left : x0;
      int d = (m & 8) != 0 ? right : x1;
      if (((m & 1) != 0 && top < 0)
          || ((m & 2) != 0 && bottom < 0)
          || ((m & 4) != 0 && left < 0)
          || ((m & 8) != 0 && right < 0)) {
        continue;
      }
      if (b - a >= r.height() / 4 && d - c >= r.width() / 4 && b - a > 8 && d - c > 8) {
        out.add(new Region(c, a, d - c, b - a));
      }
    }
    return out;
  }

  /**
   * The cut line in [from, to) across [a0, a1), or -1 when none is strong. For a low side (top,
   * left) the cut line is the first line inside, for a high side the exclusive end. A line whose
   * outside neighbour is mostly one colour and that jumps along most of that colour wins; failing
   * that, the strongest jump in the outer two thirds.
   */
  private static int cut(
      int[] rgb, int width, boolean horizontal, boolean low, int a0, int a1, int from, int to) {
    int trim = (a1 - a0) / 10;
    int lo = a0 + trim;
    int hi = a1 - trim;
    int height = rgb.length / width;
    int limit = horizontal ? height : width;
    int span = Math.max(1, hi - lo);
    int best = -1;
    double bestScore = 0.45;
    int framed = -1;
    double framedScore = 0.5;
    int[] bins = new int[4096];
    int outer = low ? from + (to - from) * 2 / 3 : to - (to - from) * 2 / 3;
    for (int p = Math.max(3, from); p < to && p + 2 < limit; p++) {
      // low side: line p is inside, p-1 and p-2 outside; high side: p-1 inside, p and p+1 out
      int in = low ? p + 1 : p - 2;
      int out = low ? p - 2 : p + 1;
      int n = 0;
      for (int a = lo; a < hi; a++) {
        if (Analysis.diff(
                pixel(rgb, width, horizontal, in, a), pixel(rgb, width, horizontal, out, a))
            >= 14) {
          n++;
        }
      }
      double score = n / (double) span;
      boolean inOuter = low ? p <= outer : p >= outer;
      if (inOuter && score > bestScore) {
        best = p;
        bestScore = score;
      }
      int[] bg = dominant(rgb, width, horizontal, out, lo, hi, bins);
      if (bg[1] >= 0.6 * span) {
        int nextOut = low ? p - 3 : p + 2;
        int m = 0;
        for (int a = lo; a < hi; a++) {
          int o = pixel(rgb, width, horizontal, out, a);
          if (Analysis.diff(o, bg[0]) <= 10
              && Analysis.diff(pixel(rgb, width, horizontal, nextOut, a), bg[0]) <= 10
              && Analysis.diff(pixel(rgb, width, horizontal, in, a), o) >= 12) {
            m++;
          }
        }
        double fs = m / (double) bg[1];
        if (fs > framedScore) {
          framed = p;
          framedScore = fs;
        }
      }
    }
    return framed >= 0 ? framed : best;
  }

  private static int pixel(int[] rgb, int width, boolean horizontal, int line, int a) {
    return horizontal ? rgb[line * width + a] : rgb[a * width + line];
  }

  /**
   * The most common colour (4 bits a channel) along a line and how many pixels lie near it; {@code
   * bins} is scratch space of 4096 zeros, left zeroed.
   */
  private static int[] dominant(
      int[] rgb, int width, boolean horizontal, int line, int lo, int hi, int[] bins) {
    int bestN = 0;
    int bestP = 0;
    for (int a = lo; a < hi; a++) {
      int p = pixel(rgb, width, horizontal, line, a);
      int key = ((p >> 20) & 0xF) << 8 | ((p >> 12) & 0xF) << 4 | ((p >> 4) & 0xF);
      int n = ++bins[key];
      if (n > bestN) {
        bestN = n;
        bestP = p;
      }
    }
    int near = 0;
    for (int a = lo; a < hi; a++) {
      int p = pixel(rgb, width, horizontal, line, a);
      bins[((p >> 20) & 0xF) << 8 | ((p >> 12) & 0xF) << 4 | ((p >> 4) & 0xF)] = 0;
      if (Analysis.diff(p, bestP) <= 10) {
        near++;
      }
    }
    return new int[] {bestP, near};
  }

  /**
   * Moves each side of a region found at analysis scale to the strongest colour jump within {@code
   * slack} pixels at full resolution (a few pixels of background inside a region change its hash
   * noticeably).
   */
  static Region snap(int[] rgb, int width, int height, Region r, int slack) {
    int x0 = r.x();
    int y0 = r.y();
    int x1 = r.x() + r.width();
    int y1 = r.y() + r.height();
    for (int pass = 0; pass < 2; pass++) {
      y0 = strongest(rgb, width, height, true, y0, x0, x1, slack, true);
      y1 = strongest(rgb, width, height, true, y1, x0, x1, slack, false);
      x0 = strongest(rgb, width, height, false, x0, y0, y1, slack, true);
      x1 = strongest(rgb, width, height, false, x1, y0, y1, slack, false);
    }
    if (x1 - x0 < 1 || y1 - y0 < 1) {
      return r;
    }
    return new Region(x0, y0, x1 - x0, y1 - y0);
  }

  /** The position near {@code pos} where the jump across the side is strongest. */
  private static int strongest(
      int[] rgb,
      int width,
      int height,
      boolean horizontal,
      int pos,
      int a0,
      int a1,
      int slack,
      boolean low) {
    int limit = horizontal ? height : width;
    int trim = (a1 - a0) / 10;
    int lo = a0 + trim;
    int hi = a1 - trim;
    if (hi - lo < 4) {
      return pos;
    }
    int best = pos;
    double bestScore = 0.3;
    for (int p = Math.max(1, pos - slack); p <= Math.min(limit - 1, pos + slack); p++) {
      // low side: line p is inside, p-1 outside; high side (exclusive end): p-1 inside, p out
      int in = low ? p : p - 1;
      int out = low ? p - 1 : p;
      int n = 0;
      for (int a = lo; a < hi; a++) {
        int pi = horizontal ? rgb[in * width + a] : rgb[a * width + in];
        int po = horizontal ? rgb[out * width + a] : rgb[a * width + out];
        if (Analysis.diff(pi, po) >= 14) {
          n++;
        }
      }
      double score = n / (double) (hi - lo);
      if (score > bestScore + 0.05
          || (score > bestScore - 0.05
              && Math.abs(p - pos) < Math.abs(best - pos)
              && score >= bestScore)) {
        best = p;
        bestScore = Math.max(bestScore, score);
      }
    }
    if (pos <= 0 || pos >= limit) {
      return pos;
    }
    return best;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Box-filter reduction to w × h. */
  static int[] reduce(int[] rgb, int width, int height, int w, int h) {
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int sy0 = (int) ((long) y * height / h);
      int sy1 = Math.max(sy0 + 1, (int) ((long) (y + 1) * height / h));
      for (int x = 0; x < w; x++) {
        int sx0 = (int) ((long) x * width / w);
        int sx1 = Math.max(sx0 + 1, (int) ((long) (x + 1) * width / w));
        long r = 0;
        long g = 0;
        long b = 0;
        for (int yy = sy0; yy < sy1; yy++) {
          int row = yy * width;
          for (int xx = sx0; xx < sx1; xx++) {
            int p = rgb[row + xx];
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
          }
        }
        long n = (long) (sy1 - sy0) * (sx1 - sx0);
        out[y * w + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
      }
    }
    return out;
  }

  /** The work on one reduced image. */
  private static final class Analysis {
    private final int[] px;
    private final int w;
    private final int h;
    private final int[] scratch = new int[4096];

    Analysis(int[] px, int w, int h) {
      this.px = px;
      this.w = w;
      this.h = h;
    }

    /** Boxes as {x0, y0, x1, y1} (exclusive ends) in reduced pixels. */
    List<int[]> boxes() {
      int bw = (w + BLOCK - 1) / BLOCK;
      int bh = (h + BLOCK - 1) / BLOCK;
      boolean[] pic = new boolean[bw * bh];
      for (int by = 0; by < bh; by++) {
        for (int bx = 0; bx < bw; bx++) {
          pic[by * bw + bx] = pictureBlock(bx * BLOCK, by * BLOCK);
        }
      }
      boolean[] joined = close(pic, bw, bh);
      int minSide = Math.max(2, Math.min(w, h) * MIN_SIDE_FRACTION_PCT / 100 / BLOCK);
      List<int[]> out = new ArrayList<>();
      int[] label = new int[bw * bh];
      int next = 0;
      int[] stack = new int[bw * bh];
      for (int i = 0; i < label.length; i++) {
        if (!joined[i] || label[i] != 0) {
          continue;
        }
        next++;
        int sp = 0;
        stack[sp++] = i;
        label[i] = next;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int count = 0;
        while (sp > 0) {
          int c = stack[--sp];
          int cx = c % bw;
          int cy = c / bw;
          if (pic[c]) {
            x0 = Math.min(x0, cx);
            y0 = Math.min(y0, cy);
            x1 = Math.max(x1, cx);
            y1 = Math.max(y1, cy);
            count++;
          }
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int nx = cx + dx;
              int ny = cy + dy;
              if (nx >= 0 && ny >= 0 && nx < bw && ny < bh) {
                int n = ny * bw + nx;
                if (joined[n] && label[n] == 0) {
                  label[n] = next;
                  stack[sp++] = n;
                }
              }
            }
          }
        }
        if (x1 < 0 || x1 - x0 + 1 < minSide || y1 - y0 + 1 < minSide) {
          continue;
        }
        int area = (x1 - x0 + 1) * (y1 - y0 + 1);
        if (count < 0.15 * area) {
          continue;
        }
        int[] box = {
          x0 * BLOCK, y0 * BLOCK, Math.min(w, (x1 + 1) * BLOCK), Math.min(h, (y1 + 1) * BLOCK)
        };
        refine(box);
        out.add(box);
      }
      out.addAll(borderBoxes(minSide * BLOCK));
      return out;
    }

    /**
     * Rectangles bounded by a top and a bottom border (a long run of colour jumps with a uniform
     * line outside it) at about the same left and right ends, whose inside is colourful.
     */
    private List<int[]> borderBoxes(int minSide) {
      List<int[]> tops = new ArrayList<>();
      List<int[]> bottoms = new ArrayList<>();
      for (int y = 3; y < h - 3; y++) {
        runs(y, true, minSide, tops);
        runs(y, false, minSide, bottoms);
      }
      List<int[]> out = new ArrayList<>();
      int tol = Math.max(4, minSide / 6);
      for (int[] t : tops) {
        for (int[] b : bottoms) {
          if (b[0] > t[0] + minSide
              && Math.abs(b[1] - t[1]) <= tol
              && Math.abs(b[2] - t[2]) <= tol) {
            int[] box = {Math.max(t[1], b[1]), t[0], Math.min(t[2], b[2]), b[0]};
            if (colourful(box)) {
              refine(box);
              out.add(box);
            }
            break;
          }
        }
      }
      return out;
    }

    /**
     * The runs of row y that are a top border (row y-1 outside) or a bottom border (row y+1
     * outside): {y of the picture's edge line, x0, x1}.
     */
    private void runs(int y, boolean top, int minLen, List<int[]> out) {
      // Compare with the line two outside: a border blended over one line by scaling or JPEG
      // still shows its full jump.
      int in = y;
      int o = top ? y - 2 : y + 2;
      int o2 = top ? y - 3 : y + 3;
      if (o2 < 0 || o2 >= h) {
        return;
      }
      int start = -1;
      int gap = 0;
      int jumps = 0;
      for (int x = 0; x <= w; x++) {
        boolean flatOut = x < w && diff(px[o * w + x], px[o2 * w + x]) <= 8;
        boolean j = flatOut && diff(px[in * w + x], px[o * w + x]) >= 12;
        if (j) {
          if (start < 0) {
            start = x;
            jumps = 0;
          }
          jumps++;
          gap = 0;
        } else if (start >= 0 && (!flatOut || ++gap > 12)) {
          int end = x - gap + (flatOut ? 1 : 0);
          if (end - start >= minLen
              && jumps >= 0.4 * (end - start)
              && uniform(true, o, start, end)) {
            out.add(new int[] {top ? y : y + 1, start, end});
          }
          start = -1;
          gap = 0;
        }
      }
    }

    /** At least 4 colourful colours (4 bits a channel) each on 0.5 % of the box. */
    private boolean colourful(int[] b) {
      int[] bins = new int[4096];
      int n = 0;
      for (int y = b[1]; y < b[3]; y += 2) {
        for (int x = b[0]; x < b[2]; x += 2) {
          int p = px[y * w + x];
          bins[((p >> 20) & 0xF) << 8 | ((p >> 12) & 0xF) << 4 | ((p >> 4) & 0xF)]++;
          n++;
        }
      }
      int rich = 0;
      for (int i = 0; i < bins.length; i++) {
        if (bins[i] * 200 >= n) {
          int r = i >> 8;
          int g = (i >> 4) & 0xF;
          int bl = i & 0xF;
          if (Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl)) >= 3) {
            rich++;
          }
        }
      }
      return rich >= 4;
    }

    /** Dilation then erosion by JOIN blocks (a closing), so a picture's blocks form one piece. */
    private static boolean[] close(boolean[] m, int bw, int bh) {
      return morph(morph(m, bw, bh, true), bw, bh, false);
    }

    private static boolean[] morph(boolean[] m, int bw, int bh, boolean dilate) {
      boolean[] out = new boolean[m.length];
      for (int y = 0; y < bh; y++) {
        for (int x = 0; x < bw; x++) {
          boolean v = !dilate;
          for (int dy = -JOIN; dy <= JOIN && v != dilate; dy++) {
            for (int dx = -JOIN; dx <= JOIN; dx++) {
              int nx = x + dx;
              int ny = y + dy;
              boolean in = nx >= 0 && ny >= 0 && nx < bw && ny < bh && m[ny * bw + nx];
              if (dilate && in) {
                v = true;
                break;
              }
              if (!dilate && !in && nx >= 0 && ny >= 0 && nx < bw && ny < bh) {
                v = false;
                break;
              }
            }
          }
          out[y * bw + x] = v;
        }
      }
      return out;
    }

    /**
     * True when the block's colours vary and do not lie on the segment between its darkest and
     * brightest colour.
     */
    private boolean pictureBlock(int x0, int y0) {
      int x1 = Math.min(w, x0 + BLOCK);
      int y1 = Math.min(h, y0 + BLOCK);
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      int loP = 0;
      int hiP = 0;
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          int p = px[y * w + x];
          int l = luma(p);
          if (l < lo) {
            lo = l;
            loP = p;
          }
          if (l > hi) {
            hi = l;
            hiP = p;
          }
        }
      }
      if (hi - lo < MIN_RANGE) {
        return false;
      }
      double ar = (loP >> 16) & 0xFF;
      double ag = (loP >> 8) & 0xFF;
      double ab = loP & 0xFF;
      double dr = ((hiP >> 16) & 0xFF) - ar;
      double dg = ((hiP >> 8) & 0xFF) - ag;
      double db = (hiP & 0xFF) - ab;
      double len2 = dr * dr + dg * dg + db * db;
      double off = 0;
      int mid = 0;
      int n = 0;
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          int p = px[y * w + x];
          double pr = ((p >> 16) & 0xFF) - ar;
          double pg = ((p >> 8) & 0xFF) - ag;
          double pb = (p & 0xFF) - ab;
          double t = Math.max(0, Math.min(1, (pr * dr + pg * dg + pb * db) / len2));
          double er = pr - t * dr;
          double eg = pg - t * dg;
          double eb = pb - t * db;
          off += Math.sqrt(er * er + eg * eg + eb * eb);
          if (t > 0.2 && t < 0.8) {
            mid++;
          }
          n++;
        }
      }
      return off / n > 9 || mid > 0.6 * n;
    }

    /** Moves each side of the box to the picture's border (see the class notes). */
    private void refine(int[] b) {
      for (int pass = 0; pass < 2; pass++) {
        b[1] = border(b, true, true);
        b[3] = border(b, true, false);
        b[0] = border(b, false, true);
        b[2] = border(b, false, false);
      }
    }

    /**
     * The refined position of one side: for the top (horizontal, low) side, y such that row y is
     * the picture's first row.
     */
    private int border(int[] b, boolean horizontal, boolean low) {
      int from = horizontal ? (low ? b[1] : b[3]) : (low ? b[0] : b[2]);
      int size = horizontal ? b[3] - b[1] : b[2] - b[0];
      int limit = horizontal ? h : w;
      int reach = limit;
      int dir = low ? -1 : 1;
      // Start slightly inside (block granularity overshoots), then walk outwards.
      int start = from - dir * (BLOCK + 2);
      for (int step = 0; step <= reach + BLOCK + 2; step++) {
        int pos = start + dir * step;
        if (pos <= 0 || pos >= limit) {
          return pos <= 0 ? 0 : limit;
        }
        if (isBorder(b, horizontal, low, pos)) {
          return pos;
        }
      }
      return from;
    }

    /**
     * True when the line between positions pos-1 and pos (for a low side: pos-1 outside, pos
     * inside) is a jump along most of the side and the two lines outside it are uniform.
     */
    private boolean isBorder(int[] b, boolean horizontal, boolean low, int pos) {
      int a0 = horizontal ? b[0] : b[1];
      int a1 = horizontal ? b[2] : b[3];
      int trim = (a1 - a0) / 10;
      a0 += trim;
      a1 -= trim;
      if (a1 - a0 < 4) {
        return false;
      }
      int limit = horizontal ? h : w;
      int in = low ? pos : pos - 1;
      int out = low ? pos - 1 : pos;
      int out2 = low ? pos - 2 : pos + 1;
      int out3 = low ? pos - 3 : pos + 2;
      int jumps = 0;
      for (int a = a0; a < a1; a++) {
        if (diff(at(horizontal, in, a), at(horizontal, out2 >= 0 && out2 < limit ? out2 : out, a))
            >= 14) {
          jumps++;
        }
      }
      if (jumps < 0.4 * (a1 - a0)) {
        return false;
      }
      return uniform(horizontal, out, a0, a1)
          && (out2 < 0 || out2 >= limit || uniform(horizontal, out2, a0, a1))
          && (out3 < 0 || out3 >= limit || uniform(horizontal, out3, a0, a1));
    }

    private int at(boolean horizontal, int line, int a) {
      return horizontal ? px[line * w + a] : px[a * w + line];
    }

    /**
     * Luma standard deviation along the line segment at most 7, or at least 70 % of it within 10 of
     * its most common colour (a background interrupted by an avatar beside the picture).
     */
    private boolean uniform(boolean horizontal, int line, int a0, int a1) {
      double s = 0;
      double s2 = 0;
      for (int a = a0; a < a1; a++) {
        int l = luma(at(horizontal, line, a));
        s += l;
        s2 += (double) l * l;
      }
      int n = a1 - a0;
      double var = s2 / n - (s / n) * (s / n);
      if (var <= 49) {
        return true;
      }
      int[] bg =
          horizontal
              ? dominant(px, w, true, line, a0, a1, scratch)
              : dominant(px, w, false, line, a0, a1, scratch);
      return bg[1] >= 0.7 * n;
    }

    static int diff(int p, int q) {
      int dr = Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF));
      int dg = Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF));
      int db = Math.abs((p & 0xFF) - (q & 0xFF));
      return Math.max(dr, Math.max(dg, db));
    }

    private static int luma(int p) {
      return (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
    }
  }
}
