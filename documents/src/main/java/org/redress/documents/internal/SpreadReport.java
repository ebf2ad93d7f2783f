package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A spread report ({@code redress/spread-report@1}, written by {@code redress scan}) as documents
 * use it: the bank items found and every place each was posted. Required: {@code schema}, and for
 * each item its {@code label} (or {@code id}) and {@code occurrences}; an occurrence without a
 * {@code chat_id} (a loose file, not a post) is skipped. Everything else is read when present.
 */
public final class SpreadReport {
  /** The schema identifier the file must declare. */
  public static final String SCHEMA = "redress/spread-report@1";

  /** One post in which a bank item was found. */
  public record Occurrence(
      String chatId,
      Optional<String> chatName,
      Optional<String> chatType,
      String messageId,
      Optional<String> dateUtc,
      Optional<String> sender,
      Optional<String> forwardedFrom,
      Optional<String> file,
      Optional<String> link,
      Optional<String> sha256,
      Optional<String> signal,
      OptionalLong distance) {}

  /** A bank item (one of the victim's images or videos) and where it was found. */
  public record Item(String id, Optional<String> mediaKind, List<Occurrence> occurrences) {}

  private final Path file;
  private final String fileSha256;
  private final List<Item> items;
  private final OptionalLong matchedVideos;
  private final OptionalLong matchedImages;
  private final OptionalLong unchecked;
  private final OptionalLong tradePosts;

  private SpreadReport(
      Path file,
      String fileSha256,
      List<Item> items,
      OptionalLong videos,
      OptionalLong images,
      OptionalLong unchecked,
      OptionalLong tradePosts) {
    this.file = file;
    this.fileSha256 = fileSha256;
    this.items = List.copyOf(items);
    this.matchedVideos = videos;
    this.matchedImages = images;
    this.unchecked = unchecked;
    this.tradePosts = tradePosts;
  }

  /**
   * Reads a spread report (JSON).
   *
   * @throws org.redress.documents.InputException naming the file and the missing or malformed field
   */
  public static SpreadReport read(Path file) {
    Src src = Src.read(file, false);
    src.requireSchema(SCHEMA);
    src.require(src.root(), "", "items");
    List<Item> items = new ArrayList<>();
    List<JsonNode> nodes = src.array(src.root(), "", "items");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String base = "items[" + i + "]";
      String id =
          src.text(n, base, "label")
              .or(() -> src.text(n, base, "id"))
              .orElseGet(() -> src.requireText(n, base, "label"));
      src.require(n, base, "occurrences");
      List<Occurrence> occ = new ArrayList<>();
      List<JsonNode> os = src.array(n, base, "occurrences");
      for (int j = 0; j < os.size(); j++) {
        JsonNode o = os.get(j);
        String ob = base + ".occurrences[" + j + "]";
        if (o.path("chat_id").isNull()) {
          continue;
        }
        occ.add(
            new Occurrence(
                src.requireText(o, ob, "chat_id"),
                src.text(o, ob, "chat_name"),
                src.text(o, ob, "chat_type"),
                src.requireText(o, ob, "message_id"),
                src.text(o, ob, "date_utc"),
                src.text(o, ob, "sender_name").or(() -> src.text(o, ob, "sender")),
                src.text(o, ob, "forwarded_from"),
                src.text(o, ob, "file"),
                src.text(o, ob, "link"),
                src.text(o, ob, "sha256"),
                src.text(o, ob, "signal"),
                src.count(o, ob, "distance")));
      }
      items.add(new Item(id, src.text(n, base, "kind"), occ));
    }
    OptionalLong unchecked = OptionalLong.empty();
    Optional<JsonNode> u = Src.at(src.root(), "unchecked");
    if (u.isPresent() && u.get().isArray()) {
      unchecked = OptionalLong.of(u.get().size());
    } else if (u.isPresent() && u.get().has("total")) {
      unchecked = src.count(src.root(), "", "unchecked.total");
    } else if (u.isPresent()) {
      unchecked = src.count(src.root(), "", "unchecked.count");
    }
    OptionalLong trade = OptionalLong.empty();
    Optional<JsonNode> t = Src.at(src.root(), "trade.posts");
    if (t.isPresent() && t.get().isArray()) {
      trade = OptionalLong.of(t.get().size());
    }
    return new SpreadReport(
        file,
        Hashing.sha256(file),
        items,
        src.count(src.root(), "", "totals.matched_videos"),
        src.count(src.root(), "", "totals.matched_images"),
        unchecked,
        trade);
  }

  /** The report file. */
  public Path file() {
    return file;
  }

  /** SHA-256 of the report file's bytes, so the report itself can be listed as evidence. */
  public String fileSha256() {
    return fileSha256;
  }

  /** The bank items found, in report order. */
  public List<Item> items() {
    return items;
  }

  /** Every occurrence of every item, in report order. */
  public List<Occurrence> occurrences() {
    return items.stream().flatMap(i -> i.occurrences().stream()).toList();
  }

  /** The number of distinct chats (groups, channels) with at least one occurrence. */
  public int chats() {
    Set<String> s = new LinkedHashSet<>();
    occurrences().forEach(o -> s.add(o.chatId()));
    return s.size();
  }

  /** The number of distinct posts (chat and message) with at least one occurrence. */
  public int posts() {
    Set<String> s = new LinkedHashSet<>();
    occurrences().forEach(o -> s.add(o.chatId() + "\u0000" + o.messageId()));
    return s.size();
  }

  /** The earliest occurrence date (as given, UTC), if any occurrence has one. */
  public Optional<String> firstSeen() {
    return occurrences().stream().flatMap(o -> o.dateUtc().stream()).min(String::compareTo);
  }

  /** The latest occurrence date (as given, UTC), if any occurrence has one. */
  public Optional<String> lastSeen() {
    return occurrences().stream().flatMap(o -> o.dateUtc().stream()).max(String::compareTo);
  }

  /** {@code totals.matched_videos}, when the report gives it. */
  public OptionalLong matchedVideos() {
    return matchedVideos;
  }

  /** {@code totals.matched_images}, when the report gives it. */
  public OptionalLong matchedImages() {
    return matchedImages;
  }

  /** How many media files the scan could not check, when the report says. */
  public OptionalLong unchecked() {
    return unchecked;
  }

  /** How many trade posts (ads for covert cameras etc.) the scan found, when the report says. */
  public OptionalLong tradePosts() {
    return tradePosts;
  }
}
