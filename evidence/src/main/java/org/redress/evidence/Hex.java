package org.redress.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex and SHA-256 helpers. */
final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  static String of(byte[] b) {
    return HEX.formatHex(b);
  }

  static byte[] parse(String s) {
    return HEX.parseHex(s);
  }

  static boolean isSha256(String s) {
    return s != null && s.matches("[0-9a-f]{64}");
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 missing from the JDK", ex);
    }
  }

  static byte[] sha256(byte[] data) {
    return sha256().digest(data);
  }
}
