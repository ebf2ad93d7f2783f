package org.redress.documents.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.redress.documents.InputException;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;

/**
 * A spread report as documents use it: read by the {@code report} module's one codec ({@link
 * ReportJson#read}), so a report is accepted or refused here exactly as by every other command.
 * This class only selects what the documents quote: the bank items found and every post (not loose
 * file) in which each was found.
 */
public final class SpreadReport {
  /** One post in which a bank item was found. Times are UTC instants in ISO form. */
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
  private final org.redress.report.SpreadReport report;
  private final List<Item> items;

  private SpreadReport(Path file, String fileSha256, org.redress.report.SpreadReport report) {
    this.file = file;
    this.fileSha256 = fileSha256;
    this.report = report;
    List<Item> out = new ArrayList<>();
    for (org.redress.report.SpreadReport.Item i : report.items()) {
      List<Occurrence> occ = new ArrayList<>();
      for (org.redress.report.SpreadReport.Occurrence o : i.occurrences()) {
        if (o.loose()) {
          continue; // a loose file, not a post
        }
        occ.add(
            new Occurrence(
                String.valueOf(o.chatId()),
                text(o.chatName()),
                text(o.chatType()),
                String.valueOf(o.messageId()),
                Optional.ofNullable(o.dateUtc()).map(Object::toString),
                text(o.senderName()),
                text(o.forwardedFrom()),
                text(o.file()),
                Optional.empty(),
                text(o.sha256()),
                text(o.signal()),
                OptionalLong.of(o.distance())));
      }
      out.add(new Item(i.label(), text(i.kind()), occ));
    }
    this.items = List.copyOf(out);
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Reads a spread report through the report codec.
   *
   * @throws InputException naming the file and what the codec refused
   */
  public static SpreadReport read(Path file) {
    try {
      org.redress.report.SpreadReport r = ReportJson.read(file);
      return new SpreadReport(file, Hashing.sha256(file), r);
    } catch (ReportException e) {
      String m = e.getMessage();
      String prefix = file + ": ";
      throw new InputException(file, m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
    }
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

  /** The earliest occurrence time (UTC, ISO), if any occurrence has one. */
  public Optional<String> firstSeen() {
    return occurrences().stream().flatMap(o -> o.dateUtc().stream()).min(String::compareTo);
  }

  /** The latest occurrence time (UTC, ISO), if any occurrence has one. */
  public Optional<String> lastSeen() {
    return occurrences().stream().flatMap(o -> o.dateUtc().stream()).max(String::compareTo);
  }

  /** The report's count of matched videos. */
  public OptionalLong matchedVideos() {
    return OptionalLong.of(report.totals().matchedVideos());
  }

  /** The report's count of matched images. */
  public OptionalLong matchedImages() {
    return OptionalLong.of(report.totals().matchedImages());
  }

  /** How many media files the scan could not check. */
  public OptionalLong unchecked() {
    return OptionalLong.of(report.unchecked().total());
  }

  /** How many trade posts (ads for covert cameras etc.) the scan found. */
  public OptionalLong tradePosts() {
    return OptionalLong.of(report.trade().adPosts());
  }
}
