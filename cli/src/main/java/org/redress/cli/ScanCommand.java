package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      throw new ExitCodes.UsageException(Msg.get("scan", "preserve.needs.case"));
    }
    Cases cases = caseId == null ? null : Today.casework(evidence.workspace.dir()).cases();
    boolean keep = caseId != null && org.redress.cases.CaseStore.NAME.matcher(caseId).matches();
    if (caseId != null && !keep && !preserve) {
      throw new ExitCodes.UsageException(Msg.get("scan", "case.name", caseId));
    }
    if (banks.isEmpty()) {
      Optional<Cases.CaseInfo> c = keep ? cases.get(caseId) : Optional.empty();
      if (c.isEmpty()) {
        throw new ExitCodes.UsageException(Msg.get("scan", "bank.required"));
      }
      banks = List.of(c.get().bank());
    }
    if (threads != null && threads < 1) {
      throw new ExitCodes.UsageException(Msg.get("scan", "threads", threads));
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
              w -> err.println(warning(w)));
    } catch (CaseworkException.UnknownBank e) {
      throw new ExitCodes.UsageException(
          e.getCause() != null ? ExitCodes.message(e.getCause()) : ExitCodes.message(e));
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
    summary.println(
        Msg.get(
            "scan",
            "summary",
            t.mediaChecked(),
            t.mediaUnchecked(),
            t.matchedItems(),
            t.postsWithMatches(),
            t.chatsInvolved(),
            t.adPosts()));
    for (SpreadReport.SourceRead s : report.troubledSources()) {
      err.println(Msg.prefix() + troubled(s, result.limitsExceeded().get(s.path())));
    }
    long tooLarge =
        report.unchecked().byReason().getOrDefault(UncheckedReason.ZIP_ENTRY_TOO_LARGE.code(), 0L);
    if (tooLarge > 0) {
      err.println(
          Msg.prefix()
              + Msg.count(
                  "scan",
                  "zip.too.large",
                  tooLarge,
                  ZIP_MAX_ENTRY_BYTES + " " + Msg.get("scan", "value.bytes")));
    }
    if (json != null) {
      summary.println(Msg.get("scan", "written.json", Console.inert(json.toString())));
    }
    if (html != null) {
      summary.println(Msg.get("scan", "written.html", Console.inert(html.toString())));
    }
    if (csv != null) {
      summary.println(Msg.get("scan", "written.csv", Console.inert(csv.toString())));
    }
    if (!toFiles) {
      ReportJson.write(report, out);
    }
    if (keep) {
      if (cases.create(caseId, banks.get(0)).isPresent()) {
        err.println(Msg.line("scan", "opened.case", caseId, banks.get(0)));
      }
      Path kept = cases.keepScan(caseId, report, paths);
      (toFiles ? out : err).println(Msg.get("scan", "kept", caseId, kept.getFileName()));
    } else if (caseId != null) {
      err.println(
          Msg.warningPrefix() + Msg.get("scan", "evidence.case.only", Console.inert(caseId)));
    }
    if (preserve) {
      Preservation p;
      try (EvidenceStore store = evidence.open()) {
        p = cw.preserve(report, caseId, store);
      }
      p.warnings()
          .forEach(w -> err.println(Msg.warningPrefix() + Console.inert(NextSteps.line(w))));
      (toFiles ? out : err)
          .println(
              Msg.get(
                  "scan",
                  "preserved",
                  p.files(),
                  Console.inert(caseId),
                  p.added().get(0).id(),
                  p.added().get(p.added().size() - 1).id(),
                  p.checkpointSize(),
                  p.checkpointRoot()));
      if (p.inArchives() > 0) {
        err.println(Msg.line("scan", "in.archives", p.inArchives()));
      }
    }
    out.flush();
    if (report.partial()) {
      List<String> notRead = report.unchecked().notRead();
      for (String line : notRead.subList(0, Math.min(notRead.size(), 20))) {
        err.println(
            Msg.prefix()
                + Console.inert(Reasons.pathAndReason(line, null, "scan", "not.read.general")));
      }
      if (notRead.size() > 20) {
        err.println(Msg.line("scan", "more", notRead.size() - 20));
      }
      err.println(Msg.line("scan", "partial"));
      err.flush();
      return ExitCodes.DATA;
    }
    return ExitCodes.OK;
  }

  /** The flag that raises a source limit: the one place limits are worded as flags. */
  static String flag(LimitExceeded.Limit limit) {
    return switch (limit) {
      case ZIP_TOTAL_BYTES -> ZIP_MAX_BYTES + " " + Msg.get("scan", "value.bytes");
      case ZIP_ENTRIES -> ZIP_MAX_ENTRIES + " " + Msg.get("scan", "value.count");
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
      throw new ExitCodes.UsageException(Reasons.say(e.getMessage(), "scan", "bad.limit"));
    }
  }

  /** A warning of the scan (a bank's quality floor, resuming, a note on OCR) for a person. */
  static String warning(String w) {
    if (w.startsWith("note: ")) {
      return Msg.prefix()
          + Msg.get("scan", "note")
          + Console.inert(Reasons.say(w.substring(6), "scan", "general.warning"));
    }
    return Msg.warningPrefix() + Console.inert(Reasons.say(w, "scan", "general.warning"));
  }

  /**
   * The console line for a source that could not be read, read as empty or read with problems, with
   * how to fix it when a cap was met.
   */
  static String troubled(SpreadReport.SourceRead s, LimitExceeded limit) {
    String path = Console.inert(s.path());
    if (s.refused() != null) {
      String why = Reasons.pathAndReason(s.refused(), s.path(), "scan", "source.refused.general");
      return Msg.get("scan", "source.refused", path, Console.inert(why))
          + (limit == null ? "" : Msg.get("scan", "raise.cap", flag(limit.limit())));
    }
    if (s.empty()) {
      return Msg.get("scan", "source.empty", path);
    }
    return Msg.count("scan", "source.problems", s.problemCount(), path);
  }
}
