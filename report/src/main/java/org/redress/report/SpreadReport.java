package org.redress.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The spread report ({@code redress/spread-report@1}, {@code docs/spread-report.md}) as values:
 * what a scan found, where, what it could not check, the trade posts and the case facts it proves.
 * {@link ReportJson} is its one reader and writer; {@link ReportHtml} and {@link ReportCsv} render
 * it. Every list is copied in; a record's components are its JSON keys in snake case, in order.
 *
 * @param schema always {@link #SCHEMA}
 * @param generator what wrote it ({@code redress scan})
 * @param generatedAt when it was written
 * @param banks the banks matched against
 * @param sources one per input path, as read (or refused)
 * @param partial true when some source could not be read to the end, or at all
 * @param items one per report item (bank + label) with at least one occurrence
 * @param totals the figures over everything
 * @param unchecked what was not compared with any bank, and why
 * @param trade posts flagged as trade ads: counts, and the first posts of each chat
 * @param chats one row per chat read
 * @param timeline posts with matches per day
 * @param facts the case facts the export proves
 * @param factsTrace for each fact, its value, the rule and the messages behind it
 * @param factsNotShown facts an export cannot show, why, and how to add them
 * @param readFacts values read (OCR from screenshots, counters of captured pages), each with its
 *     source; empty when nothing was read
 * @param factsProvenance for each fact written from a read value, where it was read from
 */
public record SpreadReport(
    String schema,
    String generator,
    Instant generatedAt,
    List<Bank> banks,
    List<SourceRead> sources,
    boolean partial,
    List<Item> items,
    Totals totals,
    Unchecked unchecked,
    Trade trade,
    List<ChatRow> chats,
    List<Day> timeline,
    CaseFactsFragment facts,
    List<FactTrace> factsTrace,
    List<NotShown> factsNotShown,
    List<ReadSource> readFacts,
    Map<String, Provenance> factsProvenance) {

  /** The schema identifier every report declares. */
  public static final String SCHEMA = "redress/spread-report@1";

  /** Checks the schema and that nothing is null; copies the lists. */
  public SpreadReport {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          "not a spread report: schema must be " + SCHEMA + ", was " + schema);
    }
    req(generator, "generator");
    req(generatedAt, "generated_at");
    banks = List.copyOf(req(banks, "banks"));
    sources = List.copyOf(req(sources, "sources"));
    items = List.copyOf(req(items, "items"));
    req(totals, "totals");
    req(unchecked, "unchecked");
    req(trade, "trade");
    chats = List.copyOf(req(chats, "chats"));
    timeline = List.copyOf(req(timeline, "timeline"));
    req(facts, "facts");
    factsTrace = List.copyOf(req(factsTrace, "facts_trace"));
    factsNotShown = List.copyOf(req(factsNotShown, "facts_not_shown"));
    readFacts = List.copyOf(req(readFacts, "read_facts"));
    factsProvenance = Map.copyOf(req(factsProvenance, "facts_provenance"));
  }

  /** True when a picture region of a screenshot matched or a page was read. */
  public boolean screenshotsMatched() {
    return !readFacts.isEmpty();
  }

  /** Every occurrence of every item, in report order (items, then time). */
  public List<Occurrence> allOccurrences() {
    return items.stream().flatMap(i -> i.occurrences().stream()).toList();
  }

  /** Sources that were refused, had problems, or held nothing to check: shown first. */
  public List<SourceRead> troubledSources() {
    return sources.stream().filter(SourceRead::troubled).toList();
  }

  /**
   * A builder for a report written by {@code generator} at {@code generatedAt}; what it is not
   * given is empty (lists, maps, {@link Unchecked#NONE}, {@link CaseFactsFragment#NONE}) or false,
   * but for {@link Builder#totals} and {@link Builder#trade}, which it must be given. For reports
   * put together by hand (tests, benchmarks); a scan fills every part itself.
   *
   * @throws IllegalArgumentException if either is null
   */
  public static Builder builder(String generator, Instant generatedAt) {
    return new Builder(req(generator, "generator"), req(generatedAt, "generated_at"));
  }

  /** A builder holding every part of this report, to build a copy with some parts changed. */
  public Builder toBuilder() {
    Builder b = new Builder(generator, generatedAt);
    b.banks = banks;
    b.sources = sources;
    b.partial = partial;
    b.items = items;
    b.totals = totals;
    b.unchecked = unchecked;
    b.trade = trade;
    b.chats = chats;
    b.timeline = timeline;
    b.facts = facts;
    b.factsTrace = factsTrace;
    b.factsNotShown = factsNotShown;
    b.readFacts = readFacts;
    b.factsProvenance = factsProvenance;
    return b;
  }

  /**
   * Builds a {@link SpreadReport} part by part (see {@link SpreadReport#builder}). Each setter
   * refuses null at once, naming the part; {@link #build} checks the rest as the constructor does.
   */
  public static final class Builder {
    private final String generator;
    private final Instant generatedAt;
    private List<Bank> banks = List.of();
    private List<SourceRead> sources = List.of();
    private boolean partial;
    private List<Item> items = List.of();
    private @Nullable Totals totals;
    private Unchecked unchecked = Unchecked.NONE;
    private @Nullable Trade trade;
    private List<ChatRow> chats = List.of();
    private List<Day> timeline = List.of();
    private CaseFactsFragment facts = CaseFactsFragment.NONE;
    private List<FactTrace> factsTrace = List.of();
    private List<NotShown> factsNotShown = List.of();
    private List<ReadSource> readFacts = List.of();
    private Map<String, Provenance> factsProvenance = Map.of();

    private Builder(String generator, Instant generatedAt) {
      this.generator = generator;
      this.generatedAt = generatedAt;
    }

    /** The banks matched against. */
    public Builder banks(List<Bank> banks) {
      this.banks = req(banks, "banks");
      return this;
    }

    /** The sources read, one per input path. */
    public Builder sources(List<SourceRead> sources) {
      this.sources = req(sources, "sources");
      return this;
    }

    /** Whether some source could not be read to the end. */
    public Builder partial(boolean partial) {
      this.partial = partial;
      return this;
    }

    /** The report items. */
    public Builder items(List<Item> items) {
      this.items = req(items, "items");
      return this;
    }

    /** The figures over everything (no default). */
    public Builder totals(Totals totals) {
      this.totals = req(totals, "totals");
      return this;
    }

    /** What was not checked. */
    public Builder unchecked(Unchecked unchecked) {
      this.unchecked = req(unchecked, "unchecked");
      return this;
    }

    /** The trade posts (no default: it names the lexicon version). */
    public Builder trade(Trade trade) {
      this.trade = req(trade, "trade");
      return this;
    }

    /** One row per chat read. */
    public Builder chats(List<ChatRow> chats) {
      this.chats = req(chats, "chats");
      return this;
    }

    /** Posts with matches per day. */
    public Builder timeline(List<Day> timeline) {
      this.timeline = req(timeline, "timeline");
      return this;
    }

    /** The case facts the export proves. */
    public Builder facts(CaseFactsFragment facts) {
      this.facts = req(facts, "facts");
      return this;
    }

    /** Each fact's value, rule and messages. */
    public Builder factsTrace(List<FactTrace> factsTrace) {
      this.factsTrace = req(factsTrace, "facts_trace");
      return this;
    }

    /** Facts an export cannot show. */
    public Builder factsNotShown(List<NotShown> factsNotShown) {
      this.factsNotShown = req(factsNotShown, "facts_not_shown");
      return this;
    }

    /** Values read from screenshots or pages. */
    public Builder readFacts(List<ReadSource> readFacts) {
      this.readFacts = req(readFacts, "read_facts");
      return this;
    }

    /** Where each fact written from a read value was read. */
    public Builder factsProvenance(Map<String, Provenance> factsProvenance) {
      this.factsProvenance = req(factsProvenance, "facts_provenance");
      return this;
    }

    /**
     * The report.
     *
     * @throws IllegalStateException if totals or trade were not given
     * @throws IllegalArgumentException if a part is refused by its record
     */
    public SpreadReport build() {
      Totals t = totals;
      Trade tr = trade;
      if (t == null || tr == null) {
        throw new IllegalStateException(
            (t == null ? "totals" : "trade") + " was not given: a spread report needs it");
      }
      return new SpreadReport(
          SCHEMA,
          generator,
          generatedAt,
          banks,
          sources,
          partial,
          items,
          t,
          unchecked,
          tr,
          chats,
          timeline,
          facts,
          factsTrace,
          factsNotShown,
          readFacts,
          factsProvenance);
    }
  }

  static <T> T req(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is missing or null");
    }
    return value;
  }

  /** A bank matched against, with its rules. */
  public record Bank(String name, int threshold, int minQuality) {
    /** Checks the name. */
    public Bank {
      req(name, "banks[].name");
    }
  }

  /**
   * One input path as read.
   *
   * @param path the path given
   * @param kind {@code telegram_export}, {@code folder}, {@code zip} or {@code file}; null when
   *     refused
   * @param refused the one-line reason the source could not be opened, or null
   * @param problems the first problems met while reading (a JSON error, an unreadable entry)
   * @param problemCount every problem, listed or not
   */
  public record SourceRead(
      String path,
      @Nullable String kind,
      @Nullable String refused,
      long chats,
      long posts,
      long serviceMessages,
      long mediaAvailable,
      long mediaUnchecked,
      long looseFiles,
      long skippedFiles,
      boolean partial,
      List<Problem> problems,
      long problemCount) {
    /** Checks the path; copies the list. */
    public SourceRead {
      req(path, "sources[].path");
      problems = List.copyOf(req(problems, "sources[].problems"));
    }

    /** A source that could not be opened. */
    public static SourceRead refusal(String path, String reason) {
      return new SourceRead(path, null, reason, 0, 0, 0, 0, 0, 0, 0, true, List.of(), 0);
    }

    /** True when it held no post and no media file: nothing was checked. */
    public boolean empty() {
      return refused == null
          && posts == 0
          && mediaAvailable == 0
          && looseFiles == 0
          && mediaUnchecked == 0;
    }

    /** Refused, partial, with problems, or empty. */
    public boolean troubled() {
      return refused != null || partial || problemCount > 0 || empty();
    }
  }

  /** A problem met while reading; the position only for JSON errors. */
  public record Problem(String file, Long byteOffset, Long line, Long column, String message) {
    /** Checks the message. */
    public Problem {
      req(file, "problems[].file");
      req(message, "problems[].message");
    }

    @Override
    public String toString() {
      return byteOffset == null
          ? file + ": " + message
          : file
              + ": byte "
              + byteOffset
              + " (line "
              + line
              + ", column "
              + column
              + "): "
              + message;
    }
  }

  /**
   * One report item (a bank and a label: one of the victim's pictures or videos) and every place a
   * copy was found.
   */
  public record Item(
      String bank,
      String label,
      String kind,
      List<Long> itemIds,
      List<String> signals,
      long posts,
      long chats,
      long senders,
      long forwardedPosts,
      long looseFiles,
      long distinctFiles,
      Seen firstSeen,
      Seen lastSeen,
      List<Occurrence> occurrences) {
    /** Checks and copies. */
    public Item {
      req(bank, "items[].bank");
      req(label, "items[].label");
      req(kind, "items[].kind");
      itemIds = List.copyOf(req(itemIds, "items[].item_ids"));
      signals = List.copyOf(req(signals, "items[].signals"));
      occurrences = List.copyOf(req(occurrences, "items[].occurrences"));
    }
  }

  /** When and where a post was first or last seen. */
  public record Seen(
      Instant dateUtc, String dateExported, boolean zoneUnknown, long chatId, long messageId) {
    /** Checks the exported date. */
    public Seen {
      req(dateExported, "date_exported");
    }
  }

  /**
   * One media file, in one post (or loose), that matched one item. Chat fields, {@code platform}
   * and {@code locator} are null for a loose file.
   *
   * @param locator the platform-neutral place of the post ({@code telegram:chat/1/message/2}): what
   *     preservation, documents and takedown notices cite
   * @param dateUtc the post's instant, null when the export gives none
   * @param dateExported the date as exported (verbatim)
   * @param location where the bytes were read
   * @param signal the best match's signal; {@code distance} its distance
   * @param variant the dihedral variant that matched, null for the file itself
   * @param region the matched region {@code x,y,w,h} of a screenshot, null for the whole file
   */
  public record Occurrence(
      Long chatId,
      String chatName,
      String chatType,
      String export,
      Long messageId,
      String reference,
      String platform,
      String locator,
      Instant dateUtc,
      String dateExported,
      boolean zoneUnknown,
      String senderName,
      String senderId,
      boolean forwarded,
      String forwardedFrom,
      String forwardedFromId,
      String field,
      String file,
      String location,
      String mediaKind,
      String sha256,
      String md5,
      String pdq,
      String signal,
      int distance,
      String variant,
      String region,
      List<MatchRow> matches) {
    /** Checks and copies. */
    public Occurrence {
      req(dateExported, "occurrences[].date_exported");
      req(senderName, "occurrences[].sender_name");
      req(senderId, "occurrences[].sender_id");
      req(forwardedFrom, "occurrences[].forwarded_from");
      req(forwardedFromId, "occurrences[].forwarded_from_id");
      req(field, "occurrences[].field");
      req(file, "occurrences[].file");
      req(location, "occurrences[].location");
      req(mediaKind, "occurrences[].media_kind");
      req(sha256, "occurrences[].sha256");
      req(md5, "occurrences[].md5");
      req(signal, "occurrences[].signal");
      matches = List.copyOf(req(matches, "occurrences[].matches"));
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("occurrences[].matches is empty");
      }
      if ((chatId == null) != (messageId == null)) {
        throw new IllegalArgumentException(
            "occurrences[]: chat_id and message_id must both be set or both be null");
      }
    }

    /** True for a file outside any post (a folder, a ZIP of media). */
    public boolean loose() {
      return chatId == null;
    }
  }

  /** A match of an occurrence's file against one bank item. */
  public record MatchRow(
      long item,
      String signal,
      int distance,
      Double queryPercent,
      Double comparedPercent,
      String variant,
      String region) {
    /** Checks the signal. */
    public MatchRow {
      req(signal, "matches[].signal");
    }
  }

  /** The figures over all items. */
  public record Totals(
      long matchedItems,
      long postsWithMatches,
      long matchedImages,
      long matchedVideos,
      long imagePosts,
      long videoPosts,
      long occurrences,
      long chatsInvolved,
      long sendersInvolved,
      long forwardedPosts,
      long looseFilesMatched,
      Seen firstSeen,
      Seen lastSeen,
      long chatsRead,
      long postsRead,
      long serviceMessagesRead,
      long mediaChecked,
      long imagesChecked,
      long videosChecked,
      long mediaUnchecked,
      long adPosts) {}

  /**
   * What was not compared with any bank.
   *
   * @param byReason counts by reason code (only reasons that occurred)
   * @param reasons what each code means
   * @param notRead one line per problem or refused source
   * @param listed how many references {@code media} lists (the first ones in read order)
   */
  public record Unchecked(
      long total,
      Map<String, Long> byReason,
      Map<String, String> reasons,
      boolean partial,
      List<String> notRead,
      long listed,
      List<UncheckedMedia> media,
      String note) {
    /** Nothing unchecked: zero counts, no reasons, nothing listed, an empty note. */
    public static final Unchecked NONE =
        new Unchecked(0, Map.of(), Map.of(), false, List.of(), 0, List.of(), "");

    /** Checks and copies. */
    public Unchecked {
      byReason = Map.copyOf(req(byReason, "unchecked.by_reason"));
      reasons = Map.copyOf(req(reasons, "unchecked.reasons"));
      notRead = List.copyOf(req(notRead, "unchecked.not_read"));
      media = List.copyOf(req(media, "unchecked.media"));
      req(note, "unchecked.note");
    }
  }

  /** An unchecked media reference. */
  public record UncheckedMedia(
      Long chatId,
      String chatName,
      Long messageId,
      String dateExported,
      String field,
      String file,
      String location,
      String reason,
      String detail,
      String mediaType,
      String mimeType,
      Long declaredSize) {
    /** Checks the reason. */
    public UncheckedMedia {
      req(reason, "unchecked.media[].reason");
      req(field, "unchecked.media[].field");
    }
  }

  /**
   * Trade ads: counts of all of them, and the first {@code listedPerChat} posts of each chat.
   *
   * @param adPosts every flagged post
   * @param categories code to label
   * @param byCategory every category, zeros included (a post in two counts in both)
   * @param listedPerChat the most posts listed per chat
   * @param notListed flagged posts counted but not listed
   */
  public record Trade(
      long adPosts,
      String lexiconVersion,
      Map<String, Label> categories,
      Map<String, Long> byCategory,
      List<TradeChat> byChat,
      int listedPerChat,
      long notListed,
      List<TradePost> posts) {
    /** Checks and copies. */
    public Trade {
      req(lexiconVersion, "trade.lexicon_version");
      categories = Map.copyOf(req(categories, "trade.categories"));
      byCategory = Map.copyOf(req(byCategory, "trade.by_category"));
      byChat = List.copyOf(req(byChat, "trade.by_chat"));
      posts = List.copyOf(req(posts, "trade.posts"));
    }

    /** The label of a category in a language ({@code zh} or {@code en}), else the code. */
    public String label(String category, String lang) {
      Label l = categories.get(category);
      if (l == null) {
        return category;
      }
      return lang.equals("zh") ? l.zh() : l.en();
    }
  }

  /** A label in Chinese and English. */
  public record Label(String zh, String en) {
    /** Checks both. */
    public Label {
      req(zh, "label.zh");
      req(en, "label.en");
    }
  }

  /** Trade posts of one chat. */
  public record TradeChat(
      long chatId, String chatName, String chatType, long adPosts, Map<String, Long> byCategory) {
    /** Checks and copies. */
    public TradeChat {
      req(chatName, "trade.by_chat[].chat_name");
      req(chatType, "trade.by_chat[].chat_type");
      byCategory = Map.copyOf(req(byCategory, "trade.by_chat[].by_category"));
    }
  }

  /** A post flagged as an ad, with the phrases that flagged it and its first 500 characters. */
  public record TradePost(
      long chatId,
      String chatName,
      long messageId,
      String reference,
      String locator,
      Instant dateUtc,
      String dateExported,
      String senderName,
      String senderId,
      List<String> categories,
      List<Detection> detections,
      String text) {
    /** Checks and copies. */
    public TradePost {
      req(chatName, "trade.posts[].chat_name");
      req(reference, "trade.posts[].reference");
      req(dateExported, "trade.posts[].date_exported");
      req(senderName, "trade.posts[].sender_name");
      req(senderId, "trade.posts[].sender_id");
      categories = List.copyOf(req(categories, "trade.posts[].categories"));
      detections = List.copyOf(req(detections, "trade.posts[].detections"));
      req(text, "trade.posts[].text");
    }
  }

  /** One category a post was flagged in, and the phrases that matched. */
  public record Detection(String category, List<String> phrases) {
    /** Checks and copies. */
    public Detection {
      req(category, "detections[].category");
      phrases = List.copyOf(req(phrases, "detections[].phrases"));
    }
  }

  /** A chat read, with its counts. */
  public record ChatRow(
      long chatId,
      String chatName,
      String chatType,
      String export,
      long posts,
      long serviceMessages,
      long media,
      long mediaUnchecked,
      long postsWithMatches,
      long matchedItems,
      long sendersWithMatches,
      long adPosts,
      Seen firstSeen,
      Seen lastSeen) {
    /** Checks the names. */
    public ChatRow {
      req(chatName, "chats[].chat_name");
      req(chatType, "chats[].chat_type");
      req(export, "chats[].export");
    }
  }

  /** Posts with matches on one day (the exporter's calendar day). */
  public record Day(LocalDate date, long posts) {
    /** Checks the date. */
    public Day {
      req(date, "timeline[].date");
    }
  }

  /**
   * One fact, its value, the rule behind it and the messages it rests on.
   *
   * @param value a boolean, a whole number or a date text
   * @param refs the messages behind it (at most the first 1,000)
   * @param refsTotal every message behind it
   * @param sha256 for counts, the files counted (for a read value, the file it was read from); else
   *     null
   * @param read for a value read from a screenshot or a page: how; else null
   */
  public record FactTrace(
      String fact,
      Object value,
      String rule,
      List<String> refs,
      long refsTotal,
      List<String> sha256,
      Read read) {
    /** Checks and copies. */
    public FactTrace {
      req(fact, "facts_trace[].fact");
      req(value, "facts_trace[].value");
      if (value instanceof Number n) {
        value = n.longValue();
      } else if (!(value instanceof Boolean) && !(value instanceof String)) {
        throw new IllegalArgumentException(
            "facts_trace[].value must be a boolean, a number or a text, was " + value);
      }
      req(rule, "facts_trace[].rule");
      refs = List.copyOf(req(refs, "facts_trace[].refs"));
      sha256 = sha256 == null ? null : List.copyOf(sha256);
    }
  }

  /**
   * How a fact's value was read rather than counted.
   *
   * @param readFrom {@code screenshot} or {@code captured_page}
   * @param labelZh 从截图识别 or 从网页识别
   * @param source where the file or page is
   * @param text the text the value was read from
   * @param confidence the reader's confidence, 0..1
   */
  public record Read(
      String readFrom, String labelZh, String source, String text, double confidence) {
    /** Checks the texts. */
    public Read {
      req(readFrom, "read.read_from");
      req(labelZh, "read.label_zh");
      req(source, "read.source");
      req(text, "read.text");
    }
  }

  /**
   * A file or page values were read from.
   *
   * @param post the post it belongs to ({@code chat 1 message 2}), or null
   * @param regions matched regions of a screenshot ({@code x,y,w,h})
   * @param problem why nothing could be read, or null
   */
  public record ReadSource(
      String readFrom,
      String labelZh,
      String location,
      String sha256,
      String post,
      List<String> regions,
      String problem,
      List<Reading> readings) {
    /** Checks and copies. */
    public ReadSource {
      req(readFrom, "read_facts[].read_from");
      req(labelZh, "read_facts[].label_zh");
      req(location, "read_facts[].location");
      req(sha256, "read_facts[].sha256");
      regions = List.copyOf(req(regions, "read_facts[].regions"));
      readings = List.copyOf(req(readings, "read_facts[].readings"));
    }
  }

  /**
   * One value read.
   *
   * @param field {@code views}, {@code members}, {@code time}, …
   * @param value a whole number for counts, else the text
   * @param text the line it was read from
   * @param confidence 0..1
   */
  public record Reading(String field, Object value, String text, double confidence) {
    /** Checks and normalises the value. */
    public Reading {
      req(field, "readings[].field");
      req(value, "readings[].value");
      req(text, "readings[].text");
      if (value instanceof Number n) {
        value = n.longValue();
      }
    }
  }

  /** Where a fact written from a read value was read. */
  public record Provenance(String readFrom, String labelZh, double confidence, String source) {
    /** Checks the texts. */
    public Provenance {
      req(readFrom, "facts_provenance.read_from");
      req(labelZh, "facts_provenance.label_zh");
      req(source, "facts_provenance.source");
    }
  }

  /** A fact an export cannot show. */
  public record NotShown(String fact, String why, String how) {
    /** Checks all three. */
    public NotShown {
      req(fact, "facts_not_shown[].fact");
      req(why, "facts_not_shown[].why");
      req(how, "facts_not_shown[].how");
    }
  }
}
