package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's acceptance test: scanning the generated sample export against a bank made from the
 * victim originals gives exactly what the generator planted ({@code planted.json}).
 */
class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path sample;
  static CliWorkspace workspace;
  static JsonNode planted;
  static JsonNode report;
  static CliRun scan;

  @BeforeAll
  static void scanTheSample() throws Exception {
    sample = tmp.resolve("sample");
    workspace = new CliWorkspace(tmp.resolve("ws"));
    CliRun.ok("sample", "telegram-export", sample.toString());
    planted = JSON.readTree(sample.resolve("planted.json").toFile());
    workspace.ok("bank", "create", "victims");
    List<String> add = new ArrayList<>(List.of("bank", "add", "victims"));
    try (Stream<Path> s = Files.list(sample.resolve("victim-originals"))) {
      s.sorted().forEach(p -> add.add(p.toString()));
    }
    workspace.ok(add.toArray(new String[0]));
    scan =
        workspace.run(
            "scan",
            sample.resolve(planted.get("export").asText()).toString(),
            "--bank",
            "victims",
            "-j",
            "2",
            "--json",
            tmp.resolve("r.json").toString(),
            "--html",
            tmp.resolve("r.html").toString(),
            "--csv",
            tmp.resolve("r.csv").toString());
    assertThat(scan.exit()).as(scan.err()).isZero();
    report = JSON.readTree(tmp.resolve("r.json").toFile());
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * The copies a PDQ scan can find, as the generator planted them ({@code pdq_findable}): its
   * "cropped" copies drop 5 % of every border, which PDQ does not survive (distances 56..86 on the
   * sample pictures, over the threshold of 31); the tests check they are not claimed.
   */
  static boolean findable(JsonNode copy) {
    return copy.get("pdq_findable").asBoolean();
  }

  private static String key(JsonNode n) {
    return n.get("chat_id").asText()
        + "/"
        + n.get("message_id").asText()
        + "/"
        + n.get("sender_id").asText()
        + "/"
        + n.get("date_utc").asText();
  }

  @Test
  void scan_sampleExport_perVictimFiguresEqualPlanted() {
    Map<String, JsonNode> items = new HashMap<>();
    report.get("items").forEach(i -> items.put(i.get("label").asText(), i));
    assertThat(items.keySet()).hasSize(planted.get("victims").size());
    for (JsonNode v : planted.get("victims")) {
      String label = name(v.get("original").asText());
      JsonNode it = items.get(label);
      assertThat(it).as(label).isNotNull();
      assertThat(it.get("kind").asText()).as(label).isEqualTo(v.get("kind").asText());
      Set<String> expected = new TreeSet<>();
      Set<String> missed = new TreeSet<>();
      Set<Long> chats = new HashSet<>();
      Set<String> senders = new HashSet<>();
      TreeSet<String> dates = new TreeSet<>();
      long forwarded = 0;
      for (JsonNode c : v.get("copies")) {
        if (!findable(c)) {
          missed.add(key(c));
          continue;
        }
        expected.add(key(c));
        chats.add(c.get("chat_id").asLong());
        senders.add(c.get("sender_id").asText());
        dates.add(c.get("date_utc").asText());
        forwarded += c.get("forwarded").asBoolean() ? 1 : 0;
      }
      Set<String> found = new TreeSet<>();
      it.get("occurrences").forEach(o -> found.add(key(o)));
      assertThat(found).as(label).isEqualTo(expected);
      missed.forEach(m -> assertThat(found).as(label).doesNotContain(m));
      assertThat(it.get("posts").asLong()).as(label).isEqualTo(expected.size());
      assertThat(it.get("chats").asLong()).as(label).isEqualTo(chats.size());
      assertThat(it.get("senders").asLong()).as(label).isEqualTo(senders.size());
      assertThat(it.get("forwarded_posts").asLong()).as(label).isEqualTo(forwarded);
      assertThat(it.get("first_seen").get("date_utc").asText()).as(label).isEqualTo(dates.first());
      assertThat(it.get("last_seen").get("date_utc").asText()).as(label).isEqualTo(dates.last());
      if (missed.isEmpty()) {
        assertThat(it.get("posts").asLong()).as(label).isEqualTo(v.get("posts").asLong());
        assertThat(it.get("chats").asLong()).as(label).isEqualTo(v.get("chats").asLong());
        assertThat(it.get("senders").asLong()).as(label).isEqualTo(v.get("senders").asLong());
        assertThat(it.get("first_seen").get("date_utc").asText())
            .as(label)
            .isEqualTo(v.get("first_seen_utc").asText());
        assertThat(it.get("last_seen").get("date_utc").asText())
            .as(label)
            .isEqualTo(v.get("last_seen_utc").asText());
      }
    }
  }

  @Test
  void scan_sampleExport_mirroredCopiesAreFoundThroughDihedralVariants() {
    List<String> variants = new ArrayList<>();
    report
        .get("items")
        .forEach(
            i ->
                i.get("occurrences")
                    .forEach(
                        o -> {
                          if (!o.get("variant").isNull()) {
                            variants.add(o.get("variant").asText());
                          }
                        }));
    long mirrored = 0;
    for (JsonNode v : planted.get("victims")) {
      for (JsonNode c : v.get("copies")) {
        mirrored += c.get("transform").asText().equals("mirrored") ? 1 : 0;
      }
    }
    assertThat(variants).hasSize((int) mirrored).containsOnly("flipy");
  }

  @Test
  void scan_sampleExport_totalsUncheckedAndTradeEqualPlanted() throws Exception {
    JsonNode t = report.get("totals");
    JsonNode pt = planted.get("totals");
    assertThat(report.get("partial").asBoolean()).isFalse();
    assertThat(t.get("matched_items").asInt()).isEqualTo(planted.get("victims").size());
    long copies = 0;
    long cropped = 0;
    Set<Long> chats = new HashSet<>();
    Set<String> senders = new HashSet<>();
    Set<String> imageFiles = new TreeSet<>();
    Set<String> videoFiles = new TreeSet<>();
    for (JsonNode v : planted.get("victims")) {
      for (JsonNode c : v.get("copies")) {
        copies++;
        if (!findable(c)) {
          cropped++;
          continue;
        }
        chats.add(c.get("chat_id").asLong());
        senders.add(c.get("sender_id").asText());
        String sha = sha256(sample.resolve(c.get("file").asText()));
        (v.get("kind").asText().equals("video") ? videoFiles : imageFiles).add(sha);
      }
    }
    assertThat(copies).isEqualTo(pt.get("victim_copies").asLong());
    assertThat(t.get("posts_with_matches").asLong()).isEqualTo(copies - cropped);
    assertThat(t.get("posts_with_matches").asLong())
        .isEqualTo(pt.get("victim_copies_pdq_findable").asLong());
    assertThat(t.get("posts_read").asLong() + t.get("service_messages_read").asLong())
        .isEqualTo(pt.get("messages").asLong());
    assertThat(t.get("chats_read").asLong()).isEqualTo(pt.get("chats").asLong());
    assertThat(t.get("media_checked").asLong()).isEqualTo(pt.get("media_files").asLong());
    assertThat(t.get("chats_involved").asLong()).isEqualTo(chats.size());
    assertThat(t.get("senders_involved").asLong()).isEqualTo(senders.size());
    assertThat(t.get("matched_images").asLong()).isEqualTo(imageFiles.size());
    assertThat(t.get("matched_videos").asLong()).isEqualTo(videoFiles.size());
    assertThat(t.get("forwarded_posts").asLong()).isPositive();

    Map<String, Long> unchecked = new TreeMap<>();
    pt.get("unchecked")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().asLong() > 0) {
                unchecked.put(e.getKey(), e.getValue().asLong());
              }
            });
    Map<String, Long> got = new TreeMap<>();
    report
        .get("unchecked")
        .get("by_reason")
        .properties()
        .forEach(e -> got.put(e.getKey(), e.getValue().asLong()));
    assertThat(got).isEqualTo(unchecked);

    JsonNode trade = report.get("trade");
    assertThat(trade.get("ad_posts").asLong()).isEqualTo(pt.get("ad_posts").asLong());
    assertThat(trade.get("by_category")).isEqualTo(planted.get("ads").get("by_category"));
    List<String> expectedAds = new ArrayList<>();
    planted
        .get("ads")
        .get("posts")
        .forEach(
            a ->
                expectedAds.add(
                    a.get("category").asText()
                        + "@"
                        + a.get("chat_id").asText()
                        + "/"
                        + a.get("message_id").asText()));
    List<String> ads = new ArrayList<>();
    trade
        .get("posts")
        .forEach(
            a ->
                ads.add(
                    a.get("categories").get(0).asText()
                        + "@"
                        + a.get("chat_id").asText()
                        + "/"
                        + a.get("message_id").asText()));
    assertThat(ads).isEqualTo(expectedAds);
    trade
        .get("posts")
        .forEach(a -> assertThat(a.get("detections").get(0).get("phrases")).isNotEmpty());
  }

  @Test
  void scan_sampleExport_factsAreValidCaseFactsTracedToMessages() throws Exception {
    JsonNode facts = report.get("facts");
    org.redress.law.CaseFacts parsed =
        org.redress.lawcn.ChineseLaw.jurisdiction().parseFacts(JSON.writeValueAsString(facts));
    assertThat(parsed).isNotNull();
    assertThat(facts.at("/trade/ad_posts").asLong())
        .isEqualTo(planted.get("totals").get("ad_posts").asLong());
    assertThat(facts.at("/distribution/counts/images").asLong())
        .isEqualTo(report.at("/totals/matched_images").asLong());
    assertThat(facts.at("/distribution/counts/clicks").isMissingNode()).isTrue();
    assertThat(facts.at("/distribution/group/members").isMissingNode()).isTrue();
    Set<String> traced = new HashSet<>();
    for (JsonNode tr : report.get("facts_trace")) {
      traced.add(tr.get("fact").asText());
      assertThat(tr.get("refs")).as(tr.get("fact").asText()).isNotEmpty();
    }
    assertThat(traced)
        .contains(
            "distribution.counts.images",
            "trade.ad_posts",
            "conduct.first_act",
            "conduct.last_act");
    Set<String> notShown = new HashSet<>();
    report.get("facts_not_shown").forEach(n -> notShown.add(n.get("fact").asText()));
    assertThat(notShown).contains("distribution.counts.clicks", "distribution.group.members");
  }

  @Test
  void scan_sampleExport_htmlHasNoImagesAndCsvOneRowPerOccurrence() throws Exception {
    String html = Files.readString(tmp.resolve("r.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .doesNotContainIgnoringCase("<img")
        .doesNotContain("data:image")
        .doesNotContainIgnoringCase("<script")
        .doesNotContain("http://", "https://")
        .contains("<svg", "传播报告", "Spread report");
    long occurrences = report.at("/totals/occurrences").asLong();
    List<String> lines = Files.readAllLines(tmp.resolve("r.csv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize((int) occurrences + 1);
    assertThat(lines.get(0)).startsWith("\uFEFF哈希库(bank),条目(label),");
  }

  @Test
  void scan_thumbnails_htmlShowsOnlyEightByEightMosaics() throws Exception {
    Path out = tmp.resolve("thumbs.html");
    workspace.ok(
        "scan",
        sample.resolve(planted.get("export").asText()).toString(),
        "--bank",
        "victims",
        "--thumbnails",
        "--html",
        out.toString());
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("<img class=\"px\"");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    int n = 0;
    while (m.find()) {
      var img =
          javax.imageio.ImageIO.read(
              new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1))));
      assertThat(img.getWidth()).isEqualTo(8);
      assertThat(img.getHeight()).isEqualTo(8);
      n++;
    }
    assertThat(n).isPositive();
  }

  @Test
  void scan_resumeAfterInterruption_givesTheSameReport() throws Exception {
    Path export = sample.resolve(planted.get("export").asText());
    Path cache =
        workspace
            .dir()
            .resolve("scans")
            .resolve(
                org.redress.casework.WorkspaceLayout.scanId(List.of(export)) + ".hashes.jsonl");
    assertThat(cache).exists();
    List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(planted.get("totals").get("media_files").asInt());
    // An interrupted scan: half the results written, the last line torn.
    List<String> half = new ArrayList<>(lines.subList(0, lines.size() / 2));
    String torn = lines.get(lines.size() / 2);
    Files.writeString(
        cache,
        String.join("\n", half) + "\n" + torn.substring(0, torn.length() / 2),
        StandardCharsets.UTF_8);
    Path again = tmp.resolve("resumed.json");
    CliRun r =
        workspace.ok(
            "scan",
            export.toString(),
            "--bank",
            "victims",
            "--resume",
            "-j",
            "2",
            "--json",
            again.toString());
    assertThat(r.err()).contains("resuming: " + half.size() + " file(s) already hashed");
    assertThat(withoutTime(JSON.readTree(again.toFile()))).isEqualTo(withoutTime(report));
  }

  private static JsonNode withoutTime(JsonNode n) {
    ObjectNode copy = ((ObjectNode) n).deepCopy();
    copy.remove("generated_at");
    return copy;
  }

  @Test
  void scan_unknownBank_isUsageError() {
    CliRun r = workspace.run("scan", sample.toString(), "--bank", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope");
  }

  @Test
  void scan_missingPath_oneLineErrorExit1() {
    CliRun r = workspace.run("scan", tmp.resolve("absent").toString(), "--bank", "victims");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).contains("absent").doesNotContain("Exception").hasLineCount(1);
  }

  private static String sha256(Path p) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  @Test
  void scan_preserve_sealsEveryMatchedPostAndTheReportInOneVerifiablePackage() {
    CliRun r =
        workspace.ok(
            "scan",
            sample.resolve(planted.get("export").asText()).toString(),
            "--bank",
            "victims",
            "--json",
            tmp.resolve("p.json").toString(),
            "--preserve",
            "--case",
            "spread");
    long posts = report.get("totals").get("posts_with_matches").asLong();
    assertThat(r.out()).contains("preserved " + posts + " matched file(s) and the report");
    CliRun list = workspace.ok("evidence", "list", "--case", "spread");
    assertThat(list.out()).contains("application/json");
    Path pkg = tmp.resolve("spread.zip");
    workspace.ok("evidence", "export", "--case", "spread", pkg.toString());
    CliRun verify = CliRun.of("evidence", "verify", pkg.toString());
    assertThat(verify.exit()).as(verify.out()).isZero();
    CliRun show = workspace.run("evidence", "show", "1");
    assertThat(show.out()).contains("telegram");
  }

  @Test
  void scan_preserveWithoutCase_isAUsageError() {
    CliRun r = workspace.run("scan", sample.toString(), "--bank", "victims", "--preserve");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--preserve and --case go together");
  }
}
