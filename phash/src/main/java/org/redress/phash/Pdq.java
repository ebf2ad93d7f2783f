package org.redress.phash;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A 256-bit PDQ hash: an immutable value whose text form round-trips.
 *
 * <p>Bit {@code k} (0..255) is bit {@code k & 15} of 16-bit word {@code k >> 4}, as in the
 * reference's {@code Hash256}. The hex form prints word 15 first and word 0 last, four lowercase
 * hex digits each, exactly as the reference's {@code Hash256::format()}; read as a big-endian
 * number, bit {@code k} has the value 2<sup>k</sup>.
 */
public final class Pdq implements Comparable<Pdq> {
  /** Number of bits in a hash. */
  public static final int BITS = 256;

  /** Number of hex digits in the text form. */
  public static final int HEX_LENGTH = 64;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // words[0] holds bits 0..63 (the last 16 hex digits); words[3] bits 192..255.
  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;

  private Pdq(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** The hash whose bit {@code k} is bit {@code k & 63} of {@code longs[k >> 6]}; copied. */
  public static Pdq fromLongs(long[] longs) {
    if (longs.length != 4) {
      throw new IllegalArgumentException("a PDQ hash has 4 longs, was " + longs.length);
    }
    return new Pdq(longs[0], longs[1], longs[2], longs[3]);
  }

  /** The hash with exactly the given bits set. */
  public static Pdq fromBits(boolean[] bits) {
    if (bits.length != BITS) {
      throw new IllegalArgumentException("a PDQ hash has 256 bits, was " + bits.length);
    }
    long[] l = new long[4];
    for (int k = 0; k < BITS; k++) {
      if (bits[k]) {
        l[k >> 6] |= 1L << (k & 63);
      }
    }
    return fromLongs(l);
  }

  /**
   * Parses 64 hex digits (either case).
   *
   * @throws IllegalArgumentException naming the bad value when it is not a PDQ hash
   */
  public static Pdq parse(String hex) {
    Pdq p = parseOrNull(hex);
    if (p == null) {
      throw new IllegalArgumentException(
          "not a PDQ hash (64 hex digits): \"" + abbreviate(hex) + "\"");
    }
    return p;
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<Pdq> tryParse(String hex) {
    return Optional.ofNullable(parseOrNull(hex));
  }

  private static @Nullable Pdq parseOrNull(@Nullable String hex) {
    if (hex == null || hex.length() != HEX_LENGTH) {
      return null;
    }
    long[] l = new long[4];
    for (int i = 0; i < HEX_LENGTH; i++) {
      int d = Character.digit(hex.charAt(i), 16);
      if (d < 0) {
        return null;
      }
      int longIndex = 3 - i / 16;
      l[longIndex] = (l[longIndex] << 4) | d;
    }
    return fromLongs(l);
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** The four 64-bit words, bit {@code k} in {@code result[k >> 6]}; a fresh copy. */
  public long[] toLongs() {
    return new long[] {w0, w1, w2, w3};
  }

  /** Whether bit {@code k} (0..255) is set. */
  public boolean bit(int k) {
    if (k < 0 || k >= BITS) {
      throw new IndexOutOfBoundsException("bit index must be in 0..255, was " + k);
    }
    return ((word64(k >> 6) >>> (k & 63)) & 1L) != 0;
  }

  /** The 64-bit word {@code i} (0..3). */
  public long word64(int i) {
    if (i < 0 || i > 3) {
      throw new IndexOutOfBoundsException("word index must be in 0..3, was " + i);
    }
    return word(w0, w1, w2, w3, i);
  }

  /**
   * Bits {@code start .. start + width - 1} (width 1 to 32) of the 256-bit value whose words are
   * {@code w0 .. w3}, numbered as {@link #bit}: the keys of multi-index tables over hashes kept as
   * words (match's index, the dossier's join). Arguments are not checked: a kernel.
   */
  public static int bits(long w0, long w1, long w2, long w3, int start, int width) {
    int wi = start >>> 6;
    int off = start & 63;
    long v = word(w0, w1, w2, w3, wi) >>> off;
    if (off + width > 64) {
      v |= word(w0, w1, w2, w3, wi + 1) << (64 - off);
    }
    return (int) (v & ((1L << width) - 1));
  }

  private static long word(long w0, long w1, long w2, long w3, int i) {
    switch (i) {
      case 0:
        return w0;
      case 1:
        return w1;
      case 2:
        return w2;
      default:
        return w3;
    }
  }

  /** Number of set bits. */
  public int bitCount() {
    return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
  }

  /** Hamming distance: the number of bits in which the two hashes differ (0..256). */
  public int distance(Pdq other) {
    return Long.bitCount(w0 ^ other.w0)
        + Long.bitCount(w1 ^ other.w1)
        + Long.bitCount(w2 ^ other.w2)
        + Long.bitCount(w3 ^ other.w3);
  }

  /** The hash with every bit inverted. */
  public Pdq complement() {
    return new Pdq(~w0, ~w1, ~w2, ~w3);
  }

  /** 64 lowercase hex digits, word 15 first, as the reference prints it. */
  @Override
  public String toString() {
    char[] out = new char[HEX_LENGTH];
    long[] l = {w3, w2, w1, w0};
    for (int i = 0; i < 4; i++) {
      long v = l[i];
      for (int d = 15; d >= 0; d--) {
        out[i * 16 + d] = HEX[(int) (v & 0xF)];
        v >>>= 4;
      }
    }
    return new String(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Pdq)) {
      return false;
    }
    Pdq p = (Pdq) o;
    return w0 == p.w0 && w1 == p.w1 && w2 == p.w2 && w3 == p.w3;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new long[] {w0, w1, w2, w3});
  }

  /** Orders by the hex form (unsigned, most significant word first). */
  @Override
  public int compareTo(Pdq o) {
    int c = Long.compareUnsigned(w3, o.w3);
    if (c == 0) {
      c = Long.compareUnsigned(w2, o.w2);
    }
    if (c == 0) {
      c = Long.compareUnsigned(w1, o.w1);
    }
    if (c == 0) {
      c = Long.compareUnsigned(w0, o.w0);
    }
    return c;
  }
}
