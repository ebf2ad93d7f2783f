package org.redress.scan;

import java.time.Instant;
import java.time.LocalDate;
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
import org.redress.report.SpreadReport;
import org.redress.sources.Locator;
import org.redress.sources.Problem;
import org.redress.sources.ReadSummary;
import org.redress.sources.UncheckedReason;

/** Turns what a scan kept into the {@code redress/spread-report@1} records (see the docs). */
final class ReportBuilder {
  static final String SCHEMA = SpreadReport.SCHEMA;

  /** Occurrences in time order (instant, then exported text), then chat and message. */
  static final Comparator<Occurrence> TIME_ORDER =
      Comparator.comparingLong(
              (Occurrence o) ->
                  o.post().date().utc().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE))
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

  ScanResult build() {
    List<Occurrence> all = new ArrayList<>(agg.occurrences());
    all.sort(TIME_ORDER);
    Map<String, Item> items = new TreeMap<>();
    for (Occurrence o : all) {
      items
          .computeIfAbsent(o.bank() + "\u0000" + o.label(), k -> new Item(o.bank(), o.label()))
          .occ
          .add(o);
    }
    List<SpreadReport.Bank> banks = new ArrayList<>();
    for (BankRules b : matcher.banks()) {
      banks.add(new SpreadReport.Bank(b.name(), b.threshold(), b.minQuality()));
    }
    List<SpreadReport.SourceRead> sources = sources();
    boolean partial = sources.stream().anyMatch(SpreadReport.SourceRead::partial);
    List<SpreadReport.Item> itemRows = new ArrayList<>();
    for (Item it : items.values()) {
      itemRows.add(item(it));
    }
    Facts.Result facts =
        ScreenshotFacts.add(Facts.of(all, agg.adPosts(), agg.adRefs()), agg.readFacts());
    SpreadReport report =
        new SpreadReport(
            SCHEMA,
            "redress scan",
            generatedAt,
            banks,
            sources,
            partial,
            itemRows,
            totals(all, items.size()),
            unchecked(partial),
            trade(),
            chats(all),
            timeline(all),
            facts.facts(),
            facts.trace(),
            facts.notShown(),
            facts.readFacts(),
            facts.provenance());
    Map<String, byte[]> thumbs = new LinkedHashMap<>();
    if (thumbnails) {
      for (Occurrence o : all) {
        if (o.thumbnail() != null) {
          thumbs.putIfAbsent(o.sha256(), o.thumbnail());
        }
      }
    }
    return new ScanResult(report, thumbs, agg.limits());
  }

  private List<SpreadReport.SourceRead> sources() {
    List<SpreadReport.SourceRead> out = new ArrayList<>();
    for (Aggregator.SourceResult s : agg.sources()) {
      if (s.refusal() != null) {
        out.add(SpreadReport.SourceRead.refusal(s.path(), s.refusal()));
        continue;
      }
      ReadSummary r = s.summary();
      List<SpreadReport.Problem> ps = new ArrayList<>();
      for (Problem p : r.problems()) {
        boolean at = p.byteOffset() >= 0;
        ps.add(
            new SpreadReport.Problem(
                p.file(),
                at ? p.byteOffset() : null,
                at ? (long) p.line() : null,
                at ? (long) p.column() : null,
                p.message()));
      }
      out.add(
          new SpreadReport.SourceRead(
              s.path(),
              r.kind().name().toLowerCase(Locale.ROOT),
              null,
              r.chats(),
              r.posts(),
              r.serviceMessages(),
              r.mediaAvailable(),
              r.uncheckedTotal(),
              r.looseFiles(),
              r.skippedFiles(),
              r.partial(),
              ps,
              r.problemCount()));
    }
    return out;
  }

  private SpreadReport.Item item(Item it) {
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
    Counts c = Counts.of(it.occ);
    List<SpreadReport.Occurrence> occ = new ArrayList<>();
    for (Occurrence oc : it.occ) {
      occ.add(occurrence(oc));
    }
    return new SpreadReport.Item(
        it.bank,
        it.label,
        video ? "video" : "image",
        List.copyOf(ids),
        List.copyOf(signals),
        c.posts,
        c.chats,
        c.senders,
        c.forwarded,
        c.loose,
        c.files,
        seen(first(it.occ)),
        seen(last(it.occ)),
        occ);
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

  private static SpreadReport.Seen seen(Occurrence o) {
    if (o == null) {
      return null;
    }
    var d = o.post().date();
    return new SpreadReport.Seen(
        d.utc().orElse(null),
        d.exported(),
        d.zoneUnknown(),
        o.post().chat().id(),
        o.post().messageId());
  }

  static SpreadReport.Occurrence occurrence(Occurrence oc) {
    var p = oc.post();
    boolean loose = p.chat() == null;
    List<SpreadReport.MatchRow> ms = new ArrayList<>();
    for (Occurrence.Hit hit : oc.matches()) {
      Match m = hit.match();
      boolean pct = !Double.isNaN(m.queryPercent());
      ms.add(
          new SpreadReport.MatchRow(
              m.item(),
              m.signal().id(),
              m.distance(),
              pct ? round(m.queryPercent()) : null,
              pct ? round(m.comparedPercent()) : null,
              hit.variant(),
              hit.region()));
    }
    Occurrence.Hit best = oc.primary();
    return new SpreadReport.Occurrence(
        loose ? null : p.chat().id(),
        loose ? null : p.chat().name(),
        loose ? null : p.chat().type(),
        loose ? null : p.chat().export(),
        loose ? null : p.messageId(),
        p.reference(),
        loose ? null : p.platform().id(),
        loose ? null : p.locator().toString(),
        p.date().utc().orElse(null),
        p.date().exported(),
        p.date().zoneUnknown(),
        p.senderName(),
        p.senderId(),
        p.forwarded(),
        p.forwardedFrom(),
        p.forwardedFromId(),
        oc.field(),
        oc.file(),
        oc.location(),
        oc.kind().name().toLowerCase(Locale.ROOT),
        oc.sha256(),
        oc.md5(),
        oc.pdq(),
        best.match().signal().id(),
        best.match().distance(),
        best.variant(),
        best.region(),
        ms);
  }

  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }

  private SpreadReport.Totals totals(List<Occurrence> all, int itemCount) {
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
    long posts = 0;
    long service = 0;
    for (Aggregator.ChatStats s : agg.chats()) {
      posts += s.posts;
      service += s.service;
    }
    long unchecked = 0;
    for (long n : agg.uncheckedByReason().values()) {
      unchecked += n;
    }
    return new SpreadReport.Totals(
        itemCount,
        c.posts,
        images.size(),
        videos.size(),
        imagePosts.size(),
        videoPosts.size(),
        all.size(),
        c.chats,
        c.senders,
        c.forwarded,
        c.loose,
        seen(first(all)),
        seen(last(all)),
        agg.chats().size(),
        posts,
        service,
        agg.hashedImages() + agg.hashedVideos(),
        agg.hashedImages(),
        agg.hashedVideos(),
        unchecked,
        agg.adPosts());
  }

  private SpreadReport.Unchecked unchecked(boolean partial) {
    Map<String, Long> by = agg.uncheckedByReason();
    long total = 0;
    Map<String, String> reasons = new TreeMap<>();
    for (Map.Entry<String, Long> e : by.entrySet()) {
      total += e.getValue();
      reasons.put(e.getKey(), describe(e.getKey()));
    }
    List<String> notRead = new ArrayList<>();
    for (Aggregator.SourceResult s : agg.sources()) {
      if (s.refusal() != null) {
        notRead.add(s.refusal());
      } else {
        for (Problem p : s.summary().problems()) {
          notRead.add(p.toString());
        }
        if (s.summary().problemCount() > s.summary().problems().size()) {
          notRead.add(
              String.format(
                  Locale.ROOT,
                  "%s: %d more problems not listed",
                  s.path(),
                  s.summary().problemCount() - s.summary().problems().size()));
        }
      }
    }
    List<SpreadReport.UncheckedMedia> media = new ArrayList<>();
    for (Aggregator.Unchecked x : agg.uncheckedListed()) {
      var p = x.post();
      boolean loose = p.chat() == null;
      media.add(
          new SpreadReport.UncheckedMedia(
              loose ? null : p.chat().id(),
              loose ? null : p.chat().name(),
              loose ? null : p.messageId(),
              loose ? null : p.date().exported(),
              x.field(),
              x.file(),
              x.location(),
              x.reason(),
              x.detail(),
              x.mediaType(),
              x.mimeType(),
              x.declaredSize()));
    }
    return new SpreadReport.Unchecked(
        total,
        by,
        reasons,
        partial,
        notRead,
        media.size(),
        media,
        "The counts in this report cover only the media that were checked. Media listed"
            + " here were not compared with any bank: export again with the missing types and"
            + " sizes included (Telegram Desktop: Settings > Advanced > Export Telegram data)"
            + " and scan again.");
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

  private SpreadReport.Trade trade() {
    List<Aggregator.TradePost> posts = new ArrayList<>(agg.trade());
    posts.sort(
        Comparator.comparing((Aggregator.TradePost p) -> p.chat().export())
            .thenComparingLong(p -> p.chat().id())
            .thenComparingLong(Aggregator.TradePost::messageId)
            .thenComparingLong(Aggregator.TradePost::seq));
    Map<String, SpreadReport.Label> cats = new LinkedHashMap<>();
    Map<String, Long> byCat = new LinkedHashMap<>();
    for (String c : lexicon.categories()) {
      cats.put(c, new SpreadReport.Label(lexicon.label(c, "zh"), lexicon.label(c, "en")));
      byCat.put(c, 0L);
    }
    agg.adsByCategory().forEach((k, v) -> byCat.merge(k, v, Long::sum));
    List<Aggregator.ChatStats> stats = new ArrayList<>(agg.chats());
    stats.sort(
        Comparator.comparing((Aggregator.ChatStats s) -> s.chat.export())
            .thenComparingLong(s -> s.chat.id()));
    List<SpreadReport.TradeChat> byChat = new ArrayList<>();
    for (Aggregator.ChatStats s : stats) {
      if (s.adPosts == 0) {
        continue;
      }
      Map<String, Long> bc = new LinkedHashMap<>();
      for (String c : lexicon.categories()) {
        bc.put(c, 0L);
      }
      s.adsByCategory.forEach((k, v) -> bc.merge(k, v, Long::sum));
      byChat.add(
          new SpreadReport.TradeChat(s.chat.id(), s.chat.name(), s.chat.type(), s.adPosts, bc));
    }
    List<SpreadReport.TradePost> list = new ArrayList<>();
    for (Aggregator.TradePost p : posts) {
      List<String> cs = new ArrayList<>();
      List<SpreadReport.Detection> ds = new ArrayList<>();
      for (TradeLexicon.Detection d : p.detections()) {
        cs.add(d.category());
        ds.add(new SpreadReport.Detection(d.category(), d.phrases()));
      }
      list.add(
          new SpreadReport.TradePost(
              p.chat().id(),
              p.chat().name(),
              p.messageId(),
              "chat " + p.chat().id() + " message " + p.messageId(),
              Locator.post(p.platform(), p.chat().id(), p.messageId()).toString(),
              p.date().utc().orElse(null),
              p.date().exported(),
              p.senderName(),
              p.senderId(),
              cs,
              ds,
              p.text()));
    }
    return new SpreadReport.Trade(
        agg.adPosts(),
        lexicon.version(),
        cats,
        byCat,
        byChat,
        Aggregator.TRADE_PER_CHAT,
        agg.adPosts() - list.size(),
        list);
  }

  private List<SpreadReport.ChatRow> chats(List<Occurrence> all) {
    Map<String, List<Occurrence>> byChat = new LinkedHashMap<>();
    for (Occurrence o : all) {
      if (o.post().chat() != null) {
        byChat.computeIfAbsent(Aggregator.chatKey(o.post().chat()), k -> new ArrayList<>()).add(o);
      }
    }
    List<Aggregator.ChatStats> stats = new ArrayList<>(agg.chats());
    stats.sort(
        Comparator.comparing((Aggregator.ChatStats s) -> s.chat.export())
            .thenComparingLong(s -> s.chat.id()));
    List<SpreadReport.ChatRow> out = new ArrayList<>();
    for (Aggregator.ChatStats s : stats) {
      List<Occurrence> occ = byChat.getOrDefault(Aggregator.chatKey(s.chat), List.of());
      Counts c = Counts.of(occ);
      Set<String> items = new LinkedHashSet<>();
      occ.forEach(o -> items.add(o.bank() + "/" + o.label()));
      out.add(
          new SpreadReport.ChatRow(
              s.chat.id(),
              s.chat.name(),
              s.chat.type(),
              s.chat.export(),
              s.posts,
              s.service,
              s.media,
              s.unchecked,
              c.posts,
              items.size(),
              c.senders,
              s.adPosts,
              seen(first(occ)),
              seen(last(occ))));
    }
    return out;
  }

  /** Posts with matches per day (the exported date: the exporter's calendar day). */
  private static List<SpreadReport.Day> timeline(List<Occurrence> all) {
    Map<LocalDate, Set<String>> days = new TreeMap<>();
    for (Occurrence o : all) {
      LocalDate day = Facts.day(o);
      if (day != null) {
        days.computeIfAbsent(day, k -> new TreeSet<>()).add(o.postKey());
      }
    }
    List<SpreadReport.Day> out = new ArrayList<>();
    days.forEach((d, posts) -> out.add(new SpreadReport.Day(d, posts.size())));
    return out;
  }
}
