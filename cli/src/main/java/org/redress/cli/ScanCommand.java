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
import org.redress.scan.SpreadReport;
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

  @Option(names = "--no-screenshots",
      description = "Do not search unmatched images for picture regions (screenshots).")
  boolean noScreenshots;

  @Option(names = "--no-ocr",
      description = "Do not read the text (counts) of matched screenshots with Tesseract.")
  boolean noOcr;

  @Option(names = {"-j", "--threads"}, paramLabel = "N",
      description = "Hashing threads (default: the number of processors).")
  Integer threads;

  @Option(names = Limits.ZIP_MAX_BYTES_OPTION, paramLabel = "BYTES",
      description = "Refuse ZIP archives declaring more uncompressed bytes (default 16 GiB).")
  Long zipMaxBytes;

  @Option(names = Limits.ZIP_MAX_ENTRY_BYTES_OPTION, paramLabel = "BYTES",
      description = "Leave unchecked ZIP entries declaring more uncompressed bytes (default"
          + " 2 GiB).")
  Long zipMaxEntryBytes;

  @Option(names = Limits.ZIP_MAX_ENTRIES_OPTION, paramLabel = "N",
      description = "Refuse ZIP archives with more entries (default 1000000).")
  Integer zipMaxEntries;

  @Override
  public Integer call() throws ScanException, java.io.IOException,
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
    b = Scanner.builder(matcher).limits(limits).thumbnails(thumbnails)
        .screenshots(!noScreenshots).ocr(!noOcr);
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
    SpreadReport report;
    try (HashCache cache = HashCache.open(cacheFile, resume)) {
      if (resume) {
        err.printf(Locale.ROOT, "redress: resuming: %d file(s) already hashed in %s%n",
            cache.size(), cacheFile);
      }
      Scanner scanner = b.cache(cache).build();
      report = scanner.scan(paths);
      if (report.screenshotsMatched() && !noOcr && scanner.ocrProblem().isPresent()) {
        err.println("redress: note: " + scanner.ocrProblem().get());
      }
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    boolean toFiles = json != null || html != null || csv != null;
    if (json != null) {
      report.writeJson(json);
    }
    if (html != null) {
      report.writeHtml(html);
    }
    if (csv != null) {
      report.writeCsv(csv);
    }
    PrintWriter summary = toFiles ? spec.commandLine().getOut() : err;
    summary.printf(Locale.ROOT, "checked %d media file(s), %d not checked; found copies of %d"
            + " item(s) in %d post(s) in %d chat(s); %d trade ad post(s)%n",
        report.mediaChecked(), report.mediaUnchecked(), report.matchedItems(),
        report.postsWithMatches(), report.chatsInvolved(), report.adPosts());
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
      spec.commandLine().getOut().print(report.toJson());
    }
    if (preserve) {
      ScanPreserver.preserve(report, caseId, evidence, toFiles ? spec.commandLine().getOut() : err,
          err);
    }
    spec.commandLine().getOut().flush();
    if (report.partial()) {
      List<String> notRead = report.notRead();
      for (String line : notRead.subList(0, Math.min(notRead.size(), 20))) {
        err.println("redress: " + inert(line));
      }
      if (notRead.size() > 20) {
        err.println("redress: ... and " + (notRead.size() - 20) + " more (see the report)");
      }
      err.println("redress: the report is partial: some input could not be read (see"
          + " unchecked.not_read in the report)");
      err.flush();
      return ExitCodes.DATA;
    }
    return ExitCodes.OK;
  }

  /** Untrusted text for the terminal: control and bidi characters shown as U+FFFD. */
  static String inert(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean bidi =
                  (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
                      || c == 0x200F || c == 0x061C;
              b.appendCodePoint(Character.isISOControl(c) || bidi ? 0xFFFD : c);
            });
    return b.toString();
  }

  private Limits limits() {
    try {
      Limits.Builder lb = Limits.builder();
      if (zipMaxBytes != null) {
        lb.zipMaxBytes(zipMaxBytes);
      }
      if (zipMaxEntryBytes != null) {
        lb.zipMaxEntryBytes(zipMaxEntryBytes);
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
