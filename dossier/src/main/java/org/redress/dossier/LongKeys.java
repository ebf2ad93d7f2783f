package org.redress.dossier;

import java.util.Arrays;

/**
 * A map from keys of two or four longs (a post's chat and message; a SHA-256 or PDQ value as four
 * words) to non-negative ints, by open addressing with linear probing: a million keys in three
 * arrays, no object per entry, no boxing, no text hashed.
 */
final class LongKeys {
  /** What {@link #putIfAbsent} returns when the key was new. */
  static final int ABSENT = -1;

  private final int arity;
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  /** A map of keys of {@code arity} (2 or 4) longs, sized for {@code expected} keys. */
  LongKeys(int arity, int expected) {
    if (arity != 2 && arity != 4) {
      throw new IllegalArgumentException("arity must be 2 or 4, was " + arity);
    }
    this.arity = arity;
    int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, 2L * expected)));
    if (capacity < 2L * expected && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    allocate(capacity);
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
    int slot = slot(a, b, c, d);
    while (true) {
      int v = values[slot];
      if (v == ABSENT) {
        store(slot, a, b, c, d, value);
        if (++size > (mask + 1) / 2) {
          grow();
        }
        return ABSENT;
      }
      int k = slot * arity;
      if (keys[k] == a
          && keys[k + 1] == b
          && (arity == 2 || (keys[k + 2] == c && keys[k + 3] == d))) {
        return v;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int slot(long a, long b, long c, long d) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
    h = (h ^ (h >>> 30) ^ d) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  private void store(int slot, long a, long b, long c, long d, int value) {
    int k = slot * arity;
    keys[k] = a;
    keys[k + 1] = b;
    if (arity == 4) {
      keys[k + 2] = c;
      keys[k + 3] = d;
    }
    values[slot] = value;
  }

  private void allocate(int capacity) {
    keys = new long[capacity * arity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(values.length * 2);
    for (int s = 0; s < oldValues.length; s++) {
      if (oldValues[s] == ABSENT) {
        continue;
      }
      int k = s * arity;
      long a = oldKeys[k];
      long b = oldKeys[k + 1];
      long c = arity == 4 ? oldKeys[k + 2] : 0;
      long d = arity == 4 ? oldKeys[k + 3] : 0;
      int slot = slot(a, b, c, d);
      while (values[slot] != ABSENT) {
        slot = (slot + 1) & mask;
      }
      store(slot, a, b, c, d, oldValues[s]);
    }
  }
}
