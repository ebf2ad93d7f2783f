package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.capture.SamplePreview;
import org.redress.capture.SamplePreviewServer;

/**
 * Issue 13 point 8, part B: under {@code --lang zh} (or {@code REDRESS_LANG=zh}) the commands scan,
 * match, hash, bulk, capture, dossier, doc, sample and hasher print no English word for a person
 * (summaries, warnings, errors), on generated innocuous inputs, with the same exit codes as in
 * English. Machine output (hash lines, match lines, JSON) is left out of the check; paths, file
 * names and hashes are names, not words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChineseOutputBTest {
  /** Paths and file names (anything with a slash, or a name with an extension), and hex hashes. */
  private static final Pattern NAMES =
      Pattern.compile(
          "\\S*/\\S*|[\\w.-]+\\.(?:jpg|png|json|html|csv|zip|txt|yaml)\\b|[0-9a-f]{16,}");

  @TempDir static Path tmp;
  private Path ws;
  private Path export;
  private Path originals;
  private Path copies;

  @BeforeAll
  void setUp() throws Exception {
    ws = tmp.resolve("ws");
    export = tmp.resolve("export");
    CliRun made = zh("sample", "telegram-export", export.toString(), "--messages", "80");
    assertThat(made.exit()).as(made.err()).isZero();
    assertChinese(made.out() + made.err());
    originals = export.resolve(SampleExport.VICTIM_DIR);
    new CliWorkspace(ws).ok("bank", "create", "k1");
    new CliWorkspace(ws).ok("bank", "add", "k1", originals.toString());
    copies = Files.createDirectories(tmp.resolve("copies"));
    try (var s = Files.list(originals)) {
      Path first = s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
      Files.copy(first, copies.resolve("a1.jpg"));
    }
    Files.write(
        copies.resolve("u1.jpg"), SampleImages.jpeg(SampleImages.poster(400, 300, 7), 0.9f));
    Files.write(copies.resolve("e1.jpg"), new byte[0]);
    Files.writeString(copies.resolve("n1.txt"), "x");
  }

  private static CliRun zh(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--lang";
    all[1] = "zh";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  private String[] inWs(String... args) {
    return new CliWorkspace(ws).args(args);
  }

  /** English words a person would read in {@code text}, names and hashes left out. */
  static List<String> englishIn(String text) {
    List<String> words = new ArrayList<>();
    for (String line : text.split("\n")) {
      words.addAll(MsgBundlesTest.english(NAMES.matcher(line).replaceAll(" ")));
    }
    return words;
  }

  private static void assertChinese(String text) {
    assertThat(englishIn(text)).as(text).isEmpty();
  }

  @Test
  void hash_zh_errorsAndSkipsInChinese_hashLinesUnchanged() {
    CliRun r = zh("hash", copies.toString(), tmp.resolve("absent.jpg").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(r.out()).containsPattern("(?m)^[0-9a-f]{64} \\d+ .*a1\\.jpg$");
    assertThat(r.err()).contains("空文件", "文件或文件夹不存在", "不是媒体文件");
    assertChinese(r.err());
    CliRun bad = zh("hash", "--threads", "0", copies.toString());
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertChinese(bad.out() + bad.err());
  }

  @Test
  void match_zh_failuresInChinese_matchLinesUnchanged() {
    CliRun r = zh(inWs("match", "--bank", "k1", copies.toString()));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("a1.jpg\tk1\t");
    assertThat(r.err()).contains("空文件");
    assertChinese(r.err());
    CliRun none = zh(inWs("match", "--bank", "k1"));
    assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
    assertChinese(none.out() + none.err());
  }

  @Test
  void scan_zh_summaryAndSourceProblemsInChinese_exitCodesAsInEnglish() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path json = tmp.resolve("r.json");
    String[] scan =
        inWs(
            "scan",
            export.toString(),
            empty.toString(),
            "--bank",
            "k1",
            "--json",
            json.toString(),
            "--case",
            "c1");
    CliRun r = zh(scan);
    assertThat(r.exit()).as(r.err()).isEqualTo(CliRun.of(scan).exit());
    assertThat(r.out()).contains("已检查", "JSON 报告", "已保存到案件");
    assertThat(r.err()).contains("没有可检查的内容");
    assertChinese(r.out() + r.err());
    assertThat(Files.readString(json)).startsWith("{");
    CliRun absent = zh(inWs("scan", tmp.resolve("absent").toString(), "--bank", "k1"));
    assertThat(absent.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(absent.err()).contains("文件或文件夹不存在");
    assertChinese(absent.err());
    CliRun usage = zh(inWs("scan", export.toString(), "--preserve", "--bank", "k1"));
    assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
    assertChinese(usage.err());
  }

  @Test
  void scan_redressLangZh_speaksChineseToo() {
    CliRun r =
        CliRun.withLang(
            "zh", inWs("scan", export.toString(), "--bank", "k1", "--json", tmp + "/e.json"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("已检查");
    assertChinese(r.out() + r.err());
  }

  @Test
  void capture_zh_linesInChinese() throws Exception {
    Map<String, byte[]> media = new HashMap<>();
    for (int i = 1; i <= 2; i++) {
      media.put("/media/" + i + ".jpg", SampleImages.jpeg(SampleImages.scene(320, 240, i), 0.85f));
    }
    try (SamplePreviewServer site =
        SamplePreviewServer.start(
            "hillwalks", "Hill Walks", "12.3K", SamplePreview.defaultPosts(), media)) {
      CliRun r =
          zh(
              inWs(
                  "capture",
                  site.uri("/s/hillwalks").toString(),
                  "--case",
                  "C2",
                  "--bank",
                  "k1",
                  "--json",
                  tmp.resolve("cap.json").toString(),
                  "--delay",
                  "0",
                  "--no-screenshot",
                  "--out",
                  tmp.resolve("captures").toString()));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("已抓取", "已在案件");
      assertChinese(r.out().replace(site.uri("/s/hillwalks").toString(), " ") + r.err());
    }
    CliRun bad = zh(inWs("capture", "ftp://127.0.0.1/x", "--case", "C2", "--no-screenshot"));
    assertThat(bad.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(bad.err()).contains("不是 HTTP 或 HTTPS 网址");
    assertChinese(bad.err().replace("ftp://127.0.0.1/x", " "));
  }

  @Test
  void dossier_doc_bulk_hasher_sample_zh_errorsInChinese() throws Exception {
    List<CliRun> usage =
        List.of(
            zh("dossier"),
            zh(inWs("dossier", "index", "--min-cases", "0")),
            zh(inWs("doc", "police-report", "--out", tmp.resolve("d").toString())),
            zh(inWs("bulk")),
            zh(inWs("bulk", "--out", tmp.resolve("b").toString(), "x", "--master", "k8")),
            zh("hasher", tmp.toString()),
            zh("sample", "telegram-export", export.toString()));
    for (CliRun r : usage) {
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).startsWith("redress");
      assertChinese(r.out() + r.err());
    }
    CliRun noBulk = zh(inWs("bulk", "import", tmp.toString(), "--case", "c3"));
    assertThat(noBulk.exit()).isEqualTo(ExitCodes.DATA);
    assertChinese(noBulk.err());
    CliRun page = zh("hasher", tmp.resolve("hasher.html").toString());
    assertThat(page.exit()).isZero();
    assertThat(page.out()).contains("已写入");
    assertChinese(page.out() + page.err());
    CliRun list = zh("doc", "list");
    assertThat(list.exit()).isZero();
    // the first column is the kind's name as typed on the command line
    assertChinese(list.out().replaceAll("(?m)^\\S+", " "));
  }

  @Test
  void englishWordCheck_failsOnTheEnglishOutput() {
    CliRun en = CliRun.of("--lang", "en", "hash", copies.resolve("e1.jpg").toString());
    assertThat(en.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(englishIn(en.err())).contains("empty", "file");
    assertThat(englishIn("redress：警告：no banks to match against")).isNotEmpty();
    assertThat(englishIn("redress：" + tmp + "/a-b.jpg：空文件 ab12cd34ef56ab78cd90")).isEmpty();
  }
}
