package org.redress.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A signed checkpoint of the evidence log: origin, tree size and root hash, in the C2SP
 * tlog-checkpoint text format, plus the full signed-note text it was read from.
 */
public final class Checkpoint {
  private final String origin;
  private final long size;
  private final byte[] root;
  private final String signedText;

  private Checkpoint(String origin, long size, byte[] root, String signedText) {
    this.origin = origin;
    this.size = size;
    this.root = root.clone();
    this.signedText = signedText;
  }

  /** The log's origin line, e.g. {@code redress.evidence/5f2c…}. */
  public String origin() {
    return origin;
  }

  /** Number of leaves the checkpoint commits to. */
  public long size() {
    return size;
  }

  /** The 32-byte RFC 6962 root hash (a copy). */
  public byte[] root() {
    return root.clone();
  }

  /** The root hash in hex. */
  public String rootHex() {
    return Hex.of(root);
  }

  /** The full signed note, exactly as stored. */
  public String signedText() {
    return signedText;
  }

  /** The signed note as UTF-8 bytes (what timestamp tokens cover). */
  byte[] bytes() {
    return signedText.getBytes(StandardCharsets.UTF_8);
  }

  static String body(String origin, long size, byte[] root) {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
  }

  /** Signs a new checkpoint. */
  static Checkpoint sign(String origin, long size, byte[] root, byte[] seed) {
    String text = SignedNote.sign(body(origin, size, root), origin, seed);
    return new Checkpoint(origin, size, root, text);
  }

  /** Verifies the signature with {@code key} and parses the body. */
  static Checkpoint verify(String signedText, SignedNote.VerifierKey key) throws Failure {
    String body = SignedNote.verify(signedText, key);
    String[] lines = body.split("\n", -1);
    if (lines.length != 4 || !lines[3].isEmpty()) {
      throw new Failure("checkpoint body must have exactly three lines (origin, size, root)");
    }
    if (!lines[0].equals(key.name)) {
      throw new Failure("checkpoint origin " + lines[0] + " differs from key name " + key.name);
    }
    if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
      throw new Failure("checkpoint size is not a decimal number: " + lines[1]);
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException ex) {
      root = new byte[0];
    }
    if (root.length != Merkle.HASH_LEN) {
      throw new Failure("checkpoint root is not a base64 SHA-256 hash");
    }
    return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, signedText);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s size %d root %s", origin, size, rootHex());
  }
}
