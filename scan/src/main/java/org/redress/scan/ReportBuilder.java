package org.redress.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redress.match.BankRules;
import org.redress.match.Match;
import org.redress.match.Matcher;
import org.redress.media.MediaKind;
import org.redress.sources.Problem;
import org.redress.sources.ReadSummary;
import org.redress.sources.UncheckedReason;

/** Turns what a scan kept into the {@code redress/spread-report@1} tree (see the docs). */
final class ReportBuilder {
  static final String SCHEMA = "redress/spread-report@1";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Occurrences in time order (instant, then exported text), then chat and message. */
  static final Comparator<Occurrence> TIME_ORDER =
      Comparator.comparingLong(
              (Occurrence o) -> o.post().date().utc().map(Instant::getEpochSecond)
                  .orElse(Long.MAX_VALUE))
          .thenComparing(o -> o.post().date().exported())
          .thenComparing(o -> o.post().chat() == null ? "" : o.post().chat().export())
          .thenComparingLong(o -> o.post().chat() == null ? Long.MAX_VALUE : o.post().chat().id())
          .thenComparingLong(o -> o.post().messageId())
          .thenComparingLong(Occurrence::seq);

  private final Aggregator agg;
  private final Matcher matcher;
  private final TradeLexicon lexicon;
  private final Instant generatedAt;
  private final boolean thumbnails;

  ReportBuilder(
      Aggregator agg, Matcher matcher, TradeLexicon lexicon, Instant at, boolean thumbnails) {
    this.agg = agg;
    this.matcher = matcher;
    this.lexicon = lexicon;
    this.generatedAt = at;
    this.thumbnails = thumbnails;
  }

  /** A group of occurrences: one report item. */
  private static final class Item {
    final String bank;
    final String label;
    final List<Occurrence> occ = new ArrayList<>();

    Item(String bank, String label) {
      this.bank = bank;
      this.label = label;
    }
  }

  SpreadReport build() {
    List<Occurrence> all = new ArrayList<>(agg.occurrences());
    all.sort(TIME_ORDER);
    Map<String, Item> items = new TreeMap<>();
    for (Occurrence o : all) {
      items.computeIfAbsent(o.bank() + "\u0000" + o.label(), k -> new Item(o.bank(), o.label()))
          .occ.add(o);
    }
    ObjectNode root = F.objectNode();
    root.put("schema", SCHEMA);
    root.put("generator", "redress scan");
    root.put("generated_at", generatedAt.toString());
    ArrayNode banks = root.putArray("banks");
    for (BankRules b : matcher.banks()) {
      banks.addObject().put("name", b.name()).put("threshold", b.threshold())
          .put("min_quality", b.minQuality());
    }
    boolean partial = sources(root.putArray("sources"));
    root.put("partial", partial);
    ArrayNode itemsNode = root.putArray("items");
    for (Item it : items.values()) {
      itemsNode.add(item(it));
    }
    root.set("totals", totals(all, items.size()));
    root.set("unchecked", unchecked(partial));
    root.set("trade", trade());
    root.set("chats", chats(all));
    root.set("timeline", timeline(all));
    Facts.add(root, all, agg.trade());
    ScreenshotFacts.add(root, agg.readFacts());
    ScreenshotFacts.pruneNotShown(root);
    Map<String, byte[]> thumbs = new LinkedHashMap<>();
    if (thumbnails) {
      for (Occurrence o : all) {
        if (o.thumbnail() != null) {
          thumbs.putIfAbsent(o.sha256(), o.thumbnail());
        }
      }
    }
    return new SpreadReport(root, thumbs, lexicon);
  }

  private boolean sources(ArrayNode out) {
    boolean partial = false;
    for (Aggregator.SourceResult s : agg.sources()) {
      ObjectNode o = out.addObject();
      o.put("path", s.path());
      if (s.refusal() != null) {
        o.putNull("kind");
        o.put("refused", s.refusal());
        o.put("partial", true);
        partial = true;
        continue;
      }
      ReadSummary r = s.summary();
      o.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
      o.put("chats", r.chats());
      o.put("posts", r.posts());
      o.put("service_messages", r.serviceMessages());
      o.put("media_available", r.mediaAvailable());
      o.put("media_unchecked", r.uncheckedTotal());
      o.put("loose_files", r.looseFiles());
      o.put("skipped_files", r.skippedFiles());
      o.put("partial", r.partial());
      partial |= r.partial();
      ArrayNode ps = o.putArray("problems");
      for (Problem p : r.problems()) {
        ObjectNode po = ps.addObject();
        po.put("file", p.file());
        if (p.byteOffset() >= 0) {
          po.put("byte_offset", p.byteOffset());
          po.put("line", p.line());
          po.put("column", p.column());
        }
        po.put("message", p.message());
      }
      o.put("problem_count", r.problemCount());
    }
    return partial;
  }

  private ObjectNode item(Item it) {
    ObjectNode o = F.objectNode();
    o.put("bank", it.bank);
    o.put("label", it.label);
    Set<Long> ids = new TreeSet<>();
    Set<String> signals = new TreeSet<>();
    boolean video = false;
    for (Occurrence oc : it.occ) {
      for (Occurrence.Hit hit : oc.matches()) {
        ids.add(hit.match().item());
        signals.add(hit.match().signal().id());
      }
      video |= oc.kind() == MediaKind.VIDEO;
    }
    o.put("kind", video ? "video" : "image");
    ArrayNode idsNode = o.putArray("item_ids");
    ids.forEach(idsNode::add);
    ArrayNode sig = o.putArray("signals");
    signals.forEach(sig::add);
    Counts c = Counts.of(it.occ);
    o.put("posts", c.posts);
    o.put("chats", c.chats);
    o.put("senders", c.senders);
    o.put("forwarded_posts", c.forwarded);
    o.put("loose_files", c.loose);
    o.put("distinct_files", c.files);
    o.set("first_seen", seen(first(it.occ)));
    o.set("last_seen", seen(last(it.occ)));
    ArrayNode occ = o.putArray("occurrences");
    for (Occurrence oc : it.occ) {
      occ.add(occurrence(oc));
    }
    return o;
  }

  /** Distinct posts, chats, senders, forwarded posts, loose files and files among occurrences. */
  static final class Counts {
    long posts;
    long chats;
    long senders;
    long forwarded;
    long loose;
    long files;

    static Counts of(List<Occurrence> occ) {
      Set<String> posts = new TreeSet<>();
      Set<String> chats = new TreeSet<>();
      Set<String> senders = new TreeSet<>();
      Set<String> forwarded = new TreeSet<>();
      Set<String> loose = new TreeSet<>();
      Set<String> files = new TreeSet<>();
      for (Occurrence o : occ) {
        files.add(o.sha256());
        if (o.post().chat() == null) {
          loose.add(o.location());
          continue;
        }
        posts.add(o.postKey());
        chats.add(Aggregator.chatKey(o.post().chat()));
        String s = o.post().senderKey();
        if (s != null) {
          senders.add(s);
        }
        if (o.post().forwarded()) {
          forwarded.add(o.postKey());
        }
      }
      Counts c = new Counts();
      c.posts = posts.size();
      c.chats = chats.size();
      c.senders = senders.size();
      c.forwarded = forwarded.size();
      c.loose = loose.size();
      c.files = files.size();
      return c;
    }
  }

  /** The earliest dated occurrence in a time-ordered list, or null. */
  static Occurrence first(List<Occurrence> sorted) {
    for (Occurrence o : sorted) {
      if (o.post().chat() != null && !o.post().date().exported().isEmpty()) {
        return o;
      }
    }
    return null;
  }

  /** The latest occurrence with an instant (else the latest with a date), or null. */
  static Occurrence last(List<Occurrence> sorted) {
    Occurrence withInstant = null;
    Occurrence any = null;
    for (Occurrence o : sorted) {
      if (o.post().chat() == null || o.post().date().exported().isEmpty()) {
        continue;
      }
      any = o;
      if (o.post().date().utc().isPresent()) {
        withInstant = o;
      }
    }
    return withInstant != null ? withInstant : any;
  }

  private static ObjectNode seen(Occurrence o) {
    ObjectNode n = F.objectNode();
    if (o == null) {
      return null;
    }
    putDate(n, o);
    n.put("chat_id", o.post().chat().id());
    n.put("message_id", o.post().messageId());
    return n;
  }

  private static void putDate(ObjectNode n, Occurrence o) {
    var d = o.post().date();
    if (d.utc().isPresent()) {
      n.put("date_utc", d.utc().get().toString());
    } else {
      n.putNull("date_utc");
    }
    n.put("date_exported", d.exported());
    n.put("zone_unknown", d.zoneUnknown());
  }

  static ObjectNode occurrence(Occurrence oc) {
    ObjectNode o = F.objectNode();
    var p = oc.post();
    if (p.chat() == null) {
      o.putNull("chat_id");
      o.putNull("chat_name");
      o.putNull("chat_type");
      o.putNull("export");
      o.putNull("message_id");
      o.putNull("reference");
    } else {
      o.put("chat_id", p.chat().id());
      o.put("chat_name", p.chat().name());
      o.put("chat_type", p.chat().type());
      o.put("export", p.chat().export());
      o.put("message_id", p.messageId());
      o.put("reference", p.reference());
    }
    putDate(o, oc);
    o.put("sender_name", p.senderName());
    o.put("sender_id", p.senderId());
    o.put("forwarded", p.forwarded());
    o.put("forwarded_from", p.forwardedFrom());
    o.put("forwarded_from_id", p.forwardedFromId());
    o.put("field", oc.field());
    o.put("file", oc.file());
    o.put("location", oc.location());
    o.put("media_kind", oc.kind().name().toLowerCase(Locale.ROOT));
    o.put("sha256", oc.sha256());
    o.put("md5", oc.md5());
    if (oc.pdq() != null) {
      o.put("pdq", oc.pdq());
    } else {
      o.putNull("pdq");
    }
    Occurrence.Hit best = oc.primary();
    o.put("signal", best.match().signal().id());
    o.put("distance", best.match().distance());
    if (best.variant() != null) {
      o.put("variant", best.variant());
    } else {
      o.putNull("variant");
    }
    if (best.region() != null) {
      o.put("region", best.region());
    }
    ArrayNode ms = o.putArray("matches");
    for (Occurrence.Hit hit : oc.matches()) {
      Match m = hit.match();
      ObjectNode mo = ms.addObject();
      mo.put("item", m.item());
      mo.put("signal", m.signal().id());
      mo.put("distance", m.distance());
      if (!Double.isNaN(m.queryPercent())) {
        mo.put("query_percent", round(m.queryPercent()));
        mo.put("compared_percent", round(m.comparedPercent()));
      }
      if (hit.variant() != null) {
        mo.put("variant", hit.variant());
      }
      if (hit.region() != null) {
        mo.put("region", hit.region());
      }
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  private ObjectNode totals(List<Occurrence> all, int itemCount) {
    ObjectNode t = F.objectNode();
    Counts c = Counts.of(all);
    Set<String> images = new TreeSet<>();
    Set<String> videos = new TreeSet<>();
    Set<String> imagePosts = new TreeSet<>();
    Set<String> videoPosts = new TreeSet<>();
    for (Occurrence o : all) {
      boolean video = o.kind() == MediaKind.VIDEO;
      (video ? videos : images).add(o.sha256());
      if (o.post().chat() != null) {
        (video ? videoPosts : imagePosts).add(o.postKey());
      }
    }
    t.put("matched_items", itemCount);
    t.put("posts_with_matches", c.posts);
    t.put("matched_images", images.size());
    t.put("matched_videos", videos.size());
    t.put("image_posts", imagePosts.size());
    t.put("video_posts", videoPosts.size());
    t.put("occurrences", all.size());
    t.put("chats_involved", c.chats);
    t.put("senders_involved", c.senders);
    t.put("forwarded_posts", c.forwarded);
    t.put("loose_files_matched", c.loose);
    Occurrence first = first(all);
    Occurrence last = last(all);
    t.set("first_seen", seen(first));
    t.set("last_seen", seen(last));
    long posts = 0;
    long service = 0;
    for (Aggregator.ChatStats s : agg.chats()) {
      posts += s.posts;
      service += s.service;
    }
    t.put("chats_read", agg.chats().size());
    t.put("posts_read", posts);
    t.put("service_messages_read", service);
    t.put("media_checked", agg.hashedImages() + agg.hashedVideos());
    t.put("images_checked", agg.hashedImages());
    t.put("videos_checked", agg.hashedVideos());
    long unchecked = 0;
    for (long n : agg.uncheckedByReason().values()) {
      unchecked += n;
    }
    t.put("media_unchecked", unchecked);
    t.put("ad_posts", agg.trade().size());
    return t;
  }

  private ObjectNode unchecked(boolean partial) {
    ObjectNode u = F.objectNode();
    Map<String, Long> by = agg.uncheckedByReason();
    long total = 0;
    for (long n : by.values()) {
      total += n;
    }
    u.put("total", total);
    ObjectNode byReason = u.putObject("by_reason");
    ObjectNode reasons = u.putObject("reasons");
    for (Map.Entry<String, Long> e : by.entrySet()) {
      byReason.put(e.getKey(), e.getValue());
      reasons.put(e.getKey(), describe(e.getKey()));
    }
    u.put("partial", partial);
    ArrayNode notRead = u.putArray("not_read");
    for (Aggregator.SourceResult s : agg.sources()) {
      if (s.refusal() != null) {
        notRead.add(s.refusal());
      } else {
        for (Problem p : s.summary().problems()) {
          notRead.add(p.toString());
        }
        if (s.summary().problemCount() > s.summary().problems().size()) {
          notRead.add(String.format(Locale.ROOT, "%s: %d more problems not listed", s.path(),
              s.summary().problemCount() - s.summary().problems().size()));
        }
      }
    }
    List<Aggregator.Unchecked> listed = agg.uncheckedListed();
    u.put("listed", listed.size());
    ArrayNode media = u.putArray("media");
    for (Aggregator.Unchecked x : listed) {
      ObjectNode o = media.addObject();
      var p = x.post();
      if (p.chat() == null) {
        o.putNull("chat_id");
        o.putNull("message_id");
      } else {
        o.put("chat_id", p.chat().id());
        o.put("chat_name", p.chat().name());
        o.put("message_id", p.messageId());
        o.put("date_exported", p.date().exported());
      }
      o.put("field", x.field());
      o.put("file", x.file());
      o.put("location", x.location());
      o.put("reason", x.reason());
      o.put("detail", x.detail());
      if (x.mediaType() != null) {
        o.put("media_type", x.mediaType());
      }
      if (x.mimeType() != null) {
        o.put("mime_type", x.mimeType());
      }
      if (x.declaredSize() != null) {
        o.put("declared_size", x.declaredSize());
      }
    }
    u.put("note", "The counts in this report cover only the media that were checked. Media listed"
        + " here were not compared with any bank: export again with the missing types and sizes"
        + " included (Telegram Desktop: Settings > Advanced > Export Telegram data) and scan"
        + " again.");
    return u;
  }

  static String describe(String code) {
    if (code.equals(Aggregator.AUDIO)) {
      return Aggregator.AUDIO_TEXT;
    }
    if (code.equals(Aggregator.UNREADABLE)) {
      return "the file could not be read or hashed (corrupt, unsupported or over a limit)";
    }
    for (UncheckedReason r : UncheckedReason.values()) {
      if (r.code().equals(code)) {
        return r.description();
      }
    }
    return code;
  }

  private ObjectNode trade() {
    ObjectNode t = F.objectNode();
    List<Aggregator.TradePost> posts = new ArrayList<>(agg.trade());
    posts.sort(Comparator.comparing((Aggregator.TradePost p) -> p.chat().export())
        .thenComparingLong(p -> p.chat().id()).thenComparingLong(Aggregator.TradePost::messageId)
        .thenComparingLong(Aggregator.TradePost::seq));
    t.put("ad_posts", posts.size());
    t.put("lexicon_version", lexicon.version());
    ObjectNode cats = t.putObject("categories");
    Map<String, Long> byCat = new LinkedHashMap<>();
    for (String c : lexicon.categories()) {
      cats.putObject(c).put("zh", lexicon.label(c, "zh")).put("en", lexicon.label(c, "en"));
      byCat.put(c, 0L);
    }
    Map<String, ObjectNode> byChat = new TreeMap<>();
    ArrayNode list = F.arrayNode();
    for (Aggregator.TradePost p : posts) {
      String key = String.format(Locale.ROOT, "%s|%020d", p.chat().export(), p.chat().id());
      ObjectNode chat = byChat.computeIfAbsent(key, k -> {
        ObjectNode c = F.objectNode();
        c.put("chat_id", p.chat().id());
        c.put("chat_name", p.chat().name());
        c.put("chat_type", p.chat().type());
        c.put("ad_posts", 0);
        ObjectNode bc = c.putObject("by_category");
        for (String cat : lexicon.categories()) {
          bc.put(cat, 0);
        }
        return c;
      });
      chat.put("ad_posts", chat.get("ad_posts").asLong() + 1);
      ObjectNode o = list.addObject();
      o.put("chat_id", p.chat().id());
      o.put("chat_name", p.chat().name());
      o.put("message_id", p.messageId());
      o.put("reference", "chat " + p.chat().id() + " message " + p.messageId());
      if (p.date().utc().isPresent()) {
        o.put("date_utc", p.date().utc().get().toString());
      } else {
        o.putNull("date_utc");
      }
      o.put("date_exported", p.date().exported());
      o.put("sender_name", p.senderName());
      o.put("sender_id", p.senderId());
      ArrayNode cs = o.putArray("categories");
      ArrayNode ds = o.putArray("detections");
      for (TradeLexicon.Detection d : p.detections()) {
        cs.add(d.category());
        ObjectNode dn = ds.addObject();
        dn.put("category", d.category());
        ArrayNode ph = dn.putArray("phrases");
        d.phrases().forEach(ph::add);
        byCat.merge(d.category(), 1L, Long::sum);
        ObjectNode bc = (ObjectNode) chat.get("by_category");
        bc.put(d.category(), bc.path(d.category()).asLong() + 1);
      }
      o.put("text", p.text());
    }
    ObjectNode bcNode = t.putObject("by_category");
    byCat.forEach(bcNode::put);
    ArrayNode chats = t.putArray("by_chat");
    byChat.values().forEach(chats::add);
    t.set("posts", list);
    return t;
  }

  private ArrayNode chats(List<Occurrence> all) {
    Map<String, List<Occurrence>> byChat = new LinkedHashMap<>();
    for (Occurrence o : all) {
      if (o.post().chat() != null) {
        byChat.computeIfAbsent(Aggregator.chatKey(o.post().chat()), k -> new ArrayList<>()).add(o);
      }
    }
    List<Aggregator.ChatStats> stats = new ArrayList<>(agg.chats());
    stats.sort(Comparator.comparing((Aggregator.ChatStats s) -> s.chat.export())
        .thenComparingLong(s -> s.chat.id()));
    ArrayNode out = F.arrayNode();
    for (Aggregator.ChatStats s : stats) {
      List<Occurrence> occ = byChat.getOrDefault(Aggregator.chatKey(s.chat), List.of());
      Counts c = Counts.of(occ);
      Set<String> items = new LinkedHashSet<>();
      occ.forEach(o -> items.add(o.bank() + "/" + o.label()));
      ObjectNode o = out.addObject();
      o.put("chat_id", s.chat.id());
      o.put("chat_name", s.chat.name());
      o.put("chat_type", s.chat.type());
      o.put("export", s.chat.export());
      o.put("posts", s.posts);
      o.put("service_messages", s.service);
      o.put("media", s.media);
      o.put("media_unchecked", s.unchecked);
      o.put("posts_with_matches", c.posts);
      o.put("matched_items", items.size());
      o.put("senders_with_matches", c.senders);
      o.put("ad_posts", s.adPosts);
      Occurrence f = first(occ);
      Occurrence l = last(occ);
      o.set("first_seen", seen(f));
      o.set("last_seen", seen(l));
    }
    return out;
  }

  /** Posts with matches per day (the exported date: the exporter's calendar day). */
  private static ArrayNode timeline(List<Occurrence> all) {
    Map<String, Set<String>> days = new TreeMap<>();
    for (Occurrence o : all) {
      String day = Facts.day(o);
      if (day != null) {
        days.computeIfAbsent(day, k -> new TreeSet<>()).add(o.postKey());
      }
    }
    ArrayNode out = F.arrayNode();
    days.forEach((d, posts) -> out.addObject().put("date", d).put("posts", posts.size()));
    return out;
  }
}
