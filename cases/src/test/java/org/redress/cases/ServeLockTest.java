package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ServeLock} between processes (a second JVM holds it, as a running {@code redress serve}
 * does) and within one.
 */
class ServeLockTest {
  @TempDir Path dir;

  private static CasesException.Reason reasonOf(Throwable e) {
    return ((CasesException) e).reason();
  }

  @Test
  void alone_whileAnotherProcessServes_refusedUntilItStops() throws Exception {
    Path ws = dir.resolve("ws");
    try (ServeLockHolder.Held server = ServeLockHolder.start("serve", ws)) {
      assertThat(server.said()).isEqualTo("held");
      assertThatThrownBy(() -> ServeLock.alone(ws))
          .isInstanceOf(CasesException.class)
          .hasMessageContaining("redress serve is running on workspace")
          .hasMessageContaining("nothing was changed")
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(CasesException.Reason.MOVE_SERVING));
      // A second server beside it is fine.
      ServeLock.serving(ws).close();
    }
    try (ServeLock alone = ServeLock.alone(ws)) {
      assertThat(alone.file()).isEqualTo(ws.toRealPath().resolve(ServeLock.FILE));
    }
  }

  @Test
  void serving_whileAnotherProcessMoves_refusedUntilItEnds() throws Exception {
    Path ws = dir.resolve("ws");
    Files.createDirectories(ws);
    try (ServeLockHolder.Held move = ServeLockHolder.start("move", ws)) {
      assertThat(move.said()).isEqualTo("held");
      assertThatThrownBy(() -> ServeLock.serving(ws))
          .isInstanceOf(CasesException.class)
          .hasMessageContaining("is being moved")
          .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(CasesException.Reason.SERVE_MOVING));
    }
    ServeLock.serving(ws).close();
  }

  @Test
  void aServerOfThisProcess_refusesAMoveInAnother() throws Exception {
    Path ws = dir.resolve("ws");
    ServeLock serving = ServeLock.serving(ws);
    try (ServeLockHolder.Held move = ServeLockHolder.start("move", ws)) {
      assertThat(move.said()).isEqualTo("refused MOVE_SERVING");
    } finally {
      serving.close();
    }
    try (ServeLockHolder.Held move = ServeLockHolder.start("move", ws)) {
      assertThat(move.said()).isEqualTo("held");
    }
  }

  @Test
  void serving_twiceInOneProcess_theLockStaysUntilTheLastCloses() throws Exception {
    Path ws = dir.resolve("ws");
    ServeLock first = ServeLock.serving(ws);
    ServeLock second = ServeLock.serving(ws.resolve("."));
    ServeLock third = ServeLock.serving(ws);
    first.close();
    first.close(); // twice is once
    assertThatThrownBy(() -> ServeLock.alone(ws)).isInstanceOf(CasesException.class);
    third.close();
    assertThatThrownBy(() -> ServeLock.alone(ws)).isInstanceOf(CasesException.class);
    second.close();
    ServeLock.alone(ws).close();
    ServeLock.serving(ws).close();
  }

  @Test
  void theLockFile_isOwnerOnlyAndEmpty() throws Exception {
    Path ws = dir.resolve("ws");
    ServeLock.serving(ws).close();
    Path f = ws.resolve(ServeLock.FILE);
    assertThat(Files.size(f)).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
  }
}
