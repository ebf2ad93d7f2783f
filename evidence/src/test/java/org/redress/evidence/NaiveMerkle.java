package org.redress.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle: RFC 9162 §2.1 transcribed literally (MTH, PATH, PROOF/SUBPROOF) over lists of
 * leaf data, recomputing everything from scratch. Slow and obviously correct; shares no code with
 * {@link MerkleTree} or {@link Merkle}.
 */
final class NaiveMerkle {
  private NaiveMerkle() {}

  static byte[] sha(byte prefix, byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (prefix >= 0) {
        d.update(prefix);
      }
      for (byte[] p : parts) {
        d.update(p);
      }
      return d.digest();
    } catch (NoSuchAlgorithmException ex) {
      throw new AssertionError(ex);
    }
  }

  static int k(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha((byte) -1);
    }
    if (n == 1) {
      return sha((byte) 0, d.get(0));
    }
    int k = k(n);
    return sha((byte) 1, mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (n <= 1) {
      return out;
    }
    int k = k(n);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(path(m - k, d.subList(k, n)));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  static List<byte[]> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    List<byte[]> out = new ArrayList<>();
    if (m == n) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = k(n);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, n)));
    } else {
      out.addAll(subproof(m - k, d.subList(k, n), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }
}
