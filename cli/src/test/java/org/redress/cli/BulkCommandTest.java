package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void bulk_withoutOutOrInput_isAUsageError() {
    CliRun r = new CliWorkspace(dir).run("bulk");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("give --out DIR and at least one INPUT");
  }

  @Test
  void bulk_clusterMaster_isAUsageErrorPointingToSparkSubmit() {
    CliRun r = CliRun.of("bulk", "--master", "yarn", "--out", dir.toString(), "x");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("spark-submit");
  }

  @Test
  void bulk_childJvm_opensTheJdkForSparkAndPutsTheJobJarFirst() throws IOException {
    Path jar = Files.write(dir.resolve("redress-spark-0.1.0-SNAPSHOT-job.jar"), new byte[0]);
    Files.writeString(
        dir.resolve("spark-classpath.txt"),
        "/m2/spark-core_2.13-4.0.1.jar\n",
        StandardCharsets.UTF_8);
    BulkCommand c = new BulkCommand();
    c.workspace = new WorkspaceOption();
    c.out = dir.resolve("out");
    c.inputs = List.of("pictures", "hdfs://nn:8020/seized");
    c.master = "local[2]";
    List<String> cmd = c.command(jar, c.jobArgs());
    assertThat(cmd)
        .containsAll(BulkCommand.ADD_OPENS)
        .contains(
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Xmx2g",
            BulkCommand.JOB_CLASS,
            "local[2]",
            "hdfs://nn:8020/seized",
            dir.resolve("out").toString(),
            Path.of("pictures").toAbsolutePath().normalize().toString());
    assertThat(cmd.get(cmd.indexOf("-cp") + 1))
        .isEqualTo(jar + java.io.File.pathSeparator + "/m2/spark-core_2.13-4.0.1.jar");
    assertThat(cmd).doesNotContain("--no-screenshots");
  }

  @Test
  void bulk_childJvm_firstRunWritesTheClassArchiveLaterRunsMapIt() throws IOException {
    Path jar = Files.write(dir.resolve("redress-spark-0.1.0-SNAPSHOT-job.jar"), new byte[0]);
    Files.writeString(dir.resolve("spark-classpath.txt"), "/m2/x.jar\n", StandardCharsets.UTF_8);
    Files.write(dir.resolve("redress-spark-0.1.0-SNAPSHOT-job-0badc0de.jsa"), new byte[] {1});
    BulkCommand first = command();
    List<String> cmd = first.command(jar, first.jobArgs());
    assertThat(first.archive).isNotNull();
    assertThat(first.dumping).isNotNull().doesNotExist();
    assertThat(cmd).contains("-XX:ArchiveClassesAtExit=" + first.dumping);
    assertThat(cmd.indexOf("-XX:ArchiveClassesAtExit=" + first.dumping))
        .isLessThan(cmd.indexOf(BulkCommand.JOB_CLASS));
    // An archive of an older build is removed.
    assertThat(dir.resolve("redress-spark-0.1.0-SNAPSHOT-job-0badc0de.jsa")).doesNotExist();

    // The JVM wrote it and the job succeeded: kept under its name, mapped by the next run.
    Files.write(first.dumping, new byte[] {1, 2, 3});
    first.keepArchive(ExitCodes.OK);
    assertThat(first.archive).exists();
    assertThat(first.dumping).doesNotExist();
    BulkCommand next = command();
    assertThat(next.command(jar, next.jobArgs()))
        .contains("-XX:SharedArchiveFile=" + first.archive)
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    assertThat(next.dumping).isNull();

    // A failed job keeps no archive; REDRESS_CDS=0 asks for none.
    Files.delete(first.archive);
    BulkCommand failed = command();
    failed.command(jar, failed.jobArgs());
    Files.write(failed.dumping, new byte[] {1});
    failed.keepArchive(ExitCodes.INTERNAL);
    assertThat(failed.archive).doesNotExist();
    assertThat(failed.dumping).doesNotExist();
    BulkCommand off = command();
    off.cds = false;
    assertThat(off.command(jar, off.jobArgs())).noneMatch(a -> a.contains("Archive"));
  }

  @Test
  void bulk_thirdPartyLog_errorsOnlyUnlessVerbose() throws IOException {
    Path jar = Files.write(dir.resolve("redress-spark-0.1.0-SNAPSHOT-job.jar"), new byte[0]);
    Files.writeString(dir.resolve("spark-classpath.txt"), "/m2/x.jar\n", StandardCharsets.UTF_8);
    BulkCommand c = command();
    c.cds = false;
    assertThat(c.command(jar, c.jobArgs())).contains("-Dredress.bulk.log=ERROR");
    c.verbose = true;
    assertThat(c.command(jar, c.jobArgs())).contains("-Dredress.bulk.log=WARN");
  }

  private BulkCommand command() {
    BulkCommand c = new BulkCommand();
    c.workspace = new WorkspaceOption();
    c.out = dir.resolve("out");
    c.inputs = List.of("pictures");
    c.master = "local[2]";
    return c;
  }

  @Test
  void bulk_noScreenshots_passedToTheJobAsMatchNamesIt() {
    BulkCommand c = new BulkCommand();
    c.workspace = new WorkspaceOption();
    c.out = dir.resolve("out");
    c.inputs = List.of("pictures");
    c.noScreenshots = true;
    assertThat(c.jobArgs()).contains("--no-screenshots");
  }

  @Test
  void cli_classPath_holdsNoSpark() {
    assertThat(System.getProperty("java.class.path"))
        .doesNotContain("spark-core")
        .doesNotContain("spark-sql")
        .doesNotContain("scala-library");
  }

  @Test
  void bulkImport_matchedLocalFiles_scannedPreservedAndReported() throws IOException {
    Path ws = dir.resolve("ws");
    Path originals = Files.createDirectories(dir.resolve("originals"));
    Path found = Files.createDirectories(dir.resolve("found"));
    Files.write(
        originals.resolve("a.jpg"), SampleImages.jpeg(SampleImages.scene(640, 480, 7), 0.9f));
    Files.write(
        found.resolve("copy.jpg"),
        SampleImages.jpeg(SampleImages.scaled(SampleImages.scene(640, 480, 7), 0.5), 0.7f));
    Files.write(
        found.resolve("other.jpg"), SampleImages.jpeg(SampleImages.scene(640, 480, 99), 0.9f));
    CliWorkspace w = new CliWorkspace(ws);
    w.ok("bank", "create", "victim");
    w.ok("bank", "add", "victim", originals.toString());
    // A bulk run's output: the lines of redress match --json and the summary.
    CliRun m = w.run("match", "--json", found.toAbsolutePath().toString());
    Path out = bulkOutput(dir.resolve("bulk-out"), "part-00000-x.txt", m.out(), "victim");

    CliRun r = w.ok("bulk", "import", out.toString(), "--case", "C-1");
    assertThat(r.out()).contains("2 result(s)", "1 matched file(s)");
    JsonNode report = JSON.readTree(ws.resolve("bulk/C-1/spread-report.json").toFile());
    assertThat(report.path("schema").asText()).isEqualTo("redress/spread-report@1");
    assertThat(report.toString()).contains("copy.jpg").doesNotContain("other.jpg");
    CliRun list = w.ok("evidence", "list", "--case", "C-1");
    // The matched file (by its SHA-256) and the report are preserved; the unrelated file is not.
    assertThat(list.out())
        .contains(sha256(found.resolve("copy.jpg")))
        .doesNotContain(sha256(found.resolve("other.jpg")));
    assertThat(list.out().lines().count()).isEqualTo(2);
  }

  /** The workspace {@code ws} in the test's folder. */
  private CliWorkspace ws() {
    return new CliWorkspace(dir.resolve("ws"));
  }

  /**
   * Writes a bulk run's output folder {@code out}: {@code lines} as the results part {@code part}
   * and a summary over bank {@code bank}.
   *
   * @return {@code out}
   */
  private static Path bulkOutput(Path out, String part, String lines, String bank)
      throws IOException {
    Path results = Files.createDirectories(out.resolve("results.jsonl"));
    Files.writeString(results.resolve(part), lines, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("summary.json"),
        "{\"schema\":\"redress/bulk-summary@1\",\"banks\":[\"" + bank + "\"]}",
        StandardCharsets.UTF_8);
    return out;
  }

  private static String sha256(Path p) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bulkImport_fileNotOnThisMachine_namedAndBadData() throws IOException {
    Path out =
        bulkOutput(
            dir.resolve("o"),
            "part-00000",
            "{\"path\":\"hdfs://nn/x.jpg\",\"matches\":"
                + "[{\"bank\":\"b\",\"item\":1}],\"suppressed\":[],\"warnings\":[]}\n",
            "b");
    CliRun r = ws().run("bulk", "import", out.toString(), "--case", "C");
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains("hdfs://nn/x.jpg: not a file on this machine");
  }

  @Test
  void bulkImport_rebase_readsAClusterPathFromItsLocalCopy() throws IOException {
    Path out =
        bulkOutput(
            dir.resolve("o"),
            "part-00000",
            "{\"path\":\"hdfs://nn/seized/x.jpg\","
                + "\"matches\":[{\"bank\":\"b\",\"item\":1}],\"suppressed\":[],\"warnings\":[]}\n",
            "b");
    Path copy = Files.createDirectories(dir.resolve("copy"));
    Files.write(copy.resolve("x.jpg"), SampleImages.jpeg(SampleImages.scene(320, 240, 3), 0.9f));
    CliRun r =
        ws().run(
                "bulk",
                "import",
                out.toString(),
                "--case",
                "C",
                "--rebase",
                "hdfs://nn/seized=" + copy);
    // The copy is found and scanned (bank b does not exist there: the scan says so).
    assertThat(r.out()).contains("1 matched file(s) on this machine");
    assertThat(r.err()).doesNotContain("not a file on this machine");
  }

  @Test
  void bulkImport_notABulkFolder_isBadData() {
    CliRun r = ws().run("bulk", "import", dir.toString(), "--case", "C");
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err()).contains("no summary.json");
  }
}
