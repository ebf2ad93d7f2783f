package org.redress.screenshots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic screenshots for tests, benchmarks and the demo: a given (innocuous, generated) picture
 * inside the chrome of a made-up chat or forum app, phone or desktop sized, with rendered text in
 * Chinese and English (a channel or group name, a subscriber or member count, a view count, a
 * time). Each screenshot knows where the picture is and which counts it shows, so a test can check
 * what {@link RegionFinder} and {@link ScreenText} found. Nothing here imitates a real app's
 * artwork; the layouts only follow the common arrangement (title bar, bubbles, counters).
 */
public final class SyntheticScreenshots {
  /** The layouts. */
  public enum Layout {
    /** Phone, a channel with a subscriber count and a view counter (English). */
    PHONE_CHANNEL_EN(1080, 2340),
    /** Phone, a channel with 订阅者 and a view counter (Chinese). */
    PHONE_CHANNEL_ZH(720, 1560),
    /** Phone, a group titled with its member count in parentheses (Chinese). */
    PHONE_GROUP_ZH(828, 1792),
    /** Desktop, a chat list on the left, a channel on the right (English). */
    DESKTOP_CHANNEL_EN(1920, 1080),
    /** Desktop, a forum thread with a view count (Chinese). */
    DESKTOP_FORUM_ZH(1366, 768);

    final int width;
    final int height;

    Layout(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  /**
   * One generated screenshot.
   *
   * @param image the screenshot
   * @param picture where the embedded picture is
   * @param layout the layout
   * @param name the channel, group or thread name shown
   * @param members the subscriber or member count shown, or -1 when none
   * @param views the view count shown, or -1 when none
   */
  public record Shot(
      BufferedImage image, Region picture, Layout layout, String name, long members, long views) {}

  private static final String[] ZH_LINES = {
    "今天天气不错，出去走走吧", "周末一起去爬山？", "收到，谢谢", "这张照片拍得真好看",
    "晚上七点在老地方见", "新的一周加油", "风景很美", "记得带伞"
  };
  private static final String[] EN_LINES = {
    "Nice view from the hill today", "See you at seven", "Thanks, got it",
    "Weather looks good for the weekend", "Who is coming on Sunday?", "Great shot!"
  };
  private static final String[] ZH_NAMES = {"山水摄影分享", "周末徒步群", "城市风光", "旅行日记"};
  private static final String[] EN_NAMES = {
    "Hill Walks Daily", "City Views", "Weekend Trips", "Landscape Club"
  };

  private final Font base;

  private SyntheticScreenshots(Font base) {
    this.base = base;
  }

  /**
   * A generator using a CJK-capable font of the system (WenQuanYi or Noto CJK, as Debian installs
   * them), else the logical sans-serif font (Chinese text then depends on the JDK's fallback).
   */
  public static SyntheticScreenshots withSystemFont() {
    for (String p :
        List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")) {
      Path f = Path.of(p);
      if (Files.isRegularFile(f)) {
        try {
          return new SyntheticScreenshots(Font.createFont(Font.TRUETYPE_FONT, f.toFile()));
        } catch (FontFormatException | IOException e) {
          // try the next one
        }
      }
    }
    return new SyntheticScreenshots(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
  }

  /** True when the font can show Chinese text. */
  public boolean rendersChinese() {
    return base.canDisplayUpTo("订阅者成员浏览") == -1;
  }

  /** A screenshot of {@code layout} embedding {@code picture}, seeded. */
  public Shot render(BufferedImage picture, Layout layout, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    try {
      return switch (layout) {
        case PHONE_CHANNEL_EN, PHONE_CHANNEL_ZH -> phoneChannel(img, g, picture, layout, r);
        case PHONE_GROUP_ZH -> phoneGroup(img, g, picture, layout, r);
        case DESKTOP_CHANNEL_EN -> desktopChannel(img, g, picture, layout, r);
        case DESKTOP_FORUM_ZH -> desktopForum(img, g, picture, layout, r);
      };
    } finally {
      g.dispose();
    }
  }

  private Shot phoneChannel(
      BufferedImage img, Graphics2D g, BufferedImage pic, Layout l, Random r) {
    boolean zh = l == Layout.PHONE_CHANNEL_ZH;
    int w = l.width;
    int h = l.height;
    double u = w / 1080.0;
    Color bg = new Color(200 + r.nextInt(30), 215 + r.nextInt(25), 190 + r.nextInt(40));
    fill(g, bg, 0, 0, w, h);
    fill(g, Color.WHITE, 0, 0, w, (int) (250 * u));
    fill(g, new Color(235, 235, 235), 0, 0, w, (int) (70 * u));
    text(g, "9:41", Color.BLACK, (int) (40 * u), (int) (52 * u), 34 * u);
    String name = pick(zh ? ZH_NAMES : EN_NAMES, r);
    long members = count(r);
    text(g, name, Color.BLACK, (int) (170 * u), (int) (150 * u), 48 * u);
    String sub = zh ? groupDigits(members) + " 位订阅者" : commas(members) + " subscribers";
    text(g, sub, new Color(110, 110, 110), (int) (170 * u), (int) (215 * u), 38 * u);
    avatar(g, (int) (40 * u), (int) (95 * u), (int) (110 * u), r);
    int y = (int) (290 * u);
    y = bubble(g, zh, r, (int) (40 * u), y, (int) (760 * u), u) + (int) (30 * u);
    int bx = (int) (40 * u);
    int bw = (int) (900 * u);
    int pw = bw - (int) (24 * u);
    int ph = Math.min((int) (pw * (double) pic.getHeight() / pic.getWidth()), (int) (1100 * u));
    int bh = ph + (int) (150 * u);
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(bx, y, bw, bh, 40 * u, 40 * u));
    int px = bx + (int) (12 * u);
    int py = y + (int) (12 * u);
    g.drawImage(pic, px, py, pw, ph, null);
    text(
        g,
        pick(zh ? ZH_LINES : EN_LINES, r),
        Color.BLACK,
        bx + (int) (24 * u),
        py + ph + (int) (65 * u),
        38 * u);
    long views = count(r) / (2 + r.nextInt(8));
    String v = shortCount(views, false); // counters use K and M in every language
    eye(g, bx + bw - (int) (330 * u), py + ph + (int) (106 * u), u);
    text(
        g,
        v + "  " + clock(r),
        new Color(120, 120, 120),
        bx + bw - (int) (280 * u),
        py + ph + (int) (120 * u),
        34 * u);
    y += bh + (int) (30 * u);
    while (y < h - 300 * u) {
      y = bubble(g, zh, r, (int) (40 * u), y, (int) (760 * u), u) + (int) (30 * u);
    }
    fill(g, Color.WHITE, 0, h - (int) (140 * u), w, (int) (140 * u));
    text(
        g,
        zh ? "消息" : "Message",
        new Color(160, 160, 160),
        (int) (60 * u),
        h - (int) (55 * u),
        40 * u);
    return new Shot(img, new Region(px, py, pw, ph), l, name, members, parsedViews(v, views));
  }

  private Shot phoneGroup(BufferedImage img, Graphics2D g, BufferedImage pic, Layout l, Random r) {
    int w = l.width;
    int h = l.height;
    double u = w / 1080.0;
    fill(g, new Color(237, 237, 237), 0, 0, w, h);
    fill(g, new Color(246, 246, 246), 0, 0, w, (int) (230 * u));
    String name = pick(ZH_NAMES, r);
    long members = 3 + r.nextInt(497);
    String title = name + "(" + members + ")";
    int tw = g.getFontMetrics(font(50 * u)).stringWidth(title);
    text(g, title, Color.BLACK, (w - tw) / 2, (int) (170 * u), 50 * u);
    int y = (int) (280 * u);
    y = wechatBubble(g, r, y, u) + (int) (40 * u);
    int py = y;
    avatar(g, (int) (40 * u), y, (int) (120 * u), r);
    int px = (int) (190 * u);
    int pw = (int) (560 * u);
    int ph = Math.min((int) (pw * (double) pic.getHeight() / pic.getWidth()), (int) (900 * u));
    g.drawImage(pic, px, y, pw, ph, null);
    y += ph + (int) (50 * u);
    while (y < h - 320 * u) {
      y = wechatBubble(g, r, y, u) + (int) (40 * u);
    }
    fill(g, new Color(246, 246, 246), 0, h - (int) (160 * u), w, (int) (160 * u));
    return new Shot(img, new Region(px, py, pw, ph), l, name, members, -1);
  }

  private Shot desktopChannel(
      BufferedImage img, Graphics2D g, BufferedImage pic, Layout l, Random r) {
    int w = l.width;
    int h = l.height;
    fill(g, new Color(255, 255, 255), 0, 0, 420, h);
    for (int i = 0; i < 9; i++) {
      int y = 20 + i * 110;
      avatar(g, 20, y + 10, 80, r);
      text(g, pick(EN_NAMES, r) + " " + (i + 1), Color.BLACK, 120, y + 45, 24);
      text(g, pick(EN_LINES, r), new Color(130, 130, 130), 120, y + 85, 20);
    }
    fill(g, new Color(220, 220, 220), 420, 0, 1, h);
    Color chat = new Color(160 + r.nextInt(40), 190 + r.nextInt(30), 150 + r.nextInt(40));
    fill(g, chat, 421, 0, w - 421, h);
    fill(g, Color.WHITE, 421, 0, w - 421, 90);
    String name = pick(EN_NAMES, r);
    long members = count(r);
    text(g, name, Color.BLACK, 450, 40, 26);
    String sub = commas(members) + " subscribers";
    text(g, sub, new Color(120, 120, 120), 450, 76, 22);
    int bx = 700;
    int y = 120;
    y = bubble(g, false, r, bx, y, 700, 0.8) + 20;
    int pw = 640;
    int ph = Math.min((int) (pw * (double) pic.getHeight() / pic.getWidth()), h - y - 160);
    int bw = pw + 16;
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(bx, y, bw, ph + 90, 24, 24));
    g.drawImage(pic, bx + 8, y + 8, pw, ph, null);
    long views = count(r) / (2 + r.nextInt(8));
    String v = shortCount(views, false);
    eye(g, bx + bw - 210, y + ph + 50, 0.7);
    text(g, v + "  " + clock(r), new Color(120, 120, 120), bx + bw - 175, y + ph + 62, 22);
    text(g, pick(EN_LINES, r), Color.BLACK, bx + 16, y + ph + 40, 24);
    return new Shot(
        img, new Region(bx + 8, y + 8, pw, ph), l, name, members, parsedViews(v, views));
  }

  private Shot desktopForum(
      BufferedImage img, Graphics2D g, BufferedImage pic, Layout l, Random r) {
    int w = l.width;
    int h = l.height;
    fill(g, new Color(244, 244, 240), 0, 0, w, h);
    fill(g, new Color(40, 70, 120), 0, 0, w, 60);
    text(g, "论坛首页  版块  搜索", Color.WHITE, 40, 40, 22);
    String name = pick(ZH_NAMES, r) + "：分享几张照片";
    text(g, name, Color.BLACK, 60, 115, 30);
    long views = count(r);
    text(
        g,
        "浏览 " + commas(views) + " 次   回复 " + r.nextInt(300) + "   " + date(r),
        new Color(110, 110, 110),
        60,
        160,
        20);
    fill(g, Color.WHITE, 40, 190, w - 80, h - 210);
    text(g, pick(ZH_LINES, r), Color.BLACK, 70, 240, 22);
    int px = 70;
    int py = 270;
    int ph = h - 330;
    int pw = Math.min((int) (ph * (double) pic.getWidth() / pic.getHeight()), w - 500);
    ph = (int) (pw * (double) pic.getHeight() / pic.getWidth());
    g.drawImage(pic, px, py, pw, ph, null);
    for (int i = 0; i < 8; i++) {
      text(g, pick(ZH_LINES, r), new Color(60, 60, 60), px + pw + 40, 300 + i * 50, 20);
    }
    return new Shot(img, new Region(px, py, pw, ph), l, name, -1, views);
  }

  private int bubble(Graphics2D g, boolean zh, Random r, int x, int y, int maxW, double u) {
    String[] lines = zh ? ZH_LINES : EN_LINES;
    int n = 1 + r.nextInt(3);
    int bh = (int) ((40 + 55 * n) * u);
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(x, y, maxW, bh, 40 * u, 40 * u));
    for (int i = 0; i < n; i++) {
      text(
          g,
          pick(lines, r),
          Color.BLACK,
          x + (int) (28 * u),
          y + (int) ((65 + 55 * i) * u),
          36 * u);
    }
    return y + bh;
  }

  private int wechatBubble(Graphics2D g, Random r, int y, double u) {
    avatar(g, (int) (40 * u), y, (int) (120 * u), r);
    String s = pick(ZH_LINES, r);
    int tw = g.getFontMetrics(font(40 * u)).stringWidth(s);
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(190 * u, y, tw + 60 * u, 110 * u, 20 * u, 20 * u));
    text(g, s, Color.BLACK, (int) (220 * u), y + (int) (70 * u), 40 * u);
    return y + (int) (120 * u);
  }

  private static void avatar(Graphics2D g, int x, int y, int d, Random r) {
    g.setColor(Color.getHSBColor(r.nextFloat(), 0.5f, 0.85f));
    g.fillOval(x, y, d, d);
  }

  private static void eye(Graphics2D g, int x, int y, double u) {
    g.setColor(new Color(120, 120, 120));
    g.drawOval(x, y - (int) (14 * u), (int) (40 * u), (int) (24 * u));
    g.fillOval(x + (int) (13 * u), y - (int) (9 * u), (int) (14 * u), (int) (14 * u));
  }

  private static void fill(Graphics2D g, Color c, int x, int y, int w, int h) {
    g.setColor(c);
    g.fillRect(x, y, w, h);
  }

  private void text(Graphics2D g, String s, Color c, int x, int y, double size) {
    g.setColor(c);
    g.setFont(font(size));
    g.drawString(s, x, y);
  }

  private Font font(double size) {
    return base.deriveFont(Font.PLAIN, (float) size);
  }

  private static String pick(String[] a, Random r) {
    return a[r.nextInt(a.length)];
  }

  private static long count(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> 100 + r.nextInt(9_900);
      case 1 -> 10_000 + r.nextInt(90_000);
      default -> 100_000 + r.nextInt(2_000_000);
    };
  }

  private static String clock(Random r) {
    return String.format(Locale.ROOT, "%d:%02d", 8 + r.nextInt(14), r.nextInt(60));
  }

  private static String date(Random r) {
    return String.format(
        Locale.ROOT,
        "2026-%02d-%02d %d:%02d",
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        8 + r.nextInt(14),
        r.nextInt(60));
  }

  static String commas(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 12 345: the thin grouping Telegram uses in Chinese. */
  private static String groupDigits(long n) {
    return commas(n).replace(',', ' ');
  }

  /** As a counter shows it: 950, 12.3K, 1.2M, or 1.2万 in Chinese. */
  static String shortCount(long n, boolean zh) {
    if (zh && n >= 10_000) {
      return String.format(Locale.ROOT, "%.1f万", n / 10_000.0);
    }
    if (n >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
    if (n >= 1000) {
      return String.format(Locale.ROOT, "%.1fK", n / 1000.0);
    }
    return Long.toString(n);
  }

  /** The value a reader of the shown text can know: the shown rounding, not the exact count. */
  private static long parsedViews(String shown, long exact) {
    return CountText.parseCount(shown).orElse(exact);
  }
}
