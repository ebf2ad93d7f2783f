package org.redress.evidence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run by {@link CrashTest} in a child JVM: adds batches forever, printing {@code added <id>
 * <sha256>} after each add returned, until it is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path ws = Path.of(args[0]);
    Path src = Path.of(args[1]);
    long seed = Long.parseLong(args[2]);
    Files.createDirectories(src);
    Random r = new Random(seed);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      out.println("ready " + s.logSize());
      for (int n = 0; ; n++) {
        // Mostly small batches; one in four large enough for the worker threads (Prefetch).
        boolean big = r.nextInt(4) == 0;
        int batch = big ? 16 + r.nextInt(24) : 1 + r.nextInt(4);
        List<NewItem> items = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          items.add(
              NewItem.of(
                  Fixtures.noise(
                      src,
                      seed + "-" + n + "-" + i,
                      1 + r.nextInt(big ? 20_000 : 150_000),
                      r.nextLong())));
        }
        for (Item it : s.addAll("c" + r.nextInt(3), items)) {
          out.println("added " + it.id() + " " + it.sha256());
        }
      }
    }
  }
}
