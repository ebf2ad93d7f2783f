package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CryptoTest {
  private static final SecureRandom R = new SecureRandom();
  private static final byte[] KEY = new byte[32];

  static byte[] enc(byte[] plain) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Crypto.encrypt(KEY, "ctx", new ByteArrayInputStream(plain), out, R);
    return out.toByteArray();
  }

  static byte[] dec(byte[] ct, String ctx) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Crypto.decrypt(KEY, ctx, new ByteArrayInputStream(ct), out);
    return out.toByteArray();
  }

  @Property(tries = 20)
  void chunked_anyLengthAroundChunkBoundaries_roundTrips(
      @ForAll @IntRange(min = 0, max = 3) int chunks, @ForAll @IntRange(min = -2, max = 2) int d)
      throws Exception {
    int len = Math.max(0, chunks * Crypto.CHUNK + d);
    byte[] p = new byte[len];
    R.nextBytes(p);
    byte[] ct = enc(p);
    assertThat(dec(ct, "ctx")).isEqualTo(p);
    int nChunks = Math.max(1, (len + Crypto.CHUNK - 1) / Crypto.CHUNK);
    if (len > 0 && len % Crypto.CHUNK == 0) {
      nChunks = len / Crypto.CHUNK;
    }
    assertThat(ct.length).isEqualTo(16 + len + 16 * nChunks);
  }

  /**
   * Oracle for the sliced encryption: every chunk is opened on its own with a one-shot JDK AES-GCM
   * decryption built from docs §6.3 (nonce = prefix || u32 i, AAD = context || 0x00 || u32 i || u8
   * final), so the ciphertext is exactly what the spec says, slice sizes aside.
   */
  @Test
  void encrypt_slicedUpdates_matchSpecChunkByChunk() throws Exception {
    int c = Crypto.CHUNK;
    int s = Crypto.SLICE;
    for (int len : new int[] {0, 1, s - 1, s, s + 1, 2 * s, c - 1, c, c + 1, c + s, 3 * c + 5}) {
      byte[] p = new byte[len];
      R.nextBytes(p);
      byte[] fixed = new byte[8];
      R.nextBytes(fixed);
      ByteArrayOutputStream fromBytes = new ByteArrayOutputStream();
      new Crypto.Encryptor().encrypt(KEY, "ctx", p, fromBytes, fixed);
      byte[] ct = enc(p);
      ByteArrayOutputStream fromStream = new ByteArrayOutputStream();
      Crypto.encrypt(KEY, "ctx", new ByteArrayInputStream(p), fromStream, fixed);
      assertThat(fromBytes.toByteArray())
          .as("bytes and stream agree, length %d", len)
          .isEqualTo(fromStream.toByteArray());
      assertThat(ct.length).as("length %d", len).isEqualTo(Crypto.encryptedLength(len));
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(ct);
      byte[] magic = new byte[8];
      byte[] prefix = new byte[8];
      b.get(magic).get(prefix);
      assertThat(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("RDXITEM1");
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      for (int i = 0; b.hasRemaining(); i++) {
        byte[] chunk = new byte[Math.min(b.remaining(), c + 16)];
        b.get(chunk);
        boolean last = !b.hasRemaining();
        javax.crypto.Cipher g = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        g.init(
            javax.crypto.Cipher.DECRYPT_MODE,
            new javax.crypto.spec.SecretKeySpec(KEY, "AES"),
            new javax.crypto.spec.GCMParameterSpec(
                128, java.nio.ByteBuffer.allocate(12).put(prefix).putInt(i).array()));
        g.updateAAD(
            java.nio.ByteBuffer.allocate(9)
                .put("ctx".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put((byte) 0)
                .putInt(i)
                .put((byte) (last ? 1 : 0))
                .array());
        plain.writeBytes(g.doFinal(chunk));
      }
      assertThat(plain.toByteArray()).as("length %d", len).isEqualTo(p);
    }
  }

  @Test
  void chunked_droppedLastChunk_detected() throws Exception {
    byte[] p = new byte[Crypto.CHUNK * 2];
    byte[] ct = enc(p);
    byte[] cut = Arrays.copyOf(ct, 16 + Crypto.CHUNK + 16);
    assertThatThrownBy(() -> dec(cut, "ctx"))
        .isInstanceOf(Failure.class)
        .hasMessage("decryption failed at chunk 0 (wrong key, or altered or truncated content)");
  }

  @Test
  void chunked_wrongContext_detected() throws Exception {
    byte[] ct = enc(new byte[10]);
    assertThatThrownBy(() -> dec(ct, "other")).isInstanceOf(Failure.class);
  }

  @Test
  void wrap_wrongContext_fails() throws Exception {
    byte[] w = Crypto.wrap(KEY, new byte[32], "a", R);
    assertThat(Crypto.unwrap(KEY, w, "a")).isEqualTo(new byte[32]);
    assertThatThrownBy(() -> Crypto.unwrap(KEY, w, "b"))
        .hasMessage("authentication failed (wrong key or altered file)");
  }

  @Test
  void argon2id_rfc9106Parameters_deterministicAndSaltSensitive() {
    Crypto.Kdf k1 = new Crypto.Kdf(64, 1, 1, new byte[16]);
    byte[] salt2 = new byte[16];
    salt2[0] = 1;
    Crypto.Kdf k2 = new Crypto.Kdf(64, 1, 1, salt2);
    char[] pw = "passphrase".toCharArray();
    assertThat(k1.derive(pw)).isEqualTo(k1.derive(pw)).isNotEqualTo(k2.derive(pw));
  }
}
