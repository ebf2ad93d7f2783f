package org.redress.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The writer's Merkle tree (RFC 9162 §2.1): keeps every complete, aligned subtree hash so that the
 * root of any prefix, an inclusion proof or a consistency proof costs O(log² n) hashes, and an
 * append costs O(1) amortised. Level 0 holds leaf hashes; entry j of level L is the hash of leaves
 * [j·2^L, (j+1)·2^L). Every range the RFC's recursions visit (PATH, PROOF, MTH of a prefix) is
 * either such an aligned subtree or split by the RFC's rule into ranges that are, so no other hash
 * is ever needed. Not thread-safe.
 *
 * <p>References: [1] RFC 9162 §2.1.1 MTH; [2] §2.1.3.1 PATH; [3] §2.1.4.1 PROOF/SUBPROOF.
 */
final class MerkleTree {
  private final List<Level> levels = new ArrayList<>();

  MerkleTree() {
    levels.add(new Level());
  }

  long size() {
    return levels.get(0).count;
  }

  /** Appends the hash of one leaf (already 0x00-prefixed and hashed). */
  void appendLeafHash(byte[] leafHash) {
    byte[] h = leafHash;
    int level = 0;
    while (true) {
      if (levels.size() == level) {
        levels.add(new Level());
      }
      Level l = levels.get(level);
      l.add(h);
      if ((l.count & 1) != 0) {
        return;
      }
      h = Merkle.nodeHash(l.get(l.count - 2), l.get(l.count - 1));
      level++;
    }
  }

  /** The root of the whole tree. */
  byte[] root() {
    return root(size());
  }

  /** The root of the first {@code n} leaves. */
  byte[] root(long n) {
    check(n);
    return n == 0 ? Merkle.emptyRoot() : hash(0, n);
  }

  /** PATH(m, D[n]). */
  List<byte[]> inclusionProof(long m, long n) {
    check(n);
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "leaf index %d is outside the tree of size %d", m, n));
    }
    List<byte[]> out = new ArrayList<>();
    path(m, 0, n, out);
    return out;
  }

  /** PROOF(m, D[n]), 0 < m <= n. */
  List<byte[]> consistencyProof(long m, long n) {
    check(n);
    if (m <= 0 || m > n) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "no consistency proof from size %d to size %d", m, n));
    }
    List<byte[]> out = new ArrayList<>();
    subproof(m, 0, n, true, out);
    return out;
  }

  private void check(long n) {
    if (n < 0 || n > size()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "tree size %d is outside 0..%d", n, size()));
    }
  }

  private void path(long m, long lo, long hi, List<byte[]> out) {
    long n = hi - lo;
    if (n <= 1) {
      return;
    }
    long k = Merkle.split(n);
    if (m < k) {
      path(m, lo, lo + k, out);
      out.add(hash(lo + k, hi));
    } else {
      path(m - k, lo + k, hi, out);
      out.add(hash(lo, lo + k));
    }
  }

  private void subproof(long m, long lo, long hi, boolean b, List<byte[]> out) {
    long n = hi - lo;
    if (m == n) {
      if (!b) {
        out.add(hash(lo, hi));
      }
      return;
    }
    long k = Merkle.split(n);
    if (m <= k) {
      subproof(m, lo, lo + k, b, out);
      out.add(hash(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, out);
      out.add(hash(lo, lo + k));
    }
  }

  /** MTH of leaves [lo, hi), hi > lo. */
  byte[] hash(long lo, long hi) {
    long n = hi - lo;
    if (Long.bitCount(n) == 1 && lo % n == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return levels.get(level).get((int) (lo >> level));
    }
    long k = Merkle.split(n);
    return Merkle.nodeHash(hash(lo, lo + k), hash(lo + k, hi));
  }

  /** A growable array of 32-byte hashes. */
  private static final class Level {
    private byte[] buf = new byte[Merkle.HASH_LEN * 16];
    private int count;

    void add(byte[] h) {
      if ((count + 1) * Merkle.HASH_LEN > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      System.arraycopy(h, 0, buf, count * Merkle.HASH_LEN, Merkle.HASH_LEN);
      count++;
    }

    byte[] get(int i) {
      return Arrays.copyOfRange(buf, i * Merkle.HASH_LEN, (i + 1) * Merkle.HASH_LEN);
    }
  }
}
