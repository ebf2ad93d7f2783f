package org.redress.evidence;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Merkle tree hashing and proof verification as in RFC 6962 / RFC 9162. This is the verifier's
 * half: it holds no tree, only checks hashes and proofs. {@link MerkleTree} is the writer's half.
 *
 * <p>References: [1] RFC 9162 §2.1.1 (hashing: leaf prefix 0x00, node prefix 0x01); [2] RFC 9162
 * §2.1.3.2 (verifying an inclusion proof); [3] RFC 9162 §2.1.4.2 (verifying a consistency proof).
 */
final class Merkle {
  static final int HASH_LEN = 32;

  private Merkle() {}

  /** MTH of the empty tree: SHA-256 of nothing. */
  static byte[] emptyRoot() {
    return Hex.sha256(new byte[0]);
  }

  /** SHA-256(0x00 || leaf). */
  static byte[] leafHash(byte[] leaf) {
    MessageDigest d = Hex.sha256();
    d.update((byte) 0);
    d.update(leaf);
    return d.digest();
  }

  /** SHA-256(0x01 || left || right). */
  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = Hex.sha256();
    d.update((byte) 1);
    d.update(left);
    d.update(right);
    return d.digest();
  }

  /** The largest power of two smaller than n (n >= 2). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** How many hashes PATH(m, D[n]) holds. */
  static int inclusionProofLength(long m, long n) {
    int len = 0;
    while (n > 1) {
      long k = split(n);
      if (m < k) {
        n = k;
      } else {
        m -= k;
        n -= k;
      }
      len++;
    }
    return len;
  }

  /** How many hashes PROOF(m, D[n]) holds (0 < m <= n). */
  static int consistencyProofLength(long m, long n) {
    int len = 0;
    boolean b = true;
    while (m != n) {
      long k = split(n);
      if (m <= k) {
        n = k;
      } else {
        m -= k;
        n -= k;
        b = false;
      }
      len++;
    }
    return b ? len : len + 1;
  }

  /**
   * Checks that {@code leafHash} sits at {@code index} in the tree of {@code size} with {@code
   * root}, using the algorithm of RFC 9162 §2.1.3.2.
   */
  static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) throws Failure {
    if (index < 0 || index >= size) {
      throw new Failure(
          String.format(Locale.ROOT, "leaf index %d is outside the tree of size %d", index, size));
    }
    int want = inclusionProofLength(index, size);
    if (proof.size() != want) {
      throw new Failure(
          String.format(
              Locale.ROOT, "inclusion proof has %d hashes, expected %d", proof.size(), want));
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        throw new Failure("inclusion proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new Failure("inclusion proof is too short");
    }
    if (!MessageDigest.isEqual(r, root)) {
      throw new Failure("inclusion proof does not reproduce the checkpoint root");
    }
  }

  /**
   * Checks that the tree of size {@code m} with {@code rootM} is a prefix of the tree of size
   * {@code n} with {@code rootN}, using the algorithm of RFC 9162 §2.1.4.2.
   */
  static void verifyConsistency(long m, long n, byte[] rootM, byte[] rootN, List<byte[]> proof)
      throws Failure {
    if (m <= 0 || m > n) {
      throw new Failure(
          String.format(Locale.ROOT, "no consistency proof from size %d to size %d", m, n));
    }
    if (m == n) {
      if (!proof.isEmpty()) {
        throw new Failure("consistency proof between equal sizes must be empty");
      }
      if (!MessageDigest.isEqual(rootM, rootN)) {
        throw new Failure("two checkpoints of the same size have different roots");
      }
      return;
    }
    int want = consistencyProofLength(m, n);
    if (proof.size() != want) {
      throw new Failure(
          String.format(
              Locale.ROOT, "consistency proof has %d hashes, expected %d", proof.size(), want));
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(m) == 1) {
      path.add(0, rootM);
    }
    long fn = m - 1;
    long sn = n - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        throw new Failure("consistency proof is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new Failure("consistency proof is too short");
    }
    if (!MessageDigest.isEqual(fr, rootM)) {
      throw new Failure("consistency proof does not reproduce the older root");
    }
    if (!MessageDigest.isEqual(sr, rootN)) {
      throw new Failure("consistency proof does not reproduce the newer root");
    }
  }

  /** Proof lines: one base64 hash per line. */
  static String formatProof(List<byte[]> proof) {
    StringBuilder b = new StringBuilder();
    for (byte[] h : proof) {
      b.append(java.util.Base64.getEncoder().encodeToString(h)).append('\n');
    }
    return b.toString();
  }

  /** Parses proof lines; every line must be a base64 32-byte hash. */
  static List<byte[]> parseProof(String text, String where) throws Failure {
    List<byte[]> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    if (!text.endsWith("\n")) {
      throw new Failure(where + ": proof does not end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      byte[] h;
      try {
        h = java.util.Base64.getDecoder().decode(lines[i]);
      } catch (IllegalArgumentException ex) {
        h = new byte[0];
      }
      if (h.length != HASH_LEN) {
        throw new Failure(
            String.format(Locale.ROOT, "%s: line %d is not a base64 SHA-256 hash", where, i + 1));
      }
      out.add(h);
    }
    return out;
  }

  static boolean equal(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}
