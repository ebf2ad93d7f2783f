package org.redress.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redress.report.CaseFactsFragment;
import org.redress.report.SpreadReport;

/**
 * A spread report of a given size, built from the {@code report} module's records (so it is always
 * what {@code ReportJson} reads): {@code occurrences} posts over 10 pictures, 50 chats and 200
 * senders, one every ten minutes from 2026-01-01. The benchmarks' one generator of big reports.
 */
final class SyntheticReport {
  private SyntheticReport() {}

  static SpreadReport of(int occurrences) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    int items = 10;
    int chats = 50;
    List<SpreadReport.Item> its = new ArrayList<>();
    long[] perChat = new long[chats];
    Map<LocalDate, Long> perDay = new java.util.TreeMap<>();
    int k = 0;
    for (int i = 0; i < items; i++) {
      List<SpreadReport.Occurrence> occ = new ArrayList<>();
      int n = occurrences / items + (i < occurrences % items ? 1 : 0);
      for (int j = 0; j < n; j++, k++) {
        int chat = k % chats;
        Instant at = start.plusSeconds(600L * k);
        perChat[chat]++;
        perDay.merge(at.atOffset(ZoneOffset.ofHours(8)).toLocalDate(), 1L, Long::sum);
        String sha = String.format(Locale.ROOT, "%064x", k + 1L);
        occ.add(
            new SpreadReport.Occurrence(
                1000L + chat,
                "chat " + chat,
                "private_supergroup",
                "/bench/result.json",
                (long) k,
                "chat " + (1000 + chat) + " message " + k,
                "telegram",
                "telegram:chat/" + (1000 + chat) + "/message/" + k,
                at,
                at.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime().toString(),
                false,
                "sender " + (k % 200),
                "user" + (k % 200),
                k % 7 == 0,
                k % 7 == 0 ? "channel " + (k % 5) : "",
                k % 7 == 0 ? "channel" + (k % 5) : "",
                "photo",
                "photos/" + k + ".jpg",
                "/bench/photos/" + k + ".jpg",
                "image",
                sha,
                sha.substring(32),
                sha,
                "pdq",
                k % 32,
                null,
                null,
                List.of(new SpreadReport.MatchRow(i + 1, "pdq", k % 32, null, null, null, null))));
      }
      SpreadReport.Occurrence first = occ.get(0);
      SpreadReport.Occurrence last = occ.get(occ.size() - 1);
      its.add(
          new SpreadReport.Item(
              "bench",
              "picture-" + i + ".jpg",
              "image",
              List.of(i + 1L),
              List.of("pdq"),
              n,
              Math.min(n, chats),
              Math.min(n, 200),
              occ.stream().filter(SpreadReport.Occurrence::forwarded).count(),
              0,
              n,
              seen(first),
              seen(last),
              occ));
    }
    SpreadReport.Seen first = its.get(0).firstSeen();
    SpreadReport.Seen last = seen(its.get(items - 1).occurrences().get(0));
    for (SpreadReport.Item it : its) {
      if (it.lastSeen().dateUtc().isAfter(last.dateUtc())) {
        last = it.lastSeen();
      }
    }
    long forwarded = its.stream().mapToLong(SpreadReport.Item::forwardedPosts).sum();
    List<SpreadReport.ChatRow> chatRows = new ArrayList<>();
    for (int c = 0; c < chats; c++) {
      chatRows.add(
          chat(
              1000 + c,
              "chat " + c,
              "private_supergroup",
              perChat[c] * 3,
              perChat[c] * 2,
              perChat[c],
              items,
              200 / chats,
              first,
              last));
    }
    return assemble(
        its,
        chatRows,
        perDay,
        first,
        last,
        occurrences,
        chats,
        200,
        forwarded,
        occurrences * 3L,
        occurrences * 2L);
  }

  /**
   * A report around {@code items} (each with its occurrences, in posts): totals, chats and timeline
   * made up from them, as a scan of one export would give them. For the dossier's figures, which
   * read every case's stored reports.
   */
  static SpreadReport around(List<SpreadReport.Item> items) {
    Map<Long, String> chatNames = new java.util.TreeMap<>();
    Map<LocalDate, Long> perDay = new java.util.TreeMap<>();
    SpreadReport.Seen first = null;
    SpreadReport.Seen last = null;
    long occurrences = 0;
    for (SpreadReport.Item it : items) {
      for (SpreadReport.Occurrence o : it.occurrences()) {
        occurrences++;
        chatNames.putIfAbsent(o.chatId(), o.chatName());
        perDay.merge(o.dateUtc().atOffset(ZoneOffset.ofHours(8)).toLocalDate(), 1L, Long::sum);
      }
      first =
          first == null || it.firstSeen().dateUtc().isBefore(first.dateUtc())
              ? it.firstSeen()
              : first;
      last = last == null || it.lastSeen().dateUtc().isAfter(last.dateUtc()) ? it.lastSeen() : last;
    }
    if (first == null || last == null) {
      throw new IllegalArgumentException("a report needs at least one occurrence");
    }
    List<SpreadReport.ChatRow> chatRows = new ArrayList<>();
    for (Map.Entry<Long, String> c : chatNames.entrySet()) {
      chatRows.add(
          chat(
              c.getKey(),
              c.getValue(),
              "public_channel",
              occurrences,
              occurrences,
              occurrences,
              items.size(),
              40,
              first,
              last));
    }
    return assemble(
        items,
        chatRows,
        perDay,
        first,
        last,
        occurrences,
        chatNames.size(),
        40,
        0,
        occurrences,
        occurrences);
  }

  /** A chat read of the export at {@code /bench/result.json}, no service message, no ad. */
  private static SpreadReport.ChatRow chat(
      long id,
      String name,
      String type,
      long posts,
      long media,
      long postsWithMatches,
      long matchedItems,
      long senders,
      SpreadReport.Seen first,
      SpreadReport.Seen last) {
    return new SpreadReport.ChatRow(
        id,
        name,
        type,
        "/bench/result.json",
        posts,
        0,
        media,
        0,
        postsWithMatches,
        matchedItems,
        senders,
        0,
        first,
        last);
  }

  /**
   * The report's remaining parts, made alike for both: totals (every matched post an image post,
   * nothing unchecked, no ad), timeline, facts, the one source, empty sections.
   */
  private static SpreadReport assemble(
      List<SpreadReport.Item> items,
      List<SpreadReport.ChatRow> chatRows,
      Map<LocalDate, Long> perDay,
      SpreadReport.Seen first,
      SpreadReport.Seen last,
      long occurrences,
      int chats,
      long senders,
      long forwarded,
      long messagesRead,
      long mediaRead) {
    SpreadReport.Totals totals =
        new SpreadReport.Totals(
            items.size(),
            occurrences,
            occurrences,
            0,
            occurrences,
            0,
            occurrences,
            chats,
            senders,
            forwarded,
            0,
            first,
            last,
            chats,
            messagesRead,
            0,
            mediaRead,
            mediaRead,
            0,
            0,
            0);
    List<SpreadReport.Day> timeline = new ArrayList<>();
    perDay.forEach((d, n) -> timeline.add(new SpreadReport.Day(d, n)));
    CaseFactsFragment facts =
        new CaseFactsFragment(
            first.dateUtc().atOffset(ZoneOffset.ofHours(8)).toLocalDate(),
            last.dateUtc().atOffset(ZoneOffset.ofHours(8)).toLocalDate(),
            true,
            true,
            occurrences,
            null,
            null,
            null,
            null);
    return SpreadReport.builder("redress bench", Instant.parse("2026-12-06T00:00:00Z"))
        .banks(List.of(new SpreadReport.Bank("bench", 31, 50)))
        .sources(
            List.of(
                new SpreadReport.SourceRead(
                    "/bench",
                    "telegram_export",
                    null,
                    chats,
                    messagesRead,
                    0,
                    mediaRead,
                    0,
                    0,
                    0,
                    false,
                    List.of(),
                    0)))
        .items(items)
        .totals(totals)
        .trade(new SpreadReport.Trade(0, "bench", Map.of(), Map.of(), List.of(), 50, 0, List.of()))
        .chats(chatRows)
        .timeline(timeline)
        .facts(facts)
        .build();
  }

  private static SpreadReport.Seen seen(SpreadReport.Occurrence o) {
    return new SpreadReport.Seen(o.dateUtc(), o.dateExported(), false, o.chatId(), o.messageId());
  }
}
