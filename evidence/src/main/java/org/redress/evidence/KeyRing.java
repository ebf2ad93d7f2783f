package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one store (docs §6): the master key (from a passphrase or a key file), the log's
 * origin and Ed25519 signing key, and the per-case data keys, unwrapped on first use and wiped by
 * {@link #close()}.
 */
final class KeyRing implements AutoCloseable {
  static final String ORIGIN_PREFIX = "redress.evidence/";
  private static final byte[] CHECK = "redress-master-1".getBytes(StandardCharsets.US_ASCII);

  private final Layout layout;
  private final SecureRandom random;
  private byte @Nullable [] master;
  private byte @Nullable [] seed;
  private SignedNote.@Nullable VerifierKey verifierKey;
  private @Nullable String origin;
  private final Map<String, byte[]> caseKeys = new HashMap<>();

  KeyRing(Layout layout, SecureRandom random) {
    this.layout = layout;
    this.random = random;
  }

  /** Unwraps (or creates) the master key, the origin and the signing key. */
  void load(KeySource keys, int kdfMemory, int kdfIter) throws IOException, EvidenceException {
    byte[] m = loadMaster(keys, kdfMemory, kdfIter);
    master = m;
    String o = loadOrigin();
    origin = o;
    loadSigningKey(m, o);
  }

  String origin() {
    return loaded(origin);
  }

  byte[] seed() {
    return loaded(seed);
  }

  SignedNote.VerifierKey verifierKey() {
    return loaded(verifierKey);
  }

  private byte[] master() {
    return loaded(master);
  }

  /** A key the ring holds once {@link #load} returned. */
  private static <T> T loaded(@Nullable T key) {
    if (key == null) {
      throw new IllegalStateException("the key ring is not loaded (or was closed)");
    }
    return key;
  }

  /** Wipes and forgets a case key (after a shred). */
  void forget(String caseId) {
    byte[] k = caseKeys.remove(caseId);
    if (k != null) {
      Arrays.fill(k, (byte) 0);
    }
  }

  private byte[] loadMaster(KeySource keys, int kdfMemory, int kdfIter)
      throws IOException, EvidenceException {
    Path pass = layout.masterPass();
    Path check = layout.masterCheck();
    if (Files.exists(pass)) {
      if (!keys.isPassphrase()) {
        throw new EvidenceException.PassphraseRequired();
      }
      Map<String, Object> m;
      Crypto.Kdf kdf;
      byte[] wrapped;
      try {
        m = Json.parseObject(Files.readString(pass, StandardCharsets.UTF_8));
        kdf = Crypto.Kdf.fromJson(m, pass.toString());
        wrapped = java.util.Base64.getDecoder().decode(Json.str(m, "wrapped", pass.toString()));
      } catch (IllegalArgumentException ex) {
        throw new EvidenceException(pass + " is damaged: " + ex.getMessage(), ex);
      }
      byte[] kek = kdf.derive(keys.secret());
      try {
        return Crypto.unwrap(kek, wrapped, "redress/master-key");
      } catch (Failure f) {
        throw EvidenceException.of(
            EvidenceException.Reason.WRONG_PASSPHRASE,
            "wrong passphrase for " + layout.root(),
            layout.root());
      } finally {
        Arrays.fill(kek, (byte) 0);
      }
    }
    if (Files.exists(check)) {
      if (keys.isPassphrase()) {
        throw EvidenceException.of(
            EvidenceException.Reason.USES_KEY_FILE,
            "this workspace's evidence uses a key file, not a passphrase");
      }
      byte[] key = readKeyFile(keyFilePath(keys));
      try {
        Crypto.unwrap(key, Files.readAllBytes(check), "redress/master-check");
      } catch (Failure f) {
        throw EvidenceException.of(
            EvidenceException.Reason.WRONG_KEY_FILE,
            "wrong master key: " + keyFilePath(keys) + " does not open " + layout.root(),
            keyFilePath(keys),
            layout.root());
      }
      return key;
    }
    if (Files.exists(layout.entries()) && Files.size(layout.entries()) > 0) {
      throw new EvidenceException(check + " is missing: cannot tell whether the key is right");
    }
    byte[] key;
    if (keys.isPassphrase()) {
      key = Crypto.randomKey(random);
      Crypto.Kdf kdf = Crypto.Kdf.fresh(random, kdfMemory, kdfIter);
      byte[] kek = kdf.derive(keys.secret());
      Map<String, Object> m = kdf.toJson();
      m.put(
          "wrapped",
          java.util.Base64.getEncoder()
              .encodeToString(Crypto.wrap(kek, key, "redress/master-key", random)));
      Arrays.fill(kek, (byte) 0);
      Durable.writeOnce(pass, (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8));
    } else {
      Path file = keyFilePath(keys);
      if (Files.exists(file)) {
        key = readKeyFile(file);
      } else {
        key = Crypto.randomKey(random);
        byte[] text = (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Durable.writeOnce(file, out -> out.write(text), true, true);
      }
    }
    Durable.writeOnce(check, Crypto.wrap(key, CHECK, "redress/master-check", random));
    return key;
  }

  private Path keyFilePath(KeySource keys) {
    return keys.file() != null ? keys.file() : layout.masterKey();
  }

  private static byte[] readKeyFile(Path file) throws IOException, EvidenceException {
    if (!Files.exists(file)) {
      throw EvidenceException.of(
          EvidenceException.Reason.KEY_FILE_NOT_FOUND, "master key file not found: " + file, file);
    }
    if (Durable.isPosix(Durable.parent(file))) {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      if (p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)
          || p.contains(PosixFilePermission.GROUP_WRITE)
          || p.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new EvidenceException(
            EvidenceException.Reason.KEY_FILE_OPEN,
            NextStep.OWNER_ONLY_KEY_FILE,
            "master key file " + file + " is readable or writable by others",
            null,
            file);
      }
    }
    String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!hex.matches("[0-9a-f]{64}")) {
      throw EvidenceException.of(
          EvidenceException.Reason.KEY_FILE_BAD,
          "master key file " + file + " must hold 64 hex digits",
          file);
    }
    return HexFormat.of().parseHex(hex);
  }

  private String loadOrigin() throws IOException, EvidenceException {
    Path p = layout.origin();
    if (!Files.exists(p)) {
      byte[] id = new byte[16];
      random.nextBytes(id);
      Durable.writeOnce(p, (ORIGIN_PREFIX + Hex.of(id) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String o = Files.readString(p, StandardCharsets.UTF_8).strip();
    if (!o.startsWith(ORIGIN_PREFIX) || !SignedNote.validName(o)) {
      throw new EvidenceException(p + " does not hold a valid log origin");
    }
    return o;
  }

  private void loadSigningKey(byte[] master, String origin) throws IOException, EvidenceException {
    Path p = layout.signingKey();
    if (!Files.exists(p)) {
      byte[] s = Crypto.randomKey(random);
      Durable.writeOnce(p, Crypto.wrap(master, s, "redress/log-signing-key", random));
      Arrays.fill(s, (byte) 0);
    }
    byte[] s;
    try {
      s = Crypto.unwrap(master, Files.readAllBytes(p), "redress/log-signing-key");
    } catch (Failure f) {
      throw new EvidenceException(p + ": " + f.getMessage());
    }
    seed = s;
    SignedNote.VerifierKey vk = new SignedNote.VerifierKey(origin, SignedNote.publicKey(s));
    verifierKey = vk;
    Path pub = layout.signingPub();
    byte[] text = (vk.text() + "\n").getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(pub)) {
      Durable.writeOnce(pub, text);
    } else if (!Arrays.equals(Files.readAllBytes(pub), text)) {
      throw new EvidenceException(pub + " does not match the log signing key");
    }
  }

  byte[] caseKey(String caseId, boolean create) throws EvidenceException {
    byte[] k = caseKeys.get(caseId);
    if (k != null) {
      return k;
    }
    Path p = layout.caseKey(caseId);
    String ctx = "redress/case-key/" + caseId;
    try {
      if (!Files.exists(p)) {
        if (!create) {
          throw new EvidenceException("case " + caseId + " has no key: " + p + " is missing");
        }
        byte[] fresh = Crypto.randomKey(random);
        Durable.writeOnce(p, Crypto.wrap(master(), fresh, ctx, random));
      }
      k = Crypto.unwrap(master(), Files.readAllBytes(p), ctx);
    } catch (IOException ex) {
      throw new EvidenceException("failed to read case key " + p + ": " + ex.getMessage(), ex);
    } catch (Failure f) {
      throw new EvidenceException(p + ": " + f.getMessage());
    }
    caseKeys.put(caseId, k);
    return k;
  }

  @Override
  public void close() {
    if (master != null) {
      Arrays.fill(master, (byte) 0);
    }
    if (seed != null) {
      Arrays.fill(seed, (byte) 0);
    }
    for (byte[] k : caseKeys.values()) {
      Arrays.fill(k, (byte) 0);
    }
    caseKeys.clear();
  }
}
