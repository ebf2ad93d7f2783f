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
    new CliWorkspace(ws).ok("demo");
    Path d = ws.resolve("demo");
    CliWorkspace demoWs = new CliWorkspace(d.resolve("workspace"));
    String pass = d.resolve("demo-passphrase.txt").toString();
    demoWs.ok(
        "evidence",
        "export",
        "--case",
        DemoCommand.CASE,
        "--passphrase-file",
        pass,
        outside.resolve("package.zip").toString());
    demoWs.ok(
        "evidence",
        "checkpoint",
        "--passphrase-file",
        pass,
        "--publish",
        outside.resolve("published.txt").toString());
    CliRun.ok(
        "facts",
        "merge",
        d.resolve("intake.yaml").toString(),
        d.resolve("report/spread-report.json").toString(),
        "--out",
        outside.resolve("facts.json").toString());
    demoWs.ok(
        "bank",
        "export",
        DemoCommand.BANK,
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
    assertThat(demoWs.dir().resolve("redress.db")).isRegularFile();
    assertThat(outside.resolve("package.zip")).isRegularFile();
    assertThat(outside.resolve("bank.csv")).isRegularFile();
    assertThat(seen[0]).isGreaterThan(100);
    assertThat(open).as("files or folders open to group or others").isEmpty();
  }
}
