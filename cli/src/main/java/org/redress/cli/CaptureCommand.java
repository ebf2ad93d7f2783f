package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.capture.Capture;
import org.redress.capture.CaptureException;
import org.redress.capture.PreviewExport;
import org.redress.capture.TelegramPreview;
import org.redress.cases.CasesException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.NewItem;
import org.redress.match.Matcher;
import org.redress.match.VpdqRule;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.scan.ScanException;
import org.redress.scan.ScanResult;
import org.redress.scan.Scanner;
import org.redress.screenshots.CountText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress capture URL... --case C}: captures public web pages as evidence (WARC with every
 * resource, a Chromium screenshot, headers and times in {@code capture.json}) and seals them in the
 * evidence locker; a Telegram channel preview ({@code t.me/s/NAME}) is also read into posts, its
 * media matched against the banks and its counters (views, subscribers) put into the spread report
 * as facts read from a captured page. Exit status: 0 every page was captured, 1 a page could not be
 * captured (the others are still sealed), 2 usage error.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Capture public web pages (WARC, screenshot, headers, time) and seal them as evidence;"
          + " read Telegram channel previews (t.me/s/NAME) into the spread report.",
      "Obeys robots.txt, waits between requests to a host and never logs in.",
      "Exit status: 0 all captured, 1 a page could not be captured, 2 usage error."
    })
public final class CaptureCommand implements Callable<Integer> {
  @Mixin EvidenceOptions evidence;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "1..*", description = "http or https pages.")
  List<String> urls = new ArrayList<>();

  @Option(
      names = "--case",
      paramLabel = "CASE",
      required = true,
      description = "Evidence case the captures are sealed in.")
  String caseId;

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Match a preview's media against these banks (repeatable; default: all).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON spread report.")
  Path json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the HTML spread report.")
  Path html;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Keep the captures here (default: captures/ in the workspace).")
  Path out;

  @Option(
      names = "--delay",
      paramLabel = "MS",
      description = "Pause between requests to one host, in ms (default: ${DEFAULT-VALUE}).")
  long delayMillis = 2000;

  @Option(names = "--no-screenshot", description = "Do not take a screenshot with Chromium.")
  boolean noScreenshot;

  @Override
  public Integer call()
      throws EvidenceException, ScanException, IOException, org.redress.report.ReportException {
    if (delayMillis < 0) {
      throw new ExitCodes.UsageException(Msg.get("capture", "delay", delayMillis));
    }
    List<URI> targets = new ArrayList<>();
    for (String u : urls) {
      try {
        targets.add(URI.create(u));
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.get("capture", "not.url", u));
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path base = out != null ? out : evidence.workspace.dir().resolve("captures");
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .format(Instant.now().atOffset(ZoneOffset.UTC));
    Capture capture =
        Capture.builder().delay(Duration.ofMillis(delayMillis)).screenshot(!noScreenshot).build();
    List<Capture.Result> done = new ArrayList<>();
    List<NewItem> items = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < targets.size(); i++) {
      URI u = targets.get(i);
      Path dir = base.resolve(stamp + "-" + (i + 1));
      Capture.Result r;
      try {
        r = capture.capture(u, dir);
      } catch (CaptureException e) {
        err.println(Msg.prefix() + Console.inert(Reasons.say(e.getMessage(), "capture", "failed")));
        failed++;
        continue;
      }
      done.add(r);
      if (r.screenshotProblem() != null) {
        err.println(
            Msg.line(
                "capture",
                "note",
                Console.inert(Reasons.say(r.screenshotProblem(), "capture", "failed"))));
      }
      items.add(
          NewItem.of(r.warc())
              .source("url", u.toString())
              .captureMethod("redress-capture")
              .mediaType("application/warc")
              .note("WARC of the page and its resources"));
      if (r.screenshot() != null) {
        items.add(
            NewItem.of(r.screenshot())
                .source("url", u.toString())
                .captureMethod("redress-capture-chromium")
                .mediaType("image/png")
                .note("screenshot by headless Chromium"));
      }
      items.add(
          NewItem.of(r.metadata())
              .source("url", u.toString())
              .captureMethod("redress-capture")
              .mediaType("application/json")
              .note("capture record: times, request and response headers, resources"));
      o.println(
          Msg.get(
              "capture",
              "captured",
              Console.inert(u.toString()),
              r.status(),
              r.resources().size() - 1,
              dir));
    }
    ScanResult report = previewReport(done, err);
    Path reportFile = null;
    if (report != null) {
      if (json != null) {
        report.writeJson(json);
        o.println(Msg.get("capture", "written.json", Console.inert(json.toString())));
      }
      if (html != null) {
        report.writeHtml(html, Today.zone());
        o.println(Msg.get("capture", "written.html", Console.inert(html.toString())));
      }
      reportFile = Files.createTempFile("redress-capture-report-", ".json");
      ReportJson.write(report.report(), reportFile);
      items.add(
          NewItem.of(reportFile)
              .source("other", "redress capture spread report")
              .captureMethod("redress-capture")
              .mediaType("application/json"));
    }
    try {
      if (!items.isEmpty()) {
        try (EvidenceStore store = evidence.open()) {
          List<Item> added = store.addAll(caseId, items, () -> {});
          for (org.redress.evidence.Warning w : store.drainWarnings()) {
            err.println(Msg.warningPrefix() + Console.inert(NextSteps.line(w)));
          }
          o.println(
              Msg.get(
                  "capture",
                  "sealed",
                  added.size(),
                  Console.inert(caseId),
                  added.get(0).id(),
                  added.get(added.size() - 1).id(),
                  store.latestCheckpoint().size(),
                  store.latestCheckpoint().rootHex()));
        }
      }
    } finally {
      if (reportFile != null) {
        Files.deleteIfExists(reportFile);
      }
    }
    o.flush();
    return failed > 0 ? ExitCodes.DATA : ExitCodes.OK;
  }

  /** The spread report of the channel previews among the captures, or null when there is none. */
  private ScanResult previewReport(List<Capture.Result> done, PrintWriter err)
      throws IOException, ScanException {
    List<Path> exports = new ArrayList<>();
    Matcher matcher;
    List<String> warnings = new ArrayList<>();
    try {
      matcher =
          Workspaces.open(evidence.workspace)
              .banks()
              .matcher(
                  banks,
                  Today.instant(),
                  VpdqRule.DEFAULT_QUERY_PERCENT,
                  VpdqRule.DEFAULT_COMPARED_PERCENT,
                  warnings);
    } catch (CasesException e) {
      throw new ExitCodes.UsageException(ExitCodes.message(e));
    }
    warnings.forEach(
        w ->
            err.println(
                Msg.warningPrefix() + Console.inert(Reasons.say(w, "capture", "general.warning"))));
    Scanner.Builder b = Scanner.builder(matcher);
    for (Capture.Result r : done) {
      TelegramPreview.Channel c = r.channel();
      if (c == null) {
        continue;
      }
      Path dir = r.warc().getParent();
      exports.add(PreviewExport.write(r, dir));
      String warcSha = org.redress.capture.Capture.sha256Hex(r.warc());
      long chat = PreviewExport.chatId(c.name());
      if (c.subscribers() >= 0) {
        b.readValues(
            "captured_page",
            r.url().toString(),
            warcSha,
            null,
            List.of(
                new CountText.Reading(
                    "members",
                    Long.toString(c.subscribers()),
                    c.subscribersShown() + " subscribers",
                    1.0)));
      }
      for (TelegramPreview.Post p : c.posts()) {
        if (p.views() >= 0) {
          b.readValues(
              "captured_page",
              r.url() + "#" + p.id(),
              warcSha,
              "chat " + chat + " message " + p.id(),
              List.of(
                  new CountText.Reading(
                      "views", Long.toString(p.views()), p.viewsShown() + " views", 1.0)));
        }
      }
    }
    if (exports.isEmpty()) {
      if (json != null || html != null) {
        err.println(Msg.line("capture", "no.preview"));
      }
      return null;
    }
    ScanResult result = b.clock(Today.clock()).build().scan(exports);
    SpreadReport.Totals t = result.report().totals();
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        Msg.get("capture", "preview", t.mediaChecked(), t.matchedItems(), t.postsWithMatches()));
    return result;
  }
}
