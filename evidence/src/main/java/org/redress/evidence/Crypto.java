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
      if (memoryKib < 8
          || memoryKib > 4_194_304
          || iterations < 1
          || iterations > 100
          || parallelism < 1
          || parallelism > 16
          || salt.length < 8
          || salt.length > 64) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Argon2id parameters out of range: memory_kib=%d iterations=%d parallelism=%d salt=%d",
                memoryKib,
                iterations,
                parallelism,
                salt.length));
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
      Argon2Parameters p =
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
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
      return new Kdf(
          (int) Math.min(Integer.MAX_VALUE, Json.num(m, "memory_kib", where)),
          (int) Math.min(Integer.MAX_VALUE, Json.num(m, "iterations", where)),
          (int) Math.min(Integer.MAX_VALUE, Json.num(m, "parallelism", where)),
          salt);
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
      ct =
          gcm(Cipher.ENCRYPT_MODE, key, nonce, context.getBytes(StandardCharsets.UTF_8))
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
    return ByteBuffer.allocate(context.length + 6)
        .put(context)
        .put((byte) 0)
        .putInt(index)
        .put((byte) (last ? 1 : 0))
        .array();
  }

  private static Cipher gcm() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("AES-GCM unavailable", ex);
    }
  }

  private static void init(
      Cipher c, int mode, SecretKeySpec key, byte[] prefix, int index, byte[] aad) {
    byte[] nonce = ByteBuffer.allocate(NONCE).put(prefix).putInt(index).array();
    try {
      c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("AES-GCM unavailable", ex);
    }
    c.updateAAD(aad);
  }

  /** The length of what {@link #encrypt} writes for {@code plain} bytes (docs §6.3). */
  static long encryptedLength(long plain) {
    long chunks = plain == 0 ? 1 : (plain + CHUNK - 1) / CHUNK;
    return ITEM_MAGIC.length + 8 + chunks * TAG + plain;
  }

  /**
   * Draws a random nonce prefix, then encrypts as {@link #encrypt(byte[], String, InputStream,
   * OutputStream, byte[])}.
   */
  static long encrypt(
      byte[] key, String context, InputStream in, OutputStream out, SecureRandom random)
      throws IOException {
    byte[] prefix = new byte[8];
    random.nextBytes(prefix);
    return encrypt(key, context, in, out, prefix);
  }

  /**
   * Encrypts a stream in 64 KiB chunks (docs §6.3) under a nonce prefix that must never repeat
   * under {@code key} (8 random bytes). Returns the ciphertext length.
   */
  static long encrypt(byte[] key, String context, InputStream in, OutputStream out, byte[] prefix)
      throws IOException {
    return new Encryptor().encrypt(key, context, in, out, prefix);
  }

  /**
   * Encrypts with one reusable JDK cipher (which then also keeps the expanded AES key while the key
   * stays the same): for a store writing many small blobs. Not thread-safe.
   */
  static final class Encryptor {
    private final Cipher cipher = gcm();

    /** As {@link Crypto#encrypt(byte[], String, InputStream, OutputStream, byte[])}. */
    long encrypt(byte[] key, String context, InputStream in, OutputStream out, byte[] prefix)
        throws IOException {
      Sealer s = new Sealer(cipher, key, context, prefix, out);
      byte[] cur = new byte[CHUNK];
      byte[] next = new byte[CHUNK];
      int curLen = in.readNBytes(cur, 0, CHUNK);
      for (int index = 0; ; index++) {
        int nextLen = curLen == CHUNK ? in.readNBytes(next, 0, CHUNK) : 0;
        boolean last = nextLen == 0;
        s.seal(cur, 0, curLen, index, last);
        if (last) {
          return s.written;
        }
        byte[] t = cur;
        cur = next;
        next = t;
        curLen = nextLen;
      }
    }

    /** The same for bytes in memory (no copies). */
    long encrypt(byte[] key, String context, byte[] plain, OutputStream out, byte[] prefix)
        throws IOException {
      Sealer s = new Sealer(cipher, key, context, prefix, out);
      int index = 0;
      int off = 0;
      do {
        int n = Math.min(CHUNK, plain.length - off);
        boolean last = off + n == plain.length;
        s.seal(plain, off, n, index++, last);
        off += n;
      } while (off < plain.length);
      return s.written;
    }
  }

  /**
   * Seals chunks of one encrypted stream. Each chunk is fed to the JDK's AES-GCM in {@link
   * #SLICE}-byte updates rather than one 64 KiB {@code doFinal}: the ciphertext is the same, but
   * the methods that HotSpot replaces by AES-NI / CLMUL intrinsics are then called often enough to
   * be compiled early, which makes a cold JVM (one {@code redress evidence add}) about four times
   * faster on large files.
   */
  private static final class Sealer {
    private final byte[] ctx;
    private final byte[] prefix;
    private final OutputStream out;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private byte[] ct = new byte[0];
    long written;

    Sealer(Cipher cipher, byte[] key, String context, byte[] prefix, OutputStream out)
        throws IOException {
      this.cipher = cipher;
      if (prefix.length != 8) {
        throw new IllegalArgumentException("nonce prefix must be 8 bytes");
      }
      this.ctx = context.getBytes(StandardCharsets.UTF_8);
      this.prefix = prefix.clone();
      this.out = out;
      this.key = new SecretKeySpec(key, "AES");
      out.write(ITEM_MAGIC);
      out.write(prefix);
      written = (long) ITEM_MAGIC.length + prefix.length;
    }

    void seal(byte[] in, int from, int len, int index, boolean last) throws IOException {
      if (index < 0) {
        throw new IOException("content too large to encrypt");
      }
      if (ct.length < len + TAG) {
        ct = new byte[Math.max(len + TAG, Math.min(CHUNK + TAG, 2 * ct.length))];
      }
      init(cipher, Cipher.ENCRYPT_MODE, key, prefix, index, chunkAad(ctx, index, last));
      int n = 0;
      int off = from;
      int end = from + len;
      try {
        for (; end - off > SLICE; off += SLICE) {
          n += cipher.update(in, off, SLICE, ct, n);
        }
        n += cipher.doFinal(in, off, end - off, ct, n);
      } catch (GeneralSecurityException ex) {
        throw new IllegalStateException("AES-GCM encryption failed", ex);
      }
      out.write(ct, 0, n);
      written += n;
    }
  }

  /** Bytes per {@code Cipher.update} call while encrypting a chunk. */
  static final int SLICE = 4096;

  /** Decrypts what {@link #encrypt} wrote; any change, reorder or truncation fails. */
  static void decrypt(byte[] key, String context, InputStream in, OutputStream out)
      throws IOException, Failure {
    byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
    byte[] head = in.readNBytes(16);
    if (head.length != 16 || !Arrays.equals(Arrays.copyOf(head, 8), ITEM_MAGIC)) {
      throw new Failure("not an encrypted item (bad magic or too short)");
    }
    byte[] prefix = Arrays.copyOfRange(head, 8, 16);
    SecretKeySpec k = new SecretKeySpec(key, "AES");
    Cipher c = gcm();
    byte[] plain = new byte[CHUNK];
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
      init(c, Cipher.DECRYPT_MODE, k, prefix, index, chunkAad(ctx, index, last));
      try {
        out.write(plain, 0, c.doFinal(cur, 0, curLen, plain, 0));
      } catch (GeneralSecurityException ex) {
        throw new Failure(
            String.format(
                Locale.ROOT,
                "decryption failed at chunk %d (wrong key, or altered or truncated content)",
                index));
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
