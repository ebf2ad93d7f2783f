package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 point 4: everything Redress writes is owner-only, in the workspace and at output paths
 * outside it. Runs the real commands through the public entry point, then walks every file.
 */
class WorkspacePermissionsTest {
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  @TempDir Path tmp;

  @Test
  void demoChain_everyFileWritten_isOwnerOnly() throws IOException {
    Path ws = tmp.resolve("ws");
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    CliRun demo = CliRun.of("demo", "--workspace", ws.toString());
    assertThat(demo.exit()).as(demo.err()).isZero();
    Path d = ws.resolve("demo");
    Path evidenceWs = d.resolve("workspace");
    String pass = d.resolve("demo-passphrase.txt").toString();
    ok(
        "evidence",
        "export",
        "--case",
        DemoCommand.CASE,
        "--workspace",
        evidenceWs.toString(),
        "--passphrase-file",
        pass,
        outside.resolve("package.zip").toString());
    ok(
        "evidence",
        "checkpoint",
        "--workspace",
        evidenceWs.toString(),
        "--passphrase-file",
        pass,
        "--publish",
        outside.resolve("published.txt").toString());
    ok(
        "facts",
        "merge",
        d.resolve("intake.yaml").toString(),
        d.resolve("report/spread-report.json").toString(),
        "--out",
        outside.resolve("facts.json").toString());
    ok(
        "bank",
        "export",
        DemoCommand.BANK,
        "--workspace",
        evidenceWs.toString(),
        "--format",
        "csv",
        "--output",
        outside.resolve("bank.csv").toString());

    List<String> open = new ArrayList<>();
    int[] seen = {0};
    for (Path root : List.of(ws, outside)) {
      try (Stream<Path> s = Files.walk(root)) {
        s.forEach(
            p -> {
              if (p.equals(outside)) {
                return; // made by the test, not by Redress
              }
              seen[0]++;
              try {
                Set<PosixFilePermission> perms =
                    Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                perms.retainAll(OTHERS);
                if (!perms.isEmpty()) {
                  open.add(tmp.relativize(p) + " " + perms);
                }
              } catch (IOException ex) {
                open.add(p + ": " + ex);
              }
            });
      }
    }
    assertThat(evidenceWs.resolve("redress.db")).isRegularFile();
    assertThat(outside.resolve("package.zip")).isRegularFile();
    assertThat(outside.resolve("bank.csv")).isRegularFile();
    assertThat(seen[0]).isGreaterThan(100);
    assertThat(open).as("files or folders open to group or others").isEmpty();
  }

  private static void ok(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
  }
}
