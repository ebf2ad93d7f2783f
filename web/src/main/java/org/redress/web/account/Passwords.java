package org.redress.web.account;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106, Bouncy Castle), stored as a PHC string: {@code
 * $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (unpadded base64). The cost follows OWASP's minimum for
 * Argon2id (19 MiB, 2 passes, 1 lane). Checking compares in constant time, and checking a name that
 * has no account costs the same as a wrong password.
 */
public final class Passwords {
  /** The shortest password accepted. */
  public static final int MIN_LENGTH = 10;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,2}),p=([0-9]{1,2})"
              + "\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  private final String dummy;
  private final java.util.concurrent.atomic.AtomicLong derivations =
      new java.util.concurrent.atomic.AtomicLong();

  /** The default cost (19 MiB, 2 passes). */
  public Passwords() {
    this(19 * 1024, 2);
  }

  /** A given cost (tests use a small one). */
  public Passwords(int memoryKib, int iterations) {
    if (memoryKib < 8 || iterations < 1) {
      throw new IllegalArgumentException(
          "argon2 cost must be m >= 8 KiB and t >= 1, was m=" + memoryKib + ", t=" + iterations);
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.dummy = hash("not a password of anyone".toCharArray());
  }

  /**
   * Hashes a password with a fresh 16-byte salt.
   *
   * @throws IllegalArgumentException when it is shorter than {@link #MIN_LENGTH}
   */
  public String hash(char[] password) {
    if (password == null || password.length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "password too short: at least " + MIN_LENGTH + " characters");
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] h = derive(password, salt, memoryKib, iterations, 32);
    return String.format(
        Locale.ROOT,
        "$argon2id$v=19$m=%d,t=%d,p=1$%s$%s",
        memoryKib,
        iterations,
        B64.encodeToString(salt),
        B64.encodeToString(h));
  }

  /**
   * Whether {@code password} matches {@code encoded}; a null {@code encoded} (no such account) is
   * checked against a dummy hash, so it takes as long and is false.
   */
  public boolean verify(char[] password, String encoded) {
    String e = encoded == null ? dummy : encoded;
    Matcher m = PHC.matcher(e);
    if (!m.matches() || password == null) {
      return false;
    }
    byte[] salt = B64D.decode(m.group(4));
    byte[] want = B64D.decode(m.group(5));
    byte[] got =
        derive(
            password,
            salt,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            want.length);
    boolean same = MessageDigest.isEqual(got, want);
    return same && encoded != null;
  }

  /** How many Argon2id derivations this instance ran (tests check the work is the same). */
  long derivations() {
    return derivations.get();
  }

  private byte[] derive(char[] password, byte[] salt, int m, int t, int len) {
    derivations.incrementAndGet();
    Argon2Parameters p =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(1)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(p);
    byte[] pw = utf8(password);
    byte[] out = new byte[len];
    try {
      g.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }

  private static byte[] utf8(char[] c) {
    var bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(c));
    byte[] b = new byte[bb.remaining()];
    bb.get(b);
    if (bb.hasArray()) {
      Arrays.fill(bb.array(), (byte) 0);
    }
    return b;
  }
}
