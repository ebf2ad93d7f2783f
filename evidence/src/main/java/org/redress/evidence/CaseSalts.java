package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The per-case salts and the commitments that stand for a case in format-2 log leaves and metadata
 * (docs/evidence-format.md §3.1): {@code case_commit = SHA-256("redress/case-commit/1" || 0x00 ||
 * salt || case)}, hex. A salt is 32 random bytes kept in {@code cases/<case>/case.salt} (64 hex
 * digits and a newline, write-once, owner only); a package of the case discloses it, a pseudonymous
 * part of a joint package does not, so its leaves name no case.
 */
final class CaseSalts {
  static final String SALT_FILE = "case.salt";
  private static final byte[] TAG = "redress/case-commit/1\0".getBytes(StandardCharsets.US_ASCII);

  private final Layout layout;
  private final Map<String, String> commitOf = new HashMap<>();
  private final Map<String, String> caseOf = new HashMap<>();
  private final Map<String, byte[]> saltOf = new HashMap<>();

  CaseSalts(Layout layout) {
    this.layout = layout;
  }

  /** The commitment to {@code caseId} under {@code salt}. */
  static String commit(byte[] salt, String caseId) {
    MessageDigest d = Hex.sha256();
    d.update(TAG);
    d.update(salt);
    d.update(caseId.getBytes(StandardCharsets.UTF_8));
    return Hex.of(d.digest());
  }

  /** Reads every case's salt (cases without one have only format-1 leaves). */
  CaseSalts load() throws IOException {
    if (!Files.isDirectory(layout.cases())) {
      return this;
    }
    try (Stream<Path> dirs = Files.list(layout.cases())) {
      for (Path d : dirs.sorted().toList()) {
        String c = String.valueOf(d.getFileName());
        Path f = d.resolve(SALT_FILE);
        if (Files.isRegularFile(f)) {
          Layout.checkCase(c);
          put(c, parse(Files.readAllBytes(f), f));
        }
      }
    }
    return this;
  }

  private static byte[] parse(byte[] text, Path f) throws IOException {
    String s = new String(text, StandardCharsets.US_ASCII);
    if (s.length() != 65 || s.charAt(64) != '\n' || !Hex.isSha256(s.substring(0, 64))) {
      throw new IOException(f + " is not 64 hex digits and a newline");
    }
    return Hex.parse(s.substring(0, 64));
  }

  private void put(String caseId, byte[] salt) {
    String c = commit(salt, caseId);
    commitOf.put(caseId, c);
    caseOf.put(c, caseId);
    saltOf.put(caseId, salt);
  }

  /** The case's commitment, or null when it has no salt (format-1 leaves only). */
  @Nullable String commitOf(String caseId) {
    return commitOf.get(caseId);
  }

  /** The case's salt, or null. */
  byte @Nullable [] salt(String caseId) {
    byte[] s = saltOf.get(caseId);
    return s == null ? null : s.clone();
  }

  /** The case's commitment, creating and storing its salt first when it has none. */
  String commitFor(String caseId, SecureRandom random) throws IOException {
    String c = commitOf.get(caseId);
    if (c != null) {
      return c;
    }
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    Path f = layout.caseDir(caseId).resolve(SALT_FILE);
    if (!Durable.writeOnce(f, (Hex.of(salt) + "\n").getBytes(StandardCharsets.US_ASCII))) {
      salt = parse(Files.readAllBytes(f), f); // written by an earlier, interrupted add
    }
    put(caseId, salt);
    return commit(salt, caseId);
  }

  /** Resolves the commitments of this workspace's cases. */
  Leaf.Cases resolver() {
    return (commit, where) -> {
      String c = caseOf.get(commit);
      if (c == null) {
        throw new IllegalArgumentException(
            where
                + ": case_commit "
                + commit
                + " is no case's of this workspace (a case.salt"
                + " file is missing)");
      }
      return c;
    };
  }
}
