package org.redress.dossier;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

/**
 * The dossier's PDQ join alone ({@link PdqJoin#links}, package-private, hence this package), on the
 * shape of {@code DossierBench}'s hashes: {@code pictures} pictures (9,000: 45 images in each of
 * 200 cases), {@code copies} copies of each (90), each copy up to 4 bits from its picture, in the
 * bench's order (case by case, the case's pictures in turn), radius 31.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.redress.dossier.PdqJoinBench [shape]
 * [pictures] [copies] [rounds]}; shape {@code bench} (default), {@code chained} (each picture's
 * hash 32 to 47 bits from the previous one, so balls meet around the radius) or {@code random}
 * ({@code pictures * copies} unrelated hashes: no cover pays). Prints wall and process CPU time
 * (every core) per round and the number of components.
 */
public final class PdqJoinBench {
  private PdqJoinBench() {}

  public static void main(String[] args) {
    String shape = args.length > 0 ? args[0] : "bench";
    int pictures = args.length > 1 ? Integer.parseInt(args[1]) : 9_000;
    int copies = args.length > 2 ? Integer.parseInt(args[2]) : 90;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    long[] words = generate(shape, pictures, copies, new Random(19));
    int n = words.length / 4;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
      PdqJoin.links(words, 31, (x, y) -> union(parent, x, y));
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      int components = 0;
      for (int i = 0; i < n; i++) {
        components += find(parent, i) == i ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: join %.3f s wall, %.3f s CPU, %d hashes, %d components%n",
          r + 1,
          wall / 1e9,
          cpu / 1e9,
          n,
          components);
    }
  }

  private static long[] generate(String shape, int pictures, int copies, Random rnd) {
    int n = pictures * copies;
    long[] words = new long[4 * n];
    if (shape.equals("random")) {
      for (int i = 0; i < words.length; i++) {
        words[i] = rnd.nextLong();
      }
      return words;
    }
    boolean chained = shape.equals("chained");
    if (!chained && !shape.equals("bench")) {
      throw new IllegalArgumentException("shape must be bench, chained or random, was " + shape);
    }
    int perCase = 45;
    long[] previous = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    int at = 0;
    for (int first = 0; first < pictures; first += perCase) {
      int k = Math.min(perCase, pictures - first);
      long[][] base = new long[k][];
      for (int p = 0; p < k; p++) {
        if (chained) {
          previous = flip(previous, 32 + rnd.nextInt(16), rnd);
          base[p] = previous;
        } else {
          base[p] = new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
        }
      }
      for (int i = 0; i < k * copies; i++) {
        long[] w = flip(base[i % k], 4, rnd);
        System.arraycopy(w, 0, words, 4 * at++, 4);
      }
    }
    return words;
  }

  /** {@code bits} random bits flipped (possibly the same one twice). */
  private static long[] flip(long[] w, int bits, Random rnd) {
    long[] out = w.clone();
    for (int b = 0; b < bits; b++) {
      int bit = rnd.nextInt(256);
      out[bit >> 6] ^= 1L << (bit & 63);
    }
    return out;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
