package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cli.CliWorkspace.GeneratedExport;

/**
 * Issue 17's medium findings on hostile inputs, each with its own regression test: a facts file
 * with a 20 MB comment (137 s before), {@code assess /dev/zero} and other inputs that are no
 * regular file, and a workspace that cannot be written.
 */
class HostileInputsTest {
  @TempDir Path tmp;
  private Path frozen;

  @AfterEach
  void thaw() throws Exception {
    if (frozen != null) {
      freeze(frozen, false);
    }
  }

  @Test
  void assess_factsWithTwentyMegabyteComment_refusedFastInOneLine() throws IOException {
    Path facts = tmp.resolve("facts.yaml");
    try (Writer w = Files.newBufferedWriter(facts, StandardCharsets.UTF_8)) {
      w.write("schema: redress/case-facts@1\n# ");
      char[] line = new char[1 << 20];
      java.util.Arrays.fill(line, 'x');
      for (int i = 0; i < 20; i++) {
        w.write(line);
      }
      w.write("\n");
    }
    for (String[] args :
        List.of(
            new String[] {"assess", facts.toString()},
            new String[] {"facts", "merge", facts.toString(), report().toString()})) {
      long t0 = System.nanoTime();
      CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of(args));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      assertOneLine(r);
      assertThat(r.err()).contains("more than the limit");
      assertThat(ms).as("milliseconds for " + args[0]).isLessThan(10_000);
    }
  }

  @Test
  void assess_devZeroFifoOrFolder_refusedAtOnceInOneLine() throws Exception {
    List<Path> inputs = folderAndDevZero(tmp);
    Path fifo = tmp.resolve("fifo");
    if (run("mkfifo", fifo.toString())) {
      inputs.add(fifo);
    }
    for (Path in : inputs) {
      for (String[] args :
          List.of(
              new String[] {"assess", in.toString()},
              new String[] {"facts", "merge", in.toString(), report().toString()})) {
        assertThat(badDataInOneLine(in, args).err()).contains("not a regular file");
      }
    }
    assertThat(inputs).hasSizeGreaterThan(1);
  }

  @Test
  void evidenceVerify_devZeroOrFolder_notAPackageInOneLine() throws Exception {
    for (Path in : folderAndDevZero(tmp)) {
      assertThat(badDataInOneLine(in, "evidence", "verify", in.toString()).err())
          .contains("not a regular file, so not an evidence package")
          .doesNotContain("no such file");
    }
    CliRun missing = CliRun.of("evidence", "verify", tmp.resolve("nope.zip").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void factsMerge_reportIsDevZeroOrFolder_notARegularFileInOneLine() throws Exception {
    Path intake = demoIntake();
    for (Path in : folderAndDevZero(Files.createDirectories(tmp.resolve("folder")))) {
      assertThat(badDataInOneLine(in, "facts", "merge", intake.toString(), in.toString()).err())
          .contains(in + ": not a regular file");
    }
  }

  @Test
  void factsMerge_outInMissingFolder_folderMadeAndFileWritten() throws Exception {
    Path intake = demoIntake();
    Path out = tmp.resolve("new").resolve("deeper").resolve("facts.json");
    CliRun r =
        CliRun.ok(
            "facts", "merge", intake.toString(), report().toString(), "--out", out.toString());
    assertThat(r.out()).contains("facts: " + out);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("{").contains("\"acts\"");
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("facts.json");
    }
    CliRun folder =
        CliRun.of(
            "facts", "merge", intake.toString(), report().toString(), "--out", tmp.toString());
    assertThat(folder.exit()).as(folder.err()).isEqualTo(2);
    assertOneLine(folder);
    assertThat(folder.err()).contains("is a folder; give a file name");
  }

  @Test
  void scanAndExport_readOnlyWorkspace_oneLineErrorsNothingStoredLost() throws Exception {
    Path ws = tmp.resolve("ws");
    CliWorkspace w = new CliWorkspace(ws);
    Path pass = tmp.resolve("pass.txt");
    Files.writeString(pass, "a long demo passphrase\n", StandardCharsets.UTF_8);
    GeneratedExport sample = GeneratedExport.make(tmp.resolve("export"));
    w.ok("bank", "create", "b");
    w.ok("bank", "add", "b", sample.originals().toString());
    String[] scan =
        w.args(
            "scan",
            sample.folder().toString(),
            "--bank",
            "b",
            "--preserve",
            "--case",
            "c1",
            "--passphrase-file",
            pass.toString());
    CliRun.ok(scan);
    String listed = CliRun.ok(evidence("list", w, pass, "--case", "c1")).out();
    assertThat(listed.lines()).hasSizeGreaterThan(1);
    String bank = w.ok("bank", "list").out();

    assumeTrue(freeze(ws, true), "no way to make a folder read-only for this user");
    frozen = ws;
    assertThat(Files.isWritable(ws)).isFalse();
    CliRun again = CliRun.of(scan);
    assertThat(again.exit()).as(again.err()).isEqualTo(1);
    assertOneLine(again);
    assertThat(again.err()).contains("read-only");
    Path inside = ws.resolve("package.zip");
    CliRun exportInside = CliRun.of(evidence("export", w, pass, "--case", "c1", inside.toString()));
    assertThat(exportInside.exit()).as(exportInside.err()).isEqualTo(1);
    assertOneLine(exportInside);
    assertThat(inside).doesNotExist();
    // A read-only workspace still exports elsewhere, and the package verifies.
    Path outside = tmp.resolve("package.zip");
    CliRun.ok(evidence("export", w, pass, "--case", "c1", outside.toString()));
    assertThat(CliRun.ok("evidence", "verify", outside.toString()).out()).contains("VERIFIED");

    freeze(ws, false);
    frozen = null;
    assertThat(CliRun.ok(evidence("list", w, pass, "--case", "c1")).out()).isEqualTo(listed);
    assertThat(w.ok("bank", "list").out()).isEqualTo(bank);
    CliRun.ok(evidence("verify-log", w, pass, "--deep"));
  }

  /** {@code evidence SUB} in {@code ws} with the passphrase file, then {@code more}. */
  private static String[] evidence(String sub, CliWorkspace ws, Path pass, String... more) {
    List<String> a =
        new java.util.ArrayList<>(List.of("evidence", sub, "--passphrase-file", pass.toString()));
    a.addAll(List.of(more));
    return ws.args(a.toArray(new String[0]));
  }

  /** A spread report the facts merge accepts, made by a real scan of a generated export. */
  private Path report() throws IOException {
    Path r = tmp.resolve("report.json");
    if (!Files.exists(r)) {
      Path export = tmp.resolve("r-export");
      GeneratedExport sample = GeneratedExport.make(export);
      CliWorkspace ws = new CliWorkspace(tmp.resolve("r-ws"));
      ws.ok("bank", "create", "b");
      ws.ok("bank", "add", "b", sample.originals().toString());
      ws.ok("scan", export.toString(), "--bank", "b", "--json", r.toString());
    }
    return r;
  }

  /**
   * Makes a tree read-only for this process, honestly: as root the permission bits do not stop a
   * write, so the files are made immutable ({@code chattr +i}); otherwise the write bits go.
   */
  private static boolean freeze(Path dir, boolean on) throws Exception {
    if ("root".equals(System.getProperty("user.name"))) {
      return run("chattr", "-R", on ? "+i" : "-i", dir.toString());
    }
    return run("chmod", "-R", on ? "a-w" : "u+w", dir.toString());
  }

  private static boolean run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException | InterruptedException ex) {
      return false;
    }
  }

  /** {@code folder}, and {@code /dev/zero} where this machine has it: no regular file either. */
  private static List<Path> folderAndDevZero(Path folder) {
    List<Path> inputs = new java.util.ArrayList<>(List.of(folder));
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      inputs.add(zero);
    }
    return inputs;
  }

  /** Runs {@code args} on input {@code in}: within 30 seconds, exit 1 and one line. */
  private static CliRun badDataInOneLine(Path in, String... args) {
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of(args));
    assertThat(r.exit()).as(in + ": " + r.err()).isEqualTo(1);
    assertOneLine(r);
    return r;
  }

  private static void assertOneLine(CliRun r) {
    List<String> errors = r.err().lines().filter(l -> !l.contains("warning:")).toList();
    assertThat(errors).as(r.err()).hasSize(1);
    assertThat(errors.get(0)).startsWith("redress: ").doesNotContain("Exception");
  }

  /** The demo's intake (valid facts) as a file. */
  private Path demoIntake() throws IOException {
    Path to = tmp.resolve("intake.yaml");
    if (!Files.exists(to)) {
      try (java.io.InputStream in =
          getClass().getResourceAsStream("/org/redress/cli/demo/intake.yaml")) {
        Files.copy(in, to);
      }
    }
    return to;
  }
}
