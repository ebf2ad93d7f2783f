package org.redress.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redress.media.MediaKind;
import org.redress.sources.Chat;
import org.redress.sources.LimitExceeded;
import org.redress.sources.MediaRef;
import org.redress.sources.Platform;
import org.redress.sources.Post;
import org.redress.sources.PostDate;
import org.redress.sources.ReadSummary;
import org.redress.sources.SourceException;

/**
 * What a scan keeps while it streams: matched occurrences, trade posts, per-chat counters, counts
 * of unchecked media by reason and the first {@code maxListed} of them (by read order, so the same
 * on every run). Thread-safe: the reader and the pool threads both report here.
 */
final class Aggregator {
  static final String AUDIO = "audio";
  static final String AUDIO_TEXT = "audio is not hashed (Redress matches images and videos)";
  static final String UNREADABLE = "unreadable";

  /** An unchecked media reference, listed in the report. */
  record Unchecked(
      long seq,
      Occurrence.PostInfo post,
      String field,
      String file,
      String location,
      String reason,
      String detail,
      String mediaType,
      String mimeType,
      Long declaredSize) {}

  /** A post the lexicon flagged as an ad (only the first {@code tradePerChat} of a chat). */
  record TradePost(
      long seq,
      Platform platform,
      Chat chat,
      long messageId,
      PostDate date,
      String senderName,
      String senderId,
      String text,
      List<TradeLexicon.Detection> detections) {}

  /** How many ad posts of one chat are kept with their text; the rest are only counted. */
  static final int TRADE_PER_CHAT = 50;

  /** How many message references a fact's trace keeps. */
  static final int MAX_REFS = 1000;

  /** Counters for one chat. */
  static final class ChatStats {
    final Chat chat;
    long posts;
    long service;
    long media;
    long unchecked;
    long adPosts;
    final Map<String, Long> adsByCategory = new TreeMap<>();

    ChatStats(Chat chat) {
      this.chat = chat;
    }
  }

  /** A source as read. */
  record SourceResult(String path, ReadSummary summary, String refusal) {}

  private final int maxListed;
  private long seq;
  private long checked;
  private long hashedImages;
  private long hashedVideos;
  private final List<Occurrence> occurrences = new ArrayList<>();
  private final List<TradePost> trade = new ArrayList<>();
  private long adPosts;
  private final Map<String, Long> adsByCategory = new TreeMap<>();
  private final List<String> adRefs = new ArrayList<>();
  private final Map<String, ChatStats> chats = new LinkedHashMap<>();
  private final Map<String, Long> uncheckedByReason = new TreeMap<>();
  private final TreeMap<Long, Unchecked> uncheckedListed = new TreeMap<>();
  private final List<SourceResult> sources = new ArrayList<>();
  private final Map<String, LimitExceeded> limits = new LinkedHashMap<>();

  Aggregator(int maxListed) {
    this.maxListed = maxListed;
  }

  /** The next position in the read order (reader thread only). */
  private final List<ScreenshotFacts.Source> readFacts = new ArrayList<>();

  /** Values read from a screenshot or a captured page (see {@link ScreenshotFacts}). */
  synchronized void readFacts(ScreenshotFacts.Source s) {
    readFacts.add(s);
  }

  synchronized List<ScreenshotFacts.Source> readFacts() {
    return List.copyOf(readFacts);
  }

  synchronized long nextSeq() {
    return seq++;
  }

  /**
   * Counts a post as it is read (reader thread, in read order) and returns its position for {@link
   * #trade}: the position its first media file takes.
   */
  synchronized long post(Post post) {
    ChatStats c = chats.computeIfAbsent(chatKey(post.chat()), k -> new ChatStats(post.chat()));
    if (post.service()) {
      c.service++;
    } else {
      c.posts++;
      c.media += post.media().size();
    }
    return seq;
  }

  /**
   * Records the trade ads found in a post counted by {@link #post} ({@code at} is what it
   * returned). Called in read order, so the first {@link #TRADE_PER_CHAT} of a chat are kept
   * whichever thread found them.
   */
  synchronized void trade(Post post, long at, List<TradeLexicon.Detection> detections) {
    if (post.service() || detections.isEmpty()) {
      return;
    }
    ChatStats c = chats.get(chatKey(post.chat()));
    c.adPosts++;
    adPosts++;
    for (TradeLexicon.Detection d : detections) {
      c.adsByCategory.merge(d.category(), 1L, Long::sum);
      adsByCategory.merge(d.category(), 1L, Long::sum);
    }
    if (adRefs.size() < MAX_REFS) {
      adRefs.add(post.reference());
    }
    if (c.adPosts <= TRADE_PER_CHAT) {
      String text = post.text().length() > 500 ? post.text().substring(0, 500) + "…" : post.text();
      trade.add(
          new TradePost(
              at,
              post.platform(),
              post.chat(),
              post.messageId(),
              post.date(),
              post.senderName(),
              post.senderId(),
              text,
              detections));
    }
  }

  static String chatKey(Chat chat) {
    return chat.export() + "|" + chat.id();
  }

  synchronized void unchecked(
      long at, Occurrence.PostInfo post, MediaRef ref, String reason, String detail) {
    checkedIfHashable(reason);
    uncheckedByReason.merge(reason, 1L, Long::sum);
    if (post.chat() != null) {
      ChatStats c = chats.get(chatKey(post.chat()));
      if (c != null) {
        c.unchecked++;
      }
    }
    if (maxListed == 0) {
      return;
    }
    if (uncheckedListed.size() >= maxListed) {
      if (uncheckedListed.lastKey() < at) {
        return;
      }
      uncheckedListed.pollLastEntry();
    }
    uncheckedListed.put(
        at,
        new Unchecked(
            at,
            post,
            ref.field(),
            ref.exportedPath(),
            ref.location(),
            reason,
            detail,
            ref.mediaType().orElse(null),
            ref.mimeType().orElse(null),
            ref.declaredSize().isPresent() ? ref.declaredSize().getAsLong() : null));
  }

  private void checkedIfHashable(String reason) {
    if (reason.equals(UNREADABLE)) {
      checked++;
    }
  }

  synchronized void hashed(FileHash h, List<Occurrence> found) {
    checked++;
    if (h.kind() == MediaKind.VIDEO) {
      hashedVideos++;
    } else {
      hashedImages++;
    }
    occurrences.addAll(found);
  }

  synchronized long checked() {
    return checked;
  }

  synchronized void summary(ReadSummary s) {
    sources.add(new SourceResult(s.source(), s, null));
  }

  synchronized void refused(String path, SourceException e) {
    sources.add(new SourceResult(path, null, e.getMessage()));
    e.limitExceeded().ifPresent(l -> limits.put(path, l));
  }

  synchronized Map<String, LimitExceeded> limits() {
    return new LinkedHashMap<>(limits);
  }

  // Read by ReportBuilder once the scan has finished (no more writers).

  synchronized List<Occurrence> occurrences() {
    return List.copyOf(occurrences);
  }

  synchronized List<TradePost> trade() {
    return List.copyOf(trade);
  }

  /** Every flagged post, listed or not. */
  synchronized long adPosts() {
    return adPosts;
  }

  /** Flagged posts by category, over every chat. */
  synchronized Map<String, Long> adsByCategory() {
    return new TreeMap<>(adsByCategory);
  }

  /** The first {@link #MAX_REFS} flagged posts' references, in read order. */
  synchronized List<String> adRefs() {
    return List.copyOf(adRefs);
  }

  synchronized List<ChatStats> chats() {
    return List.copyOf(chats.values());
  }

  synchronized Map<String, Long> uncheckedByReason() {
    return new TreeMap<>(uncheckedByReason);
  }

  synchronized List<Unchecked> uncheckedListed() {
    return List.copyOf(uncheckedListed.values());
  }

  synchronized List<SourceResult> sources() {
    return List.copyOf(sources);
  }

  synchronized long hashedImages() {
    return hashedImages;
  }

  synchronized long hashedVideos() {
    return hashedVideos;
  }
}
