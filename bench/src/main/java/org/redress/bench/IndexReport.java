package org.redress.bench;

import java.util.Arrays;
import java.util.Locale;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * The headline figures for the PDQ index, on one thread: build time, heap held by the
 * index, queries/s and p50/p99 latency at r = 31, the same for a linear scan, the speed-up, and a
 * recall check (every query's result count equal to the scan's). Not a JMH kernel: a plain main.
 *
 * <p>Usage: {@code IndexReport [size=10000000] [queries=2000] [scanQueries=50] [tables=auto]}.
 */
public final class IndexReport {
  private IndexReport() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int nq = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int scanQ = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int tables = args.length > 3 ? Integer.parseInt(args[3]) : 0;
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
    for (int i = 0; i < nq; i++) { // warm-up
      counts[i] = count(index, qs[i]);
    }
    long[] lat = new long[nq];
    long hits = 0;
    long q0 = System.nanoTime();
    for (int i = 0; i < nq; i++) {
      long s = System.nanoTime();
      counts[i] = count(index, qs[i]);
      lat[i] = System.nanoTime() - s;
      hits += counts[i];
    }
    double indexS = (System.nanoTime() - q0) / 1e9;
    Arrays.sort(lat);
    long[] slat = new long[scanQ];
    int mismatches = 0;
    for (int i = 0; i < scanQ; i++) {
      long s = System.nanoTime();
      int n = PdqCorpus.scanCount(c.words, c.queries[i], 31);
      slat[i] = System.nanoTime() - s;
      if (n != counts[i]) {
        mismatches++;
      }
    }
    Arrays.sort(slat);
    double scanP50 = slat[scanQ / 2] / 1e6;
    double p50 = lat[nq / 2] / 1e6;
    System.out.printf(Locale.ROOT, "hashes %,d; %d tables; index build %.2f s; index heap %,d MiB (%d B/hash)%n",
        size, index.tables(), buildS, indexBytes >> 20, indexBytes / Math.max(1, size));
    System.out.printf(Locale.ROOT,
        "index r=31: %,d queries, %.0f queries/s, p50 %.3f ms, p99 %.3f ms, %d hits%n",
        nq, nq / indexS, p50, lat[nq * 99 / 100] / 1e6, hits);
    System.out.printf(Locale.ROOT, "linear scan r=31: %d queries, p50 %.2f ms, %.1f queries/s%n",
        scanQ, scanP50, 1000 / scanP50);
    System.out.printf(Locale.ROOT, "speed-up (p50) %.0fx; recall vs scan: %d of %d queries differ%n",
        scanP50 / p50, mismatches, scanQ);
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
