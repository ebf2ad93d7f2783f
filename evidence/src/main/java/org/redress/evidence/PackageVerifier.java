package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Verifies an evidence package with nothing but the package (docs/evidence-format.md §8): zip
 * hygiene, the public key, the checkpoint signature, every inclusion proof, leaf and metadata hash,
 * every timestamp and its consistency proof, and, given the recipient passphrase, every file's
 * content. Shares no state with the writer; reads the zip once, in memory, with limits.
 */
public final class PackageVerifier {
  /** Largest package read, in bytes of uncompressed entries. */
  static final long MAX_TOTAL = 1L << 30;

  private static final Pattern ALLOWED =
      Pattern.compile(
          "manifest\\.json|checkpoint\\.txt|public-key\\.txt|index\\.html|proofs/(0|[1-9][0-9]*)\\.txt"
              + "|timestamps/[0-9]{16}\\.(txt|tsr|consistency)|content/(0|[1-9][0-9]*)\\.bin"
              + "|consistency/[0-9]{16}\\.txt");

  private PackageVerifier() {}

  /**
   * Verifies hashes, proofs, signature and timestamps; content files, if any, are not decrypted.
   */
  public static Verification verify(Path zip) {
    return verify(zip, null, null);
  }

  /**
   * Verifies a package.
   *
   * @param recipientPassphrase decrypts and checks content files; null to skip them
   * @param tsaCertificate when not null, every timestamp must be signed by this certificate
   */
  public static Verification verify(
      Path zip, char @Nullable [] recipientPassphrase, @Nullable X509Certificate tsaCertificate) {
    return verify(zip, new Options(recipientPassphrase, tsaCertificate, null, null));
  }

  /**
   * What to check beyond the package itself.
   *
   * @param recipientPassphrase decrypts and checks content files; null to skip them
   * @param tsaCertificate when not null, every timestamp must be signed by this certificate
   * @param expectKey when not null, the signing key's fingerprint (64 hex digits, colons and spaces
   *     ignored) the package must carry: pins whose package it is
   * @param earlierCheckpoint when not null, the text of a signed checkpoint kept earlier (e.g. from
   *     {@code evidence checkpoint --publish}): the package's checkpoint must extend it (RFC 6962
   *     consistency)
   */
  @SuppressWarnings("ArrayRecordComponent") // the passphrase is shared, not copied, so the caller
  // can wipe it; equality of options is never asked
  public record Options(
      char @Nullable [] recipientPassphrase,
      @Nullable X509Certificate tsaCertificate,
      @Nullable String expectKey,
      @Nullable String earlierCheckpoint) {}

  /** Normalises a fingerprint as typed: lowercase hex, colons, spaces and "SHA256:" dropped. */
  public static String normalizeFingerprint(String fp) {
    String f = fp.strip().toLowerCase(Locale.ROOT);
    if (f.startsWith("sha256:")) {
      f = f.substring(7);
    }
    return f.replaceAll("[\\s:]", "");
  }

  /** Verifies a package with {@link Options}. */
  public static Verification verify(Path zip, Options options) {
    char[] recipientPassphrase = options.recipientPassphrase();
    X509Certificate tsaCertificate = options.tsaCertificate();
    Verification v = new Verification();
    try (StrictZip files = openZip(zip, v)) {
      if (files != null) {
        Run r = new Run(files, v, recipientPassphrase, tsaCertificate);
        r.run();
        r.signer(options.expectKey());
        r.earlier(options.earlierCheckpoint());
        if (v.ok()) {
          v.manifest(r.verified(zip));
        }
      }
    } catch (IOException ex) {
      v.fail("package", "cannot read " + zip + ": " + ex.getMessage());
    }
    return v;
  }

  /**
   * For a recipient of a package exported with content: verifies the whole package, content
   * included, then writes each original 0600 as {@code <id>-<file name>} into {@code outDir}
   * (created 0700), decrypting it again and checking its SHA-256 against the proven leaf.
   *
   * @return the files written, in item order
   * @throws PackageRejectedException if the package, or any content, does not verify
   * @throws EvidenceException if the package holds no content or a file cannot be written
   */
  public static List<Path> extract(Path zip, char[] recipientPassphrase, Path outDir)
      throws EvidenceException {
    Verification v = verify(zip, recipientPassphrase, null);
    if (!v.ok() || v.manifest().isEmpty()) {
      throw new PackageRejectedException(
          "package " + zip + " did not verify: " + v.firstFailure().orElse("no checks"), v);
    }
    VerifiedManifest m = v.manifest().get();
    if (m.items().stream().noneMatch(VerifiedManifest.Item::hasContent)) {
      throw EvidenceException.of(
          EvidenceException.Reason.PACKAGE_WITHOUT_CONTENT,
          "package "
              + zip
              + " holds hashes and metadata only, no "
              + "originals (it was exported without their content)",
          zip);
    }
    Extract.prepare(outDir);
    List<Path> out = new java.util.ArrayList<>();
    try (StrictZip z = StrictZip.open(zip)) {
      Map<String, Object> manifest =
          Json.parseObject(
              new String(
                  z.read(entry(z, zip, "manifest.json"), MAX_DOCUMENT), StandardCharsets.UTF_8));
      Crypto.Kdf kdf =
          Crypto.Kdf.fromJson(
              Run.obj(manifest.get("content_encryption"), "content_encryption"),
              "content_encryption");
      byte[] key = kdf.derive(recipientPassphrase);
      try {
        for (VerifiedManifest.Item it : m.items()) {
          if (!it.hasContent()) {
            continue;
          }
          StrictZip.Entry e = entry(z, zip, "content/" + it.id() + ".bin");
          out.add(
              Extract.write(
                  outDir,
                  Extract.name(it.id(), it.fileName().orElse(null)),
                  o -> {
                    java.security.MessageDigest d = Hex.sha256();
                    try (InputStream in = z.open(e);
                        java.io.OutputStream tee = new java.security.DigestOutputStream(o, d)) {
                      Crypto.decrypt(
                          key, "redress/package/" + it.id() + "/" + it.sha256(), in, tee);
                    } catch (Failure f) {
                      throw new EvidenceException("item " + it.id() + ": " + f.getMessage());
                    }
                    if (!Hex.of(d.digest()).equals(it.sha256())) {
                      throw new EvidenceException(
                          "item " + it.id() + ": content does not match its " + "SHA-256");
                    }
                  }));
        }
      } finally {
        java.util.Arrays.fill(key, (byte) 0);
      }
    } catch (Failure f) {
      throw new PackageRejectedException("package " + zip + ": " + f.getMessage(), v);
    } catch (IOException ex) {
      throw new EvidenceException("failed to read " + zip + ": " + ex.getMessage(), ex);
    }
    return out;
  }

  /**
   * Verifies a package (content files are not decrypted) and returns its verified manifest: the
   * only way to read a package's manifest outside this module.
   *
   * @throws PackageRejectedException naming the first check that did not hold
   */
  public static VerifiedManifest readVerified(Path zip) throws PackageRejectedException {
    Verification v = verify(zip, null, null);
    if (!v.ok() || v.manifest().isEmpty()) {
      throw new PackageRejectedException(
          "package " + zip + " did not verify: " + v.firstFailure().orElse("no checks"), v);
    }
    return v.manifest().get();
  }

  /** An entry that verification saw; missing now only if the file was changed since. */
  private static StrictZip.Entry entry(StrictZip z, Path zip, String name)
      throws EvidenceException {
    StrictZip.Entry e = z.entries().get(name);
    if (e == null) {
      throw new EvidenceException(zip + " changed while it was read: " + name + " is gone");
    }
    return e;
  }

  /**
   * Opens the package through its central directory (docs §8.1), refusing any disagreement with the
   * local headers, gaps, trailing data, duplicate, unsafe and unknown names; null after a failure.
   */
  static @Nullable StrictZip openZip(Path zip, Verification v) {
    StrictZip z;
    try {
      z = StrictZip.open(zip);
    } catch (Failure f) {
      v.fail("package", f.getMessage());
      return null;
    } catch (IOException ex) {
      v.fail("package", "cannot read " + zip + ": " + ex.getMessage());
      return null;
    }
    long total = 0;
    for (StrictZip.Entry e : z.entries().values()) {
      String name = e.name();
      String problem =
          unsafe(name)
              ? "unsafe entry name: " + name
              : !ALLOWED.matcher(name).matches() ? "unexpected entry: " + name : null;
      total += e.size();
      if (problem == null && !name.startsWith("content/") && e.size() > capFor(name)) {
        problem =
            String.format(
                Locale.ROOT,
                "entry %s is %d bytes, more than the %d allowed " + "for it",
                name,
                e.size(),
                capFor(name));
      }
      if (problem == null && total > MAX_TOTAL) {
        problem = "package is larger than " + MAX_TOTAL + " bytes uncompressed";
      }
      if (problem != null) {
        v.fail("package", problem);
        try {
          z.close();
        } catch (IOException ignored) {
          // nothing more to report
        }
        return null;
      }
    }
    v.ok(
        "package",
        z.entries().size()
            + " entries read through the central directory; local "
            + "headers agree, no gaps, no trailing data; names safe and unique");
    return z;
  }

  /** Largest manifest.json and index.html read, in bytes. */
  static final int MAX_DOCUMENT = 64 << 20;

  /** Largest proof, checkpoint, key or timestamp entry read, in bytes. */
  static final int MAX_SMALL = 64 << 10;

  static int capFor(String name) {
    return name.equals("manifest.json") || name.equals("index.html") ? MAX_DOCUMENT : MAX_SMALL;
  }

  static boolean unsafe(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.contains("\\")
        || name.contains(":")
        || name.indexOf('\0') >= 0) {
      return true;
    }
    for (String seg : name.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** One verification pass over the package's files. */
  private static final class Run {
    private final StrictZip files;
    private final Verification v;
    private final char @Nullable [] passphrase;
    private final @Nullable X509Certificate tsaCert;
    private final Set<String> used = new HashSet<>();
    // Set by run() in this order; run() returns at the first that fails, so every later step
    // reads them through the accessors below, which only a broken order could make throw.
    private SignedNote.@Nullable VerifierKey key;
    private @Nullable Checkpoint cp;
    private @Nullable String caseId;
    // The commitment format-2 leaves must carry: from case_salt, or given by a pseudonymous part.
    private @Nullable String caseCommit;
    private boolean pseudonymous;
    private @Nullable Map<String, Object> manifest;
    private final Map<Long, Leaf> addLeaves = new TreeMap<>();
    private final Map<Long, Metadata> currentMeta = new HashMap<>();
    private final Map<Long, Long> metaIndex = new HashMap<>();
    private final Map<Long, Integer> correctionCount = new HashMap<>();
    private final Set<Long> withContent = new HashSet<>();
    private final List<VerifiedManifest.Timestamp> goodStamps = new java.util.ArrayList<>();

    Run(
        StrictZip files,
        Verification v,
        char @Nullable [] passphrase,
        @Nullable X509Certificate tsaCert) {
      this.files = files;
      this.v = v;
      this.passphrase = passphrase;
      this.tsaCert = tsaCert;
    }

    private Map<String, Object> manifest() {
      return established(manifest, "manifest");
    }

    private Checkpoint cp() {
      return established(cp, "checkpoint");
    }

    private SignedNote.VerifierKey key() {
      return established(key, "public key");
    }

    private String caseId() {
      return established(caseId, "case");
    }

    /** Resolves a format-2 leaf's commitment: it must be this package's case. */
    private String caseOf(String commit, String where) {
      String want = caseCommit;
      if (want == null) {
        throw new IllegalArgumentException(
            where + ": it names its case by commitment, but the manifest gives no case_salt");
      }
      if (!want.equals(commit)) {
        throw new IllegalArgumentException(where + ": its case commitment is not this package's");
      }
      return caseId();
    }

    private static <T> T established(@Nullable T value, String what) {
      if (value == null) {
        throw new IllegalStateException(what + " is read before run() verified it");
      }
      return value;
    }

    /** An entry's bytes, at most {@link #capFor} of them. */
    private byte[] bytes(String name) throws Failure {
      StrictZip.Entry e = files.entries().get(name);
      if (e == null) {
        throw new Failure("missing " + name);
      }
      used.add(name);
      try {
        return files.read(e, capFor(name));
      } catch (IOException ex) {
        throw new Failure(EvidenceException.messageOf(ex));
      }
    }

    private String text(String name) throws Failure {
      byte[] b = bytes(name);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(b))
            .toString();
      } catch (CharacterCodingException ex) {
        throw new Failure(name + " is not UTF-8");
      }
    }

    void run() {
      try {
        manifest = Json.parseObject(text("manifest.json"));
        if (!PackageWriter.FORMAT.equals(manifest.get("format"))) {
          throw new Failure(
              "format is " + manifest.get("format") + ", expected " + PackageWriter.FORMAT);
        }
        if (manifest.containsKey("case") || !manifest.containsKey("victim")) {
          caseId = Json.str(manifest, "case", "manifest");
          if (manifest.containsKey("case_salt")) {
            String salt = Json.str(manifest, "case_salt", "manifest");
            if (!Hex.isSha256(salt)) {
              throw new Failure("case_salt is not 64 hex digits");
            }
            caseCommit = CaseSalts.commit(Hex.parse(salt), caseId);
          }
          v.ok("manifest", "format " + PackageWriter.FORMAT + ", case " + caseId);
        } else {
          String victim = Json.str(manifest, "victim", "manifest");
          if (!victim.matches("[A-Z]{1,3}")) {
            throw new Failure("victim must be a pseudonym of 1-3 capitals, was " + victim);
          }
          String commit = Json.str(manifest, "case_commit", "manifest");
          if (!Hex.isSha256(commit)) {
            throw new Failure("case_commit is not 64 hex digits");
          }
          caseCommit = commit;
          pseudonymous = true;
          caseId = PackageWriter.label("", victim);
          v.ok(
              "manifest",
              "format "
                  + PackageWriter.FORMAT
                  + ", victim "
                  + victim
                  + " (the case is not named: its records carry a salted commitment)");
        }
      } catch (Failure f) {
        v.fail("manifest", f.getMessage());
        return;
      } catch (IllegalArgumentException ex) {
        v.fail("manifest", EvidenceException.messageOf(ex));
        return;
      }
      try {
        key = SignedNote.VerifierKey.parse(text("public-key.txt"));
        v.ok("public key", key.text());
      } catch (Failure f) {
        v.fail("public key", f.getMessage());
        return;
      }
      try {
        cp = Checkpoint.verify(text("checkpoint.txt"), key);
        Object origin = manifest.get("origin");
        if (!cp.origin().equals(origin)) {
          throw new Failure(
              "checkpoint origin " + cp.origin() + " differs from manifest origin " + origin);
        }
        Object size = manifest.get("tree_size");
        if (!Long.valueOf(cp.size()).equals(size)) {
          throw new Failure(
              String.format(
                  Locale.ROOT,
                  "checkpoint size %d differs from manifest tree_size %s",
                  cp.size(),
                  size));
        }
        v.ok(
            "checkpoint",
            String.format(
                Locale.ROOT, "signature valid; size %d, root %s", cp.size(), cp.rootHex()));
      } catch (Failure f) {
        v.fail("checkpoint", f.getMessage());
        return;
      }
      Map<Long, java.time.Instant> stampTimes = timestamps();
      Map<Long, Leaf> adds = entries(stampTimes);
      if (adds != null) {
        content(adds);
      }
      indexHtml(adds);
      consistencyList();
      for (String name : new TreeMap<>(files.entries()).keySet()) {
        if (!used.contains(name)) {
          v.fail("package", "entry not referenced by the manifest: " + name);
        }
      }
    }

    /**
     * Checks index.html like every other entry: it must be exactly what the writer renders from the
     * verified items, so it cannot show a person anything the proofs do not back.
     */
    private void indexHtml(@Nullable Map<Long, Leaf> adds) {
      if (adds == null || key == null || cp == null) {
        return;
      }
      try {
        String got = text("index.html");
        List<Item> items = new java.util.ArrayList<>();
        for (Map.Entry<Long, Leaf> e : addLeaves.entrySet()) {
          Leaf l = e.getValue();
          items.add(
              new Item(
                  e.getKey(),
                  caseId(),
                  l.sha(),
                  l.size,
                  l.at,
                  currentMeta.get(e.getKey()),
                  correctionCount.getOrDefault(e.getKey(), 0),
                  false));
        }
        String want =
            IndexHtml.render(
                caseId(),
                cp,
                key.text(),
                items,
                manifest().containsKey("content_encryption"),
                Json.str(manifest(), "created_at", "manifest"));
        if (!want.equals(got)) {
          throw new Failure(
              "index.html differs from what the verified manifest renders " + "(edited)");
        }
        v.ok("index.html", "matches the verified items");
      } catch (Failure f) {
        v.fail("index.html", f.getMessage());
      } catch (IllegalArgumentException ex) {
        v.fail("index.html", EvidenceException.messageOf(ex));
      }
    }

    /** Names the signing key; with a pinned fingerprint, requires it. */
    void signer(@Nullable String expect) {
      if (key == null) {
        return;
      }
      String fp = key.fingerprint();
      if (expect == null) {
        v.ok(
            "signer",
            "Ed25519 key, fingerprint "
                + fp
                + " (not pinned: compare it with the "
                + "fingerprint published when the evidence was preserved, or pin it)");
      } else if (normalizeFingerprint(expect).equals(fp)) {
        v.ok("signer", "Ed25519 key, fingerprint " + fp + ", matches the expected key");
      } else {
        v.fail(
            "signer", "signed by key " + fp + ", not the expected " + normalizeFingerprint(expect));
      }
    }

    /** Checks that the package's checkpoint extends a checkpoint kept earlier. */
    void earlier(@Nullable String text) {
      if (text == null || key == null || cp == null) {
        return;
      }
      String subject = "earlier checkpoint";
      try {
        Checkpoint old;
        try {
          old = Checkpoint.verify(text, key);
        } catch (Failure f) {
          throw new Failure("not signed by this package's key: " + f.getMessage());
        }
        long s = old.size();
        if (s > cp.size()) {
          throw new Failure(
              String.format(
                  Locale.ROOT,
                  "it covers %d leaves, more than this "
                      + "package's checkpoint (%d): export a newer package",
                  s,
                  cp.size()));
        }
        if (s == cp.size() || s == 0) {
          if (s > 0 && !Merkle.equal(old.root(), cp.root())) {
            throw new Failure("same size, different root: the log was rewritten");
          }
        } else {
          String name = consistencyEntry(s);
          if (name == null) {
            throw new Failure(
                "the package carries no consistency proof from size "
                    + s
                    + " (export it again: packages carry proofs from every published checkpoint)");
          }
          List<byte[]> proof = Merkle.parseProof(text(name), name);
          Merkle.verifyConsistency(s, cp.size(), old.root(), cp.root(), proof);
        }
        v.ok(
            subject,
            String.format(
                Locale.ROOT,
                "checkpoint %d extends your checkpoint %d "
                    + "(RFC 6962 consistency): nothing logged by then was altered or removed",
                cp.size(),
                s));
      } catch (Failure f) {
        v.fail(subject, f.getMessage());
      } catch (IllegalArgumentException ex) {
        v.fail(subject, EvidenceException.messageOf(ex));
      }
    }

    private @Nullable String consistencyEntry(long size) {
      String name = "consistency/" + Layout.sizeName(size) + ".txt";
      if (files.entries().containsKey(name)) {
        return name;
      }
      name = "timestamps/" + Layout.sizeName(size) + ".consistency";
      return files.entries().containsKey(name) ? name : null;
    }

    /** The verified manifest; call only after a run whose checks all held. */
    VerifiedManifest verified(Path zip) {
      List<VerifiedManifest.Item> items = new java.util.ArrayList<>();
      for (Map.Entry<Long, Leaf> e : addLeaves.entrySet()) {
        long id = e.getKey();
        Leaf leaf = e.getValue();
        Metadata m = currentMeta.get(id);
        Long metaLeaf = metaIndex.get(id);
        if (m == null || metaLeaf == null) {
          throw new IllegalStateException(
              "item " + id + " has no verified metadata; verified() follows a run that held");
        }
        java.util.Optional<java.time.Instant> existed = java.util.Optional.empty();
        for (VerifiedManifest.Timestamp t : goodStamps) {
          if (t.treeSize() > id && (existed.isEmpty() || t.time().isBefore(existed.get()))) {
            existed = java.util.Optional.of(t.time());
          }
        }
        items.add(
            new VerifiedManifest.Item(
                id,
                id,
                metaLeaf,
                leaf.sha(),
                leaf.size,
                leaf.at,
                m.capturedAt(),
                existed,
                opt(m.sourceKind()),
                opt(m.sourceValue()),
                opt(m.captureMethod()),
                opt(m.capturedBy()),
                opt(m.fileName()),
                opt(m.mediaType()),
                opt(m.note()),
                correctionCount.getOrDefault(id, 0),
                withContent.contains(id)));
      }
      List<VerifiedManifest.Timestamp> ts = new java.util.ArrayList<>(goodStamps);
      ts.sort(java.util.Comparator.comparing(VerifiedManifest.Timestamp::treeSize));
      return new VerifiedManifest(
          zip,
          caseId(),
          cp().origin(),
          cp().size(),
          cp().rootHex(),
          key().fingerprint(),
          ts,
          items);
    }

    private static java.util.Optional<String> opt(@Nullable String s) {
      return java.util.Optional.ofNullable(s);
    }

    /** Checks the manifest's list of consistency proofs from published checkpoints. */
    private void consistencyList() {
      try {
        for (Object o : list("consistency")) {
          Map<String, Object> c = obj(o, "consistency entry");
          long size = Json.num(c, "size", "consistency entry");
          String want = "consistency/" + Layout.sizeName(size) + ".txt";
          String got = Json.str(c, "proof", "consistency entry");
          if (!got.equals(want) || size < 1 || size > cp().size()) {
            throw new Failure("consistency entry for size " + size + " is not valid");
          }
          Merkle.parseProof(text(want), want);
        }
      } catch (Failure f) {
        v.fail("manifest", f.getMessage());
      } catch (IllegalArgumentException ex) {
        v.fail("manifest", EvidenceException.messageOf(ex));
      }
    }

    private List<?> list(String field) throws Failure {
      Object o = manifest().get(field);
      if (o == null) {
        return List.of();
      }
      if (!(o instanceof List)) {
        throw new Failure("manifest field \"" + field + "\" is not a list");
      }
      return (List<?>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(@Nullable Object o, String where) throws Failure {
      if (!(o instanceof Map)) {
        throw new Failure(where + " is not an object");
      }
      return (Map<String, Object>) o;
    }

    /** Verifies each timestamp; returns leaf-coverage size → genTime of the valid ones. */
    private Map<Long, java.time.Instant> timestamps() {
      Map<Long, java.time.Instant> out = new TreeMap<>();
      List<?> stamps;
      try {
        stamps = list("timestamps");
      } catch (Failure f) {
        v.fail("manifest", f.getMessage());
        return out;
      }
      for (Object o : stamps) {
        String subject = "timestamp";
        try {
          Map<String, Object> t = obj(o, "timestamp entry");
          long size = Json.num(t, "size", "timestamp entry");
          subject = "timestamp " + size;
          String base = "timestamps/" + Layout.sizeName(size);
          expectName(t, "checkpoint", base + ".txt");
          expectName(t, "token", base + ".tsr");
          expectName(t, "consistency", base + ".consistency");
          String cpText = text(base + ".txt");
          Checkpoint old = Checkpoint.verify(cpText, key());
          if (old.size() != size) {
            throw new Failure("checkpoint file holds size " + old.size());
          }
          List<byte[]> proof = Merkle.parseProof(text(base + ".consistency"), "consistency");
          Merkle.verifyConsistency(old.size(), cp().size(), old.root(), cp().root(), proof);
          byte[] token = bytes(base + ".tsr");
          Timestamps.Info info = Timestamps.verify(token, old.bytes(), tsaCert);
          v.ok(
              subject,
              String.format(
                  Locale.ROOT,
                  "checkpoint %d signed and consistent; RFC 3161 time %s by %s (certificate SHA-256 "
                      + "%s)",
                  size,
                  info.genTime,
                  info.tsaSubject,
                  info.certSha256));
          out.put(size, info.genTime);
          goodStamps.add(
              new VerifiedManifest.Timestamp(size, info.genTime, info.tsaSubject, info.certSha256));
        } catch (Failure f) {
          v.fail(subject, f.getMessage());
        } catch (IllegalArgumentException ex) {
          v.fail(subject, EvidenceException.messageOf(ex));
        }
      }
      return out;
    }

    private void expectName(Map<String, Object> t, String field, String want) throws Failure {
      String got = Json.str(t, field, "timestamp entry");
      if (!got.equals(want)) {
        throw new Failure("field \"" + field + "\" must be " + want + ", was " + got);
      }
    }

    /** Verifies each entry; returns the add leaves by item id, or null if the list is bad. */
    private @Nullable Map<Long, Leaf> entries(Map<Long, java.time.Instant> stampTimes) {
      List<?> entries;
      try {
        entries = list("entries");
        if (entries.isEmpty()) {
          throw new Failure("manifest lists no entries");
        }
      } catch (Failure f) {
        v.fail("manifest", f.getMessage());
        return null;
      }
      Map<Long, Leaf> adds = new HashMap<>();
      Map<Long, Leaf> corrections = new TreeMap<>();
      Set<Long> seen = new HashSet<>();
      for (int k = 0; k < entries.size(); k++) {
        String subject = "entry #" + k;
        try {
          Map<String, Object> e = obj(entries.get(k), subject);
          long li = Json.num(e, "leaf_index", subject);
          subject = "entry " + li;
          if (!seen.add(li)) {
            throw new Failure("listed twice");
          }
          String leafText = Json.str(e, "leaf", subject);
          String metaText = Json.str(e, "metadata", subject);
          String proofName = Json.str(e, "proof", subject);
          if (!proofName.equals("proofs/" + li + ".txt")) {
            throw new Failure("proof must be proofs/" + li + ".txt, was " + proofName);
          }
          byte[] leafBytes = leafText.getBytes(StandardCharsets.UTF_8);
          Leaf leaf;
          try {
            leaf = Leaf.parse(leafBytes, "leaf", this::caseOf);
          } catch (IllegalArgumentException ex) {
            throw new Failure("leaf is not valid: " + ex.getMessage());
          }
          if (leaf.type.equals(Leaf.ADD) && leaf.item != li) {
            throw new Failure(
                String.format(
                    Locale.ROOT,
                    "add leaf says item %d but sits at index %d (leaves swapped?)",
                    leaf.item,
                    li));
          }
          List<byte[]> proof = Merkle.parseProof(text(proofName), proofName);
          Merkle.verifyInclusion(li, cp().size(), Merkle.leafHash(leafBytes), proof, cp().root());
          if (!leaf.caseId.equals(caseId)) {
            throw new Failure("leaf case " + leaf.caseId + " differs from package case " + caseId);
          }
          if (leaf.type.equals(Leaf.SHRED)) {
            throw new Failure("a shred leaf has no place in a package");
          }
          byte[] metaBytes = metaText.getBytes(StandardCharsets.UTF_8);
          if (!Hex.of(Hex.sha256(metaBytes)).equals(leaf.meta)) {
            throw new Failure("metadata SHA-256 does not match the leaf (metadata was edited)");
          }
          Metadata meta;
          try {
            meta = Metadata.parse(metaBytes, "metadata");
          } catch (IllegalArgumentException ex) {
            throw new Failure("metadata is hashed in the log but not valid: " + ex.getMessage());
          }
          String leafCommit = leaf.commit;
          if (leafCommit != null) {
            if (!leafCommit.equals(meta.caseCommit())) {
              throw new Failure("metadata case_commit differs from the leaf's");
            }
          } else if (pseudonymous) {
            throw new Failure("the leaf names its case in a package that names none");
          } else if (!caseId().equals(meta.caseId())) {
            throw new Failure("metadata case " + meta.caseId() + " differs from " + caseId);
          }
          Object content = e.get("content");
          if (leaf.type.equals(Leaf.ADD)) {
            if (meta.size() != leaf.size) {
              throw new Failure(
                  String.format(
                      Locale.ROOT,
                      "metadata size %d differs from leaf size %d",
                      meta.size(),
                      leaf.size));
            }
            adds.put(li, leaf);
            if (content != null && !("content/" + li + ".bin").equals(content)) {
              throw new Failure("content must be content/" + li + ".bin, was " + content);
            }
            addLeaves.put(li, leaf);
            if (content != null) {
              withContent.add(li);
            }
          } else {
            if (content != null) {
              throw new Failure("a correction carries no content");
            }
            corrections.put(li, leaf);
            correctionCount.merge(leaf.item, 1, Integer::sum);
          }
          if (metaIndex.getOrDefault(leaf.item, -1L) < li) {
            metaIndex.put(leaf.item, li);
            currentMeta.put(leaf.item, meta);
          }
          String time = "";
          for (Map.Entry<Long, java.time.Instant> s : stampTimes.entrySet()) {
            if (s.getKey() > li) {
              time = "; existed no later than " + s.getValue() + " (RFC 3161)";
              break;
            }
          }
          v.ok(
              subject,
              String.format(
                  Locale.ROOT,
                  "%s of item %d (sha256 %s): in checkpoint, " + "metadata matches%s",
                  leaf.type,
                  leaf.item,
                  leaf.type.equals(Leaf.ADD)
                      ? leaf.sha256
                      : adds.containsKey(leaf.item) ? adds.get(leaf.item).sha256 : "?",
                  time));
        } catch (Failure f) {
          v.fail(subject, f.getMessage());
        } catch (IllegalArgumentException ex) {
          v.fail(subject, EvidenceException.messageOf(ex));
        }
      }
      for (Map.Entry<Long, Leaf> c : corrections.entrySet()) {
        if (!adds.containsKey(c.getValue().item)) {
          v.fail(
              "entry " + c.getKey(),
              "correction of item " + c.getValue().item + " whose add leaf is not in the package");
        }
      }
      return adds;
    }

    private void content(Map<Long, Leaf> adds) {
      List<?> entries;
      try {
        entries = list("entries");
      } catch (Failure f) {
        return;
      }
      Map<Long, String> contentOf = new TreeMap<>();
      for (Object o : entries) {
        if (o instanceof Map
            && ((Map<?, ?>) o).get("content") instanceof String
            && ((Map<?, ?>) o).get("leaf_index") instanceof Long) {
          contentOf.put(
              (Long) ((Map<?, ?>) o).get("leaf_index"), (String) ((Map<?, ?>) o).get("content"));
        }
      }
      if (contentOf.isEmpty()) {
        v.ok("content", "package holds hashes and metadata only");
        return;
      }
      contentOf.values().forEach(used::add);
      if (passphrase == null) {
        v.ok(
            "content",
            contentOf.size()
                + " encrypted files present, not decrypted "
                + "(no recipient passphrase given)");
        return;
      }
      byte[] key;
      try {
        Map<String, Object> enc = obj(manifest().get("content_encryption"), "content_encryption");
        Crypto.Kdf kdf = Crypto.Kdf.fromJson(enc, "content_encryption");
        key = kdf.derive(passphrase);
        byte[] check = Base64.getDecoder().decode(Json.str(enc, "check", "content_encryption"));
        try {
          Crypto.unwrap(key, check, "redress/package-check");
        } catch (Failure f) {
          throw new Failure("wrong recipient passphrase");
        }
      } catch (Failure f) {
        v.fail("content", f.getMessage());
        return;
      } catch (IllegalArgumentException ex) {
        v.fail("content", EvidenceException.messageOf(ex));
        return;
      }
      for (Map.Entry<Long, String> c : contentOf.entrySet()) {
        long id = c.getKey();
        String subject = "item " + id;
        Leaf leaf = adds.get(id);
        if (leaf == null) {
          continue;
        }
        StrictZip.Entry data = files.entries().get(c.getValue());
        if (data == null) {
          v.fail(subject, "missing " + c.getValue());
          continue;
        }
        if (data.size() != Crypto.encryptedLength(leaf.size)) {
          v.fail(
              subject,
              String.format(
                  Locale.ROOT,
                  "%s is %d bytes; %d encrypt to %d",
                  c.getValue(),
                  data.size(),
                  leaf.size,
                  Crypto.encryptedLength(leaf.size)));
          continue;
        }
        java.security.MessageDigest d = Hex.sha256();
        long[] count = {0};
        java.io.OutputStream sink =
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                d.update((byte) b);
                count[0]++;
              }

              @Override
              public void write(byte[] b, int off, int len) {
                d.update(b, off, len);
                count[0] += len;
              }
            };
        try (InputStream in = files.open(data)) {
          Crypto.decrypt(key, "redress/package/" + id + "/" + leaf.sha256, in, sink);
        } catch (Failure f) {
          v.fail(subject, c.getValue() + ": " + f.getMessage());
          continue;
        } catch (IOException ex) {
          v.fail(subject, c.getValue() + ": " + ex.getMessage());
          continue;
        }
        String got = Hex.of(d.digest());
        if (!got.equals(leaf.sha256) || count[0] != leaf.size) {
          v.fail(subject, "content SHA-256 " + got + " differs from the leaf's " + leaf.sha256);
        } else {
          v.ok(subject, "content decrypts; SHA-256 and size match the leaf");
        }
      }
      java.util.Arrays.fill(key, (byte) 0);
    }
  }
}
