package org.redress.dossier;

import java.util.Arrays;

/**
 * A map from keys of two or four longs (a post's chat and message; a SHA-256 or PDQ value as four
 * words) to non-negative ints: a million keys in four arrays, no object per entry, no boxing, no
 * text hashed.
 *
 * <p>Open addressing with linear probing over a table of longs, each slot holding 32 bits of the
 * key's hash and the key's ordinal; the keys themselves lie in insertion order in one dense array.
 * A probe compares hashes in the table (one cache line) and reads a key only when its hash matches,
 * so a new key costs about one cache miss, and the table stays at most half full.
 */
final class LongKeys {
  /** What {@link #putIfAbsent} returns when the key was new. */
  static final int ABSENT = -1;

  private final int arity;
  // Slot: hash (high 32 bits) and ordinal + 1 (low 32 bits); 0 is empty.
  private long[] table;
  private int mask;
  private long[] keys;
  private int[] values;
  private int size;

  /** A map of keys of {@code arity} (2 or 4) longs, sized for {@code expected} keys. */
  LongKeys(int arity, int expected) {
    if (arity != 2 && arity != 4) {
      throw new IllegalArgumentException("arity must be 2 or 4, was " + arity);
    }
    if (expected < 0) {
      throw new IllegalArgumentException("expected must be >= 0, was " + expected);
    }
    this.arity = arity;
    int capacity = 16;
    while (capacity < 2L * expected && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    this.table = new long[capacity];
    this.mask = capacity - 1;
    int dense = Math.max(16, expected);
    this.keys = new long[dense * arity];
    this.values = new int[dense];
  }

  int size() {
    return size;
  }

  /**
   * The value of key {@code (a, b)} when it is there, else puts {@code value} and {@link #ABSENT}.
   */
  int putIfAbsent(long a, long b, int value) {
    return putIfAbsent(a, b, 0, 0, value);
  }

  /** As {@link #putIfAbsent(long, long, int)} for a key of four longs. */
  int putIfAbsent(long a, long b, long c, long d, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must be >= 0, was " + value);
    }
    long h = hash(a, b, c, d);
    int fingerprint = (int) (h >>> 32);
    int slot = (int) h & mask;
    while (true) {
      long e = table[slot];
      if (e == 0) {
        int ordinal = add(a, b, c, d, value);
        table[slot] = ((long) fingerprint << 32) | (ordinal + 1L);
        if (size > (mask + 1) / 2) {
          grow();
        }
        return ABSENT;
      }
      if ((int) (e >>> 32) == fingerprint) {
        int ordinal = (int) e - 1;
        int k = ordinal * arity;
        if (keys[k] == a
            && keys[k + 1] == b
            && (arity == 2 || (keys[k + 2] == c && keys[k + 3] == d))) {
          return values[ordinal];
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(long a, long b, long c, long d, int value) {
    int ordinal = size++;
    if (ordinal == values.length) {
      values = Arrays.copyOf(values, ordinal * 2);
      keys = Arrays.copyOf(keys, ordinal * 2 * arity);
    }
    int k = ordinal * arity;
    keys[k] = a;
    keys[k + 1] = b;
    if (arity == 4) {
      keys[k + 2] = c;
      keys[k + 3] = d;
    }
    values[ordinal] = value;
    return ordinal;
  }

  private static long hash(long a, long b, long c, long d) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
    h = (h ^ (h >>> 30) ^ d) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private void grow() {
    table = new long[table.length * 2];
    mask = table.length - 1;
    for (int ordinal = 0; ordinal < size; ordinal++) {
      int k = ordinal * arity;
      long h =
          arity == 4
              ? hash(keys[k], keys[k + 1], keys[k + 2], keys[k + 3])
              : hash(keys[k], keys[k + 1], 0, 0);
      int slot = (int) h & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = ((h >>> 32) << 32) | (ordinal + 1L);
    }
  }
}
