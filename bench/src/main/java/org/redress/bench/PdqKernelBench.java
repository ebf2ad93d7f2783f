package org.redress.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.ReferenceResize;

/**
 * The hashing core, pixel buffer to hash, on a 1-megapixel RGB image (1000x1000, generated): {@code
 * full} hashes every pixel (as vPDQ frames and {@code hashLuma} callers do); {@code reference}
 * applies the reference's 512x512 pre-resize first, as the file path does.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PdqKernelBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PdqKernelBench {
  @Param({"1000"})
  int size;

  int[] rgb;
  PdqHasher hasher;

  @Setup
  public void setUp() {
    rgb = SyntheticImages.photoLike(size, size, new Random(42));
    hasher = new PdqHasher();
  }

  @Benchmark
  public PdqResult full() {
    return hasher.hashRgb(rgb, size, size);
  }

  @Benchmark
  public PdqResult reference() {
    int[] small = ReferenceResize.resizeRgb(rgb, size, size);
    int s = ReferenceResize.applies(size, size) ? ReferenceResize.LIMIT : size;
    return hasher.hashRgb(small, s, s);
  }

  @Benchmark
  public DihedralHashes fullDihedral() {
    return hasher.hashRgbDihedral(rgb, size, size);
  }
}
