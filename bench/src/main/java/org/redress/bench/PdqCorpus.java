package org.redress.bench;

import java.util.Random;

/**
 * A synthetic PDQ corpus: {@code size} uniformly random 256-bit hashes (four longs each) with, for
 * each of {@code queries} query hashes, {@code planted} near-duplicates at distances drawn from
 * 0..40 hidden among them. Half the queries have planted neighbours; the other half are random.
 */
final class PdqCorpus {
  final long[] words;
  final long[][] queries;

  PdqCorpus(int size, int queries, int planted, long seed) {
    Random rnd = new Random(seed);
    words = new long[4 * size];
    for (int i = 0; i < words.length; i++) {
      words[i] = rnd.nextLong();
    }
    this.queries = new long[queries][];
    for (int q = 0; q < queries; q++) {
      long[] h = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      this.queries[q] = h;
      if (q % 2 == 0) {
        for (int k = 0; k < planted; k++) {
          int at = rnd.nextInt(size);
          long[] near = h.clone();
          int d = rnd.nextInt(41);
          for (int f = 0; f < d; f++) {
            int bit = rnd.nextInt(256);
            near[bit >> 6] ^= 1L << (bit & 63);
          }
          System.arraycopy(near, 0, words, 4 * at, 4);
        }
      }
    }
  }

  int size() {
    return words.length / 4;
  }

  /** Linear scan: number of hashes within radius (the baseline and the recall oracle). */
  static int scanCount(long[] words, long[] q, int radius) {
    int n = 0;
    for (int o = 0; o < words.length; o += 4) {
      int d =
          Long.bitCount(words[o] ^ q[0])
              + Long.bitCount(words[o + 1] ^ q[1])
              + Long.bitCount(words[o + 2] ^ q[2])
              + Long.bitCount(words[o + 3] ^ q[3]);
      if (d <= radius) {
        n++;
      }
    }
    return n;
  }
}
