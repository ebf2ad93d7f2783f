package org.redress.media;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 and SHA-256 of one file's bytes, computed together in a single pass. */
final class Digests {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int BUFFER = 1 << 16;

  private final MessageDigest md5;
  private final MessageDigest sha256;
  private long size;
  private String md5Hex;
  private String sha256Hex;

  Digests() {
    try {
      md5 = MessageDigest.getInstance("MD5");
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks MD5 or SHA-256", e);
    }
  }

  /** Digests of a byte array. */
  static Digests of(byte[] data) {
    Digests d = new Digests();
    d.update(data, 0, data.length);
    return d;
  }

  /** Digests of everything {@code in} yields, read with a buffer; the stream is not closed. */
  static Digests of(InputStream in) throws IOException {
    Digests d = new Digests();
    byte[] buf = new byte[BUFFER];
    for (int n; (n = in.read(buf)) > 0; ) {
      d.update(buf, 0, n);
    }
    return d;
  }

  void update(byte[] b, int off, int len) {
    md5.update(b, off, len);
    sha256.update(b, off, len);
    size += len;
  }

  /** Lowercase hex MD5 (finishes the digest). */
  String md5() {
    if (md5Hex == null) {
      md5Hex = hex(md5.digest());
    }
    return md5Hex;
  }

  /** Lowercase hex SHA-256 (finishes the digest). */
  String sha256() {
    if (sha256Hex == null) {
      sha256Hex = hex(sha256.digest());
    }
    return sha256Hex;
  }

  /** Bytes digested. */
  long size() {
    return size;
  }

  static String hex(byte[] b) {
    char[] c = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      c[2 * i] = HEX[(b[i] >> 4) & 0xF];
      c[2 * i + 1] = HEX[b[i] & 0xF];
    }
    return new String(c);
  }
}
