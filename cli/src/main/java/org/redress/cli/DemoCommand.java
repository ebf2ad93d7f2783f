package org.redress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code redress demo}: the main job, end to end, on generated and innocuous sample data. Every
 * step runs a real {@code redress} command in this process against the demo workspace, so the demo
 * shows exactly what a case worker would type.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job end to end on generated, innocuous sample data:",
      "a synthetic Telegram export, a victim's hash bank, matching, and the outputs,",
      "all under <workspace>/demo (the demo workspace is <workspace>/demo/workspace)."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String BANK = "demo-victim";
  static final String CASE = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  private PrintWriter out;
  private Path ws;

  @Override
  public Integer call() throws IOException, ReportException {
    out = spec.commandLine().getOut();
    Path demo = workspace.dir().resolve("demo");
    if (Files.exists(demo)) {
      deleteTree(demo);
    }
    Files.createDirectories(demo);
    ws = demo.resolve("workspace");
    Path export = demo.resolve("export");
    Path copies = demo.resolve("copies");
    out.println(say("intro"));
    out.println(say("output", demo));
    out.println();

    step(1, "step1");
    String made = run("sample", "telegram-export", export.toString());
    out.println(indent(firstLines(made, 3)));
    Path originals = export.resolve("victim-originals");

    step(2, "step2");
    run("bank", "create", BANK, "--workspace", ws.toString());
    String added = run("bank", "add", BANK, originals.toString(), "--workspace", ws.toString());
    out.println("   " + say("bank.added", bankAdded(added)));

    step(3, "step3");
    Map<Path, String> made3 = writeCopies(originals, copies);
    String json =
        runAllowing(
            1, "match", "--bank", BANK, "--json", "--workspace", ws.toString(), copies.toString());
    int recognised = printMatches(json, made3);
    out.println(
        say(
            "recognised",
            recognised,
            made3.size() - 1,
            say(matchedUnrelated(json) ? "unrelated.wrong" : "unrelated.right")));

    step(4, "step4");
    Path reports = demo.resolve("report");
    Files.createDirectories(reports);
    Path reportJson = reports.resolve("spread-report.json");
    Path reportHtml = reports.resolve("spread-report.html");
    String scanned =
        run(
            "scan",
            export.resolve(exportFolder(export)).toString(),
            "--bank",
            BANK,
            "--workspace",
            ws.toString(),
            "--json",
            reportJson.toString(),
            "--html",
            reportHtml.toString(),
            "--csv",
            reports.resolve("occurrences.csv").toString(),
            "--preserve",
            "--case",
            CASE,
            "--passphrase-file",
            demoPassphrase().toString());
    out.println("   " + scanned.lines().findFirst().orElse(""));
    SpreadReport report = ReportJson.read(reportJson);
    JsonNode planted = JSON.readTree(export.resolve("planted.json").toFile());
    out.println(
        say(
            "planted",
            planted.path("totals").path("victim_copies").asLong(),
            planted.path("totals").path("victim_copies_pdq_findable").asLong(),
            report.totals().postsWithMatches()));
    String preservedStart = Msg.pattern("scan", "preserved", Msg.zh()).split("%", 2)[0];
    out.println(
        "   "
            + scanned
                .lines()
                .filter(l -> l.startsWith(preservedStart))
                .findFirst()
                .orElse(say("nothing.preserved")));

    step(5, "step5");
    Path shotReport = screenshotStep(demo, originals);

    step(6, "step6");
    Path pageReport = captureStep(demo, originals);

    step(7, "step7");
    Path pkg = demo.resolve("evidence-package.zip");
    run(
        "evidence",
        "export",
        "--case",
        CASE,
        "--workspace",
        ws.toString(),
        "--passphrase-file",
        demoPassphrase().toString(),
        pkg.toString());
    String verdict = run("evidence", "verify", pkg.toString());
    // run() ends the demo unless the package verified; the verdict line is verify's own words.
    out.println("   " + say("verified", pkg, Msg.zh() ? say("verified.ok") : lastLine(verdict)));

    step(8, "step8");
    Path intake = copyResource("intake.yaml", demo.resolve("intake.yaml"));
    Path parties = copyResource("parties.yaml", demo.resolve("parties.yaml"));
    LocalDate today = Today.date();
    Path factsFile = demo.resolve("facts.json");
    // The export's report, and the counts read from the screenshot and the captured page: the
    // merge keeps the largest read count with where it was read, and the assessment says so.
    run(
        "facts",
        "merge",
        intake.toString(),
        reportJson.toString(),
        shotReport.toString(),
        pageReport.toString(),
        "--out",
        factsFile.toString());
    out.println(say("merged"));
    JsonNode provenance = JSON.readTree(factsFile.toFile()).path("facts_provenance");
    for (String key : List.of("distribution.counts.clicks", "distribution.group.members")) {
      JsonNode p = provenance.path(key);
      JsonNode value = JSON.readTree(factsFile.toFile()).at("/" + key.replace('.', '/'));
      out.println(
          say(
              "fact",
              say("label." + key),
              value.isMissingNode() ? say("fact.none") : value.asText(),
              p.isMissingNode()
                  ? ""
                  : say(
                      "fact.read",
                      say(
                          "screenshot".equals(p.path("read_from").asText())
                              ? "from.screenshot"
                              : "from.page"),
                      p.path("source").asText())));
    }
    // The case keeps them, sealed with its key (the workspace's pages read them there).
    for (String[] rec :
        List.of(
            new String[] {"set", factsFile.toString()},
            new String[] {"parties", parties.toString()})) {
      run(
          "facts",
          rec[0],
          CASE,
          rec[1],
          "--workspace",
          ws.toString(),
          "--passphrase-file",
          demoPassphrase().toString());
    }
    Path findings = demo.resolve("findings.json");
    Files.writeString(
        findings, run("assess", factsFile.toString(), "--json"), StandardCharsets.UTF_8);
    String planZh = run("assess", factsFile.toString(), "--lang", "zh");
    String planEn = run("assess", factsFile.toString(), "--lang", "en");
    Files.writeString(demo.resolve("plan.zh.txt"), planZh, StandardCharsets.UTF_8);
    Files.writeString(demo.resolve("plan.en.txt"), planEn, StandardCharsets.UTF_8);
    out.println(indent(summary(Msg.zh() ? planZh : planEn)));
    // what the assessment says of the read values (its unconfirmed grounds)
    java.util.regex.Matcher read =
        java.util.regex.Pattern.compile(
                "\"(([^\"]*) = ([^\"]*) was read from a (screenshot|web page)[^\"]*)\"")
            .matcher(Files.readString(findings, StandardCharsets.UTF_8));
    java.util.Set<String> unconfirmed = new java.util.LinkedHashSet<>();
    while (read.find()) {
      unconfirmed.add(
          Msg.zh()
              ? say(
                  "unconfirmed.read",
                  label(read.group(2)),
                  read.group(3),
                  say(read.group(4).equals("screenshot") ? "from.screenshot" : "from.page"))
              : read.group(1));
    }
    unconfirmed.forEach(u -> out.println(say("unconfirmed", u)));
    out.println(say("full.plan", demo.resolve("plan.en.txt"), demo.resolve("plan.zh.txt")));

    step(9, "step9");
    Path documents = demo.resolve("documents");
    String written =
        run(
            "doc",
            "all",
            "--facts",
            factsFile.toString(),
            "--findings",
            findings.toString(),
            "--report",
            reportJson.toString(),
            "--evidence-manifest",
            pkg.toString(),
            "--parties",
            parties.toString(),
            "--date",
            today.toString(),
            "--out",
            documents.toString());
    int files = (int) written.lines().filter(l -> !l.isBlank()).count();
    out.println(say("documents", files, documents));

    out.println();
    out.println(say("done"));
    out.println(say("open.report", reportHtml));
    out.println(say("open.documents", documents));
    out.println(say("open.package", pkg));
    out.println(say("fictional", parties));
    out.println(say("serve", workspace.dir()));
    return ExitCodes.OK;
  }

  /** The first of her originals, decoded. */
  private static BufferedImage firstOriginal(Path originals) throws IOException {
    try (Stream<Path> s = Files.list(originals)) {
      for (Path p : s.sorted().toList()) {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img != null) {
          return img;
        }
      }
    }
    throw new IOException("no picture in " + originals);
  }

  /**
   * Step 5: one generated phone screenshot of a channel showing one of her pictures, scanned with
   * {@code redress scan} (region finding, then OCR of the counters) and sealed; prints the region
   * matched and the counts read.
   */
  private Path screenshotStep(Path demo, Path originals) throws IOException, ReportException {
    Path shots = Files.createDirectories(demo.resolve("screenshots"));
    org.redress.screenshots.SyntheticScreenshots.Shot shot =
        org.redress.screenshots.SyntheticScreenshots.withSystemFont()
            .render(
                firstOriginal(originals),
                org.redress.screenshots.SyntheticScreenshots.Layout.PHONE_CHANNEL_ZH,
                16);
    Path file = shots.resolve("from-a-friend.jpg");
    Files.write(file, SampleImages.jpeg(shot.image(), 0.85f));
    Path json = demo.resolve("report").resolve("screenshot-report.json");
    run(
        "scan",
        shots.toString(),
        "--bank",
        BANK,
        "--workspace",
        ws.toString(),
        "--json",
        json.toString(),
        "--preserve",
        "--case",
        CASE,
        "--passphrase-file",
        demoPassphrase().toString());
    SpreadReport r = ReportJson.read(json);
    String region =
        r.items().stream()
            .flatMap(i -> i.occurrences().stream())
            .map(SpreadReport.Occurrence::region)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    out.println(
        "   "
            + file
            + Msg.get("files", "sep")
            + (region == null ? say("shot.not.found") : say("shot.found", region, shot.picture())));
    for (SpreadReport.ReadSource rs : r.readFacts()) {
      if (rs.problem() != null) {
        out.println(say("ocr.problem", Reasons.say(rs.problem(), "demo", "ocr.general")));
      }
      for (SpreadReport.Reading x : rs.readings()) {
        if (x.field().equals("views") || x.field().equals("members")) {
          out.println(
              say(
                  "read",
                  say("field." + x.field()),
                  x.value(),
                  Console.inert(x.text()),
                  x.confidence(),
                  rs.labelZh()));
        }
      }
    }
    out.println(say("shot.shows", shot.members(), shot.views()));
    return json;
  }

  /**
   * Step 6: a generated channel preview ({@code t.me/s/NAME} markup) served by a loopback server
   * the demo starts and stops; {@code redress capture} writes the WARC, seals it, parses the
   * counters and matches the media. No Chromium screenshot, to keep the demo fast.
   */
  private Path captureStep(Path demo, Path originals) throws IOException, ReportException {
    Map<String, byte[]> media = new LinkedHashMap<>();
    media.put("/media/1.jpg", SampleImages.jpeg(SampleImages.scene(640, 480, 301), 0.85f));
    media.put("/media/2.jpg", SampleImages.jpeg(firstOriginal(originals), 0.85f));
    media.put("/media/3.jpg", SampleImages.jpeg(SampleImages.poster(640, 480, 303), 0.85f));
    Path json = demo.resolve("report").resolve("capture-report.json");
    String captured;
    try (org.redress.capture.SamplePreviewServer site =
        org.redress.capture.SamplePreviewServer.start(
            "hillwalks",
            "Hill Walks",
            "12.3K",
            org.redress.capture.SamplePreview.defaultPosts(),
            media)) {
      captured =
          run(
              "capture",
              site.uri("/s/hillwalks").toString(),
              "--case",
              CASE,
              "--workspace",
              ws.toString(),
              "--bank",
              BANK,
              "--json",
              json.toString(),
              "--delay",
              "0",
              "--no-screenshot",
              "--out",
              demo.resolve("captures").toString(),
              "--passphrase-file",
              demoPassphrase().toString());
    }
    captured.lines().limit(2).forEach(l -> out.println("   " + l));
    SpreadReport r = ReportJson.read(json);
    out.println(
        say("page.facts", r.facts().members(), r.facts().clicks(), r.totals().postsWithMatches()));
    return json;
  }

  private static String exportFolder(Path export) throws IOException {
    try (Stream<Path> s = Files.list(export)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("DataExport_") || n.startsWith("ChatExport_"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("the sample export has no export folder"));
    }
  }

  private static Path copyResource(String name, Path to) throws IOException {
    try (java.io.InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo resource " + name);
      }
      Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return to;
  }

  private void step(int n, String title) {
    out.println(say("step", n, say(title)));
    out.flush();
  }

  /** Runs a redress command in-process; its output is returned, an error ends the demo. */
  /**
   * The demo workspace's evidence passphrase (evidence is passphrase-protected by default): a
   * random one, written 0600 beside the workspace so the demo runs without a terminal.
   */
  private Path demoPassphrase() throws IOException {
    Path p = ws.resolveSibling("demo-passphrase.txt");
    if (!Files.exists(p)) {
      byte[] r = new byte[18];
      new java.security.SecureRandom().nextBytes(r);
      Files.createDirectories(p.getParent());
      Files.createFile(
          p,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          p,
          java.util.Base64.getUrlEncoder().encodeToString(r) + "\n",
          java.nio.charset.StandardCharsets.UTF_8);
    }
    return p;
  }

  private String run(String... args) {
    return runAllowing(0, args);
  }

  private String runAllowing(int alsoOk, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    // Each step speaks the demo's language (a step's own --lang, as assess has, is its own).
    String[] withLang = new String[args.length + 2];
    withLang[0] = "--lang";
    withLang[1] = Msg.zh() ? "zh" : "en";
    System.arraycopy(args, 0, withLang, 2, args.length);
    int code = Main.run(withLang, new PrintWriter(o), new PrintWriter(e));
    if (code != 0 && code != alsoOk) {
      throw new ExitCodes.DataException(
          say("step.failed", String.join(" ", args), e.toString().trim()));
    }
    return o.toString();
  }

  /** Edited copies of each original as a chat app or a re-uploader makes them, plus one decoy. */
  private static Map<Path, String> writeCopies(Path originals, Path copies) throws IOException {
    Files.createDirectories(copies);
    Map<Path, String> made = new LinkedHashMap<>();
    List<Path> pics;
    try (Stream<Path> s = Files.list(originals)) {
      pics = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    for (Path p : pics) {
      BufferedImage img = ImageIO.read(p.toFile());
      String base = p.getFileName().toString().replace(".jpg", "");
      String orig = p.getFileName().toString();
      made.put(
          write(
              copies.resolve(base + "-resized-for-chat.jpg"),
              SampleImages.jpeg(SampleImages.scaled(img, 0.5), 0.8f)),
          orig);
      made.put(
          write(copies.resolve(base + "-recompressed.jpg"), SampleImages.jpeg(img, 0.35f)), orig);
      made.put(
          write(copies.resolve(base + "-grey.png"), SampleImages.png(SampleImages.grey(img))),
          orig);
      made.put(
          write(
              copies.resolve(base + "-trimmed-edges.jpg"),
              SampleImages.jpeg(SampleImages.cropped(img, 0.01), 0.85f)),
          orig);
      made.put(
          write(
              copies.resolve(base + "-sideways-exif.jpg"),
              SampleImages.withExifOrientation(
                  SampleImages.jpeg(SampleImages.rotatedClockwise(img), 0.9f), 8)),
          orig);
    }
    made.put(
        write(
            copies.resolve("unrelated-picture.jpg"),
            SampleImages.jpeg(SampleImages.poster(1200, 900, 99), 0.9f)),
        null);
    return made;
  }

  private int printMatches(String json, Map<Path, String> made) throws IOException {
    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    for (String line : json.split("\n")) {
      if (!line.isBlank()) {
        JsonNode n = new ObjectMapper().readTree(line);
        byPath.put(n.path("path").asText(), n);
      }
    }
    int recognised = 0;
    out.println(row(say("col.copy"), say("col.item"), say("col.distance")));
    for (Map.Entry<Path, String> e : made.entrySet()) {
      JsonNode n = byPath.get(e.getKey().toString());
      JsonNode best = null;
      if (n != null) {
        for (JsonNode m : n.path("matches")) {
          if ("pdq".equals(m.path("signal").asText())
              && (best == null || m.path("distance").asInt() < best.path("distance").asInt())) {
            best = m;
          }
        }
      }
      String label = best == null ? "-" : best.path("label").asText();
      String dist = best == null ? say("no.match") : String.valueOf(best.path("distance").asInt());
      if (best != null && label.equals(e.getValue())) {
        recognised++;
      }
      out.println(row(e.getKey().getFileName().toString(), label, dist));
    }
    return recognised;
  }

  private static boolean matchedUnrelated(String json) throws IOException {
    for (String line : json.split("\n")) {
      if (!line.isBlank()) {
        JsonNode n = new ObjectMapper().readTree(line);
        if (n.path("path").asText().endsWith("unrelated-picture.jpg")) {
          return n.path("matches").size() > 0;
        }
      }
    }
    return false;
  }

  /** A line of the demo's narration in the interface language. */
  private static String say(String key, Object... args) {
    return Msg.get("demo", key, args);
  }

  /** A read count's name: its facts key in English, a Chinese name in Chinese. */
  private static String label(String key) {
    try {
      return say("label." + key);
    } catch (java.util.MissingResourceException e) {
      return Msg.zh() ? say("label.other") : key;
    }
  }

  /** A row of the match table; columns padded by display width (a Chinese character is two). */
  private static String row(String copy, String item, String distance) {
    return say("table", pad(copy, 34, false), pad(item, 16, false), pad(distance, 8, true));
  }

  static String pad(String s, int width, boolean right) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w +=
          Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN
                  || (s.charAt(i) >= '\uFF00' && s.charAt(i) <= '\uFFEF')
              ? 2
              : 1;
    }
    String fill = " ".repeat(Math.max(0, width - w));
    return right ? fill + s : s + fill;
  }

  /** What bank add did, from its lines: its own summary in English, a count in Chinese. */
  private static String bankAdded(String output) {
    long added = output.lines().filter(l -> l.startsWith("added\t")).count();
    if (Msg.zh() && added > 0) {
      return say("bank.count", added);
    }
    return lastLine(output).replaceFirst("^# ", "");
  }

  /** The plan's notice, its numbered actions and its time limits: what to do first. */
  static String summary(String plan) {
    List<String> keep = new ArrayList<>();
    List<String> lines = plan.lines().toList();
    boolean section = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i < 3) {
        keep.add(l);
      } else if (l.matches("(What to do|Time limits|一、行动步骤|三、期限).*")) {
        section = true;
        keep.add(l);
      } else if (section && l.isBlank()) {
        section = false;
      } else if (section && (l.matches("\\d+\\. .*") || l.startsWith("   · "))) {
        keep.add(l);
      }
    }
    return String.join("\n", keep);
  }

  private static String firstLines(String s, int n) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    return String.join("\n", lines.subList(0, Math.min(n, lines.size())));
  }

  private static String lastLine(String s) {
    List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static String indent(String s) {
    return "   " + s.replace("\n", "\n   ");
  }

  private static Path write(Path p, byte[] bytes) {
    try {
      return Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + p, e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
