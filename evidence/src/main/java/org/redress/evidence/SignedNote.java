package org.redress.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * C2SP signed notes with Ed25519 signatures: signing, the verifier key text, and verification.
 *
 * <p>References: [1] C2SP signed-note specification (key hash = first 4 bytes of SHA-256(name ||
 * 0x0A || 0x01 || public key); signature line "— name base64(keyhash || sig)"); [2] RFC 8032
 * (Ed25519).
 */
final class SignedNote {
  static final byte ED25519 = 0x01;
  private static final String DASH = "\u2014 ";

  private SignedNote() {}

  /** A parsed verifier key. */
  static final class VerifierKey {
    final String name;
    final byte[] keyHash;
    final byte[] publicKey;

    VerifierKey(String name, byte[] publicKey) {
      this.name = name;
      this.publicKey = publicKey.clone();
      this.keyHash = keyHash(name, publicKey);
    }

    /** {@code name+hash8+base64(0x01||pub)}. */
    /** SHA-256 of the raw 32-byte Ed25519 public key, lowercase hex: the key's fingerprint. */
    String fingerprint() {
      return Hex.of(Hex.sha256(publicKey));
    }

    String text() {
      byte[] typed = ByteBuffer.allocate(33).put(ED25519).put(publicKey).array();
      return name + "+" + Hex.of(keyHash) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    static VerifierKey parse(String text) throws Failure {
      String t = text.strip();
      String[] parts = t.split("\\+", 3);
      if (parts.length != 3 || !validName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
        throw new Failure("public key is not a verifier key (name+hash+key)");
      }
      byte[] typed;
      try {
        typed = Base64.getDecoder().decode(parts[2]);
      } catch (IllegalArgumentException ex) {
        throw new Failure("public key is not base64");
      }
      if (typed.length != 33 || typed[0] != ED25519) {
        throw new Failure("public key is not an Ed25519 key");
      }
      VerifierKey k = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, 33));
      if (!Hex.of(k.keyHash).equals(parts[1])) {
        throw new Failure("public key hash " + parts[1] + " does not match its key");
      }
      return k;
    }
  }

  static boolean validName(String name) {
    return !name.isEmpty() && name.codePoints().noneMatch(c -> c <= 0x20 || c == '+');
  }

  static byte[] keyHash(String name, byte[] publicKey) {
    MessageDigest d = Hex.sha256();
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0x0A);
    d.update(ED25519);
    d.update(publicKey);
    return Arrays.copyOf(d.digest(), 4);
  }

  static byte[] publicKey(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  /** Signs {@code body} (which must end with a newline) and returns the full note. */
  static String sign(String body, String name, byte[] seed) {
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    Ed25519Signer s = new Ed25519Signer();
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed, 0);
    s.init(true, priv);
    s.update(msg, 0, msg.length);
    byte[] sig = s.generateSignature();
    byte[] kh = keyHash(name, priv.generatePublicKey().getEncoded());
    byte[] line = ByteBuffer.allocate(4 + sig.length).put(kh).put(sig).array();
    return body + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
  }

  /**
   * Verifies a note against one key and returns its body. Signature lines by other keys are
   * ignored, as the signed-note spec allows; at least one must be by {@code key} and valid.
   */
  static String verify(String note, VerifierKey key) throws Failure {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new Failure("checkpoint is not a signed note (no blank line before signatures)");
    }
    String body = note.substring(0, split + 1);
    String[] sigLines = note.substring(split + 2, note.length() - 1).split("\n", -1);
    boolean sawName = false;
    for (String line : sigLines) {
      if (!line.startsWith(DASH)) {
        throw new Failure("checkpoint has a malformed signature line");
      }
      String[] p = line.substring(DASH.length()).split(" ", -1);
      if (p.length != 2) {
        throw new Failure("checkpoint has a malformed signature line");
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(p[1]);
      } catch (IllegalArgumentException ex) {
        throw new Failure("checkpoint signature is not base64");
      }
      if (!p[0].equals(key.name)) {
        continue;
      }
      sawName = true;
      if (raw.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(raw, 4), key.keyHash)) {
        continue;
      }
      byte[] msg = body.getBytes(StandardCharsets.UTF_8);
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(key.publicKey, 0));
      v.update(msg, 0, msg.length);
      if (!v.verifySignature(Arrays.copyOfRange(raw, 4, raw.length))) {
        throw new Failure("checkpoint signature is invalid: the signed text was altered");
      }
      return body;
    }
    if (sawName) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "checkpoint is not signed by the given public key (key hash %s has no signature)",
              Hex.of(key.keyHash)));
    }
    throw new Failure("checkpoint has no signature by key " + key.name);
  }
}
