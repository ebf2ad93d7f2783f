package org.redress.casework;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.redress.cases.CasesException;
import org.redress.cases.Workspace;
import org.redress.documents.CaseInputs;
import org.redress.documents.DocumentKind;
import org.redress.documents.Documents;
import org.redress.documents.Lang;
import org.redress.documents.OutputFormat;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.lawcn.ChineseLaw;
import org.redress.match.Matcher;
import org.redress.match.VpdqRule;
import org.redress.report.ReportException;
import org.redress.report.SpreadReport;
import org.redress.scan.HashCache;
import org.redress.scan.ScanException;
import org.redress.scan.ScanResult;
import org.redress.scan.Scanner;

/**
 * The application layer both front ends call: a case worker's steps as calls on typed values, scan
 * → preserve → merge facts → assess → draft. It owns "today" (a {@link Clock} and a zone, Beijing
 * by default) and the workspace's layout; it words nothing for a terminal or a page: failures are
 * typed ({@link CaseworkException} and the modules' own).
 *
 * <pre>{@code
 * Casework cw = Casework.builder(Path.of("redress-data")).build();
 * ScanResult scan = cw.scan(new ScanRequest(paths, List.of("victims"), false, false, 0,
 *     Limits.defaults(), null, true, true), warnings::add);
 * FactsMerge.Result facts = cw.mergeFacts(intakeText, "intake.yaml", List.of(scan.report()));
 * Assessment plan = cw.assess(facts.facts(), cw.today());
 * }</pre>
 */
public final class Casework {
  private final WorkspaceLayout layout;
  private final Clock clock;
  private final ZoneId zone;
  private final String user;
  private Workspace workspace;

  private Casework(Builder b) {
    this.layout = b.layout;
    this.clock = b.clock;
    this.zone = b.zone;
    this.user = b.user;
    this.workspace = b.workspace;
  }

  /** A builder for a workspace directory. */
  public static Builder builder(Path workspace) {
    return new Builder(new WorkspaceLayout(workspace));
  }

  /** The workspace's paths. */
  public WorkspaceLayout layout() {
    return layout;
  }

  /** Who works (recorded as the author of every change). */
  public String user() {
    return user;
  }

  /** The workspace's cases: facts, parties, consent, scans, documents. */
  public Cases cases() {
    return new Cases(this);
  }

  /** Cross-case dossiers over this workspace's consenting cases (issue 19). */
  public DossierWork dossiers() {
    return new DossierWork(this);
  }

  /** The clock every step uses. */
  public Clock clock() {
    return clock;
  }

  /** The zone in which days and times are shown (default Asia/Shanghai). */
  public ZoneId zone() {
    return zone;
  }

  /** Today in the zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * The workspace database (opened, created and migrated on first use).
   *
   * @throws CasesException when it cannot be opened
   */
  public synchronized Workspace workspace() {
    if (workspace == null) {
      workspace = Workspace.open(layout.root(), clock, user);
    }
    return workspace;
  }

  /**
   * Scans sources against banks.
   *
   * @param warnings told each warning while the banks load (an item below a bank's minimum quality,
   *     a disabled bank)
   * @throws CaseworkException.UnknownBank for a bank that does not exist
   * @throws ScanException when a path does not exist or is of no known kind, or the scan fails
   */
  public ScanResult scan(ScanRequest req, Consumer<String> warnings)
      throws ScanException, CaseworkException {
    List<String> w = new ArrayList<>();
    Matcher matcher;
    try {
      matcher =
          workspace()
              .banks()
              .matcher(
                  req.banks(),
                  clock.instant(),
                  VpdqRule.DEFAULT_QUERY_PERCENT,
                  VpdqRule.DEFAULT_COMPARED_PERCENT,
                  w);
    } catch (CasesException e) {
      throw new CaseworkException.UnknownBank(e.getMessage(), e);
    }
    w.forEach(warnings);
    Scanner.Builder b =
        Scanner.builder(matcher)
            .limits(req.limits())
            .thumbnails(req.thumbnails())
            .clock(clock)
            .screenshots(req.screenshots())
            .ocr(req.ocr());
    if (req.threads() > 0) {
      b.threads(req.threads());
    }
    if (req.progress() != null) {
      b.progress(req.progress());
    }
    if (req.tempDir() != null) {
      b.tempDir(req.tempDir());
    }
    Path cacheFile = req.resumeFile() != null ? req.resumeFile() : layout.scanCache(req.paths());
    try (HashCache cache = HashCache.open(cacheFile, req.resume())) {
      if (req.resume()) {
        warnings.accept(
            String.format(
                java.util.Locale.ROOT,
                "resuming: %d file(s) already hashed in %s",
                cache.size(),
                cacheFile));
      }
      Scanner scanner = b.cache(cache).build();
      ScanResult result = scanner.scan(req.paths());
      if (req.ocr() && !result.report().readFacts().isEmpty()) {
        scanner.ocrProblem().ifPresent(p -> warnings.accept("note: " + p));
      }
      return result;
    }
  }

  /**
   * Preserves a report's matched files and the report itself in a case of the evidence locker.
   *
   * @throws EvidenceException when the locker refuses (unknown case, read-only workspace, …)
   * @throws ReportException when the report cannot be written for sealing
   * @throws IOException when a temporary file cannot be made
   */
  public Preservation preserve(SpreadReport report, String caseId, EvidenceStore store)
      throws EvidenceException, ReportException, IOException {
    Objects.requireNonNull(caseId, "caseId");
    return Preservation.run(report, caseId, store);
  }

  /**
   * Merges an intake with reports as of today (see {@link FactsMerge} for the rule).
   *
   * @throws CaseworkException naming the intake when it is not valid facts
   */
  public FactsMerge.Result mergeFacts(
      String intakeText, String intakeName, List<SpreadReport> reports) throws CaseworkException {
    return FactsMerge.merge(intakeText, intakeName, reports, today());
  }

  /**
   * Reads a facts file's text with the strict reader every command uses.
   *
   * @throws CaseworkException naming the file and the bad key or value
   */
  public static CaseFacts readFacts(String text, String name) throws CaseworkException {
    return Facts.parse(text, name);
  }

  /**
   * Assesses facts under Chinese law on a day: the findings and the action plan built from them.
   *
   * @throws org.redress.law.InvalidFactsException when the facts give no date of conduct or the day
   *     precedes it
   */
  public Assessment assess(CaseFacts facts, LocalDate asOf) {
    return ChineseLaw.jurisdiction().assess(facts, asOf);
  }

  /**
   * Drafts one document kind in the given languages and formats, dated today.
   *
   * @return the files written
   */
  public List<Path> draft(
      DocumentKind kind,
      List<Lang> langs,
      List<OutputFormat> formats,
      CaseInputs inputs,
      Path out,
      String generator,
      Path font)
      throws IOException {
    Documents docs = Documents.builder().date(today()).generator(generator).font(font).build();
    return docs.write(kind, langs, formats, inputs, out);
  }

  /** Builds a {@link Casework}. */
  public static final class Builder {
    private final WorkspaceLayout layout;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private String user = System.getProperty("user.name", "unknown");
    private Workspace workspace;

    private Builder(WorkspaceLayout layout) {
      this.layout = layout;
    }

    /** The clock (default: the system's). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** The zone for days and times (default: Asia/Shanghai). */
    public Builder zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      return this;
    }

    /**
     * An open workspace database to use (e.g. PostgreSQL for a shared server) instead of the SQLite
     * file opened on first use.
     */
    public Builder workspace(Workspace w) {
      this.workspace = Objects.requireNonNull(w, "workspace");
      return this;
    }

    /** Who works (recorded in the workspace's audit). */
    public Builder user(String u) {
      this.user = Objects.requireNonNull(u, "user");
      return this;
    }

    /** The casework. */
    public Casework build() {
      return new Casework(this);
    }
  }
}
