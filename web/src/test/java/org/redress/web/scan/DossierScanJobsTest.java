package org.redress.web.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.casework.Casework;
import org.redress.casework.FiveVictimsCases;
import org.redress.dossier.Dossier;
import org.redress.dossier.Target;
import org.redress.testing.FiveVictims;

/**
 * A scan the web runs or imports keeps, beside its report, the compact form dossiers read (as the
 * CLI's scans do), so the next dossier does not parse the report.
 */
class DossierScanJobsTest {
  @TempDir Path tmp;

  @Test
  void start_scanKeptInItsCase_writesTheCompactFormADossierReads() throws Exception {
    FiveVictims five = FiveVictims.generate(tmp.resolve("gen"), 19);
    Clock clock = Clock.fixed(Instant.parse("2026-03-20T02:00:00Z"), ZoneOffset.UTC);
    Casework cw = Casework.builder(tmp.resolve("ws")).clock(clock).user("tester").build();
    FiveVictimsCases.load(cw, five);
    Target chat = new Target.Chat(FiveVictims.CHAT_ID);
    Dossier before = cw.dossiers().build(chat).dossier();
    FiveVictims.Victim a = five.victims().get(0);
    ScanJobs jobs = new ScanJobs(cw, clock);

    ScanJob job = jobs.start(cw.cases().require(a.caseId()), List.of(a.export()), null);
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!job.state().terminal()) {
      assertThat(System.nanoTime()).as("scan finished in time").isLessThan(end);
      Thread.sleep(50);
    }
    assertThat(job.state()).isEqualTo(ScanJob.State.DONE);
    Path dir = cw.cases().scansDir(a.caseId()).resolve(job.id());
    Path kept = dir.resolve("report.sightings");

    assertThat(kept).isRegularFile();
    FileTime written = Files.getLastModifiedTime(kept);
    byte[] bytes = Files.readAllBytes(kept);
    Dossier after = cw.dossiers().build(chat).dossier();
    // Read, not written again (a stale or damaged form would be replaced by the build).
    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(written);
    assertThat(Files.readAllBytes(kept)).isEqualTo(bytes);
    // Her export scanned twice: the same posts and files, counted once.
    assertThat(after.totals()).isEqualTo(before.totals());

    ScanJob imported =
        jobs.importReport(
            cw.cases().require(a.caseId()), dir.resolve("report.json"), List.of(a.export()));
    assertThat(cw.cases().scansDir(a.caseId()).resolve(imported.id()).resolve("report.sightings"))
        .isRegularFile();
  }
}
