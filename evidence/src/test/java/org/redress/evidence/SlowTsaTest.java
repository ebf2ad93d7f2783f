package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the trusted-timestamp request was made while the workspace lock was held, so a slow (or
 * hostile) TSA blocked every other command. The TSA is now asked after the lock is released.
 */
class SlowTsaTest {
  @TempDir Path tmp;

  @Test
  void evidenceAdd_tsaSlowToAnswer_anotherCommandProceedsMeanwhile() throws Exception {
    Path ws = tmp.resolve("ws");
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try (LocalTsa tsa = LocalTsa.valid()) {
      tsa.beforeReply(
          () -> {
            asked.countDown();
            try {
              answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
              Thread.currentThread().interrupt();
            }
          });
      Path a = Fixtures.noise(tmp, "a", 100, 1);
      Future<List<Warning>> adding =
          first.submit(
              () -> {
                EvidenceStore s = Fixtures.store(ws).tsa(tsa.url()).open();
                try (s) {
                  s.add("c", NewItem.of(a));
                }
                return s.drainWarnings();
              });
      assertThat(asked.await(60, TimeUnit.SECONDS)).as("the TSA was asked").isTrue();
      // The first command waits for the TSA; a second one opens the workspace and adds.
      try (EvidenceStore other = Fixtures.store(ws).open()) {
        assertThat(other.list("c")).hasSize(1);
        other.add("c", NewItem.of(Fixtures.noise(tmp, "b", 100, 2)));
        assertThat(other.logSize()).isEqualTo(2);
      }
      assertThat(adding.isDone()).as("the first command still waits for the TSA").isFalse();
      answer.countDown();
      assertThat(adding.get(60, TimeUnit.SECONDS)).isEmpty();
      // The token was stored beside the checkpoint it stamps, and the log verifies with it.
      assertThat(new Layout(ws).token(1)).isRegularFile();
      Verification v = LogVerifier.verify(ws);
      assertThat(v.ok()).as(v.toString()).isTrue();
    } finally {
      answer.countDown();
      first.shutdownNow();
    }
  }

  @Test
  void checkpoint_closeAndStamp_tsaDown_isAnErrorAfterTheLockIsReleased() throws Exception {
    Path ws = tmp.resolve("ws");
    java.net.URI url;
    try (LocalTsa tsa = LocalTsa.valid()) {
      url = tsa.url();
    }
    {
      EvidenceStore s = Fixtures.store(ws).tsa(url).open();
      try (s) {
        s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 100, 1)));
        s.checkpoint();
        org.assertj.core.api.Assertions.assertThatThrownBy(s::closeAndStamp)
            .isInstanceOf(EvidenceException.class)
            .hasMessageContaining("failed to timestamp checkpoint 1");
        // The lock is already released: another command can open the workspace.
        try (EvidenceStore other = Fixtures.store(ws).open()) {
          assertThat(other.logSize()).isEqualTo(1);
        }
      }
      assertThat(Files.exists(new Layout(ws).token(1))).isFalse();
    }
  }
}
