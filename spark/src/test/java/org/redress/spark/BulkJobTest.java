package org.redress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.Main;
import org.redress.screenshots.SyntheticScreenshots;

/**
 * The job in local mode on a generated Telegram export (innocuous pictures and a video, with
 * edited, mirrored and re-encoded copies of the "victim" originals planted in it), a ZIP archive
 * and a corrupt file, checked line by line against {@code redress match --json --dihedral} on the
 * same files. One Spark session for the whole class: Spark starts slowly.
 */
class BulkJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static SparkSession spark;
  static Path ws;
  static Path export;
  static Path zip;
  static Path corrupt;

  /** What redress match --json --dihedral printed, by path. */
  static Map<String, JsonNode> expected;

  /** The first run's results and summary. */
  static Map<String, JsonNode> first;

  static JsonNode firstSummary;
  static Path out;

  @BeforeAll
  static void setUp() throws IOException {
    export = dir.resolve("export");
    cli("sample", "telegram-export", export.toString(), "--messages", "60");
    ws = dir.resolve("ws");
    cli("bank", "create", "victim", "--workspace", ws.toString());
    cli(
        "bank",
        "add",
        "victim",
        export.resolve("victim-originals").toString(),
        "--workspace",
        ws.toString());
    Path inputs = export.resolve("DataExport_2026-03-01");
    List<Path> media;
    try (Stream<Path> s = Files.walk(inputs)) {
      media = s.filter(p -> Hashing.isMedia(p.getFileName().toString())).sorted().toList();
    }
    // A ZIP archive holding the first three media files of the export.
    zip = dir.resolve("more").resolve("archive.zip");
    Files.createDirectories(zip.getParent());
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Path p : media.subList(0, 3)) {
        z.putNextEntry(new ZipEntry("in/" + p.getFileName()));
        Files.copy(p, z);
        z.closeEntry();
      }
    }
    corrupt = dir.resolve("more").resolve("broken.jpg");
    Files.write(corrupt, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    String matched =
        cli(
            "match",
            "--bank",
            "victim",
            "--json",
            "--dihedral",
            "--workspace",
            ws.toString(),
            inputs.toString(),
            corrupt.toString());
    expected = byPath(matched.lines().toList());
    // The archive's entries are the same bytes as these files: the same matches are expected.
    for (Path p : media.subList(0, 3)) {
      ObjectNode o = expected.get(p.toString()).deepCopy();
      String entry = zip + "!/in/" + p.getFileName();
      o.put("path", entry);
      expected.put(entry, o);
    }
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("BulkJobTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    out = dir.resolve("out");
    first =
        bulk(
            out,
            "--workspace",
            ws.toString(),
            "--bank",
            "victim",
            "--dihedral",
            inputs.toString(),
            zip.toString(),
            corrupt.toString());
    firstSummary = JSON.readTree(out.resolve(BulkRun.SUMMARY).toFile());
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void bulk_sampleExport_everyFileAsMatchJsonPrintsIt() {
    assertThat(first.keySet()).isEqualTo(expected.keySet());
    for (String path : expected.keySet()) {
      assertThat(first.get(path)).as(path).isEqualTo(expected.get(path));
    }
  }

  @Test
  void bulk_sampleExport_findsThePlantedCopiesWithTheirTransformsAndTheVideo() {
    List<String> signals = new ArrayList<>();
    List<String> transforms = new ArrayList<>();
    for (JsonNode r : first.values()) {
      for (JsonNode m : r.path("matches")) {
        signals.add(m.path("signal").asText());
        transforms.add(m.path("transform").asText());
        assertThat(m.path("bank").asText()).isEqualTo("victim");
      }
    }
    assertThat(signals).contains("pdq", "vpdq");
    assertThat(transforms).contains("orig").anyMatch(t -> !t.equals("orig"));
    long matchedFiles = first.values().stream().filter(r -> r.path("matches").size() > 0).count();
    long expectedFiles =
        expected.values().stream().filter(r -> r.path("matches").size() > 0).count();
    assertThat(matchedFiles).isEqualTo(expectedFiles).isGreaterThan(20);
  }

  @Test
  void bulk_corruptFile_isAResultRowWithTheReason() {
    JsonNode r = first.get(corrupt.toString());
    assertThat(r.path("error").asText())
        .isNotBlank()
        .isEqualTo(expected.get(corrupt.toString()).path("error").asText());
    assertThat(firstSummary.path("not_hashed").asLong()).isEqualTo(1);
  }

  @Test
  void bulk_rerun_hashesOnlyWhatChangedAndFailuresAgain() throws IOException {
    Path again = dir.resolve("again");
    List<String> base =
        List.of(
            "--workspace",
            ws.toString(),
            "--bank",
            "victim",
            "--dihedral",
            "--cache",
            out.resolve(BulkRun.CACHE).toString());
    Path inputs = export.resolve("DataExport_2026-03-01");
    Path touched;
    try (Stream<Path> s = Files.walk(inputs)) {
      touched = s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(
        touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 60_000));
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(inputs.toString(), zip.toString(), corrupt.toString()));
    Map<String, JsonNode> second = bulk(again, args.toArray(new String[0]));
    JsonNode summary = JSON.readTree(again.resolve(BulkRun.SUMMARY).toFile());
    // The touched file and the corrupt one (failures are tried again); nothing else.
    assertThat(summary.path("hashed_now").asLong()).isEqualTo(2);
    assertThat(summary.path("from_cache").asLong())
        .isEqualTo(firstSummary.path("listed").asLong() - 2);
    assertThat(second).isEqualTo(first);
    // Two results written by the hashing tasks, the others by Spark from the cache: one table.
    assertThat(parquetByPath(again)).isEqualTo(parquetByPath(out));
  }

  @Test
  void bulk_parquetResults_readBackInSparkAsTheJsonLinesSay() {
    Map<String, Row> rows = parquetByPath(out);
    assertThat(rows.keySet()).isEqualTo(first.keySet());
    for (Map.Entry<String, Row> e : rows.entrySet()) {
      JsonNode line = first.get(e.getKey());
      Row r = e.getValue();
      assertThat((String) r.getAs("error"))
          .as(e.getKey())
          .isEqualTo(line.path("error").textValue());
      List<Row> ms = r.getList(r.fieldIndex("matches"));
      assertThat(ms).hasSize(line.path("matches").size());
      for (int i = 0; i < ms.size(); i++) {
        JsonNode m = line.path("matches").get(i);
        assertThat((long) ms.get(i).getAs("item")).isEqualTo(m.path("item").asLong());
        assertThat((int) ms.get(i).getAs("distance")).isEqualTo(m.path("distance").asInt());
        assertThat((String) ms.get(i).getAs("transform"))
            .isEqualTo(m.path("transform").textValue());
      }
    }
    // The tasks' own Parquet files have the columns Spark gives the beans.
    StructType bean = Encoders.bean(ResultRow.class).schema();
    StructType noJson =
        new StructType(
            java.util.Arrays.stream(bean.fields())
                .filter(f -> !f.name().equals("json"))
                .toArray(StructField[]::new));
    assertThat(
            spark
                .read()
                .parquet(out.resolve(BulkRun.RESULTS_PARQUET).toString())
                .schema()
                .simpleString())
        .isEqualTo(noJson.simpleString());
    assertThat(spark.read().parquet(out.resolve(BulkRun.CACHE).toString()).schema().simpleString())
        .isEqualTo(Encoders.bean(HashRow.class).schema().simpleString());
  }

  @Test
  void bulk_screenshotShowingABankPicture_findsTheRegionMatchFindsAndNoneWithNoScreenshots()
      throws IOException {
    Path original;
    try (Stream<Path> s = Files.list(export.resolve("victim-originals"))) {
      original = s.filter(p -> Hashing.isMedia(p.toString())).sorted().findFirst().orElseThrow();
    }
    BufferedImage picture = ImageIO.read(original.toFile());
    SyntheticScreenshots.Shot shot =
        SyntheticScreenshots.withSystemFont()
            .render(picture, SyntheticScreenshots.Layout.PHONE_CHANNEL_EN, 5);
    Path shots = Files.createDirectories(dir.resolve("shots"));
    ImageIO.write(shot.image(), "jpg", shots.resolve("from-a-friend.jpg").toFile());
    Map<String, JsonNode> matched =
        byPath(
            cli(
                    "match",
                    "--bank",
                    "victim",
                    "--json",
                    "--workspace",
                    ws.toString(),
                    shots.toString())
                .lines()
                .toList());
    assertThat(matched.keySet()).anyMatch(p -> p.contains("#region="));

    Map<String, JsonNode> bulk =
        bulk(
            dir.resolve("shots-out"), "--workspace", ws.toString(), "--bank", "victim", "" + shots);
    Map<String, JsonNode> without =
        bulk(
            dir.resolve("shots-off"),
            "--workspace",
            ws.toString(),
            "--bank",
            "victim",
            "--no-screenshots",
            shots.toString());

    assertThat(bulk).isEqualTo(matched);
    JsonNode region =
        bulk.entrySet().stream()
            .filter(e -> e.getKey().contains("#region="))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(region.path("matches").get(0).path("bank").asText()).isEqualTo("victim");
    assertThat(without.keySet()).containsExactly(shots.resolve("from-a-friend.jpg").toString());
  }

  /** The rows of a run's {@code results.parquet}, by path. */
  private static Map<String, Row> parquetByPath(Path outDir) {
    Map<String, Row> m = new TreeMap<>();
    for (Row r :
        spark.read().parquet(outDir.resolve(BulkRun.RESULTS_PARQUET).toString()).collectAsList()) {
      m.put(r.getAs("path"), r);
    }
    return m;
  }

  @Test
  void bulk_bankExportedAsJsonLines_sameItemsAsTheWorkspace() throws IOException {
    Path file = dir.resolve("victim.jsonl");
    cli(
        "bank",
        "export",
        "victim",
        "--format",
        "jsonl",
        "--output",
        file.toString(),
        "--workspace",
        ws.toString());
    Map<String, JsonNode> fromFile =
        bulk(
            dir.resolve("from-file"),
            "--bank-file",
            file.toString(),
            "--dihedral",
            "--cache",
            out.resolve(BulkRun.CACHE).toString(),
            export.resolve("DataExport_2026-03-01").toString(),
            zip.toString(),
            corrupt.toString());
    assertThat(fromFile).isEqualTo(first);
  }

  @Test
  void bulk_withoutDihedral_reusesTheCacheAndMatchesAsMatchWithoutDihedral() throws IOException {
    Path inputs = export.resolve("DataExport_2026-03-01");
    Map<String, JsonNode> plain =
        byPath(
            cli(
                    "match",
                    "--bank",
                    "victim",
                    "--json",
                    "--workspace",
                    ws.toString(),
                    inputs.toString())
                .lines()
                .toList());
    Path o = dir.resolve("plain");
    Map<String, JsonNode> r =
        bulk(
            o,
            "--workspace",
            ws.toString(),
            "--bank",
            "victim",
            "--cache",
            out.resolve(BulkRun.CACHE).toString(),
            inputs.toString());
    assertThat(r).isEqualTo(plain);
    assertThat(r.toString()).doesNotContain("transform");
    assertThat(JSON.readTree(o.resolve(BulkRun.SUMMARY).toFile()).path("hashed_now").asLong())
        .isZero();
  }

  @Test
  void bulk_missingInput_isAResultRowAndNoInputAtAllIsBadData() throws IOException {
    Path missing = dir.resolve("nowhere");
    StringWriter err = new StringWriter();
    int code =
        BulkJob.run(
            new String[] {
              "--workspace",
              ws.toString(),
              "--out",
              dir.resolve("none").toString(),
              missing.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(BulkJob.DATA);
    assertThat(err.toString())
        .contains("nowhere: no such file or directory")
        .contains("no input could be listed");
    Map<String, JsonNode> r =
        bulk(
            dir.resolve("partly"),
            "--workspace",
            ws.toString(),
            "--cache",
            out.resolve(BulkRun.CACHE).toString(),
            corrupt.toString(),
            missing.toString());
    assertThat(r.get(missing.toString()).path("error").asText())
        .isEqualTo("no such file or directory");
  }

  @Test
  void bulk_usage_bothBankSourcesIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        BulkJob.run(
            new String[] {
              "--workspace",
              ws.toString(),
              "--bank-file",
              "x.hma",
              "--out",
              dir.resolve("u").toString(),
              "in"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(BulkJob.USAGE);
    assertThat(err.toString()).contains("not both");
  }

  private static Map<String, JsonNode> bulk(Path outDir, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--master", "local[2]", "--out", outDir.toString()));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int code =
        BulkJob.run(
            all.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(outDir.resolve(BulkRun.RESULTS_JSONL))) {
      for (Path p :
          parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return byPath(lines);
  }

  private static Map<String, JsonNode> byPath(List<String> lines) throws IOException {
    Map<String, JsonNode> m = new TreeMap<>();
    for (String l : lines) {
      if (!l.isBlank()) {
        JsonNode n = JSON.readTree(l);
        m.put(n.path("path").asText(), n);
      }
    }
    return m;
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(String.join(" ", args) + ": " + err).isIn(0, 1);
    return out.toString();
  }
}
