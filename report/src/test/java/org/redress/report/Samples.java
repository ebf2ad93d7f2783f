package org.redress.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small hand-built reports for the view and codec tests. */
final class Samples {
  static final String SHA = "a".repeat(64);

  private Samples() {}

  static SpreadReport.Occurrence occurrence(String chatName, Instant at) {
    return new SpreadReport.Occurrence(
        42L,
        chatName,
        "private_supergroup",
        "/x/result.json",
        7L,
        "chat 42 message 7",
        "telegram",
        "telegram:chat/42/message/7",
        at,
        "2026-02-03T12:00:00",
        false,
        "Bob",
        "user9",
        false,
        "",
        "",
        "photo",
        "photos/a.jpg",
        "/x/photos/a.jpg",
        "image",
        SHA,
        "b".repeat(32),
        "c".repeat(64),
        "pdq",
        4,
        null,
        null,
        List.of(new SpreadReport.MatchRow(3, "pdq", 4, null, null, null, null)));
  }

  static SpreadReport report(String chatName, List<SpreadReport.SourceRead> sources) {
    Instant at = Instant.parse("2026-02-03T04:00:00Z");
    SpreadReport.Seen seen = new SpreadReport.Seen(at, "2026-02-03T12:00:00", false, 42, 7);
    SpreadReport.Item item =
        new SpreadReport.Item(
            "victims",
            "v1.jpg",
            "image",
            List.of(3L),
            List.of("pdq"),
            1,
            1,
            1,
            0,
            0,
            1,
            seen,
            seen,
            List.of(occurrence(chatName, at)));
    SpreadReport.Totals totals =
        new SpreadReport.Totals(
            1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, seen, seen, 1, 5, 0, 3, 3, 0, 0, 0);
    SpreadReport.Unchecked unchecked =
        new SpreadReport.Unchecked(0, Map.of(), Map.of(), false, List.of(), 0, List.of(), "note");
    SpreadReport.Trade trade =
        new SpreadReport.Trade(
            0,
            "1",
            Map.of("covert_camera", new SpreadReport.Label("偷拍设备", "covert cameras")),
            Map.of("covert_camera", 0L),
            List.of(),
            50,
            0,
            List.of());
    CaseFactsFragment facts =
        new CaseFactsFragment(
            LocalDate.parse("2026-02-03"),
            LocalDate.parse("2026-02-03"),
            true,
            true,
            1L,
            null,
            null,
            null,
            null);
    return SpreadReport.builder("redress scan", Instant.parse("2026-03-01T02:00:00Z"))
        .banks(List.of(new SpreadReport.Bank("victims", 31, 50)))
        .sources(sources)
        .items(List.of(item))
        .totals(totals)
        .unchecked(unchecked)
        .trade(trade)
        .chats(
            List.of(
                new SpreadReport.ChatRow(
                    42,
                    chatName,
                    "private_supergroup",
                    "/x/result.json",
                    5,
                    0,
                    3,
                    0,
                    1,
                    1,
                    1,
                    0,
                    seen,
                    seen)))
        .timeline(List.of(new SpreadReport.Day(LocalDate.parse("2026-02-03"), 1)))
        .facts(facts)
        .factsTrace(
            List.of(
                new SpreadReport.FactTrace(
                    "distribution.counts.images",
                    1,
                    "rule",
                    List.of("chat 42 message 7"),
                    1,
                    List.of(SHA),
                    null)))
        .factsNotShown(
            List.of(new SpreadReport.NotShown("distribution.group.members", "why", "how")))
        .build();
  }

  static SpreadReport report() {
    return report("测试群", List.of(source("/x/export")));
  }

  static SpreadReport.SourceRead source(String path) {
    return new SpreadReport.SourceRead(
        path, "telegram_export", null, 1, 5, 0, 3, 0, 0, 0, false, List.of(), 0);
  }

  /** {@link #report()} with a view count read from a screenshot (OCR) as its clicks. */
  static SpreadReport reportWithRead() {
    SpreadReport r = report();
    SpreadReport.Read read =
        new SpreadReport.Read("screenshot", "从截图识别", "/x/shot.png", "1.2K views", 0.91);
    return r.toBuilder()
        .facts(r.facts().withRead(1200L, null))
        .factsTrace(
            List.of(
                new SpreadReport.FactTrace(
                    "distribution.counts.clicks",
                    1200L,
                    "rule",
                    List.of("chat 42 message 7"),
                    1,
                    List.of(SHA),
                    read)))
        .readFacts(
            List.of(
                new SpreadReport.ReadSource(
                    "screenshot",
                    "从截图识别",
                    "/x/shot.png",
                    SHA,
                    "chat 42 message 7",
                    List.of("10,20,300,200"),
                    null,
                    List.of(new SpreadReport.Reading("views", 1200L, "1.2K views", 0.91)))))
        .factsProvenance(
            Map.of(
                "distribution.counts.clicks",
                new SpreadReport.Provenance("screenshot", "从截图识别", 0.91, "/x/shot.png")))
        .build();
  }
}
