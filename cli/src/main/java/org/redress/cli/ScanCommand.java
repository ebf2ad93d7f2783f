package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.casework.CaseworkException;
import org.redress.casework.Preservation;
import org.redress.casework.ScanRequest;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.scan.ScanException;
import org.redress.scan.ScanResult;
import org.redress.sources.LimitExceeded;
import org.redress.sources.Limits;
import org.redress.sources.UncheckedReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress scan PATH... --bank NAME}: scans Telegram exports, folders, ZIP archives and files
 * against banks and writes the spread report (JSON, HTML, CSV). Exit status: 0 the scan read
 * everything; 1 the report is partial (some input could not be read; the report says what) or the
 * scan could not run; 2 usage error (unknown bank, bad option).
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
  /** The flags that raise the source limits ({@link Limits}); only the CLI names them. */
  static final String ZIP_MAX_BYTES = "--zip-max-bytes";

  static final String ZIP_MAX_ENTRY_BYTES = "--zip-max-entry-bytes";
  static final String ZIP_MAX_ENTRIES = "--zip-max-entries";

  /** Workspace, plus the evidence key options that {@code --preserve} needs. */
  @Mixin EvidenceOptions evidence;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Export folders or result.json, folders, ZIP archives, media files.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Bank to match against (repeatable; default with --case: the case's bank).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--json", paramLabel = "OUT", description = "Write the JSON report to OUT.")
  Path json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write the HTML report to OUT.")
  Path html;

  @Option(
      names = "--csv",
      paramLabel = "OUT",
      description = "Write one CSV row per occurrence to OUT.")
  Path csv;

  @Option(
      names = "--thumbnails",
      description =
          "Show an 8x8 pixelated thumbnail of each matched image in the HTML report"
              + " (off by default: references and hashes only).")
  boolean thumbnails;

  @Option(
      names = "--resume",
      description =
          "Reuse the hashes of an interrupted scan of the same PATHs (kept in the"
              + " workspace) instead of hashing those files again.")
  boolean resume;

  @Option(
      names = "--preserve",
      description =
          "Preserve every matched file (one item per post, with its Telegram message as"
              + " source) and the JSON report in the evidence locker, case --case.")
  boolean preserve;

  @Option(
      names = "--case",
      paramLabel = "NAME",
      description =
          "Keep the scan and its report in this case (opened when new; 'redress case list'),"
              + " and preserve into it with --preserve.")
  String caseId;

  @Option(
      names = "--no-screenshots",
      description = "Do not search unmatched images for picture regions (screenshots).")
  boolean noScreenshots;

  @Option(
      names = "--no-ocr",
      description = "Do not read the text (counts) of matched screenshots with Tesseract.")
  boolean noOcr;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Hashing threads (default: the number of processors).")
  Integer threads;

  @Option(
      names = ZIP_MAX_BYTES,
      paramLabel = "BYTES",
      description = "Refuse ZIP archives declaring more uncompressed bytes (default 16 GiB).")
  Long zipMaxBytes;

  @Option(
      names = ZIP_MAX_ENTRY_BYTES,
      paramLabel = "BYTES",
      description =
          "Leave unchecked ZIP entries declaring more uncompressed bytes (default" + " 2 GiB).")
  Long zipMaxEntryBytes;

  @Option(
      names = ZIP_MAX_ENTRIES,
      paramLabel = "N",
      description = "Refuse ZIP archives with more entries (default 1000000).")
  Integer zipMaxEntries;

  @Override
  public Integer call()
      throws ScanException, ReportException, IOException, EvidenceException, CaseworkException {
    if (preserve && caseId == null) {
      throw new ExitCodes.UsageException(
          "--preserve and --case go together: --preserve needs --case NAME");
    }
    Cases cases = caseId == null ? null : Today.casework(evidence.workspace.dir()).cases();
    boolean keep = caseId != null && org.redress.cases.CaseStore.NAME.matcher(caseId).matches();
    if (caseId != null && !keep && !preserve) {
      throw new ExitCodes.UsageException(
          "--case: a case name is lower-case letters, digits and dashes, was \"" + caseId + "\"");
    }
    if (banks.isEmpty()) {
      Optional<Cases.CaseInfo> c = keep ? cases.get(caseId) : Optional.empty();
      if (c.isEmpty()) {
        throw new ExitCodes.UsageException("--bank NAME is required (or --case NAME of a case)");
      }
      banks = List.of(c.get().bank());
    }
    if (threads != null && threads < 1) {
      throw new ExitCodes.UsageException("-j: threads must be at least 1, was " + threads);
    }
    Limits limits = limits();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Casework cw = Today.casework(evidence.workspace.dir());
    // No counting pass before the scan (issue 21): the line shows files checked and the rate.
    ScanProgressBar bar = ScanProgressBar.wanted() ? ScanProgressBar.create() : null;
    ScanResult result;
    try {
      result =
          cw.scan(
              new ScanRequest(
                  paths,
                  banks,
                  thumbnails,
                  resume,
                  threads == null ? 0 : threads,
                  limits,
                  bar == null ? null : bar::checked,
                  !noScreenshots,
                  !noOcr),
              w -> err.println("redress: warning: " + Console.inert(w)));
    } catch (CaseworkException.UnknownBank e) {
      throw new ExitCodes.UsageException(e.getMessage() + ExitCodes.seeList(e));
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
      result.writeHtml(html, cw.zone());
    }
    if (csv != null) {
      result.writeCsv(csv, cw.zone());
    }
    PrintWriter summary = toFiles ? out : err;
    SpreadReport.Totals t = report.totals();
    summary.printf(
        Locale.ROOT,
        "checked %d media file(s), %d not checked; found copies of %d"
            + " item(s) in %d post(s) in %d chat(s); %d trade ad post(s)%n",
        t.mediaChecked(),
        t.mediaUnchecked(),
        t.matchedItems(),
        t.postsWithMatches(),
        t.chatsInvolved(),
        t.adPosts());
    for (SpreadReport.SourceRead s : report.troubledSources()) {
      LimitExceeded limit = result.limitsExceeded().get(s.path());
      err.println(
          "redress: "
              + Console.inert(s.path())
              + ": "
              + (s.refused() != null
                  ? "not read: "
                      + Console.inert(s.refused())
                      + (limit == null
                          ? ""
                          : "; if it is genuine, raise the cap with " + flag(limit.limit()))
                  : s.empty()
                      ? "nothing to check (no post and no media file was read)"
                      : s.problemCount() + " problem(s) while reading; the report lists them"));
    }
    long tooLarge =
        report.unchecked().byReason().getOrDefault(UncheckedReason.ZIP_ENTRY_TOO_LARGE.code(), 0L);
    if (tooLarge > 0) {
      err.println(
          "redress: "
              + tooLarge
              + " ZIP entr"
              + (tooLarge == 1 ? "y" : "ies")
              + " over the per-entry cap not checked; if genuine, raise the cap with "
              + ZIP_MAX_ENTRY_BYTES
              + " BYTES");
    }
    if (json != null) {
      summary.println("json: " + Console.inert(json.toString()));
    }
    if (html != null) {
      summary.println("html: " + Console.inert(html.toString()));
    }
    if (csv != null) {
      summary.println("csv: " + Console.inert(csv.toString()));
    }
    if (!toFiles) {
      ReportJson.write(report, out);
    }
    if (keep) {
      if (cases.create(caseId, banks.get(0)).isPresent()) {
        err.println("redress: note: opened case " + caseId + " (bank " + banks.get(0) + ")");
      }
      Path kept = cases.keepScan(caseId, report, paths);
      (toFiles ? out : err).println("kept in case " + caseId + ": scan " + kept.getFileName());
    } else if (caseId != null) {
      err.println(
          "redress: warning: "
              + Console.inert(caseId)
              + " is an evidence case only (not a case name): the scan is not kept in a case");
    }
    if (preserve) {
      Preservation p;
      try (EvidenceStore store = evidence.open()) {
        p = cw.preserve(report, caseId, store);
      }
      p.warnings()
          .forEach(w -> err.println("redress: warning: " + Console.inert(NextSteps.line(w))));
      (toFiles ? out : err)
          .printf(
              Locale.ROOT,
              "preserved %d matched file(s) and the report in case %s (items %d..%d);"
                  + " checkpoint %d %s%n",
              p.files(),
              Console.inert(caseId),
              p.added().get(0).id(),
              p.added().get(p.added().size() - 1).id(),
              p.checkpointSize(),
              p.checkpointRoot());
      if (p.inArchives() > 0) {
        err.printf(
            Locale.ROOT,
            "redress: note: %d matched file(s) inside ZIP archives were not"
                + " preserved; extract the archive and scan the folder with --preserve%n",
            p.inArchives());
      }
    }
    out.flush();
    if (report.partial()) {
      List<String> notRead = report.unchecked().notRead();
      for (String line : notRead.subList(0, Math.min(notRead.size(), 20))) {
        err.println("redress: " + Console.inert(line));
      }
      if (notRead.size() > 20) {
        err.println("redress: ... and " + (notRead.size() - 20) + " more (see the report)");
      }
      err.println(
          "redress: the report is partial: some input could not be read (see"
              + " unchecked.not_read in the report)");
      err.flush();
      return ExitCodes.DATA;
    }
    return ExitCodes.OK;
  }

  /** The flag that raises a source limit: the one place limits are worded as flags. */
  static String flag(LimitExceeded.Limit limit) {
    return switch (limit) {
      case ZIP_TOTAL_BYTES -> ZIP_MAX_BYTES + " BYTES";
      case ZIP_ENTRIES -> ZIP_MAX_ENTRIES + " N";
    };
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
}
