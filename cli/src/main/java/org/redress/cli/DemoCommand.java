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
import java.util.Locale;
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
    out.println("Redress demo. Everything here is generated: no real person, post or picture.");
    out.println("Nothing leaves this machine. Output: " + demo);
    out.println();

    step(1, "A synthetic Telegram export with planted copies of a victim's pictures");
    String made = run("sample", "telegram-export", export.toString());
    out.println(indent(firstLines(made, 3)));
    Path originals = export.resolve("victim-originals");

    step(2, "The victim registers her pictures as hashes only (a bank)");
    run("bank", "create", BANK, "--workspace", ws.toString());
    String added = run("bank", "add", BANK, originals.toString(), "--workspace", ws.toString());
    out.println("   " + lastLine(added).replaceFirst("^# ", "") + "; no picture is stored");

    step(3, "Recognising edited copies in a folder (redress match)");
    Map<Path, String> made3 = writeCopies(originals, copies);
    String json =
        runAllowing(
            1, "match", "--bank", BANK, "--json", "--workspace", ws.toString(), copies.toString());
    int recognised = printMatches(json, made3);
    out.println(
        String.format(
            Locale.ROOT,
            "   %d of %d edited copies recognised; the unrelated" + " picture was %s.",
            recognised,
            made3.size() - 1,
            matchedUnrelated(json) ? "WRONGLY matched" : "correctly not matched"));

    step(4, "Scanning the export against her bank; matched posts are sealed as evidence");
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
        String.format(
            Locale.ROOT,
            "   planted: %d posts with copies, %d of them findable by PDQ/vPDQ; the report found %d",
            planted.path("totals").path("victim_copies").asLong(),
            planted.path("totals").path("victim_copies_pdq_findable").asLong(),
            report.totals().postsWithMatches()));
    out.println(
        "   "
            + scanned
                .lines()
                .filter(l -> l.startsWith("preserved"))
                .findFirst()
                .orElse("(nothing preserved)"));

    step(5, "A screenshot a friend sent: her picture found inside the app, counts read by OCR");
    Path shotReport = screenshotStep(demo, originals);

    step(6, "A public channel page captured from a local test server and sealed as evidence");
    Path pageReport = captureStep(demo, originals);

    step(7, "Exporting the evidence package and verifying it offline");
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
    out.println("   " + pkg + ": " + lastLine(verdict));

    step(8, "Legal assessment of what she told and what the scan proved");
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
    out.println(
        "   merged: the intake, the export's report, the screenshot's and the captured page's"
            + " read counts (the largest read value of each is kept, with where it was read)");
    JsonNode provenance = JSON.readTree(factsFile.toFile()).path("facts_provenance");
    for (String key : List.of("distribution.counts.clicks", "distribution.group.members")) {
      JsonNode p = provenance.path(key);
      JsonNode value = JSON.readTree(factsFile.toFile()).at("/" + key.replace('.', '/'));
      out.println(
          "   "
              + key
              + " = "
              + (value.isMissingNode() ? "(none)" : value.asText())
              + (p.isMissingNode()
                  ? ""
                  : " — read from a "
                      + ("screenshot".equals(p.path("read_from").asText())
                          ? "screenshot"
                          : "web page")
                      + ", unconfirmed ("
                      + p.path("source").asText()
                      + ")"));
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
    out.println(indent(summary(planEn)));
    // what the assessment says of the read values (its unconfirmed grounds)
    java.util.regex.Matcher read =
        java.util.regex.Pattern.compile("\"([^\"]* = [^\"]* was read from a [^\"]*)\"")
            .matcher(Files.readString(findings, StandardCharsets.UTF_8));
    java.util.Set<String> unconfirmed = new java.util.LinkedHashSet<>();
    while (read.find()) {
      unconfirmed.add(read.group(1));
    }
    unconfirmed.forEach(u -> out.println("   unconfirmed in the assessment: " + u));
    out.println(
        "   Full plan with reasons, missing evidence and sources: "
            + demo.resolve("plan.en.txt")
            + " (中文: "
            + demo.resolve("plan.zh.txt")
            + ")");

    step(9, "Documents she can file, in Chinese (authoritative) and English, DOCX and PDF");
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
    out.println("   " + files + " files in " + documents);

    out.println();
    out.println("Done. Open:");
    out.println("  " + reportHtml + "   (the spread report; no picture is shown)");
    out.println("  " + documents + "   (police report, takedown notice, complaints, ...)");
    out.println("  " + pkg + "   (evidence; index.html inside says how to verify)");
    out.println(
        "The demo's people are fictional ("
            + parties
            + "); this is legal information,"
            + " not legal advice.");
    out.println(
        "In the case workspace (a browser): ./redress serve --demo --workspace " + workspace.dir());
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
            + ": "
            + (region == null
                ? "her picture was NOT found"
                : "her picture found in region x,y,w,h = "
                    + region
                    + " (drawn at "
                    + shot.picture()
                    + ")"));
    for (SpreadReport.ReadSource rs : r.readFacts()) {
      if (rs.problem() != null) {
        out.println("   OCR: " + rs.problem());
      }
      for (SpreadReport.Reading x : rs.readings()) {
        if (x.field().equals("views") || x.field().equals("members")) {
          out.println(
              String.format(
                  Locale.ROOT,
                  "   read %s = %s from \"%s\" (confidence %.2f; %s)",
                  x.field(),
                  x.value(),
                  x.text(),
                  x.confidence(),
                  rs.labelZh()));
        }
      }
    }
    out.println(
        String.format(
            Locale.ROOT,
            "   the screenshot shows %d subscribers and %d views; read values are marked"
                + " 从截图识别 and must be checked against the original",
            shot.members(),
            shot.views()));
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
        String.format(
            Locale.ROOT,
            "   the page's counters as read facts (从网页识别): subscribers %s, largest view count"
                + " %s; posts with her picture: %d; the local server was stopped (no network used,"
                + " no Chromium screenshot in the demo)",
            r.facts().members(),
            r.facts().clicks(),
            r.totals().postsWithMatches()));
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
    out.println("[" + n + "] " + title);
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
    int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
    if (code != 0 && code != alsoOk) {
      throw new ExitCodes.DataException(
          "demo step 'redress " + String.join(" ", args) + "' failed: " + e.toString().trim());
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
    out.println(
        String.format(Locale.ROOT, "   %-34s %-16s %8s", "copy", "matched item", "distance"));
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
      String dist = best == null ? "no match" : String.valueOf(best.path("distance").asInt());
      if (best != null && label.equals(e.getValue())) {
        recognised++;
      }
      out.println(
          String.format(Locale.ROOT, "   %-34s %-16s %8s", e.getKey().getFileName(), label, dist));
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

  /** The plan's notice, its numbered actions and its time limits: what to do first. */
  static String summary(String plan) {
    List<String> keep = new ArrayList<>();
    List<String> lines = plan.lines().toList();
    boolean section = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i < 3) {
        keep.add(l);
      } else if (l.matches("(What to do|Time limits).*")) {
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
