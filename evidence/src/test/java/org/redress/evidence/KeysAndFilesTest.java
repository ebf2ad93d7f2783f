package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: "the workspace is world-readable (0644)" and "a full disk makes evidence add exit 1
 * though the item was stored".
 */
class KeysAndFilesTest {
  @TempDir Path tmp;

  @Test
  void workspace_everyDirectory0700_everyFile0600_packageToo() throws Exception {
    Path ws = tmp.resolve("ws");
    Path pkg = tmp.resolve("out.zip");
    try (EvidenceStore s =
        Fixtures.store(ws).keys(KeySource.passphrase("a long passphrase".toCharArray())).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 300, 1)));
      s.correct(0, java.util.Map.of("note", "n"), "why");
      s.publishCheckpoint();
      s.export("c", List.of(), pkg, null);
    }
    try (Stream<Path> all = Files.walk(ws)) {
      for (Path p : all.toList()) {
        String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as("%s", ws.relativize(p))
            .isEqualTo(want);
      }
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pkg)))
        .isEqualTo("rw-------");
  }

  @Test
  void open_existingWorldReadableWorkspace_evidenceDirectoryClosedToOthers() throws Exception {
    Path ws = tmp.resolve("ws");
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 300, 1)));
    }
    Files.setPosixFilePermissions(
        ws.resolve("evidence"), PosixFilePermissions.fromString("rwxr-xr-x"));
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      assertThat(s.logSize()).isEqualTo(1);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.resolve("evidence"))))
        .isEqualTo("rwx------");
  }

  /** A checkpoint that cannot be written (a full disk) after the item is durable in the log. */
  @Test
  void evidenceAdd_checkpointCannotBeWritten_itemStoredAndPreciseWarning() throws Exception {
    Path ws = tmp.resolve("ws");
    Path f = Fixtures.noise(tmp, "b", 500, 2);
    Path cps = ws.resolve("evidence/checkpoints");
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 300, 1)));
      Path aside = tmp.resolve("cps-aside");
      Files.move(cps, aside);
      Files.write(cps, new byte[0]);
      Item it = s.add("c", NewItem.of(f));
      assertThat(it.id()).isEqualTo(1);
      List<Warning> warned = s.drainWarnings();
      assertThat(warned)
          .singleElement()
          .asString()
          .startsWith(
              "WARNING: the items were stored and logged durably (log size 2), but "
                  + "failed to write checkpoint 2")
          .endsWith("free some space");
      assertThat(warned.get(0).next()).contains(NextStep.CHECKPOINT);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.readContent(1, out);
      assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(f));
      Files.delete(cps);
      Files.move(aside, cps);
    }
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      assertThat(s.logSize()).isEqualTo(2);
      assertThat(s.latestCheckpoint().size()).isEqualTo(2);
    }
    assertThat(LogVerifier.verify(ws).ok()).isTrue();
  }
}
