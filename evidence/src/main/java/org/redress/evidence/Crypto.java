package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * AES-256-GCM key wrapping, chunked AES-256-GCM content encryption (the STREAM construction) and
 * Argon2id key derivation, exactly as docs/evidence-format.md §6 specifies.
 *
 * <p>References: [1] NIST SP 800-38D (GCM); [2] Hoang, Reyhanitabar, Rogaway, Vizár, CRYPTO 2015
 * (STREAM); [3] RFC 9106 (Argon2).
 */
final class Crypto {
  static final int KEY_LEN = 32;
  static final int CHUNK = 65_536;
  private static final int TAG = 16;
  private static final int NONCE = 12;
  private static final byte[] WRAP_MAGIC = "RDXWRAP1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ITEM_MAGIC = "RDXITEM1".getBytes(StandardCharsets.US_ASCII);

  private Crypto() {}

  /** Argon2id parameters with their salt. */
  static final class Kdf {
    /** OWASP password storage guidance: m = 19 MiB, t = 2, p = 1. */
    static final int DEFAULT_MEMORY_KIB = 19_456;
    static final int DEFAULT_ITERATIONS = 2;

    final int memoryKib;
    final int iterations;
    final int parallelism;
    final byte[] salt;

    Kdf(int memoryKib, int iterations, int parallelism, byte[] salt) {
      if (memoryKib < 8 || memoryKib > 4_194_304 || iterations < 1 || iterations > 100
          || parallelism < 1 || parallelism > 16 || salt.length < 8 || salt.length > 64) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "Argon2id parameters out of range: memory_kib=%d iterations=%d parallelism=%d salt=%d",
            memoryKib, iterations, parallelism, salt.length));
      }
      this.memoryKib = memoryKib;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.salt = salt.clone();
    }

    static Kdf fresh(SecureRandom random, int memoryKib, int iterations) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      return new Kdf(memoryKib, iterations, 1, salt);
    }

    byte[] derive(char[] passphrase) {
      Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
          .withVersion(Argon2Parameters.ARGON2_VERSION_13)
          .withMemoryAsKB(memoryKib)
          .withIterations(iterations)
          .withParallelism(parallelism)
          .withSalt(salt)
          .build();
      Argon2BytesGenerator g = new Argon2BytesGenerator();
      g.init(p);
      byte[] out = new byte[KEY_LEN];
      g.generateBytes(passphrase, out);
      return out;
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kdf", "argon2id");
      m.put("memory_kib", (long) memoryKib);
      m.put("iterations", (long) iterations);
      m.put("parallelism", (long) parallelism);
      m.put("salt", Base64.getEncoder().encodeToString(salt));
      return m;
    }

    static Kdf fromJson(Map<String, Object> m, String where) {
      if (!"argon2id".equals(m.get("kdf"))) {
        throw new IllegalArgumentException(where + ": kdf must be \"argon2id\"");
      }
      byte[] salt;
      try {
        salt = Base64.getDecoder().decode(Json.str(m, "salt", where));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + ": salt is not base64", ex);
      }
      return new Kdf((int) Math.min(Integer.MAX_VALUE, Json.num(m, "memory_kib", where)),
          (int) Math.min(Integer.MAX_VALUE, Json.num(m, "iterations", where)),
          (int) Math.min(Integer.MAX_VALUE, Json.num(m, "parallelism", where)), salt);
    }
  }

  private static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
      c.updateAAD(aad);
      return c;
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("AES-GCM unavailable", ex);
    }
  }

  /** "RDXWRAP1" || nonce || AES-GCM(key, nonce, plaintext, context). */
  static byte[] wrap(byte[] key, byte[] plaintext, String context, SecureRandom random) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] ct;
    try {
      ct = gcm(Cipher.ENCRYPT_MODE, key, nonce, context.getBytes(StandardCharsets.UTF_8))
          .doFinal(plaintext);
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("AES-GCM encryption failed", ex);
    }
    ByteBuffer b = ByteBuffer.allocate(WRAP_MAGIC.length + NONCE + ct.length);
    return b.put(WRAP_MAGIC).put(nonce).put(ct).array();
  }

  /** Inverse of {@link #wrap}; fails when the key, the context or the bytes are wrong. */
  static byte[] unwrap(byte[] key, byte[] blob, String context) throws Failure {
    if (blob.length < WRAP_MAGIC.length + NONCE + TAG
        || !Arrays.equals(Arrays.copyOf(blob, WRAP_MAGIC.length), WRAP_MAGIC)) {
      throw new Failure("not a wrapped key (bad magic or too short)");
    }
    byte[] nonce = Arrays.copyOfRange(blob, WRAP_MAGIC.length, WRAP_MAGIC.length + NONCE);
    try {
      return gcm(Cipher.DECRYPT_MODE, key, nonce, context.getBytes(StandardCharsets.UTF_8))
          .doFinal(blob, WRAP_MAGIC.length + NONCE, blob.length - WRAP_MAGIC.length - NONCE);
    } catch (GeneralSecurityException ex) {
      throw new Failure("authentication failed (wrong key or altered file)");
    }
  }

  private static byte[] chunkAad(byte[] context, int index, boolean last) {
    return ByteBuffer.allocate(context.length + 6).put(context).put((byte) 0).putInt(index)
        .put((byte) (last ? 1 : 0)).array();
  }

  /** Encrypts a stream in 64 KiB chunks (docs §6.3). Returns the ciphertext length. */
  static long encrypt(byte[] key, String context, InputStream in, OutputStream out,
      SecureRandom random) throws IOException {
    byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = new byte[8];
    random.nextBytes(prefix);
    out.write(ITEM_MAGIC);
    out.write(prefix);
    long written = 16;
    byte[] cur = new byte[CHUNK];
    byte[] next = new byte[CHUNK];
    int curLen = in.readNBytes(cur, 0, CHUNK);
    int index = 0;
    while (true) {
      int nextLen = curLen == CHUNK ? in.readNBytes(next, 0, CHUNK) : 0;
      boolean last = nextLen == 0;
      byte[] nonce = ByteBuffer.allocate(NONCE).put(prefix).putInt(index).array();
      byte[] ct;
      try {
        ct = gcm(Cipher.ENCRYPT_MODE, key, nonce, chunkAad(ctx, index, last))
            .doFinal(cur, 0, curLen);
      } catch (GeneralSecurityException ex) {
        throw new IllegalStateException("AES-GCM encryption failed", ex);
      }
      out.write(ct);
      written += ct.length;
      if (last) {
        return written;
      }
      if (index == Integer.MAX_VALUE) {
        throw new IOException("content too large to encrypt");
      }
      index++;
      byte[] t = cur;
      cur = next;
      next = t;
      curLen = nextLen;
    }
  }

  /** Decrypts what {@link #encrypt} wrote; any change, reorder or truncation fails. */
  static void decrypt(byte[] key, String context, InputStream in, OutputStream out)
      throws IOException, Failure {
    byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
    byte[] head = in.readNBytes(16);
    if (head.length != 16 || !Arrays.equals(Arrays.copyOf(head, 8), ITEM_MAGIC)) {
      throw new Failure("not an encrypted item (bad magic or too short)");
    }
    byte[] prefix = Arrays.copyOfRange(head, 8, 16);
    int full = CHUNK + TAG;
    byte[] cur = new byte[full];
    byte[] next = new byte[full];
    int curLen = in.readNBytes(cur, 0, full);
    int index = 0;
    while (true) {
      int nextLen = curLen == full ? in.readNBytes(next, 0, full) : 0;
      boolean last = nextLen == 0;
      if (curLen < TAG) {
        throw new Failure("encrypted content is truncated");
      }
      byte[] nonce = ByteBuffer.allocate(NONCE).put(prefix).putInt(index).array();
      try {
        out.write(gcm(Cipher.DECRYPT_MODE, key, nonce, chunkAad(ctx, index, last))
            .doFinal(cur, 0, curLen));
      } catch (GeneralSecurityException ex) {
        throw new Failure(String.format(Locale.ROOT,
            "decryption failed at chunk %d (wrong key, or altered or truncated content)", index));
      }
      if (last) {
        return;
      }
      index++;
      byte[] t = cur;
      cur = next;
      next = t;
      curLen = nextLen;
    }
  }

  static byte[] randomKey(SecureRandom random) {
    byte[] k = new byte[KEY_LEN];
    random.nextBytes(k);
    return k;
  }
}
