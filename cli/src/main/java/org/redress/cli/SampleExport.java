package org.redress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates a synthetic Telegram Desktop export (JSON, or HTML through {@link SampleHtml}) with a
 * ground-truth manifest ({@code planted.json}, schema {@code redress/planted@1}, see {@code
 * docs/sources.md}). Pictures are generated landscapes and posters; some posts carry edited copies
 * of "victim" pictures written to {@code victim-originals/}. Everything is seeded: the same seed
 * and size give the same files. Nothing depicts a person; the ad posts are marked as synthetic test
 * data.
 */
final class SampleExport {
  static final String VICTIM_DIR = "victim-originals";
  static final String MANIFEST = "planted.json";
  static final String EXPORT_DATE = "2026-03-01";
  static final ZoneId EXPORTER_ZONE = ZoneId.of("Asia/Shanghai");
  static final String[] TRANSFORMS = {
    "resized", "recompressed", "cropped", "grey_document", "mirrored", "exif_rotated", "watermarked"
  };
  static final int VICTIMS = 3;
  static final int FORWARDS = 4;
  static final int UNRELATED_PHOTOS = 8;
  static final String SYNTHETIC = "【合成示例·测试数据】";

  private static final String NOT_INCLUDED =
      "(File not included. Change data exporting settings to download.)";
  private static final String TOO_LARGE =
      "(File exceeds maximum size. Change data exporting settings to download.)";
  private static final String UNAVAILABLE = "(File unavailable, please try again later)";
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("dd-MM-yyyy_HH-mm-ss", Locale.ROOT);

  /** Ad texts by category: innocuous wording, clearly marked synthetic. */
  static final Map<String, List<String>> ADS = new LinkedHashMap<>();

  static {
    ADS.put(
        "covert_camera",
        List.of(
            SYNTHETIC + "新款微型摄像头 充电头造型 隐蔽安装 手机远程查看 私聊下单",
            SYNTHETIC + "针孔摄像机 烟雾报警器款 无光夜视 包邮 详情见链接"));
    ADS.put(
        "sedative",
        List.of(SYNTHETIC + "安眠药水代购 无色无味 快递到付 私聊", SYNTHETIC + "听话水 一瓶见效 私聊 @sample_shop_b"));
    ADS.put(
        "filming_tutorial",
        List.of(SYNTHETIC + "偷拍教程 设备安装与隐藏技巧 入门课程 私聊购买", SYNTHETIC + "摄像头隐藏安装教学视频 包教包会"));
    ADS.put(
        "material_sale", List.of(SYNTHETIC + "原创偷拍视频合集出售 打包价 私聊", SYNTHETIC + "资源群会员招募 每日更新 付费进群"));
  }

  private static final String[] CHATTER = {
    "今天天气不错",
    "周末去爬山吗？",
    "这张照片拍得真好",
    "Good morning!",
    "有人去看展吗",
    "晚上一起吃饭吧",
    "收到，谢谢",
    "哈哈哈",
    "路上注意安全",
    "明天见",
    "Nice shot",
    "这个地方在哪里？",
    "下次带上我",
    "日落太美了",
    "新相机到了"
  };

  /**
   * What to generate.
   *
   * @param html write Telegram Desktop's HTML export (its default) instead of JSON
   * @param perPage messages per HTML page ({@code messages.html}, {@code messages2.html}…);
   *     Telegram Desktop writes 1,000
   */
  record Options(long seed, int messages, boolean singleChat, boolean html, int perPage) {
    Options(long seed, int messages, boolean singleChat) {
      this(seed, messages, singleChat, false, SampleHtml.PER_PAGE);
    }
  }

  /** What was made, for the command's summary. */
  record Result(
      Path export,
      Path manifest,
      int messages,
      int chats,
      int victimCopies,
      int mediaFiles,
      int adPosts,
      boolean video,
      String videoNote) {}

  private record ChatSpec(long id, String name, String type, String folder) {}

  private record Sender(String id, String name) {}

  /** A message before ids and dates are assigned. */
  private static final class Msg {
    final ChatSpec chat;
    final ObjectNode body = JsonNodeFactory.instance.objectNode();
    Sender sender;
    String forwardedFrom;
    boolean service;
    Runnable media = () -> {};
    ObjectNode plantedCopy;
    String victim;
    String adCategory;
    String uncheckedReason;
    String uncheckedField;
    long id;
    long unixtime;
    LocalDateTime local;

    Msg(ChatSpec chat) {
      this.chat = chat;
    }
  }

  private final Path dir;
  private final Options opt;
  private final Random random;
  private final Path export;
  private final List<ChatSpec> chats = new ArrayList<>();
  private final List<Msg> msgs = new ArrayList<>();
  private final Map<String, Integer> fileCounters = new TreeMap<>();
  private int mediaFiles;
  private int photos;
  private int videos;

  private SampleExport(Path dir, Options opt) {
    this.dir = dir;
    this.opt = opt;
    this.random = new Random(opt.seed());
    this.export = dir.resolve((opt.singleChat() ? "ChatExport_" : "DataExport_") + EXPORT_DATE);
  }

  /** The fewest messages that hold everything planted. */
  static int minimumMessages(boolean singleChat) {
    int chatsWithService = singleChat ? 1 : 3;
    int planted = VICTIMS * TRANSFORMS.length + FORWARDS + UNRELATED_PHOTOS + 4 + 8 + 1;
    return planted + chatsWithService * 2 + 5;
  }

  /**
   * Generates into {@code dir}, which must be empty or absent.
   *
   * @throws IOException when a file cannot be written
   */
  static Result generate(Path dir, Options opt) throws IOException {
    return new SampleExport(dir, opt).run();
  }

  private Result run() throws IOException {
    Files.createDirectories(export);
    Files.createDirectories(dir.resolve(VICTIM_DIR));
    chats.add(new ChatSpec(1700000101L, "风景摄影交流群", "private_supergroup", "chats/chat_001"));
    if (!opt.singleChat()) {
      chats.add(new ChatSpec(1700000202L, "每日美图分享", "public_channel", "chats/chat_002"));
      chats.add(new ChatSpec(1700000303L, "二手好物群", "private_group", "chats/chat_003"));
      chats.add(new ChatSpec(5000000404L, "Kiki", "personal_chat", "chats/chat_004"));
    }
    List<Sender> people =
        List.of(
            new Sender("user6000000001", "小林"), new Sender("user6000000002", "阿杰"),
            new Sender("user6000000003", "Momo"), new Sender("user6000000004", "老王"),
            new Sender("user6000000005", "Kiki"), new Sender("user6000000006", "摄影爱好者"));
    List<Sender> advertisers =
        List.of(new Sender("user6000000101", "好物小店A"), new Sender("user6000000102", "好物小店B"));
    ChatSpec main = chats.get(0);
    ChatSpec channel = opt.singleChat() ? main : chats.get(1);
    ChatSpec market = opt.singleChat() ? main : chats.get(2);
    ChatSpec personal = opt.singleChat() ? main : chats.get(3);
    Sender channelSender = new Sender("channel" + channel.id(), channel.name());

    for (ChatSpec c : chats) {
      if (!c.type().equals("personal_chat") && !c.type().endsWith("_channel")) {
        service(c, people.get(0), "create_group");
        service(c, people.get(0), "invite_members");
      } else if (c.type().endsWith("_channel")) {
        service(c, channelSender, "create_channel");
      }
    }

    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    ArrayNode victims = manifest.arrayNode();
    List<Msg> copyPosts = new ArrayList<>();
    for (int v = 1; v <= VICTIMS; v++) {
      String name = String.format(Locale.ROOT, "victim-%02d.jpg", v);
      BufferedImage original =
          v == 2
              ? SampleImages.poster(800, 600, opt.seed() * 31 + v)
              : SampleImages.scene(800, 600, opt.seed() * 31 + v);
      Files.write(dir.resolve(VICTIM_DIR).resolve(name), SampleImages.jpeg(original, 0.92f));
      for (String t : TRANSFORMS) {
        boolean inChannel = !opt.singleChat() && random.nextInt(3) == 0;
        ChatSpec c = inChannel ? channel : main;
        Sender s = inChannel ? channelSender : people.get(random.nextInt(people.size()));
        Msg m = victimCopy(c, s, VICTIM_DIR + "/" + name, original, t);
        copyPosts.add(m);
      }
    }
    List<Msg> shuffled = new ArrayList<>(copyPosts);
    Collections.shuffle(shuffled, random);
    for (int f = 0; f < FORWARDS; f++) {
      Msg from = shuffled.get(f);
      ChatSpec to = opt.singleChat() ? main : chats.get(1 + (f % 3));
      if (to.equals(from.chat)) {
        to = main.equals(from.chat) ? market : main;
      }
      Sender s =
          to.type().endsWith("_channel")
              ? channelSender
              : to.equals(personal) ? people.get(4) : people.get(random.nextInt(people.size()));
      forward(from, to, s, opt.singleChat() ? "每日美图分享" : from.chat.name());
    }
    for (int u = 0; u < UNRELATED_PHOTOS; u++) {
      ChatSpec c = chats.get(random.nextInt(chats.size()));
      Sender s =
          c.type().endsWith("_channel") ? channelSender : people.get(random.nextInt(people.size()));
      BufferedImage img =
          u % 2 == 0
              ? SampleImages.scene(640, 480, opt.seed() * 1000 + u)
              : SampleImages.poster(640, 480, opt.seed() * 1000 + u);
      photo(c, s, SampleImages.jpeg(img, 0.85f), 640, 480, "");
    }
    skipped(main, people.get(1), "photo", NOT_INCLUDED, "not_included", null);
    skipped(
        opt.singleChat() ? main : market,
        people.get(2),
        "file",
        NOT_INCLUDED,
        "not_included",
        "video_file");
    skipped(main, people.get(3), "file", TOO_LARGE, "exceeds_max_size", "video_file");
    skipped(
        opt.singleChat() ? main : channel,
        channelSender,
        "photo",
        UNAVAILABLE,
        "unavailable",
        null);
    int adIndex = 0;
    for (Map.Entry<String, List<String>> e : ADS.entrySet()) {
      for (String text : e.getValue()) {
        ad(market, advertisers.get(adIndex++ % 2), e.getKey(), text);
      }
    }
    String videoNote = video(main, people.get(2));
    boolean video = videoNote.isEmpty();

    int min = minimumMessages(opt.singleChat());
    if (opt.messages() < min) {
      throw new IllegalArgumentException(
          "--messages must be at least " + min + ", was " + opt.messages());
    }
    while (msgs.size() < opt.messages()) {
      ChatSpec c = chats.get(random.nextInt(chats.size()));
      Sender s =
          c.type().endsWith("_channel")
              ? channelSender
              : c.equals(personal) && random.nextBoolean()
                  ? people.get(4)
                  : people.get(random.nextInt(people.size()));
      Msg m = new Msg(c);
      m.sender = s;
      m.body.put("text", CHATTER[random.nextInt(CHATTER.length)]);
      msgs.add(m);
    }
    List<Msg> planted = new ArrayList<>(msgs);
    Collections.shuffle(planted, random);
    planted.sort((a, b) -> Boolean.compare(!a.service, !b.service));
    assignIdsAndDates(planted);
    for (Msg m : planted) {
      m.media.run();
    }
    if (opt.html()) {
      List<SampleHtml.Message> html = new ArrayList<>();
      for (Msg m : planted) {
        html.add(htmlMessage(m));
      }
      new SampleHtml(export, opt.singleChat(), opt.perPage(), EXPORTER_ZONE)
          .write(chatsForHtml(), html);
    } else {
      writeExport(planted);
    }
    writeManifest(manifest, victims, planted, video, videoNote);
    return new Result(
        export,
        dir.resolve(MANIFEST),
        planted.size(),
        chats.size(),
        (int) planted.stream().filter(m -> m.plantedCopy != null).count(),
        mediaFiles,
        (int) planted.stream().filter(m -> m.adCategory != null).count(),
        video,
        videoNote);
  }

  private Msg add(ChatSpec c, Sender s) {
    Msg m = new Msg(c);
    m.sender = s;
    msgs.add(m);
    return m;
  }

  private void service(ChatSpec c, Sender actor, String action) {
    Msg m = add(c, actor);
    m.service = true;
    m.body.put("action", action);
    if (action.startsWith("create")) {
      m.body.put("title", c.name());
    }
    if (action.equals("invite_members") || action.equals("create_group")) {
      m.body.putArray("members").add("阿杰").add("Momo");
    }
    m.body.put("text", "");
  }

  /** Where a chat's files go: under chats/chat_NNN/ in a full export, at the root otherwise. */
  private String chatPath(ChatSpec c, String kind) {
    return opt.singleChat() ? kind : c.folder() + "/" + kind;
  }

  private String nextName(ChatSpec c, String kind, String prefix, LocalDateTime when, String ext) {
    String key = c.folder() + "/" + prefix;
    int n = fileCounters.merge(key, 1, Integer::sum);
    return chatPath(c, kind) + "/" + prefix + "_" + n + "@" + FILE_DATE.format(when) + "." + ext;
  }

  private void writeFile(String relative, byte[] bytes) {
    try {
      Path p = export.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      mediaFiles++;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("failed to write " + relative, e);
    }
  }

  private Msg photo(ChatSpec c, Sender s, byte[] jpeg, int w, int h, String caption) {
    Msg m = add(c, s);
    m.body.put("text", caption);
    m.media =
        () -> {
          String rel = nextName(c, "photos", "photo", m.local, "jpg");
          writeFile(rel, jpeg);
          photos++;
          m.body.put("photo", rel);
          m.body.put("photo_file_size", jpeg.length);
          m.body.put("width", w);
          m.body.put("height", h);
          m.body.put("text", caption);
        };
    return m;
  }

  /** Posting {@code bytes} as a PNG sent as a file (a document, not a compressed photo). */
  private Runnable pngDocument(Msg m, ChatSpec c, byte[] bytes, int w, int h) {
    return () -> {
      String rel =
          chatPath(c, "files")
              + "/IMG_"
              + (1000 + fileCounters.merge(c.folder() + "/file", 1, Integer::sum))
              + ".png";
      writeFile(rel, bytes);
      m.body.put("file", rel);
      m.body.put("file_name", rel.substring(rel.lastIndexOf('/') + 1));
      m.body.put("file_size", bytes.length);
      m.body.put("mime_type", "image/png");
      m.body.put("width", w);
      m.body.put("height", h);
      m.plantedCopy.put("file", relToDir(rel));
    };
  }

  private Msg victimCopy(ChatSpec c, Sender s, String original, BufferedImage img, String t) {
    byte[] bytes;
    BufferedImage shown = img;
    switch (t) {
      case "resized" -> {
        shown = SampleImages.scaled(img, 0.5);
        bytes = SampleImages.jpeg(shown, 0.8f);
      }
      case "recompressed" -> bytes = SampleImages.jpeg(img, 0.35f);
      case "cropped" -> {
        shown = SampleImages.cropped(img, 0.05);
        bytes = SampleImages.jpeg(shown, 0.85f);
      }
      case "grey_document" -> {
        shown = SampleImages.grey(img);
        bytes = SampleImages.png(shown);
      }
      case "mirrored" -> {
        shown = SampleImages.mirrored(img);
        bytes = SampleImages.jpeg(shown, 0.9f);
      }
      case "exif_rotated" ->
          bytes =
              SampleImages.withExifOrientation(
                  SampleImages.jpeg(SampleImages.rotatedClockwise(img), 0.9f), 8);
      case "watermarked" -> {
        shown = SampleImages.watermarked(img, "@daily_pics_sample");
        bytes = SampleImages.jpeg(shown, 0.85f);
      }
      default -> throw new IllegalArgumentException(t);
    }
    Msg m;
    if (t.equals("grey_document")) {
      m = add(c, s);
      m.body.put("text", "原图发文件");
      int w = shown.getWidth();
      int h = shown.getHeight();
      m.media = pngDocument(m, c, bytes, w, h);
    } else {
      m =
          photo(
              c,
              s,
              bytes,
              shown.getWidth(),
              shown.getHeight(),
              random.nextInt(3) == 0 ? "分享一张" : "");
      Runnable base = m.media;
      Msg self = m;
      m.media =
          () -> {
            base.run();
            self.plantedCopy.put("file", relToDir(self.body.get("photo").asText()));
          };
    }
    m.victim = original;
    m.plantedCopy = JsonNodeFactory.instance.objectNode();
    m.plantedCopy.put("transform", t);
    m.plantedCopy.put("forwarded", false);
    storeBytes(m, bytes, shown);
    return m;
  }

  private final Map<Msg, byte[]> copyBytes = new LinkedHashMap<>();
  private final Map<Msg, int[]> copySize = new LinkedHashMap<>();

  private void storeBytes(Msg m, byte[] bytes, BufferedImage shown) {
    copyBytes.put(m, bytes);
    copySize.put(m, new int[] {shown.getWidth(), shown.getHeight()});
  }

  private void forward(Msg from, ChatSpec to, Sender s, String fromName) {
    byte[] bytes = copyBytes.get(from);
    int[] size = copySize.get(from);
    Msg m;
    if (from.plantedCopy.get("transform").asText().equals("grey_document")) {
      m = add(to, s);
      m.body.put("text", "");
      m.media = pngDocument(m, to, bytes, size[0], size[1]);
    } else {
      m = photo(to, s, bytes, size[0], size[1], "");
      Runnable base = m.media;
      m.media =
          () -> {
            base.run();
            m.plantedCopy.put("file", relToDir(m.body.get("photo").asText()));
          };
    }
    m.forwardedFrom = fromName;
    m.victim = from.victim;
    m.plantedCopy = JsonNodeFactory.instance.objectNode();
    m.plantedCopy.put("transform", from.plantedCopy.get("transform").asText());
    m.plantedCopy.put("forwarded", true);
  }

  private void skipped(
      ChatSpec c, Sender s, String field, String placeholder, String reason, String mediaType) {
    Msg m = add(c, s);
    m.uncheckedReason = reason;
    m.uncheckedField = field;
    m.body.put(field, placeholder);
    if (field.equals("photo")) {
      m.body.put("photo_file_size", 100_000 + random.nextInt(900_000));
      m.body.put("width", 1280);
      m.body.put("height", 960);
    } else {
      m.body.put("file_name", "VID_" + (2000 + random.nextInt(1000)) + ".mp4");
      m.body.put("file_size", reason.equals("exceeds_max_size") ? 2_500_000_000L : 48_000_000L);
      m.body.put("media_type", mediaType);
      m.body.put("mime_type", "video/mp4");
      m.body.put("duration_seconds", 30 + random.nextInt(600));
      m.body.put("width", 1280);
      m.body.put("height", 720);
    }
    m.body.put("text", "");
  }

  private void ad(ChatSpec c, Sender s, String category, String text) {
    Msg m = add(c, s);
    m.adCategory = category;
    if (text.endsWith("详情见链接")) {
      ArrayNode parts = m.body.putArray("text");
      parts.add(text.substring(0, text.length() - 2));
      ObjectNode link = parts.addObject();
      link.put("type", "text_link");
      link.put("text", "链接");
      link.put("href", "https://example.invalid/shop");
    } else {
      m.body.put("text", text);
    }
  }

  /** Encodes a short clip of a victim picture and posts a smaller re-encode; "" on success. */
  private String video(ChatSpec c, Sender s) {
    BufferedImage still = SampleImages.scene(640, 480, opt.seed() * 31 + 97);
    String original = VICTIM_DIR + "/victim-clip.mp4";
    byte[] clip;
    byte[] copy;
    try {
      clip = SampleImages.panClip(still, 320, 240, 24, 400_000);
      copy = SampleImages.panClip(still, 240, 180, 24, 120_000);
    } catch (Throwable t) {
      return "no video encoder available ("
          + t.getClass().getSimpleName()
          + "); the export has no video";
    }
    try {
      Files.write(dir.resolve(original), clip);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("failed to write " + original, e);
    }
    Msg m = add(c, s);
    m.victim = original;
    m.plantedCopy = JsonNodeFactory.instance.objectNode();
    m.plantedCopy.put("transform", "reencoded_smaller");
    m.plantedCopy.put("forwarded", false);
    byte[] thumb = SampleImages.jpeg(SampleImages.scaled(still, 0.25), 0.8f);
    m.body.put("text", "视频");
    m.media =
        () -> {
          String rel = nextName(c, "video_files", "video", m.local, "mp4");
          writeFile(rel, copy);
          writeFile(rel + "_thumb.jpg", thumb);
          videos++;
          m.body.put("file", rel);
          m.body.put("file_name", "VID_20260201.mp4");
          m.body.put("file_size", copy.length);
          m.body.put("thumbnail", rel + "_thumb.jpg");
          m.body.put("thumbnail_file_size", thumb.length);
          m.body.put("media_type", "video_file");
          m.body.put("mime_type", "video/mp4");
          m.body.put("duration_seconds", 2);
          m.body.put("width", 240);
          m.body.put("height", 180);
          m.plantedCopy.put("file", relToDir(rel));
        };
    return "";
  }

  private String relToDir(String exportRelative) {
    return dir.relativize(export.resolve(exportRelative)).toString().replace('\\', '/');
  }

  /** Ids count up per chat; dates move forward a few minutes to a few hours per message. */
  private void assignIdsAndDates(List<Msg> ordered) {
    Map<ChatSpec, long[]> state = new LinkedHashMap<>();
    long start = LocalDateTime.of(2026, 2, 3, 8, 0).atZone(EXPORTER_ZONE).toEpochSecond();
    for (Msg m : ordered) {
      long[] st = state.computeIfAbsent(m.chat, k -> new long[] {0, start + random.nextInt(3600)});
      st[0] += 1 + (random.nextInt(10) == 0 ? 1 : 0);
      st[1] += 60 + random.nextInt(4 * 3600);
      m.id = st[0];
      m.unixtime = st[1];
      m.local = LocalDateTime.ofInstant(Instant.ofEpochSecond(st[1]), EXPORTER_ZONE);
    }
  }

  private ObjectNode messageJson(Msg m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", m.id);
    o.put("type", m.service ? "service" : "message");
    o.put("date", m.local.toString().length() == 16 ? m.local + ":00" : m.local.toString());
    o.put("date_unixtime", Long.toString(m.unixtime));
    if (m.service) {
      o.put("actor", m.sender.name());
      o.put("actor_id", m.sender.id());
    } else {
      o.put("from", m.sender.name());
      o.put("from_id", m.sender.id());
      if (m.forwardedFrom != null) {
        o.put("forwarded_from", m.forwardedFrom);
      }
    }
    o.setAll(m.body);
    o.set("text", o.has("text") ? o.remove("text") : JsonNodeFactory.instance.textNode(""));
    ArrayNode entities = o.putArray("text_entities");
    if (o.get("text").isTextual() && !o.get("text").asText().isEmpty()) {
      entities.addObject().put("type", "plain").put("text", o.get("text").asText());
    } else if (o.get("text").isArray()) {
      o.get("text")
          .forEach(
              part -> {
                if (part.isTextual()) {
                  entities.addObject().put("type", "plain").put("text", part.asText());
                } else {
                  entities.add(part.deepCopy());
                }
              });
    }
    return o;
  }

  private void writeExport(List<Msg> ordered) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<ChatSpec, ArrayNode> byChat = new LinkedHashMap<>();
    for (ChatSpec c : chats) {
      byChat.put(c, JsonNodeFactory.instance.arrayNode());
    }
    List<Msg> sorted = new ArrayList<>(ordered);
    sorted.sort((a, b) -> Long.compare(a.id, b.id));
    for (Msg m : sorted) {
      byChat.get(m.chat).add(messageJson(m));
    }
    ObjectNode root;
    if (opt.singleChat()) {
      root = chatJson(chats.get(0), byChat.get(chats.get(0)));
    } else {
      root = JsonNodeFactory.instance.objectNode();
      root.put(
          "about", "Here is the data you requested. (Synthetic sample export made by redress.)");
      ObjectNode info = root.putObject("personal_information");
      info.put("user_id", 6000000009L);
      info.put("first_name", "Sample");
      info.put("last_name", "Exporter");
      info.put("phone_number", "+00 000 0000");
      info.put("bio", "");
      ObjectNode section = root.putObject("chats");
      section.put("about", "This page lists all chats from this export.");
      ArrayNode list = section.putArray("list");
      for (ChatSpec c : chats) {
        list.add(chatJson(c, byChat.get(c)));
      }
    }
    mapper.writeValue(export.resolve("result.json").toFile(), root);
  }

  private List<SampleHtml.ChatInfo> chatsForHtml() {
    List<SampleHtml.ChatInfo> out = new ArrayList<>();
    for (ChatSpec c : chats) {
      out.add(new SampleHtml.ChatInfo(c.id(), c.name(), c.type(), c.folder()));
    }
    return out;
  }

  /** The message as the HTML writer needs it, from the same fields the JSON export gets. */
  private SampleHtml.Message htmlMessage(Msg m) {
    ObjectNode o = messageJson(m);
    String text;
    String link = null;
    String linkText = null;
    if (o.get("text").isArray()) {
      StringBuilder sb = new StringBuilder();
      for (var part : o.get("text")) {
        if (part.isTextual()) {
          sb.append(part.asText());
        } else {
          link = part.get("href").asText();
          linkText = part.get("text").asText();
        }
      }
      text = sb.toString();
    } else {
      text = o.get("text").asText();
    }
    return new SampleHtml.Message(
        m.chat.id(),
        m.id,
        m.unixtime,
        m.service,
        m.service ? o.path("action").asText() : "",
        m.sender.name(),
        m.forwardedFrom,
        text,
        link,
        linkText,
        o.path("photo").asText(null),
        o.path("file").asText(null),
        o.path("file_name").asText(null),
        o.path("thumbnail").asText(null),
        o.path("media_type").asText(null),
        o.path("width").asInt(0),
        o.path("height").asInt(0),
        o.path("duration_seconds").asInt(0),
        o.path("photo_file_size").asLong(o.path("file_size").asLong(0)));
  }

  private static ObjectNode chatJson(ChatSpec c, ArrayNode messages) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", c.name());
    o.put("type", c.type());
    o.put("id", c.id());
    o.set("messages", messages);
    return o;
  }

  private void writeManifest(
      ObjectNode manifest, ArrayNode victims, List<Msg> ordered, boolean video, String videoNote)
      throws IOException {
    manifest.put("schema", "redress/planted@1");
    manifest.put("generator", "redress sample telegram-export");
    manifest.put("seed", opt.seed());
    manifest.put("format", opt.singleChat() ? "single_chat" : "full_export");
    manifest.put("export_format", opt.html() ? "html" : "json");
    manifest.put("export", dir.relativize(export).toString());
    manifest.put("exporter_time_zone", EXPORTER_ZONE.getId());
    ArrayNode chatList = manifest.putArray("chats");
    for (ChatSpec c : chats) {
      ObjectNode o = chatList.addObject();
      o.put("id", c.id());
      o.put("name", c.name());
      o.put("type", c.type());
      o.put("messages", ordered.stream().filter(m -> m.chat.equals(c)).count());
    }
    Set<String> senders = new HashSet<>();
    int service = 0;
    int forwarded = 0;
    Map<String, Integer> unchecked = new TreeMap<>();
    for (Msg m : ordered) {
      if (m.service) {
        service++;
      } else {
        senders.add(m.sender.id());
      }
      if (m.forwardedFrom != null) {
        forwarded++;
      }
      if (m.uncheckedReason != null) {
        int n = m.body.has("thumbnail") ? 2 : 1;
        unchecked.merge(m.uncheckedReason, n, Integer::sum);
      }
    }
    ObjectNode totals = manifest.putObject("totals");
    totals.put("messages", ordered.size());
    totals.put("service_messages", service);
    totals.put("chats", chats.size());
    totals.put("senders", senders.size());
    totals.put("forwarded_posts", forwarded);
    totals.put("media_files", mediaFiles);
    totals.put("photos", photos);
    totals.put("videos", videos);
    totals.put("victim_copies", ordered.stream().filter(m -> m.plantedCopy != null).count());
    totals.put(
        "victim_copies_pdq_findable",
        ordered.stream()
            .filter(m -> m.plantedCopy != null)
            .filter(m -> pdqFindable(m.plantedCopy.get("transform").asText()))
            .count());
    ObjectNode un = totals.putObject("unchecked");
    for (String r : List.of("not_included", "exceeds_max_size", "unavailable")) {
      un.put(r, unchecked.getOrDefault(r, 0));
    }
    totals.put("ad_posts", ordered.stream().filter(m -> m.adCategory != null).count());

    Map<String, List<Msg>> byVictim = new TreeMap<>();
    for (Msg m : ordered) {
      if (m.victim != null) {
        byVictim.computeIfAbsent(m.victim, k -> new ArrayList<>()).add(m);
      }
    }
    for (Map.Entry<String, List<Msg>> e : byVictim.entrySet()) {
      ObjectNode v = victims.addObject();
      v.put("original", e.getKey());
      v.put("kind", e.getKey().endsWith(".mp4") ? "video" : "image");
      ArrayNode copies = v.putArray("copies");
      Set<Long> chatIds = new HashSet<>();
      Set<String> senderIds = new HashSet<>();
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      List<Msg> list = new ArrayList<>(e.getValue());
      list.sort(
          (a, b) ->
              a.unixtime != b.unixtime
                  ? Long.compare(a.unixtime, b.unixtime)
                  : Long.compare(a.chat.id(), b.chat.id()));
      for (Msg m : list) {
        ObjectNode c = copies.addObject();
        c.put("file", m.plantedCopy.get("file").asText());
        c.put("transform", m.plantedCopy.get("transform").asText());
        c.put("forwarded", m.plantedCopy.get("forwarded").asBoolean());
        c.put("pdq_findable", pdqFindable(m.plantedCopy.get("transform").asText()));
        c.put("chat_id", m.chat.id());
        c.put("message_id", m.id);
        c.put("sender_id", m.sender.id());
        c.put("date_utc", Instant.ofEpochSecond(m.unixtime).toString());
        chatIds.add(m.chat.id());
        senderIds.add(m.sender.id());
        first = Math.min(first, m.unixtime);
        last = Math.max(last, m.unixtime);
      }
      v.put("posts", list.size());
      v.put("chats", chatIds.size());
      v.put("senders", senderIds.size());
      v.put("first_seen_utc", Instant.ofEpochSecond(first).toString());
      v.put("last_seen_utc", Instant.ofEpochSecond(last).toString());
    }
    manifest.set("victims", victims);

    ArrayNode uncheckedList = manifest.putArray("unchecked");
    ObjectNode ads = manifest.putObject("ads");
    ObjectNode byCategory = ads.putObject("by_category");
    for (String cat : ADS.keySet()) {
      byCategory.put(cat, ordered.stream().filter(m -> cat.equals(m.adCategory)).count());
    }
    ArrayNode adPosts = ads.putArray("posts");
    List<Msg> sorted = new ArrayList<>(ordered);
    sorted.sort(
        (a, b) ->
            a.chat.id() != b.chat.id()
                ? Long.compare(a.chat.id(), b.chat.id())
                : Long.compare(a.id, b.id));
    for (Msg m : sorted) {
      if (m.uncheckedReason != null) {
        ObjectNode u = uncheckedList.addObject();
        u.put("chat_id", m.chat.id());
        u.put("message_id", m.id);
        u.put("field", m.uncheckedField);
        u.put("reason", m.uncheckedReason);
        u.put("with_thumbnail", m.body.has("thumbnail"));
      }
      if (m.adCategory != null) {
        ObjectNode a = adPosts.addObject();
        a.put("category", m.adCategory);
        a.put("chat_id", m.chat.id());
        a.put("message_id", m.id);
      }
    }
    ObjectNode v = manifest.putObject("video");
    v.put("encoded", video);
    v.put(
        "note",
        video
            ? "one short video (victim-clip.mp4) and a smaller re-encode in the export"
            : videoNote);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve(MANIFEST).toFile(), manifest);
  }

  /**
   * Whether a perceptual-hash scan is expected to find a copy made by this transform. A 5 % crop of
   * every border moves PDQ by 56 to 86 bits on the sample pictures (the match threshold is 31), so
   * cropped copies are planted as a known limit: the scan must not claim them.
   */
  static boolean pdqFindable(String transform) {
    return !transform.equals("cropped");
  }
}
