package org.redress.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * The headline figures for the PDQ index, on one thread: build time, heap held by the
 * index, queries/s and p50/p99 latency at r = 31, the same for a linear scan, the speed-up, and a
 * recall check (every scanned query's result count equal to the index's). Not a JMH kernel: a plain
 * main.
 *
 * <p>The machine may be shared, so index and scan are measured in alternating rounds (all index
 * queries, then a slice of the scan queries) and the speed-up is also given per round: both sides
 * then see the same background load. The scan is the fair baseline: one pass over a contiguous
 * {@code long[]}, four popcounts per hash.
 *
 * <p>Usage: {@code IndexReport [size=10000000] [queries=2000] [scanQueries=50] [tables=auto]
 * [rounds=5]}.
 */
public final class IndexReport {
  private IndexReport() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int nq = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int scanQ = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int tables = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    PdqCorpus c = new PdqCorpus(size, nq, 10, 7);
    long before = usedHeap();
    long t0 = System.nanoTime();
    PdqIndex index = PdqIndexBench.build(c, tables);
    double buildS = (System.nanoTime() - t0) / 1e9;
    long indexBytes = usedHeap() - before;
    Pdq[] qs = new Pdq[nq];
    for (int i = 0; i < nq; i++) {
      qs[i] = Pdq.fromLongs(c.queries[i]);
    }
    int[] counts = new int[nq];
    for (int i = 0; i < nq; i++) { // warm-up, and the counts the scan must reproduce
      counts[i] = count(index, qs[i]);
    }
    for (int i = 0; i < 3; i++) {
      PdqCorpus.scanCount(c.words, c.queries[i], 31);
    }
    long[] lat = new long[nq * rounds];
    long[] slat = new long[scanQ];
    double[] roundSpeedUp = new double[rounds];
    long hits = 0;
    long indexNanos = 0;
    int mismatches = 0;
    for (int r = 0, s = 0; r < rounds; r++) {
      long q0 = System.nanoTime();
      for (int i = 0; i < nq; i++) {
        long st = System.nanoTime();
        int n = count(index, qs[i]);
        lat[r * nq + i] = System.nanoTime() - st;
        hits += n;
      }
      indexNanos += System.nanoTime() - q0;
      int s0 = s;
      for (int end = scanQ * (r + 1) / rounds; s < end; s++) {
        long st = System.nanoTime();
        int n = PdqCorpus.scanCount(c.words, c.queries[s % nq], 31);
        slat[s] = System.nanoTime() - st;
        if (n != counts[s % nq]) {
          mismatches++;
        }
      }
      roundSpeedUp[r] = median(slat, s0, s) / median(lat, r * nq, (r + 1) * nq);
    }
    double p50 = median(lat, 0, lat.length) / 1e6;
    double scanP50 = median(slat, 0, scanQ) / 1e6;
    long[] sorted = lat.clone();
    Arrays.sort(sorted);
    Arrays.sort(roundSpeedUp);
    System.out.printf(
        Locale.ROOT,
        "java %s; transparent huge pages %s%n",
        System.getProperty("java.version"),
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .getVMOption("UseTransparentHugePages")
            .getValue());
    System.out.printf(
        Locale.ROOT,
        "hashes %,d; %d tables; index build %.2f s; index heap %,d MiB (%d B/hash)%n",
        size,
        index.tables(),
        buildS,
        indexBytes >> 20,
        indexBytes / Math.max(1, size));
    System.out.printf(
        Locale.ROOT,
        "index r=31: %,d queries x %d rounds, %.0f queries/s, p50 %.3f ms, p99 %.3f ms,"
            + " %d hits%n",
        nq,
        rounds,
        (double) nq * rounds / (indexNanos / 1e9),
        p50,
        sorted[sorted.length * 99 / 100] / 1e6,
        hits / rounds);
    System.out.printf(
        Locale.ROOT,
        "linear scan r=31: %d queries, p50 %.2f ms, %.1f queries/s%n",
        scanQ,
        scanP50,
        1000 / scanP50);
    System.out.printf(
        Locale.ROOT,
        "speed-up (p50) %.0fx, per round %.0fx..%.0fx; recall vs scan: %d of %d queries differ%n",
        scanP50 / p50,
        roundSpeedUp[0],
        roundSpeedUp[rounds - 1],
        mismatches,
        scanQ);
  }

  private static double median(long[] a, int from, int to) {
    if (to <= from) {
      return Double.NaN;
    }
    long[] s = Arrays.copyOfRange(a, from, to);
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static int count(PdqIndex index, Pdq q) {
    int[] n = new int[1];
    index.search(q, 31, (o, d) -> n[0]++);
    return n[0];
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
