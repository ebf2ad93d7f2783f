package org.redress.match;

import java.util.Random;
import org.redress.phash.Pdq;

/** Test hash generators: random hashes and exact-distance neighbours. */
final class Hashes {
  private Hashes() {}

  static Pdq random(Random rnd) {
    return Pdq.fromLongs(
        new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()});
  }

  /** A hash exactly {@code d} bits from {@code p}, the bits chosen at random. */
  static Pdq flipRandom(Pdq p, int d, Random rnd) {
    long[] l = p.toLongs();
    boolean[] used = new boolean[256];
    for (int n = 0; n < d; ) {
      int k = rnd.nextInt(256);
      if (!used[k]) {
        used[k] = true;
        l[k >> 6] ^= 1L << (k & 63);
        n++;
      }
    }
    return Pdq.fromLongs(l);
  }

  /**
   * A hash exactly {@code d} bits from {@code p}, the flips spread round-robin over the 16
   * substrings: the worst case for the pigeonhole bound, every substring as far as it can be.
   */
  static Pdq flipSpread(Pdq p, int d, Random rnd) {
    long[] l = p.toLongs();
    int offset = rnd.nextInt(16);
    for (int n = 0; n < d; n++) {
      int sub = (n + offset) % 16;
      int bitInSub = n / 16;
      int k = sub * 16 + bitInSub;
      l[k >> 6] ^= 1L << (k & 63);
    }
    return Pdq.fromLongs(l);
  }

  /** A hash exactly {@code d} bits from {@code p}, the flips packed into as few substrings. */
  static Pdq flipPacked(Pdq p, int d, Random rnd) {
    long[] l = p.toLongs();
    int start = rnd.nextInt(16) * 16;
    for (int n = 0; n < d; n++) {
      int k = (start + n) % 256;
      l[k >> 6] ^= 1L << (k & 63);
    }
    return Pdq.fromLongs(l);
  }
}
