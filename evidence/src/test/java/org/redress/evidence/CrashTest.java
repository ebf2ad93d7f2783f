package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is adding items (SIGKILL, like {@code kill -9}) at random moments, 30
 * times over one workspace. After each kill: the store opens (repairing a torn tail and removing
 * the pack of a batch that never reached the log, if needed), verify-log holds, every checkpoint
 * ever written stays consistent with the log, and every item whose add had returned (the child
 * printed it) is present and decrypts to its SHA-256.
 */
class CrashTest {
  static final int KILLS = 30;
  @TempDir Path tmp;

  @Test
  void killNine_atRandomMoments_loseNothingThatReturned() throws Exception {
    Path ws = tmp.resolve("ws");
    Map<Long, String> returned = new HashMap<>();
    Random r = new Random(20250301L);
    int repaired = 0;
    int orphans = 0;
    for (int round = 0; round < KILLS; round++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "-Xshare:auto",
                  "-XX:TieredStopAtLevel=1",
                  CrashChild.class.getName(),
                  ws.toString(),
                  tmp.resolve("src").toString(),
                  Integer.toString(round))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = in.readLine();
      assertThat(first).as("child started").startsWith("ready");
      List<String> lines = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String l; (l = in.readLine()) != null; ) {
                    synchronized (lines) {
                      lines.add(l);
                    }
                  }
                } catch (java.io.IOException ignored) {
                  // the pipe closes when the child dies
                }
              });
      reader.start();
      Thread.sleep(20 + r.nextInt(400));
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      synchronized (lines) {
        for (String l : lines) {
          String[] f = l.split(" ");
          if (f.length == 3 && f[0].equals("added")) {
            returned.put(Long.parseLong(f[1]), f[2]);
          }
        }
      }
      try (EvidenceStore s = Fixtures.store(ws).open()) {
        for (Warning warning : s.drainWarnings()) {
          String w = warning.text();
          if (w.startsWith("repaired torn log tail")) {
            repaired++;
          } else if (w.startsWith("WARNING: moved pack")) {
            orphans++;
          }
        }
        if (s.openWarnings().stream().anyMatch(w -> w.text().contains("wait in the quarantine"))) {
          // an interrupted batch's pack, kept in the quarantine: re-log what it holds
          s.recover();
        }
        for (Map.Entry<Long, String> e : returned.entrySet()) {
          Item it = s.item(e.getKey());
          assertThat(it.sha256()).isEqualTo(e.getValue());
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          s.readContent(e.getKey(), out);
          assertThat(Hex.of(Hex.sha256(out.toByteArray()))).isEqualTo(e.getValue());
        }
      }
      Verification v = LogVerifier.verify(ws);
      assertThat(v.ok()).as("round %d: %s", round, v).isTrue();
    }
    assertThat(returned).as("the children added something").hasSizeGreaterThan(KILLS);
    System.out.printf(
        java.util.Locale.ROOT,
        "crash test: %d kills, %d items returned, %d torn "
            + "tails repaired, %d packs of unlogged batches quarantined%n",
        KILLS,
        returned.size(),
        repaired,
        orphans);
  }
}
