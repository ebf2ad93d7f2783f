package org.redress.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Five victims' Telegram Desktop exports that share one group chat and one seller, with the totals
 * a dossier of that chat must count planted by construction (issue 19). Seeded: the same seed gives
 * the same bytes. Pictures are coloured grids and shapes (nothing depicts a person); the seller's
 * ads are marked as synthetic test data.
 *
 * <p>What is made under {@code dir}, for victim {@code v} of A…E (case ids {@link #CASES}):
 *
 * <ul>
 *   <li>{@code v-x/originals/}: her pictures as PNG (what she registers in her bank): {@code 3 + v}
 *       pictures of her own, and for A and B two pictures of both of them (S and T).
 *   <li>{@code v-x/export/}: what she exported, two single-chat exports side by side (a folder, as
 *       the sources module reads it): the shared chat {@link #CHAT_NAME} and a local chat of her
 *       own (noise). A, B and C exported JSON ({@code result.json}), D and E HTML ({@code
 *       messages.html}; HTML carries no chat or user ids).
 * </ul>
 *
 * <p>The shared chat (id {@link #CHAT_ID}) holds, in message-id order: each of her pictures posted
 * once as a JPEG (quality 0.92, 640 × 480) by the seller {@link #SELLER_NAME} or a reposting
 * account, her first picture posted again re-encoded (quality 0.6, 480 × 360, a new SHA-256, its
 * PDQ a few bits away), picture S posted as a JPEG (post X, in A's export only) and re-encoded
 * (quality 0.55, 512 × 384; post Y, in B's export only: only their PDQ hashes join them), picture T
 * posted once (post Z, the same bytes in A's and B's exports), {@link #ADS} ads of the seller
 * naming {@link #HANDLE} (in every export) and unrelated pictures and chatter that match no bank.
 * Each victim's own chat holds her second picture and unrelated posts: none of it belongs to the
 * shared chat's dossier.
 *
 * <p>So, with every victim consenting, the shared chat's dossier must count {@value #POSTS} posts
 * (25 pictures, 5 re-encoded reposts, X, Y and Z), {@value #FILES} distinct files (25, S counted
 * once although re-encoded in two victims' exports, and T), {@value #SHA256} distinct SHA-256
 * values, no video, 5 victims and {@value #ADS} trade ads. {@link #totals(Collection)} gives the
 * planted totals for any set of consenting victims from the same construction.
 */
public final class FiveVictims {
  /** The shared chat's id as Telegram exports it in JSON. */
  public static final long CHAT_ID = 1712345678L;

  /** The shared chat's name (HTML exports know a chat by its name only). */
  public static final String CHAT_NAME = "同城打卡分享群";

  /** The seller's account id and name. */
  public static final String SELLER_ID = "user8800000001";

  public static final String SELLER_NAME = "好物小店";

  /** The contact the seller's ads name. */
  public static final String HANDLE = "@cam_shop_demo";

  /** The victims' case ids, A to E. */
  public static final List<String> CASES = List.of("v-a", "v-b", "v-c", "v-d", "v-e");

  /** Planted totals of the shared chat with all five consenting. */
  public static final int POSTS = 33;

  public static final int FILES = 27;
  public static final int SHA256 = 33;
  public static final int ADS = 3;

  /** Marks every ad as test data. */
  public static final String SYNTHETIC = "【合成示例·测试数据】";

  private static final String REPOSTER_ID = "user8800000002";
  private static final String REPOSTER_NAME = "每日搬运";
  private static final String MEMBER_ID = "user8800000003";
  private static final String MEMBER_NAME = "路人甲";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant T0 = Instant.parse("2026-02-01T02:00:00Z");
  private static final String[] AD_TEXTS = {
    "新款微型摄像头 充电头造型 隐蔽安装 手机远程查看 私聊下单 ", "针孔摄像机 烟雾报警器款 无光夜视 包邮 联系 ", "原创偷拍视频合集出售 打包价 私聊 ",
  };
  private static final String[] CHATTER = {"今天天气不错", "收到，谢谢", "周末去爬山吗？", "明天见"};

  /**
   * One victim as generated.
   *
   * @param index 0 for A … 4 for E
   * @param caseId her case id ({@link #CASES})
   * @param originals her pictures (register them in her bank)
   * @param export what she exported (scan this folder)
   * @param html whether her export is Telegram's HTML (else JSON)
   */
  public record Victim(int index, String caseId, Path originals, Path export, boolean html) {
    /** A, B, … */
    public String letter() {
      return String.valueOf((char) ('A' + index));
    }
  }

  /**
   * The totals a dossier of the shared chat must count.
   *
   * @param victims consenting victims with at least one file in the chat
   */
  public record Totals(
      long posts, long files, long images, long videos, long sha256, long victims, long ads) {}

  /** A planted post of the shared chat: which picture, which encoding, in whose scan. */
  private record Planted(
      long messageId, int picture, String encoding, Set<Integer> seenBy, boolean bySeller) {}

  private final Path dir;
  private final long seed;
  private final List<Victim> victims = new ArrayList<>();
  private final List<Planted> planted = new ArrayList<>();
  private long nextMessage = 100;
  private int nextUnrelated = 1000;

  private FiveVictims(Path dir, long seed) {
    this.dir = dir;
    this.seed = seed;
  }

  /**
   * Generates into {@code dir} (created when missing).
   *
   * @throws IOException when a file cannot be written
   */
  public static FiveVictims generate(Path dir, long seed) throws IOException {
    FiveVictims f = new FiveVictims(dir, seed);
    f.run();
    return f;
  }

  /** The victims, A to E. */
  public List<Victim> victims() {
    return List.copyOf(victims);
  }

  /** The planted totals with every victim consenting. */
  public Totals totals() {
    return totals(List.of(0, 1, 2, 3, 4));
  }

  /**
   * The planted totals when only {@code consenting} (indices 0…4) consent: what the construction
   * put in their exports and banks, counted by the rules of docs/dossiers.md.
   */
  public Totals totals(Collection<Integer> consenting) {
    return totals(consenting, false);
  }

  /**
   * The planted totals of the seller's dossier ({@code --sender} {@link #SELLER_ID}, or {@code
   * --handle} {@link #HANDLE}) when only {@code consenting} consent: the seller's posts in the
   * shared chat, in JSON exports by id and in HTML exports by a name only the seller bears there.
   */
  public Totals sellerTotals(Collection<Integer> consenting) {
    return totals(consenting, true);
  }

  private Totals totals(Collection<Integer> consenting, boolean sellerOnly) {
    Set<Long> posts = new HashSet<>();
    Set<Integer> files = new HashSet<>();
    Set<String> shas = new HashSet<>();
    Set<Integer> who = new TreeSet<>();
    for (Planted p : planted) {
      if (sellerOnly && !p.bySeller()) {
        continue;
      }
      boolean seen = false;
      for (int v : p.seenBy()) {
        if (consenting.contains(v)) {
          who.add(v);
          seen = true;
        }
      }
      if (seen) {
        posts.add(p.messageId());
        files.add(p.picture());
        shas.add(p.encoding());
      }
    }
    long ads = consenting.isEmpty() ? 0 : ADS;
    return new Totals(posts.size(), files.size(), files.size(), 0, shas.size(), who.size(), ads);
  }

  // ---------------------------------------------------------------- generation

  /** A chat message before it is written. */
  private record Msg(
      long id, Instant at, String fromId, String fromName, String text, Path photo, int w, int h) {}

  private void run() throws IOException {
    int[] own = new int[5];
    int picture = 0;
    List<List<Msg>> shared = new ArrayList<>();
    List<List<Msg>> local = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      String letter = String.valueOf((char) ('a' + v));
      Path base = dir.resolve("v-" + letter);
      victims.add(
          new Victim(v, CASES.get(v), base.resolve("originals"), base.resolve("export"), v >= 3));
      Files.createDirectories(base.resolve("originals"));
      shared.add(new ArrayList<>());
      local.add(new ArrayList<>());
      own[v] = 3 + v;
    }
    // Two pictures of A and B together (S and T), registered by both.
    int both = 998;
    for (int v = 0; v < 2; v++) {
      writePng(picture(both), victims.get(v).originals().resolve("together-s.png"));
      writePng(picture(both + 1), victims.get(v).originals().resolve("together-t.png"));
    }
    // Each victim's own pictures: posted once, the first again re-encoded, the second in her
    // own chat.
    for (int v = 0; v < 5; v++) {
      Victim vic = victims.get(v);
      for (int k = 0; k < own[v]; k++) {
        int pic = picture++;
        BufferedImage img = picture(pic);
        writePng(img, vic.originals().resolve(String.format(Locale.ROOT, "pic%02d.png", k)));
        boolean bySeller = k % 2 == 0;
        Msg m =
            photo(
                vic,
                "shared",
                img,
                0.92f,
                640,
                bySeller ? SELLER_ID : REPOSTER_ID,
                bySeller ? SELLER_NAME : REPOSTER_NAME,
                "");
        shared.get(v).add(m);
        planted.add(new Planted(m.id(), pic, enc(pic, 0), Set.of(v), bySeller));
        if (k == 0) {
          Msg again = photo(vic, "shared", img, 0.6f, 480, REPOSTER_ID, REPOSTER_NAME, "再发一次");
          shared.get(v).add(again);
          planted.add(new Planted(again.id(), pic, enc(pic, 1), Set.of(v), false));
        }
        if (k == 1) {
          local.get(v).add(photo(vic, "local", img, 0.85f, 600, MEMBER_ID, MEMBER_NAME, ""));
        }
      }
    }
    // Picture S of A and B: post X in A's export only, post Y re-encoded in B's only. Nothing
    // but their PDQ hashes joins them (different cases, different bytes).
    BufferedImage together = picture(both);
    Msg x = photo(victims.get(0), "shared", together, 0.92f, 640, SELLER_ID, SELLER_NAME, "");
    shared.get(0).add(x);
    planted.add(new Planted(x.id(), both, enc(both, 0), Set.of(0), true));
    Msg y = photo(victims.get(1), "shared", together, 0.55f, 512, REPOSTER_ID, REPOSTER_NAME, "");
    shared.get(1).add(y);
    planted.add(new Planted(y.id(), both, enc(both, 1), Set.of(1), false));
    // Picture T of A and B: post Z, the same bytes in both their exports (one post).
    BufferedImage trip = picture(both + 1);
    Msg z = photo(victims.get(0), "shared", trip, 0.92f, 640, SELLER_ID, SELLER_NAME, "");
    copyPhoto(z, victims.get(0), victims.get(1), "shared");
    shared.get(0).add(z);
    shared.get(1).add(z);
    planted.add(new Planted(z.id(), both + 1, enc(both + 1, 0), Set.of(0, 1), true));
    // The seller's ads and unrelated posts, in every export.
    List<Msg> common = new ArrayList<>();
    for (String ad : AD_TEXTS) {
      common.add(text(SELLER_ID, SELLER_NAME, SYNTHETIC + ad + HANDLE));
    }
    for (String c : CHATTER) {
      common.add(text(MEMBER_ID, MEMBER_NAME, c));
    }
    for (int v = 0; v < 5; v++) {
      shared.get(v).addAll(common);
      Victim vic = victims.get(v);
      for (int u = 0; u < 2; u++) {
        BufferedImage img = picture(nextUnrelated++);
        shared.get(v).add(photo(vic, "shared", img, 0.9f, 640, MEMBER_ID, MEMBER_NAME, ""));
        local.get(v).add(photo(vic, "local", img, 0.9f, 640, MEMBER_ID, MEMBER_NAME, "随手拍"));
      }
      local.get(v).add(text(MEMBER_ID, MEMBER_NAME, CHATTER[v % CHATTER.length]));
    }
    for (int v = 0; v < 5; v++) {
      Victim vic = victims.get(v);
      List<Msg> s = sorted(shared.get(v));
      List<Msg> l = sorted(local.get(v));
      long localId = 1_700_000_100L + v;
      String localName = "本地生活群" + (v + 1);
      if (vic.html()) {
        writeHtml(vic.export().resolve("shared"), CHAT_NAME, s);
        writeHtml(vic.export().resolve("local"), localName, l);
      } else {
        writeJson(vic.export().resolve("shared"), CHAT_NAME, "public_supergroup", CHAT_ID, s);
        writeJson(vic.export().resolve("local"), localName, "private_group", localId, l);
      }
    }
  }

  private static List<Msg> sorted(List<Msg> l) {
    List<Msg> out = new ArrayList<>(l);
    out.sort((a, b) -> Long.compare(a.id(), b.id()));
    return out;
  }

  private static String enc(int picture, int variant) {
    return picture + "/" + variant;
  }

  private Msg text(String fromId, String fromName, String text) {
    long id = nextMessage++;
    return new Msg(id, T0.plusSeconds(id * 613), fromId, fromName, text, null, 0, 0);
  }

  /** A photo post: the picture encoded as JPEG into the chat's {@code photos/} folder. */
  private Msg photo(
      Victim v,
      String chat,
      BufferedImage img,
      float quality,
      int width,
      String fromId,
      String fromName,
      String text)
      throws IOException {
    long id = nextMessage++;
    int height = width * 3 / 4;
    Path rel = Path.of("photos", String.format(Locale.ROOT, "photo_%d@%s.jpg", id, stamp(id)));
    Path file = v.export().resolve(chat).resolve(rel);
    Files.createDirectories(file.getParent());
    writeJpeg(scale(img, width, height), quality, file);
    return new Msg(id, T0.plusSeconds(id * 613), fromId, fromName, text, rel, width, height);
  }

  /** The same post's file in another victim's export of the chat (the same bytes). */
  private static void copyPhoto(Msg m, Victim from, Victim to, String chat) throws IOException {
    Path target = to.export().resolve(chat).resolve(m.photo());
    Files.createDirectories(target.getParent());
    Files.copy(from.export().resolve(chat).resolve(m.photo()), target);
  }

  private static String stamp(long id) {
    return DateTimeFormatter.ofPattern("dd-MM-yyyy_HH-mm-ss", Locale.ROOT)
        .format(LocalDateTime.ofInstant(T0.plusSeconds(id * 613), ZONE));
  }

  /** Picture {@code n}: a grid of coloured cells and a few discs, 640 × 480, from the seed. */
  private BufferedImage picture(int n) {
    Random r = new Random(seed * 1_000_003L + n * 7919L);
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(x * 80, y * 80, 80, 80);
      }
    }
    for (int i = 0; i < 4; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int d = 60 + r.nextInt(120);
      g.fillOval(r.nextInt(640 - d), r.nextInt(480 - d), d, d);
    }
    g.dispose();
    return img;
  }

  private static BufferedImage scale(BufferedImage img, int w, int h) {
    if (img.getWidth() == w && img.getHeight() == h) {
      return img;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static void writePng(BufferedImage img, Path file) throws IOException {
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }

  private static void writeJpeg(BufferedImage img, float quality, Path file) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(quality);
    try (OutputStream os = Files.newOutputStream(file);
        ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
  }

  // ---------------------------------------------------------------- export formats

  /** tdesktop's single-chat JSON export ({@code result.json}). */
  private static void writeJson(Path dir, String name, String type, long id, List<Msg> msgs)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("{\n \"name\": ").append(q(name)).append(",\n \"type\": ").append(q(type));
    b.append(",\n \"id\": ").append(id).append(",\n \"messages\": [");
    DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    for (int i = 0; i < msgs.size(); i++) {
      Msg m = msgs.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("  {\n   \"id\": ").append(m.id());
      b.append(",\n   \"type\": \"message\",\n   \"date\": ")
          .append(q(iso.format(LocalDateTime.ofInstant(m.at(), ZONE))));
      b.append(",\n   \"date_unixtime\": ").append(q(Long.toString(m.at().getEpochSecond())));
      b.append(",\n   \"from\": ").append(q(m.fromName()));
      b.append(",\n   \"from_id\": ").append(q(m.fromId()));
      if (m.photo() != null) {
        b.append(",\n   \"photo\": ").append(q(slash(m.photo())));
        b.append(",\n   \"width\": ").append(m.w()).append(",\n   \"height\": ").append(m.h());
      }
      b.append(",\n   \"text\": ").append(q(m.text())).append("\n  }");
    }
    b.append("\n ]\n}\n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("result.json"), b.toString(), StandardCharsets.UTF_8);
  }

  /** tdesktop's single-chat HTML export ({@code messages.html}): no chat or user ids. */
  private static void writeHtml(Path dir, String name, List<Msg> msgs) throws IOException {
    DateTimeFormatter title = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html>\n <head>\n  <meta charset=\"utf-8\"/>\n");
    h.append("  <title>Exported Data</title>\n </head>\n <body>\n  <div class=\"page_wrap\">\n");
    h.append("   <div class=\"page_header\">\n    <div class=\"content\">\n");
    h.append("     <div class=\"text bold\">\n").append(esc(name)).append("\n     </div>\n");
    h.append("    </div>\n   </div>\n");
    h.append("   <div class=\"page_body chat_page\">\n    <div class=\"history\">\n");
    for (Msg m : msgs) {
      LocalDateTime d = LocalDateTime.ofInstant(m.at(), ZONE);
      h.append("     <div class=\"message default clearfix\" id=\"message")
          .append(m.id())
          .append("\">\n      <div class=\"body\">\n");
      h.append("       <div class=\"pull_right date details\" title=\"")
          .append(title.format(d))
          .append(" UTC+08:00\">")
          .append(time.format(d))
          .append("</div>\n");
      h.append("       <div class=\"from_name\">\n")
          .append(esc(m.fromName()))
          .append(" \n       </div>\n");
      if (m.photo() != null) {
        String href = esc(slash(m.photo()));
        h.append("       <div class=\"media_wrap clearfix\">\n")
            .append("        <a class=\"photo_wrap clearfix pull_left\" href=\"")
            .append(href)
            .append("\">\n         <img class=\"photo\" src=\"")
            .append(href)
            .append("\" style=\"width: ")
            .append(m.w() / 2)
            .append("px; height: ")
            .append(m.h() / 2)
            .append("px\"/>\n        </a>\n       </div>\n");
      }
      if (!m.text().isEmpty()) {
        h.append("       <div class=\"text\">\n").append(esc(m.text())).append("\n       </div>\n");
      }
      h.append("      </div>\n     </div>\n");
    }
    h.append("    </div>\n   </div>\n  </div>\n </body>\n</html>\n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("messages.html"), h.toString(), StandardCharsets.UTF_8);
  }

  private static String slash(Path p) {
    return p.toString().replace('\\', '/');
  }

  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
