package org.redress.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.match.PdqIndex;
import org.redress.phash.Pdq;

/**
 * JMH kernels for {@link PdqIndex}: one radius-31 query against 1M and 10M random hashes with
 * planted near-duplicates, the same query by linear scan, and building the index. Run with {@code
 * java -cp ... org.openjdk.jmh.Main PdqIndexBench}; for the headline figures (p50/p99, memory,
 * speed-up, recall) see {@link IndexReport}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PdqIndexBench {
  @Param({"1000000", "10000000"})
  int size;

  PdqCorpus corpus;
  PdqIndex index;
  Pdq[] queries;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    corpus = new PdqCorpus(size, 1000, 10, 7);
    index = build(corpus);
    queries = new Pdq[corpus.queries.length];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = Pdq.fromLongs(corpus.queries[i]);
    }
  }

  static PdqIndex build(PdqCorpus c) {
    return build(c, 0);
  }

  static PdqIndex build(PdqCorpus c, int tables) {
    PdqIndex.Builder b = PdqIndex.builder(c.size());
    if (tables != 0) {
      b.tables(tables);
    }
    long[] w = c.words;
    for (int o = 0; o < w.length; o += 4) {
      b.add(w[o], w[o + 1], w[o + 2], w[o + 3]);
    }
    return b.build();
  }

  @Benchmark
  public int queryIndexR31() {
    int[] n = new int[1];
    index.search(queries[next++ % queries.length], 31, (o, d) -> n[0]++);
    return n[0];
  }

  @Benchmark
  public int queryLinearScanR31() {
    return PdqCorpus.scanCount(corpus.words, corpus.queries[next++ % queries.length], 31);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public PdqIndex buildIndex() {
    return build(corpus);
  }
}
