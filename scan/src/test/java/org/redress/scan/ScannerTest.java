package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.lawcn.ChineseLaw;
import org.redress.match.Matcher;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.report.Times;
import org.redress.sources.Limits;

class ScannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path export;
  Matcher matcher;

  /** An export: victim copy posted twice (two senders), an unrelated photo, an ad, chatter. */
  @BeforeEach
  void export() throws Exception {
    Path originals = Files.createDirectories(tmp.resolve("originals"));
    Files.write(originals.resolve("v1.png"), ScanFixtures.picture(1, 300, 200));
    matcher = ScanFixtures.bank(originals.resolve("v1.png"));
    export = tmp.resolve("ChatExport_2026-03-01");
    Files.createDirectories(export.resolve("photos"));
    Files.write(export.resolve("photos/a.png"), ScanFixtures.picture(1, 300, 200));
    Files.write(export.resolve("photos/b.png"), ScanFixtures.picture(1, 300, 200));
    Files.write(export.resolve("photos/c.png"), ScanFixtures.picture(7, 300, 200));
    ScanFixtures.export(
        export,
        String.join(
            ",",
            ScanFixtures.photo(1, "photos/a.png", "Ann", 3),
            ScanFixtures.photo(2, "photos/c.png", "Bob", 3),
            ScanFixtures.text(3, "针孔摄像机 烟雾报警器款 包邮"),
            ScanFixtures.photo(4, "photos/b.png", "Bob", 5),
            ScanFixtures.text(5, "Sleep well, see you tomorrow")));
  }

  private JsonNode scan(int threads, Path... paths) throws Exception {
    return JSON.readTree(scanner(threads).scan(List.of(paths)).toJson());
  }

  private Scanner scanner(int threads) {
    return Scanner.builder(matcher).threads(threads).clock(CLOCK).tempDir(tmp).build();
  }

  @Test
  void scan_export_countsPostsChatsSendersAndFacts() throws Exception {
    JsonNode r = scan(2, export);
    assertThat(r.get("schema").asText()).isEqualTo("redress/spread-report@1");
    assertThat(r.get("items")).hasSize(1);
    JsonNode item = r.get("items").get(0);
    assertThat(item.get("label").asText()).isEqualTo("v1.png");
    assertThat(item.get("posts").asInt()).isEqualTo(2);
    assertThat(item.get("senders").asInt()).isEqualTo(2);
    assertThat(item.get("chats").asInt()).isEqualTo(1);
    assertThat(item.at("/first_seen/message_id").asLong()).isEqualTo(1);
    assertThat(item.at("/last_seen/message_id").asLong()).isEqualTo(4);
    assertThat(item.at("/occurrences/0/signal").asText()).isEqualTo("pdq");
    assertThat(r.at("/totals/matched_images").asInt()).isEqualTo(1);
    assertThat(r.at("/totals/image_posts").asInt()).isEqualTo(2);
    assertThat(r.at("/trade/ad_posts").asInt()).isEqualTo(1);
    assertThat(r.at("/trade/posts/0/message_id").asLong()).isEqualTo(3);
    JsonNode facts = r.get("facts");
    ChineseLaw.jurisdiction().parseFacts(JSON.writeValueAsString(facts));
    assertThat(facts.at("/distribution/counts/images").asInt()).isEqualTo(1);
    assertThat(facts.at("/conduct/first_act").asText()).isEqualTo("2026-02-03");
    assertThat(facts.at("/conduct/last_act").asText()).isEqualTo("2026-02-05");
    assertThat(facts.at("/distribution/counts/videos").isMissingNode()).isTrue();
    assertThat(r.get("partial").asBoolean()).isFalse();
  }

  @Test
  void scan_oneOrFourThreads_identicalReport() throws Exception {
    assertThat(scan(4, export)).isEqualTo(scan(1, export));
  }

  @Test
  void scan_truncatedJson_partialWithByteOffsetAndKeepsWhatWasRead() throws Exception {
    Path json = export.resolve("result.json");
    String full = Files.readString(json, StandardCharsets.UTF_8);
    int cut = full.indexOf("{\"id\":4");
    Files.writeString(json, full.substring(0, cut + 20), StandardCharsets.UTF_8);
    JsonNode r = scan(2, export);
    assertThat(r.get("partial").asBoolean()).isTrue();
    assertThat(r.at("/sources/0/problems/0/byte_offset").asLong()).isPositive();
    assertThat(r.at("/unchecked/not_read/0").asText()).contains("byte ").contains("truncated");
    assertThat(r.at("/items/0/posts").asInt()).isEqualTo(1);
    assertThat(r.at("/trade/ad_posts").asInt()).isEqualTo(1);
  }

  @Test
  void scan_missingEscapingAndUnreadableMedia_listedAsUnchecked() throws Exception {
    Files.writeString(export.resolve("photos/fake.jpg"), "not a picture", StandardCharsets.UTF_8);
    ScanFixtures.export(
        export,
        String.join(
            ",",
            ScanFixtures.photo(1, "photos/a.png", "Ann", 3),
            ScanFixtures.photo(2, "photos/gone.jpg", "Bob", 3),
            ScanFixtures.photo(3, "../../etc/passwd.jpg", "Bob", 3),
            ScanFixtures.photo(4, "/etc/x.jpg", "Bob", 3),
            ScanFixtures.photo(5, "photos/fake.jpg", "Bob", 3)));
    JsonNode r = scan(2, export);
    JsonNode by = r.at("/unchecked/by_reason");
    assertThat(by.get("missing_file").asInt()).isEqualTo(1);
    assertThat(by.get("path_escape").asInt()).isEqualTo(1);
    assertThat(by.get("absolute_path").asInt()).isEqualTo(1);
    assertThat(by.get("unreadable").asInt()).isEqualTo(1);
    assertThat(r.at("/unchecked/total").asInt()).isEqualTo(4);
    assertThat(r.at("/unchecked/media"))
        .extracting(m -> m.get("message_id").asLong())
        .containsExactly(2L, 3L, 4L, 5L);
    assertThat(r.at("/unchecked/media/3/detail").asText()).contains("text");
    assertThat(r.at("/totals/media_checked").asInt()).isEqualTo(1);
    assertThat(r.at("/items/0/posts").asInt()).isEqualTo(1);
  }

  @Test
  void scan_exportInsideZip_hashesEntriesAndMatches() throws Exception {
    Path zip = tmp.resolve("export.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("result.json", "photos/a.png", "photos/b.png", "photos/c.png")) {
        z.putNextEntry(new ZipEntry("ChatExport_2026-03-01/" + name));
        z.write(Files.readAllBytes(export.resolve(name)));
        z.closeEntry();
      }
    }
    JsonNode r = scan(2, zip);
    assertThat(r.at("/sources/0/kind").asText()).isEqualTo("zip");
    assertThat(r.at("/items/0/posts").asInt()).isEqualTo(2);
    assertThat(r.at("/items/0/occurrences/0/location").asText()).contains("export.zip!/");
    try (var s = Files.list(tmp)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("redress-scan-")))
          .as("temporary copies are removed")
          .isEmpty();
    }
  }

  @Test
  void scan_zipBomb_refusedClearlyAndReportMarkedPartial() throws Exception {
    Path zip = tmp.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("big.jpg"));
      z.write(new byte[200_000]);
      z.closeEntry();
    }
    Scanner s =
        Scanner.builder(matcher)
            .threads(1)
            .clock(CLOCK)
            .tempDir(tmp)
            .limits(Limits.builder().zipMaxBytes(10_000).build())
            .build();
    ScanResult result = s.scan(List.of(zip, export));
    JsonNode r = JSON.readTree(result.toJson());
    assertThat(r.get("partial").asBoolean()).isTrue();
    assertThat(r.at("/sources/0/refused").asText())
        .contains("bomb.zip", "ZIP bomb")
        .doesNotContain("--");
    assertThat(result.limitsExceeded().get(zip.toString()).limit())
        .isEqualTo(org.redress.sources.LimitExceeded.Limit.ZIP_TOTAL_BYTES);
    assertThat(r.at("/unchecked/not_read/0").asText()).contains("bomb.zip");
    assertThat(r.at("/items/0/posts").asInt()).as("the other source is still scanned").isEqualTo(2);
  }

  @Test
  void scan_missingPath_throwsNamingIt() {
    assertThatThrownBy(() -> scanner(1).scan(List.of(tmp.resolve("nope"))))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void scan_withCacheTwice_secondRunHashesNothingAndGivesSameReport() throws Exception {
    Path file = tmp.resolve("ws/scans/x.hashes.jsonl");
    String first;
    try (HashCache c = HashCache.open(file, false)) {
      first =
          Scanner.builder(matcher)
              .threads(2)
              .clock(CLOCK)
              .tempDir(tmp)
              .cache(c)
              .build()
              .scan(List.of(export))
              .toJson();
      assertThat(c.hits()).isZero();
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
    try (HashCache c = HashCache.open(file, true)) {
      assertThat(c.size()).isEqualTo(3);
      String again =
          Scanner.builder(matcher)
              .threads(2)
              .clock(CLOCK)
              .tempDir(tmp)
              .cache(c)
              .build()
              .scan(List.of(export))
              .toJson();
      assertThat(c.hits()).isEqualTo(3);
      assertThat(again).isEqualTo(first);
    }
  }

  @Test
  void scan_changedFile_isHashedAgainDespiteCache() throws Exception {
    Path file = tmp.resolve("cache.jsonl");
    try (HashCache c = HashCache.open(file, false)) {
      Scanner.builder(matcher)
          .threads(1)
          .clock(CLOCK)
          .tempDir(tmp)
          .cache(c)
          .build()
          .scan(List.of(export));
    }
    Files.write(export.resolve("photos/b.png"), ScanFixtures.picture(9, 300, 200));
    Files.setLastModifiedTime(
        export.resolve("photos/b.png"), java.nio.file.attribute.FileTime.fromMillis(0));
    try (HashCache c = HashCache.open(file, true)) {
      JsonNode r =
          JSON.readTree(
              Scanner.builder(matcher)
                  .threads(1)
                  .clock(CLOCK)
                  .tempDir(tmp)
                  .cache(c)
                  .build()
                  .scan(List.of(export))
                  .toJson());
      assertThat(c.hits()).isEqualTo(2);
      assertThat(r.at("/items/0/posts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void html_withoutThumbnails_hasNoImageAndEscapesText() throws Exception {
    ScanFixtures.export(
        export,
        String.join(
            ",",
            ScanFixtures.photo(1, "photos/a.png", "<script>alert(1)</script>", 3),
            ScanFixtures.text(2, "<img src=x> 针孔摄像机 包邮")));
    String html = scanner(1).scan(List.of(export)).toHtml(Times.BEIJING);
    assertThat(html)
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("<script")
        .contains("&lt;script&gt;", "font-family", "<svg");
  }

  @Test
  void scan_report_roundTripsThroughTheOneReader() throws Exception {
    ScanResult r = scanner(2).scan(List.of(export));
    SpreadReport back =
        ReportJson.read(
            new java.io.ByteArrayInputStream(r.toJson().getBytes(StandardCharsets.UTF_8)),
            "r.json");
    assertThat(back).isEqualTo(r.report());
    assertThat(ReportJson.toText(back)).isEqualTo(r.toJson());
    assertThat(back.allOccurrences().get(0).locator()).isEqualTo("telegram:chat/42/message/1");
  }

  @Test
  void scan_manyAdsInOneChat_allCountedFirstFiftyListed() throws Exception {
    List<String> msgs = new java.util.ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      msgs.add(ScanFixtures.text(i, "针孔摄像机 烟雾报警器款 包邮 " + i));
    }
    ScanFixtures.export(export, String.join(",", msgs));
    SpreadReport r = scanner(1).scan(List.of(export)).report();
    assertThat(r.trade().adPosts()).isEqualTo(120);
    assertThat(r.totals().adPosts()).isEqualTo(120);
    assertThat(r.trade().byChat().get(0).adPosts()).isEqualTo(120);
    assertThat(r.trade().posts()).hasSize(50);
    assertThat(r.trade().notListed()).isEqualTo(70);
    assertThat(r.facts().adPosts()).isEqualTo(120L);
    assertThat(r.trade().byCategory().values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void scan_adsAmongPhotosOnFourThreads_firstFiftyAdsInReadOrderAsOneThread() throws Exception {
    String[] texts = {
      "针孔摄像机 烟雾报警器款 包邮 %d", "晚上一起吃饭吗 %d", "听话水 无色无味 私聊 %d", "hidden camera charger, DM me $%d"
    };
    List<String> msgs = new java.util.ArrayList<>();
    List<Long> ads = new java.util.ArrayList<>();
    TradeDetector detector = TradeDetector.builtIn();
    for (int i = 1; i <= 240; i++) {
      if (i % 6 == 0) {
        msgs.add(ScanFixtures.photo(i, i % 12 == 0 ? "photos/a.png" : "photos/c.png", "Bob", 4));
        continue;
      }
      String text = String.format(java.util.Locale.ROOT, texts[i % texts.length], i);
      msgs.add(ScanFixtures.text(i, text));
      if (!detector.detect(text).isEmpty()) {
        ads.add((long) i);
      }
    }
    ScanFixtures.export(export, String.join(",", msgs));
    ScanResult four = scanner(4).scan(List.of(export));
    assertThat(four.toJson()).isEqualTo(scanner(1).scan(List.of(export)).toJson());
    SpreadReport r = four.report();
    assertThat(r.trade().adPosts()).isEqualTo(ads.size()).isGreaterThan(50);
    assertThat(r.trade().posts())
        .extracting(SpreadReport.TradePost::messageId)
        .containsExactlyElementsOf(ads.subList(0, 50));
  }

  @Test
  void thumbnail_isEightByEight() throws Exception {
    var img = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    byte[] png = Thumbnail.pixelate(img);
    var back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(back.getWidth()).isEqualTo(8);
    assertThat(back.getHeight()).isEqualTo(8);
  }

  @SuppressWarnings("unused")
  private static void write(Path p, byte[] b) throws Exception {
    try (OutputStream o = Files.newOutputStream(p)) {
      o.write(b);
    }
  }
}
