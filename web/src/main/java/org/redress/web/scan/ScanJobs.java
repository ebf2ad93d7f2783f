package org.redress.web.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.casework.CaseworkException;
import org.redress.casework.OwnerOnly;
import org.redress.casework.ScanRecord;
import org.redress.casework.ScanRequest;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.scan.ScanException;
import org.redress.scan.Scanner;
import org.redress.sources.Limits;

/**
 * Scans of a case, run one at a time in the background: progress (files checked of the total),
 * cancel, resume with the hashes already made. Each scan keeps, under {@code cases/ID/scans/SCAN/}:
 * {@code scan.json} (what was scanned, its state), {@code report.json} (the spread report) and
 * {@code hashes.jsonl} (the resume file; hashes only).
 */
public final class ScanJobs implements AutoCloseable {
  /** A scan id. */
  public static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{1,4}");

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Casework casework;
  private final Cases cases;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "redress-web-scan");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, ScanJob> running = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();

  /** The last reports read, parsed (access order; at most {@value #CACHED} kept). */
  private final Map<String, SpreadReport> parsed =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SpreadReport> e) {
          return size() > CACHED;
        }
      };

  private static final int CACHED = 4;

  /** The scans of the workspace's cases, run through {@code casework} like the CLI's. */
  public ScanJobs(Casework casework, Clock clock) {
    this.casework = casework;
    this.cases = casework.cases();
    this.clock = clock;
  }

  /**
   * Queues a scan of {@code paths} against the case's bank; {@code resumeOf} (or null) names an
   * earlier scan of the same paths whose hashes are reused.
   */
  public ScanJob start(Cases.CaseInfo c, List<Path> paths, String resumeOf) {
    String id = ID_TIME.format(clock.instant()) + "-" + counter.incrementAndGet();
    Path dir = dir(c.id(), id);
    ScanJob job = new ScanJob(c.id(), id, paths, clock.instant());
    try {
      OwnerOnly.dirs(dir);
      if (resumeOf != null) {
        Path old = dir(c.id(), resumeOf).resolve("hashes.jsonl");
        if (Files.isRegularFile(old)) {
          OwnerOnly.write(dir.resolve("hashes.jsonl"), Files.readAllBytes(old));
        }
      }
      saveMeta(dir, job);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to create the scan folder " + dir, e);
    }
    running.put(key(c.id(), id), job);
    Future<?> f = runner.submit(() -> run(c, job, dir, resumeOf != null));
    job.future(f);
    return job;
  }

  private void run(Cases.CaseInfo c, ScanJob job, Path dir, boolean resume) {
    try {
      if (job.state() == ScanJob.State.CANCELLED) {
        return;
      }
      Limits limits = Limits.defaults();
      job.state(ScanJob.State.COUNTING);
      job.total(Scanner.countMedia(job.paths(), limits));
      List<String> warnings = new ArrayList<>();
      job.state(ScanJob.State.RUNNING);
      SpreadReport report =
          casework
              .scan(
                  new ScanRequest(
                      job.paths(),
                      List.of(c.bank()),
                      false,
                      resume,
                      0,
                      limits,
                      job::checked,
                      true,
                      true,
                      dir.resolve("hashes.jsonl"),
                      dir),
                  warnings::add)
              .report();
      // The report and, beside it, the compact form dossiers read (as the CLI keeps a scan).
      cases.writeReport(c.id(), dir, report);
      // What the scanner and the report writer left (cache, report) owner-only before it shows.
      OwnerOnly.tightenTree(dir);
      job.finish(report.partial() ? ScanJob.State.PARTIAL : ScanJob.State.DONE, null);
    } catch (ReportException | CaseworkException | IOException e) {
      job.finish(ScanJob.State.FAILED, e.getMessage());
    } catch (ScanException e) {
      job.finish(
          Thread.currentThread().isInterrupted() || job.cancelRequested()
              ? ScanJob.State.CANCELLED
              : ScanJob.State.FAILED,
          e.getMessage());
    } catch (RuntimeException e) {
      job.finish(ScanJob.State.FAILED, e.getMessage());
    } finally {
      try {
        saveMeta(dir, job);
      } catch (IOException e) {
        job.finish(ScanJob.State.FAILED, "failed to save the scan's state: " + e.getMessage());
      }
      OwnerOnly.tightenTree(dir);
      running.remove(key(job.caseId(), job.id()));
    }
  }

  /**
   * Stores an existing spread report (written by {@code redress scan --json}) as a finished scan of
   * the case, e.g. the demo's report; returns the new scan.
   *
   * @throws UncheckedIOException if the report cannot be copied
   */
  public ScanJob importReport(Cases.CaseInfo c, Path reportJson, List<Path> paths) {
    String id = ID_TIME.format(clock.instant()) + "-" + counter.incrementAndGet();
    Path dir = dir(c.id(), id);
    ScanJob job = new ScanJob(c.id(), id, paths, clock.instant());
    try {
      SpreadReport r = ReportJson.read(reportJson);
      OwnerOnly.dirs(dir);
      OwnerOnly.write(dir.resolve("report.json"), Files.readAllBytes(reportJson));
      cases.keepSightings(c.id(), dir.resolve("report.json"), r);
      job.total(r.totals().mediaChecked());
      job.checked(job.total());
      job.finish(r.partial() ? ScanJob.State.PARTIAL : ScanJob.State.DONE, null);
      saveMeta(dir, job);
      return job;
    } catch (ReportException e) {
      throw new IllegalStateException(
          "failed to import the report " + reportJson + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to import the report " + reportJson, e);
    }
  }

  /** Asks a running or queued scan to stop; false when it is not running. */
  public boolean cancel(String caseId, String scanId) {
    ScanJob j = running.get(key(caseId, scanId));
    if (j == null) {
      return false;
    }
    j.cancel();
    if (j.state() == ScanJob.State.CANCELLED) {
      // Never started: nothing else will record that it ended.
      running.remove(key(caseId, scanId));
      try {
        saveMeta(dir(caseId, scanId), j);
      } catch (IOException e) {
        throw new UncheckedIOException("failed to save the scan's state", e);
      }
    }
    return true;
  }

  /** The scan, running or stored. */
  public Optional<ScanJob> get(String caseId, String scanId) {
    if (scanId == null || !ID.matcher(scanId).matches()) {
      return Optional.empty();
    }
    ScanJob j = running.get(key(caseId, scanId));
    if (j != null) {
      return Optional.of(j);
    }
    return loadMeta(caseId, scanId);
  }

  /** The scans of a case, newest first. */
  public List<ScanJob> list(String caseId) {
    Path root = cases.dir(caseId).resolve("scans");
    List<ScanJob> out = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> s = Files.list(root)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          get(caseId, p.getFileName().toString()).ifPresent(out::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("failed to list the scans in " + root, e);
      }
    }
    out.sort(Comparator.comparing(ScanJob::started).reversed());
    return out;
  }

  /**
   * The stored spread report of a finished scan, read with the report module's one reader. Reports
   * never change once written, so the last few read are kept parsed.
   *
   * @throws IllegalStateException naming the file when it is damaged
   */
  public Optional<SpreadReport> report(String caseId, String scanId) {
    if (!ID.matcher(scanId).matches()) {
      return Optional.empty();
    }
    String key = key(caseId, scanId);
    synchronized (parsed) {
      SpreadReport hit = parsed.get(key);
      if (hit != null) {
        return Optional.of(hit);
      }
    }
    Path f = dir(caseId, scanId).resolve("report.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      SpreadReport r = ReportJson.read(f);
      synchronized (parsed) {
        parsed.put(key, r);
      }
      return Optional.of(r);
    } catch (ReportException e) {
      throw new IllegalStateException("failed to read the report " + f + ": " + e.getMessage(), e);
    }
  }

  private Path dir(String caseId, String scanId) {
    return cases.dir(caseId).resolve("scans").resolve(scanId);
  }

  private static String key(String caseId, String scanId) {
    return caseId + "/" + scanId;
  }

  private static void saveMeta(Path dir, ScanJob j) throws IOException {
    new ScanRecord(
            j.id(),
            j.caseId(),
            j.paths(),
            j.started(),
            j.state().name().toLowerCase(java.util.Locale.ROOT),
            j.checked(),
            j.total(),
            j.error())
        .save(dir);
  }

  private Optional<ScanJob> loadMeta(String caseId, String scanId) {
    Optional<ScanRecord> found = ScanRecord.load(dir(caseId, scanId), caseId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ScanRecord r = found.get();
    ScanJob j = new ScanJob(caseId, scanId, r.paths(), r.started());
    j.total(r.total());
    j.checked(r.checked());
    ScanJob.State st;
    try {
      st = ScanJob.State.valueOf(r.state().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      st = ScanJob.State.FAILED;
    }
    // A scan stored as running was stopped by a restart: it can be resumed.
    j.finish(st.terminal() ? st : ScanJob.State.CANCELLED, r.error());
    return Optional.of(j);
  }

  /** Stops the running scan, if any. */
  @Override
  public void close() {
    running.values().forEach(ScanJob::cancel);
    runner.shutdownNow();
  }
}
