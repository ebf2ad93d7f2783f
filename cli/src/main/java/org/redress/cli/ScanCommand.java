package org.redress.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.redress.cases.CasesException;
import org.redress.cases.Workspace;
import org.redress.match.Matcher;
import org.redress.match.VpdqRule;
import org.redress.scan.HashCache;
import org.redress.scan.ScanException;
import org.redress.scan.Scanner;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.report.Times;
import org.redress.scan.ScanResult;
import org.redress.sources.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress scan PATH... --bank NAME}: scans Telegram exports, folders, ZIP archives and
 * files against banks and writes the spread report (JSON, HTML, CSV). Exit status: 0 the scan
 * read everything; 1 the report is partial (some input could not be read; the report says what)
 * or the scan could not run; 2 usage error (unknown bank, bad option).
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan Telegram exports, folders, ZIP archives or files against banks and write the"
          + " spread report (redress/spread-report@1).",
      "Without --json, --html or --csv the JSON report goes to standard output.",
      "Exit status: 0 complete, 1 partial report or scan failed, 2 usage error."
    })
public final class ScanCommand implements Callable<Integer> {
  /** Folder in the workspace holding the resume files. */
  static final String SCANS_DIR = "scans";

  /** Workspace, plus the evidence key options that {@code --preserve} needs. */
  @Mixin EvidenceOptions evidence;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Export folders or result.json, folders, ZIP archives, media files.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--bank", paramLabel = "NAME", required = true,
      description = "Bank to match against (repeatable).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report to OUT.")
  Path json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the HTML report to OUT.")
  Path html;

  @Option(names = "--csv", paramLabel = "OUT",
      description = "Write one CSV row per occurrence to OUT.")
  Path csv;

  @Option(names = "--thumbnails",
      description = "Show an 8x8 pixelated thumbnail of each matched image in the HTML report"
          + " (off by default: references and hashes only).")
  boolean thumbnails;

  @Option(names = "--resume",
      description = "Reuse the hashes of an interrupted scan of the same PATHs (kept in the"
          + " workspace) instead of hashing those files again.")
  boolean resume;

  @Option(names = "--preserve",
      description = "Preserve every matched file (one item per post, with its Telegram message as"
          + " source) and the JSON report in the evidence locker, case --case.")
  boolean preserve;

  @Option(names = "--case", paramLabel = "CASE", description = "Evidence case for --preserve.")
  String caseId;

  @Option(names = {"-j", "--threads"}, paramLabel = "N",
      description = "Hashing threads (default: the number of processors).")
  Integer threads;

  @Option(names = Limits.ZIP_MAX_BYTES_OPTION, paramLabel = "BYTES",
      description = "Refuse ZIP archives declaring more uncompressed bytes (default 64 GiB).")
  Long zipMaxBytes;

  @Option(names = Limits.ZIP_MAX_ENTRIES_OPTION, paramLabel = "N",
      description = "Refuse ZIP archives with more entries (default 1000000).")
  Integer zipMaxEntries;

  @Override
  public Integer call() throws ScanException, ReportException, java.io.IOException,
      org.redress.evidence.EvidenceException {
    if (preserve != (caseId != null)) {
      throw new ExitCodes.UsageException("--preserve and --case go together");
    }
    Limits limits = limits();
    Scanner.Builder b;
    List<String> warnings = new ArrayList<>();
    Workspace ws;
    Matcher matcher;
    try {
      ws = Workspaces.open(evidence.workspace);
      matcher = ws.banks().matcher(banks, Instant.now(), VpdqRule.DEFAULT_QUERY_PERCENT,
          VpdqRule.DEFAULT_COMPARED_PERCENT, warnings);
    } catch (CasesException e) {
      throw new ExitCodes.UsageException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String w : warnings) {
      err.println("redress: warning: " + w);
    }
    b = Scanner.builder(matcher).limits(limits).thumbnails(thumbnails);
    try {
      if (threads != null) {
        b.threads(threads);
      }
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UsageException("-j: " + e.getMessage());
    }
    ScanProgressBar bar = null;
    if (ScanProgressBar.wanted()) {
      bar = ScanProgressBar.of(Scanner.countMedia(paths, limits));
      b.progress(bar::checked);
    }
    Path cacheFile = ws.dir().resolve(SCANS_DIR).resolve(scanId(paths) + ".hashes.jsonl");
    ScanResult result;
    try (HashCache cache = HashCache.open(cacheFile, resume)) {
      if (resume) {
        err.printf(Locale.ROOT, "redress: resuming: %d file(s) already hashed in %s%n",
            cache.size(), cacheFile);
      }
      result = b.cache(cache).build().scan(paths);
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    SpreadReport report = result.report();
    boolean toFiles = json != null || html != null || csv != null;
    if (json != null) {
      result.writeJson(json);
    }
    if (html != null) {
      result.writeHtml(html, Times.BEIJING);
    }
    if (csv != null) {
      result.writeCsv(csv, Times.BEIJING);
    }
    PrintWriter summary = toFiles ? spec.commandLine().getOut() : err;
    summary.printf(Locale.ROOT, "checked %d media file(s), %d not checked; found copies of %d"
            + " item(s) in %d post(s) in %d chat(s); %d trade ad post(s)%n",
        report.totals().mediaChecked(), report.totals().mediaUnchecked(),
        report.totals().matchedItems(), report.totals().postsWithMatches(),
        report.totals().chatsInvolved(), report.totals().adPosts());
    if (json != null) {
      summary.println("json: " + json);
    }
    if (html != null) {
      summary.println("html: " + html);
    }
    if (csv != null) {
      summary.println("csv: " + csv);
    }
    if (!toFiles) {
      ReportJson.write(report, spec.commandLine().getOut());
    }
    if (preserve) {
      ScanPreserver.preserve(report, caseId, evidence, toFiles ? spec.commandLine().getOut() : err,
          err);
    }
    spec.commandLine().getOut().flush();
    if (report.partial()) {
      err.println("redress: the report is partial: some input could not be read (see"
          + " unchecked.not_read in the report)");
      err.flush();
      return ExitCodes.DATA;
    }
    return ExitCodes.OK;
  }

  private Limits limits() {
    try {
      Limits.Builder lb = Limits.builder();
      if (zipMaxBytes != null) {
        lb.zipMaxBytes(zipMaxBytes);
      }
      if (zipMaxEntries != null) {
        lb.zipMaxEntries(zipMaxEntries);
      }
      return lb.build();
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UsageException(e.getMessage());
    }
  }

  /** A stable id for a set of input paths: the resume file's name. */
  static String scanId(List<Path> paths) {
    TreeSet<String> sorted = new TreeSet<>();
    for (Path p : paths) {
      sorted.add(p.toAbsolutePath().normalize().toString());
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
