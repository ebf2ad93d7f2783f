package org.redress.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The evidence locker of one workspace (docs/evidence-format.md): adds files to per-case encrypted,
 * content-addressed storage, logs every add, correction and shred as a leaf of an RFC 6962 Merkle
 * log, signs checkpoints, optionally timestamps them, and exports verifiable packages.
 *
 * <p>One store per workspace at a time (a file lock enforces it). Not thread-safe. An add that
 * returned is durable: its content, metadata and leaf were fsynced first.
 */
public final class EvidenceStore implements AutoCloseable {
  static final String ORIGIN_PREFIX = "redress.evidence/";

  private final Layout layout;
  private final Blobs blobs;
  private final Clock clock;
  private final SecureRandom random;
  private final String toolName;
  private final String toolVersion;
  private final String capturedBy;
  private final URI tsa;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> openWarnings = new ArrayList<>();
  private final Quarantine quarantine;
  private final boolean lockless;
  private boolean readOnly;
  private String readOnlyReason;
  private boolean logBehind;
  private long logGoodLength;
  private final boolean salvage;
  private final Crypto.Encryptor encryptor = new Crypto.Encryptor();
  private final ThreadLocal<Crypto.Encryptor> workerEncryptors =
      ThreadLocal.withInitial(Crypto.Encryptor::new);
  private ExecutorService workers;
  private final byte[] noncePool = new byte[4096];
  private int noncePos = noncePool.length;

  private final KeyRing keyRing;
  private final Checkpointer checkpointer;
  private LogFile log;
  private final MerkleTree tree = new MerkleTree();
  private final List<byte[]> leafBytes = new ArrayList<>();
  private final List<Leaf> leaves = new ArrayList<>();
  private final Map<String, List<Long>> byCase = new TreeMap<>();
  private final Map<Long, List<String>> metaHistory = new HashMap<>();
  private final Map<Long, List<Long>> leafHistory = new HashMap<>();
  private final Set<String> shredded = new TreeSet<>();
  private Checkpoint latest;

  private EvidenceStore(Builder b, FileChannel lockChannel, FileLock lock) {
    this.layout = new Layout(b.workspace);
    this.blobs = new Blobs(layout);
    this.clock = b.clock;
    this.random = b.random;
    this.toolName = b.toolName;
    this.toolVersion = b.toolVersion;
    this.capturedBy = b.capturedBy;
    this.tsa = b.tsa;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.lockless = lockChannel == null;
    this.salvage = b.salvage;
    if (salvage) {
      readOnly = true;
      readOnlyReason = "opened for salvage";
    }
    this.quarantine = new Quarantine(layout);
    this.keyRing = new KeyRing(layout, b.random);
    this.checkpointer = new Checkpointer(layout, keyRing, b.tsa, b.random);
  }

  /**
   * Starts configuring the store of a workspace directory.
   *
   * @throws IllegalArgumentException if {@code workspace} is null
   */
  public static Builder builder(Path workspace) {
    if (workspace == null) {
      throw new IllegalArgumentException("workspace must not be null");
    }
    return new Builder(workspace.toAbsolutePath().normalize());
  }

  /** Options, each validated when set. */
  public static final class Builder {
    private final Path workspace;
    private KeySource keys = KeySource.keyFile();
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private String toolName = "redress";
    private String toolVersion = "dev";
    private String capturedBy = "unknown";
    private URI tsa;
    private int kdfMemoryKib = Crypto.Kdf.DEFAULT_MEMORY_KIB;
    private int kdfIterations = Crypto.Kdf.DEFAULT_ITERATIONS;
    private boolean salvage;

    private Builder(Path workspace) {
      this.workspace = workspace;
    }

    /** Where the master key comes from (default: the key file inside the workspace). */
    public Builder keys(KeySource source) {
      if (source == null) {
        throw new IllegalArgumentException("key source must not be null");
      }
      this.keys = source;
      return this;
    }

    /** The clock that stamps captured-at times (default: system UTC). */
    public Builder clock(Clock c) {
      if (c == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = c;
      return this;
    }

    /** The tool recorded in metadata, e.g. {@code redress 0.1.0}. */
    public Builder tool(String name, String version) {
      if (name == null || name.isBlank() || version == null || version.isBlank()) {
        throw new IllegalArgumentException(
            "tool name and version must not be empty, were \""
                + name
                + "\" and \""
                + version
                + "\"");
      }
      this.toolName = name;
      this.toolVersion = version;
      return this;
    }

    /** Who preserves items by default (an operator name or pseudonym). */
    public Builder capturedBy(String who) {
      if (who == null || who.isBlank()) {
        throw new IllegalArgumentException("captured-by must not be empty");
      }
      this.capturedBy = who;
      return this;
    }

    /** An RFC 3161 time-stamping authority to stamp every checkpoint (http or https). */
    public Builder tsa(URI url) {
      if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
        throw new IllegalArgumentException("TSA URL must be http or https, was " + url);
      }
      this.tsa = url;
      return this;
    }

    /**
     * Opens a damaged store for salvage: read-only, and logged items whose packs are missing become
     * warnings instead of a refusal to open (see {@link EvidenceStore#salvage(Path)}).
     */
    public Builder forSalvage() {
      this.salvage = true;
      return this;
    }

    Builder random(SecureRandom r) {
      this.random = r;
      return this;
    }

    /** Cheaper Argon2id for tests; the parameters are stored, so opening still works. */
    Builder kdf(int memoryKib, int iterations) {
      this.kdfMemoryKib = memoryKib;
      this.kdfIterations = iterations;
      return this;
    }

    /**
     * Opens the store, creating it on first use; repairs a torn log tail.
     *
     * @throws EvidenceException for a wrong key or passphrase, a corrupt log, a locked workspace or
     *     an I/O failure
     */
    public EvidenceStore open() throws EvidenceException {
      Layout l = new Layout(workspace);
      FileChannel ch = null;
      try {
        if (!Files.isWritable(l.root()) && Files.exists(l.masterCheck().getParent())) {
          return openLockless(l);
        }
        Durable.createDirs(l.root());
        ch = Durable.openOwnerOnly(l.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (Durable.isPosix(l.root())) {
          // Existing workspaces were made 0755: the evidence directory is closed to others.
          Files.setPosixFilePermissions(
              l.root(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        FileLock lk;
        try {
          lk = ch.tryLock();
        } catch (OverlappingFileLockException ex) {
          lk = null;
        }
        if (lk == null) {
          throw new EvidenceException(
              "workspace " + workspace + " is in use by another redress process");
        }
        EvidenceStore s = new EvidenceStore(this, ch, lk);
        try {
          s.load(keys, kdfMemoryKib, kdfIterations);
        } catch (EvidenceException | IOException | RuntimeException ex) {
          s.close();
          throw ex;
        }
        return s;
      } catch (IOException ex) {
        closeQuietly(ch);
        throw new EvidenceException(
            "failed to open evidence store in " + workspace + ": " + ex.getMessage(), ex);
      } catch (EvidenceException | RuntimeException ex) {
        closeQuietly(ch);
        throw ex;
      }
    }

    /** A workspace that cannot be written (read-only file system or permissions): read only. */
    private EvidenceStore openLockless(Layout l) throws EvidenceException, IOException {
      EvidenceStore s = new EvidenceStore(this, null, null);
      try {
        s.load(keys, kdfMemoryKib, kdfIterations);
      } catch (EvidenceException | IOException | RuntimeException ex) {
        s.close();
        throw ex;
      }
      s.openWarnings.add(
          "WARNING: "
              + l.root()
              + " is not writable: opened read-only (list, "
              + "show, export and verify work; nothing can be added)");
      s.warnings.add(s.openWarnings.get(s.openWarnings.size() - 1));
      return s;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing more to do
      }
    }
  }

  /**
   * Whether the workspace's evidence store exists and is protected by a passphrase (so a caller
   * knows to ask for one before {@link Builder#open()}).
   */
  public static boolean needsPassphrase(Path workspace) {
    return Files.exists(new Layout(workspace.toAbsolutePath().normalize()).masterPass());
  }

  /** Whether the workspace's evidence store exists and uses key-file mode. */
  public static boolean usesKeyFile(Path workspace) {
    Layout l = new Layout(workspace.toAbsolutePath().normalize());
    return Files.exists(l.masterCheck()) && !Files.exists(l.masterPass());
  }

  // ---------------------------------------------------------------- opening

  private void load(KeySource keys, int kdfMemory, int kdfIter)
      throws IOException, EvidenceException {
    keyRing.load(keys, kdfMemory, kdfIter);
    latest = loadLatestCheckpoint();
    LogFile.Scan scan = LogFile.scan(layout.entries());
    logGoodLength = scan.goodLength;
    long covered = latest == null ? 0 : latest.size();
    List<String> why = new ArrayList<>();
    if (scan.problem != null) {
      if (scan.leaves.size() < covered) {
        throw new EvidenceException(
            scan.problem
                + "; the log is corrupt before checkpoint "
                + covered
                + " and cannot be repaired");
      }
      long dropped = Files.size(layout.entries()) - scan.goodLength;
      openWarnings.add(
          String.format(
              Locale.ROOT,
              "repaired torn log tail: dropped %d bytes after record %d (%s)",
              dropped,
              scan.leaves.size(),
              scan.problem));
    }
    for (byte[] leaf : scan.leaves) {
      try {
        index(Leaf.parse(leaf, "log record " + leaves.size()), leaf);
      } catch (IllegalArgumentException ex) {
        throw new EvidenceException(ex.getMessage(), ex);
      }
    }
    if (scan.leaves.size() < covered) {
      logBehind = true;
      why.add(
          String.format(
              Locale.ROOT,
              "the log has %d records but checkpoint %d covers %d "
                  + "(the log was lost, truncated or restored from an older backup)",
              scan.leaves.size(),
              covered,
              covered));
    } else if (latest != null && !Arrays.equals(tree.root(covered), latest.root())) {
      throw new EvidenceException(
          String.format(
              Locale.ROOT,
              "log does not match checkpoint %d: its root differs (leaves altered or reordered)",
              covered));
    } else if (latest == null && tree.size() > 0) {
      openWarnings.add(
          String.format(
              Locale.ROOT,
              "WARNING: the log has %d records but no "
                  + "checkpoint: the checkpoints folder was lost; a new checkpoint is signed",
              tree.size()));
    }
    List<Path> uncovered = blobs.load(tree.size());
    for (Map.Entry<String, String> d : blobs.damaged().entrySet()) {
      openWarnings.add(
          "WARNING: case "
              + d.getKey()
              + " has a damaged pack: "
              + d.getValue()
              + "; items stored in it cannot be read (restore the pack from a backup); other cases "
              + "are not affected; to save what still verifies run: redress evidence salvage --out "
              + "DIR");
    }
    List<String> unreferenced = unreferencedBlobs();
    if (!unreferenced.isEmpty()) {
      why.add(
          unreferenced.size()
              + " stored blob(s) that no log record names (the log is "
              + "older than the packs), e.g. "
              + unreferenced.get(0));
    }
    if (!uncovered.isEmpty()) {
      boolean interruptedAdd =
          uncovered.size() == 1
              && !logBehind
              && Layout.packFirstLeaf(uncovered.get(0).getFileName().toString()) == tree.size();
      if (!interruptedAdd) {
        why.add(
            uncovered.size()
                + " pack(s) that the log does not cover (the log is older "
                + "than the packs)");
      }
      if (lockless || salvage) {
        openWarnings.add(
            "WARNING: "
                + uncovered.size()
                + " pack(s) are not covered by the log; "
                + "the workspace is opened read-only, so they stay where they are: "
                + uncovered);
      } else {
        List<Path> moved = quarantine.move(uncovered);
        for (Path m : moved) {
          openWarnings.add(
              "WARNING: moved pack "
                  + m.getFileName()
                  + " to the quarantine "
                  + m.getParent()
                  + ": the log does not cover it"
                  + (interruptedAdd
                      ? " (an add interrupted before it returned, or one batch of a lost log)"
                      : "")
                  + "; nothing was deleted");
        }
      }
    }
    if (!why.isEmpty() && !lockless && !salvage) {
      quarantine.requireRecover(String.join("; ", why));
    }
    String reason = quarantine.recoverReason();
    if (reason == null && (lockless || salvage) && !why.isEmpty()) {
      reason = String.join("; ", why);
    }
    if (reason != null) {
      readOnly = true;
      readOnlyReason = "the evidence log is older than the stored evidence: " + reason;
      openWarnings.add(
          "WARNING: the workspace is READ-ONLY: "
              + readOnlyReason
              + ". Nothing was deleted. Run: redress evidence recover");
    } else if (lockless) {
      readOnly = true;
      readOnlyReason = "the workspace is not writable";
    }
    List<Quarantine.Pending> pending = lockless ? List.of() : quarantine.pending();
    if (!pending.isEmpty()) {
      openWarnings.add(
          String.format(
              Locale.ROOT,
              "WARNING: %d pack(s) wait in the quarantine "
                  + "%s; run: redress evidence recover (it re-logs what they hold and keeps them)",
              pending.size(),
              layout.quarantine()));
    }
    if (readOnly) {
      checkBlobsPresent();
      warnings.addAll(openWarnings);
      return;
    }
    log = LogFile.openForAppend(layout.entries(), scan.goodLength);
    for (String c : shredded) {
      if (Files.exists(layout.caseKey(c))) {
        destroyCaseFiles(c);
        openWarnings.add("finished shredding case " + c + " (interrupted earlier)");
      }
    }
    checkBlobsPresent();
    if (tree.size() > covered) {
      makeCheckpoint(false);
    }
    warnings.addAll(openWarnings);
  }

  /** Blobs in indexed packs that no leaf names and recover did not acknowledge. */
  private List<String> unreferencedBlobs() throws IOException {
    java.util.Set<String> refs = referencedBlobs();
    java.util.Set<String> ack = quarantine.acknowledged();
    List<String> out = new ArrayList<>();
    for (Map.Entry<Path, Blobs.Indexed> e : blobs.indexed().entrySet()) {
      String c = e.getValue().caseId();
      if (shredded.contains(c)) {
        continue;
      }
      for (Pack.Entry b : e.getValue().entries()) {
        String k = Quarantine.key(c, b.kind(), b.sha256());
        if (!refs.contains(k) && !ack.contains(k)) {
          out.add(k + " in " + e.getKey().getFileName());
        }
      }
    }
    return out;
  }

  java.util.Set<String> referencedBlobKeys() {
    return referencedBlobs();
  }

  byte[] caseKeyFor(String caseId) throws EvidenceException {
    return keyRing.caseKey(caseId, false);
  }

  /**
   * Encrypts a small record of a case's personal data (facts, parties) with the case's data key
   * (AES-256-GCM, the key-wrap format of docs §6, bound to the case and {@code purpose}); the key
   * is created on first use. Shredding the case makes the record unreadable.
   *
   * @param purpose what the bytes are (e.g. {@code "case-facts"}); needed again to open them
   * @throws IllegalArgumentException for a bad case id
   * @throws ReadOnlyWorkspaceException when the case has no key yet and the store is read-only
   * @throws EvidenceException when the case key cannot be read or the case was shredded
   */
  public byte[] seal(String caseId, String purpose, byte[] plaintext) throws EvidenceException {
    Layout.checkCase(caseId);
    if (shredded.contains(caseId)) {
      throw new EvidenceException("case " + caseId + " was shredded");
    }
    if (!Files.exists(layout.caseKey(caseId))) {
      refuseReadOnly("create a key for case " + caseId);
    }
    byte[] key = keyRing.caseKey(caseId, true);
    return Crypto.wrap(key, plaintext, sealContext(caseId, purpose), random);
  }

  /**
   * Opens bytes {@link #seal sealed} for the same case and purpose.
   *
   * @throws EvidenceException when the case has no key (shredded) or the bytes were altered
   */
  public byte[] unseal(String caseId, String purpose, byte[] sealed) throws EvidenceException {
    Layout.checkCase(caseId);
    byte[] key = keyRing.caseKey(caseId, false);
    try {
      return Crypto.unwrap(key, sealed, sealContext(caseId, purpose));
    } catch (Failure f) {
      throw new EvidenceException(
          "sealed " + purpose + " of case " + caseId + ": " + f.getMessage());
    }
  }

  private static String sealContext(String caseId, String purpose) {
    return "redress/case-record/" + caseId + "/" + purpose;
  }

  /**
   * Recovers a workspace whose log is older than its packs (docs §1.3): sets aside checkpoints the
   * log does not match, re-logs every item found in a pack the log does not cover (from the
   * quarantine or in place) with its paired metadata, reports what it could not re-log, and keeps
   * every file. Afterwards the store is writable.
   *
   * @throws EvidenceException if the workspace is not writable or an I/O failure stops it
   */
  public Recovery recover() throws EvidenceException {
    if (lockless) {
      throw new ReadOnlyWorkspaceException("cannot recover: " + layout.root() + " is not writable");
    }
    Recover r = new Recover(this, layout, quarantine);
    try {
      if (logBehind) {
        r.setAsideCheckpoints(tree);
        latest = loadLatestCheckpoint();
        logBehind = false;
      }
      if (log == null) {
        log = LogFile.openForAppend(layout.entries(), logGoodLength);
      }
      readOnly = false;
      readOnlyReason = null;
      Recovery out = r.run(blobs.indexed());
      quarantine.clearRecover();
      makeCheckpoint(false);
      return out;
    } catch (IOException ex) {
      throw new EvidenceException(
          "recover failed (nothing was deleted; run it again): " + ex.getMessage(), ex);
    }
  }

  private java.util.Set<String> referencedBlobs() {
    java.util.Set<String> refs = new java.util.HashSet<>();
    for (Leaf l : leaves) {
      if (l.type.equals(Leaf.ADD)) {
        refs.add(Quarantine.key(l.caseId, Pack.CONTENT, l.sha256));
      }
      if (!l.type.equals(Leaf.SHRED)) {
        refs.add(Quarantine.key(l.caseId, Pack.META, l.meta));
      }
    }
    return refs;
  }

  /**
   * Refuses to open when a leaf names content or metadata that no pack (or loose file) holds: a
   * pack was deleted or lost, and carrying on would hide it.
   */
  private void checkBlobsPresent() throws EvidenceException {
    for (int i = 0; i < leaves.size(); i++) {
      Leaf l = leaves.get(i);
      if (shredded.contains(l.caseId)
          || l.type.equals(Leaf.SHRED)
          || blobs.damaged().containsKey(l.caseId)) {
        continue;
      }
      EvidenceException gone = null;
      if (l.type.equals(Leaf.ADD) && !blobs.has(l.caseId, Pack.CONTENT, l.sha256)) {
        gone = missing(i, l, "content " + l.sha256);
      } else if (!blobs.has(l.caseId, Pack.META, l.meta)) {
        gone = missing(i, l, "metadata " + l.meta);
      }
      if (gone != null && !salvage) {
        throw gone;
      }
      if (gone != null) {
        openWarnings.add("WARNING: " + gone.getMessage());
      }
    }
  }

  private EvidenceException missing(int index, Leaf l, String what) {
    return new EvidenceException(
        String.format(
            Locale.ROOT,
            "log record %d (%s of item %d, case "
                + "%s) names %s, which no pack in %s holds: a pack file was deleted or lost; the store "
                + "refuses to open (restore the case's packs from a backup; verify-log still works)",
            index,
            l.type,
            l.item,
            l.caseId,
            what,
            layout.packs(l.caseId)));
  }

  /** Sizes of stored checkpoints, ascending. */
  List<Long> checkpointSizes() throws IOException {
    return checkpointer.sizes();
  }

  private Checkpoint loadLatestCheckpoint() throws IOException, EvidenceException {
    return checkpointer.latest();
  }

  Checkpoint readCheckpoint(long size) throws IOException, EvidenceException {
    return checkpointer.read(size);
  }

  private void index(Leaf leaf, byte[] bytes) {
    long idx = leaves.size();
    String where = "log record " + idx;
    switch (leaf.type) {
      case Leaf.ADD:
        if (leaf.item != idx) {
          throw new IllegalArgumentException(where + ": add leaf says item " + leaf.item);
        }
        if (shredded.contains(leaf.caseId)) {
          throw new IllegalArgumentException(where + ": add to shredded case " + leaf.caseId);
        }
        byCase.computeIfAbsent(leaf.caseId, k -> new ArrayList<>()).add(idx);
        metaHistory.computeIfAbsent(idx, k -> new ArrayList<>()).add(leaf.meta);
        leafHistory.computeIfAbsent(idx, k -> new ArrayList<>()).add(idx);
        break;
      case Leaf.CORRECT:
        if (leaf.item < 0
            || leaf.item >= idx
            || !leaves.get((int) leaf.item).type.equals(Leaf.ADD)
            || !leaves.get((int) leaf.item).caseId.equals(leaf.caseId)) {
          throw new IllegalArgumentException(where + ": correction of unknown item " + leaf.item);
        }
        metaHistory.get(leaf.item).add(leaf.meta);
        leafHistory.get(leaf.item).add(idx);
        break;
      default:
        shredded.add(leaf.caseId);
        break;
    }
    leaves.add(leaf);
    leafBytes.add(bytes);
    tree.appendLeafHash(Merkle.leafHash(bytes));
  }

  // ---------------------------------------------------------------- writing

  /**
   * Preserves one file.
   *
   * @throws EvidenceException if the file cannot be read or the store cannot write
   */
  public Item add(String caseId, NewItem item) throws EvidenceException {
    return addAll(caseId, List.of(item)).get(0);
  }

  /**
   * Preserves files as one durable batch: contents and metadata are written and fsynced, then all
   * leaves are appended with one fsync, then one checkpoint is signed.
   *
   * @throws EvidenceException naming the first file that cannot be read; nothing of the batch is
   *     logged then
   * @throws IllegalArgumentException for a bad case id
   */
  public List<Item> addAll(String caseId, List<NewItem> items) throws EvidenceException {
    return addAll(caseId, items, null);
  }

  /** As {@link #addAll(String, List)}, calling {@code progress} after each file is stored. */
  public List<Item> addAll(String caseId, List<NewItem> items, Runnable progress)
      throws EvidenceException {
    Layout.checkCase(caseId);
    refuseReadOnly("add");
    refuseShredded(caseId);
    if (items.isEmpty()) {
      return List.of();
    }
    byte[] key = keyRing.caseKey(caseId, true);
    List<Leaf> batch = new ArrayList<>();
    List<Metadata> metas = new ArrayList<>();
    long next = tree.size();
    List<Path> files = items.stream().map(NewItem::file).toList();
    try (Blobs.Batch pack = blobs.batch(caseId, next, random);
        Prefetch ahead =
            new Prefetch(
                items.size() < PARALLEL_FROM ? null : workers(),
                files,
                key,
                caseId,
                this::noncePrefix,
                workerEncryptors)) {
      for (NewItem it : items) {
        Path f = it.file();
        try {
          Prefetch.Ready r = ahead.next();
          if (!r.regular()) {
            throw new EvidenceException("not a regular file: " + f);
          }
          Stored c;
          if (r.sealed() != null) {
            pack.add(Pack.CONTENT, r.sha256(), out -> out.write(r.sealed()));
            c = new Stored(r.sha256(), r.size());
          } else {
            c = storeLarge(caseId, key, f, r.size(), pack);
          }
          Instant at = clock.instant();
          Metadata meta =
              Metadata.create(caseId, it, at, toolName, toolVersion, capturedBy, c.size);
          writeMeta(caseId, key, meta, pack);
          metas.add(meta);
          batch.add(Leaf.add(caseId, next++, c.sha256, c.size, meta.sha256(), at));
        } catch (NoSuchFileException ex) {
          throw new EvidenceException("no such file: " + f, ex);
        } catch (IOException ex) {
          throw new EvidenceException("failed to store " + f + ": " + ex.getMessage(), ex);
        }
        if (progress != null) {
          progress.run();
        }
      }
      commit(pack, batch);
    } catch (IOException ex) {
      throw new EvidenceException("failed to store files: " + ex.getMessage(), ex);
    }
    List<Item> out = new ArrayList<>();
    for (Leaf l : batch) {
      out.add(itemOf(l.item, metas.get(out.size())));
    }
    checkpointAfterCommit("the items were");
    return out;
  }

  /** Batches at least this large read, hash and encrypt small files on worker threads. */
  private static final int PARALLEL_FROM = 16;

  private ExecutorService workers() {
    if (workers == null) {
      int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
      workers =
          Executors.newFixedThreadPool(
              n,
              r -> {
                Thread t = new Thread(r, "redress-evidence-reader");
                t.setDaemon(true);
                return t;
              });
    }
    return workers;
  }

  /** The SHA-256 and size of stored content. */
  private record Stored(String sha256, long size) {}

  /**
   * Stores a file too large to hold in memory: one pass to hash it, a second to encrypt it into the
   * pack under a context that names its SHA-256 (docs §6.3) unless the case already holds the same
   * bytes. Refuses a file that changes in between.
   */
  private Stored storeLarge(String caseId, byte[] key, Path f, long size, Blobs.Batch pack)
      throws IOException, EvidenceException {
    java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(f);
    MessageDigest d = Hex.sha256();
    byte[] buf = new byte[1 << 16];
    long n = 0;
    try (InputStream in = Files.newInputStream(f)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        d.update(buf, 0, r);
        n += r;
      }
    }
    String sha = Hex.of(d.digest());
    long[] encrypted = {Crypto.encryptedLength(n)};
    pack.add(
        Pack.CONTENT,
        sha,
        out -> {
          try (InputStream in = Files.newInputStream(f)) {
            encrypted[0] = encryptor.encrypt(key, itemContext(caseId, sha), in, out, noncePrefix());
          }
        });
    if (n != size
        || Files.size(f) != size
        || !Files.getLastModifiedTime(f).equals(mtime)
        || encrypted[0] != Crypto.encryptedLength(n)) {
      throw new EvidenceException(
          "file "
              + f
              + " changed while it was being stored; "
              + "nothing of this batch was logged (add it again when it no longer changes)");
    }
    return new Stored(sha, n);
  }

  static String itemContext(String caseId, String sha) {
    return "redress/item/" + caseId + "/" + sha;
  }

  private static String metaContext(String caseId, String sha) {
    return "redress/meta/" + caseId + "/" + sha;
  }

  private void writeMeta(String caseId, byte[] key, Metadata meta, Blobs.Batch pack)
      throws IOException {
    String msha = meta.sha256();
    byte[] plain = meta.bytes();
    pack.add(
        Pack.META,
        msha,
        out -> encryptor.encrypt(key, metaContext(caseId, msha), plain, out, noncePrefix()));
  }

  /**
   * A fresh random 8-byte nonce prefix (docs §6.3). The SecureRandom is asked for 512 of them at a
   * time: one call per blob cost more than encrypting a small item.
   */
  private byte[] noncePrefix() {
    if (noncePos == noncePool.length) {
      random.nextBytes(noncePool);
      noncePos = 0;
    }
    byte[] p = Arrays.copyOfRange(noncePool, noncePos, noncePos + 8);
    Arrays.fill(noncePool, noncePos, noncePos + 8, (byte) 0);
    noncePos += 8;
    return p;
  }

  /**
   * Makes a batch durable in order: its pack (one fsync of the file, one of the directory), then
   * its leaves (one fsync of the log); only then may lookups find its blobs.
   */
  private void commit(Blobs.Batch pack, List<Leaf> batch) throws IOException, EvidenceException {
    pack.commit();
    try {
      append(batch);
    } catch (EvidenceException ex) {
      pack.discard();
      throw ex;
    }
    pack.publish();
  }

  private void append(List<Leaf> batch) throws EvidenceException {
    List<byte[]> bytes = new ArrayList<>();
    for (Leaf l : batch) {
      bytes.add(l.bytes());
    }
    try {
      log.append(bytes);
    } catch (IOException ex) {
      throw new EvidenceException("failed to append to the evidence log: " + ex.getMessage(), ex);
    }
    for (int i = 0; i < batch.size(); i++) {
      index(batch.get(i), bytes.get(i));
    }
  }

  private void refuseReadOnly(String what) throws ReadOnlyWorkspaceException {
    if (readOnly) {
      throw new ReadOnlyWorkspaceException(
          "cannot "
              + what
              + ": the workspace is read-only: "
              + readOnlyReason
              + (lockless ? "" : "; run: redress evidence recover"));
    }
  }

  private void refuseShredded(String caseId) throws EvidenceException {
    if (shredded.contains(caseId)) {
      throw new EvidenceException("case " + caseId + " was shredded: its key is destroyed");
    }
  }

  /**
   * Corrects an item's metadata: stores a complete new metadata record and logs a correction.
   *
   * @param changes field → new value; fields from {@link Metadata#CORRECTABLE}
   * @param reason why (kept as the new record's note)
   * @throws EvidenceException for an unknown item, a shredded case or an I/O failure
   * @throws IllegalArgumentException for a field that cannot be corrected or a bad value
   */
  public Item correct(long itemId, Map<String, String> changes, String reason)
      throws EvidenceException {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a correction needs a reason");
    }
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a correction needs at least one changed field");
    }
    refuseReadOnly("correct");
    Leaf add = addLeaf(itemId);
    refuseShredded(add.caseId);
    Metadata now = metadata(itemId);
    Metadata fixed = now.corrected(changes, reason);
    byte[] key = keyRing.caseKey(add.caseId, false);
    try (Blobs.Batch pack = blobs.batch(add.caseId, tree.size(), random)) {
      writeMeta(add.caseId, key, fixed, pack);
      commit(pack, List.of(Leaf.correct(add.caseId, itemId, fixed.sha256(), clock.instant())));
    } catch (IOException ex) {
      throw new EvidenceException("failed to store corrected metadata: " + ex.getMessage(), ex);
    }
    checkpointAfterCommit("the correction was");
    return item(itemId);
  }

  /**
   * Crypto-shreds a case: logs the shred, destroys the case key, deletes its content and metadata
   * files. Afterwards no one holding this workspace can read them (docs §6.4).
   *
   * @return how many items became unreadable
   * @throws EvidenceException for an unknown or already shredded case
   */
  public int shred(String caseId) throws EvidenceException {
    Layout.checkCase(caseId);
    refuseReadOnly("shred");
    refuseShredded(caseId);
    if (!byCase.containsKey(caseId) && !Files.exists(layout.caseKey(caseId))) {
      throw new EvidenceException("no such case: " + caseId);
    }
    append(List.of(Leaf.shred(caseId, clock.instant())));
    keyRing.forget(caseId);
    try {
      destroyCaseFiles(caseId);
    } catch (IOException ex) {
      throw new EvidenceException(
          "shred of case "
              + caseId
              + " is logged but deleting its "
              + "files failed (it is finished at the next open): "
              + ex.getMessage(),
          ex);
    }
    checkpointAfterCommit("the shred was");
    return byCase.getOrDefault(caseId, List.of()).size();
  }

  private void destroyCaseFiles(String caseId) throws IOException {
    Path key = layout.caseKey(caseId);
    if (Files.exists(key)) {
      long len = Files.size(key);
      try (FileChannel ch = FileChannel.open(key, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.allocate((int) Math.min(len, 4096)), 0);
        ch.force(true);
      }
      Files.delete(key);
      Durable.syncDir(key.getParent());
    }
    blobs.forget(caseId);
    Path dir = layout.caseDir(caseId);
    for (String sub : List.of("packs", "objects", "meta")) {
      Path d = dir.resolve(sub);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
    Durable.syncDir(dir);
  }

  /**
   * Signs a checkpoint of the current tree (if the latest does not already cover it) and, with a
   * TSA configured, obtains a timestamp token for it if it has none.
   *
   * @throws EvidenceException if signing, writing or the TSA fails
   */
  public Checkpoint checkpoint() throws EvidenceException {
    refuseReadOnly("checkpoint");
    makeCheckpoint(false);
    checkpointer.stamp(latest);
    return latest;
  }

  /**
   * Signs (and, with a TSA, timestamps) a checkpoint and marks it published: every package exported
   * later carries a consistency proof from it, so whoever keeps it (a lawyer, a notary) can check
   * that later packages extend it (docs §10).
   *
   * @throws EvidenceException if the workspace is read-only or writing fails
   */
  public Checkpoint publishCheckpoint() throws EvidenceException {
    Checkpoint c = checkpoint();
    checkpointer.markPublished(c);
    return c;
  }

  /** Sizes of published checkpoints, ascending. */
  List<Long> publishedSizes() throws IOException {
    return checkpointer.publishedSizes();
  }

  /** Whether a TSA is configured. */
  public boolean hasTsa() {
    return tsa != null;
  }

  /**
   * After a write is durable in the log: a checkpoint that cannot be written (a full disk) must not
   * turn a stored item into a failure; it becomes a precise warning, and the next open or {@code
   * evidence checkpoint} signs it.
   */
  private void checkpointAfterCommit(String what) {
    try {
      makeCheckpoint(true);
    } catch (EvidenceException ex) {
      warnings.add(
          "WARNING: "
              + what
              + " stored and logged durably (log size "
              + tree.size()
              + "), but "
              + ex.getMessage()
              + "; free some space, then run: redress evidence "
              + "checkpoint");
    }
  }

  private void makeCheckpoint(boolean stamp) throws EvidenceException {
    long size = tree.size();
    if (latest == null || latest.size() != size) {
      Checkpoint c = checkpointer.sign(tree);
      if (!readOnly) {
        checkpointer.write(c);
      }
      latest = c;
    }
    if (readOnly) {
      return;
    }
    if (stamp && tsa != null) {
      try {
        checkpoint();
      } catch (EvidenceException ex) {
        warnings.add(ex.getMessage() + " (the items are stored; run: redress evidence checkpoint)");
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /** Warnings since opening (a repaired log tail, a TSA that could not be reached), then clears. */
  public List<String> drainWarnings() {
    List<String> w = List.copyOf(warnings);
    warnings.clear();
    return w;
  }

  /**
   * The warnings found when the store was opened (a repaired log tail, packs moved to the
   * quarantine, a read-only workspace). Every command should print them.
   */
  public List<String> openWarnings() {
    return List.copyOf(openWarnings);
  }

  /** Whether writes are refused (see {@link #readOnlyReason()}). */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Why the store is read-only, or null. */
  public String readOnlyReason() {
    return readOnlyReason;
  }

  /** The latest signed checkpoint, or null before anything was logged. */
  public Checkpoint latestCheckpoint() {
    return latest;
  }

  /** The log's verifier key text (publish it: it is what checkpoints are checked against). */
  public String publicKey() {
    return keyRing.verifierKey().text();
  }

  /**
   * The fingerprint of the log signing key: SHA-256 of its raw Ed25519 public key, lowercase hex.
   * Publish it (hand it to a lawyer or notary) so a package can later be pinned to this key.
   */
  public String publicKeyFingerprint() {
    return keyRing.verifierKey().fingerprint();
  }

  /** Number of leaves in the log. */
  public long logSize() {
    return tree.size();
  }

  /** Case ids that have items, in order. */
  public List<String> cases() {
    return List.copyOf(byCase.keySet());
  }

  /** Whether a case was shredded. */
  public boolean isShredded(String caseId) {
    return shredded.contains(caseId);
  }

  /**
   * The items of a case, oldest first.
   *
   * @throws EvidenceException if metadata cannot be decrypted
   */
  public List<Item> list(String caseId) throws EvidenceException {
    Layout.checkCase(caseId);
    List<Item> out = new ArrayList<>();
    for (long id : byCase.getOrDefault(caseId, List.of())) {
      out.add(item(id));
    }
    return out;
  }

  /**
   * One item with its current metadata.
   *
   * @throws EvidenceException for an unknown item or undecryptable metadata
   */
  public Item item(long id) throws EvidenceException {
    Leaf add = addLeaf(id);
    Metadata m = shredded.contains(add.caseId) ? null : metadata(id);
    return itemOf(id, m);
  }

  private Item itemOf(long id, Metadata m) {
    Leaf add = leaves.get((int) id);
    return new Item(
        id,
        add.caseId,
        add.sha256,
        add.size,
        add.at,
        m,
        metaHistory.get(id).size() - 1,
        shredded.contains(add.caseId));
  }

  Leaf addLeaf(long id) throws EvidenceException {
    if (id < 0 || id >= leaves.size() || !leaves.get((int) id).type.equals(Leaf.ADD)) {
      throw new EvidenceException("no such item: " + id);
    }
    return leaves.get((int) id);
  }

  /** The metadata named by the item's latest leaf. */
  Metadata metadata(long id) throws EvidenceException {
    List<String> hist = metaHistory.get(id);
    return metadataVersion(id, hist.get(hist.size() - 1));
  }

  Metadata metadataVersion(long id, String msha) throws EvidenceException {
    Leaf add = addLeaf(id);
    byte[] key = keyRing.caseKey(add.caseId, false);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = blobs.open(add.caseId, Pack.META, msha)) {
      Crypto.decrypt(key, metaContext(add.caseId, msha), in, buf);
    } catch (NoSuchFileException ex) {
      throw new EvidenceException(
          "metadata of item " + id + " is missing: " + blobs.where(add.caseId, Pack.META, msha),
          ex);
    } catch (IOException ex) {
      throw new EvidenceException(
          "failed to read metadata of item "
              + id
              + " from "
              + blobs.where(add.caseId, Pack.META, msha)
              + ": "
              + ex.getMessage(),
          ex);
    } catch (Failure f) {
      throw new EvidenceException("metadata of item " + id + ": " + f.getMessage());
    }
    byte[] bytes = buf.toByteArray();
    if (!Hex.of(Hex.sha256(bytes)).equals(msha)) {
      throw new EvidenceException("metadata of item " + id + " does not match its log hash");
    }
    return Metadata.parse(bytes, "metadata of item " + id);
  }

  /**
   * Writes an item's decrypted content to {@code out} and checks its SHA-256 against the log.
   *
   * @throws EvidenceException for an unknown or shredded item, tampering, or an I/O failure
   */
  public void readContent(long id, OutputStream out) throws EvidenceException {
    Leaf add = addLeaf(id);
    refuseShredded(add.caseId);
    byte[] key = keyRing.caseKey(add.caseId, false);
    String where = blobs.where(add.caseId, Pack.CONTENT, add.sha256);
    MessageDigest d = Hex.sha256();
    try (InputStream in = blobs.open(add.caseId, Pack.CONTENT, add.sha256);
        OutputStream tee = new java.security.DigestOutputStream(out, d)) {
      Crypto.decrypt(key, itemContext(add.caseId, add.sha256), in, tee);
    } catch (NoSuchFileException ex) {
      String bad = blobs.damaged().get(add.caseId);
      throw new EvidenceException(
          "content of item "
              + id
              + " is missing: "
              + where
              + (bad == null ? "" : " (case " + add.caseId + " has a damaged pack: " + bad + ")"),
          ex);
    } catch (IOException ex) {
      throw new EvidenceException("failed to read item " + id + ": " + ex.getMessage(), ex);
    } catch (Failure f) {
      throw new EvidenceException("item " + id + ": " + f.getMessage());
    }
    String got = Hex.of(d.digest());
    if (!got.equals(add.sha256)) {
      throw new EvidenceException(
          "item " + id + ": content SHA-256 " + got + " differs from the logged " + add.sha256);
    }
  }

  /**
   * Writes originals back (for notarisation or a court): each item's add leaf is proven included in
   * the latest signed checkpoint, its content decrypted and checked against the logged SHA-256, and
   * written 0600 as {@code <id>-<file name>} into {@code outDir} (created 0700). Works on a
   * read-only workspace.
   *
   * @param itemIds the items; empty for every item of the case
   * @return the files written, in item order
   * @throws EvidenceException for an unknown or shredded case or item, an existing target file,
   *     content that does not match the log, or an I/O failure
   */
  public List<Path> extract(String caseId, List<Long> itemIds, Path outDir)
      throws EvidenceException {
    Layout.checkCase(caseId);
    refuseShredded(caseId);
    List<Long> ids = itemIds.isEmpty() ? byCase.getOrDefault(caseId, List.of()) : itemIds;
    if (ids.isEmpty()) {
      throw new EvidenceException("case " + caseId + " has no items to extract");
    }
    for (long id : ids) {
      if (!addLeaf(id).caseId.equals(caseId)) {
        throw new EvidenceException(
            "item " + id + " belongs to case " + addLeaf(id).caseId + ", not " + caseId);
      }
    }
    if (logBehind) {
      throw new ReadOnlyWorkspaceException(
          "cannot prove items against a log that is behind its "
              + "checkpoints; run: redress evidence recover");
    }
    makeCheckpoint(false);
    for (long id : new TreeSet<>(ids)) {
      Path target = outDir.resolve(Extract.name(id, metadata(id).fileName()));
      if (Files.exists(target)) {
        throw new EvidenceException(
            "refusing to overwrite existing file " + target + " (nothing was written)");
      }
    }
    Extract.prepare(outDir);
    List<Path> out = new ArrayList<>();
    for (long id : new TreeSet<>(ids)) {
      try {
        Merkle.verifyInclusion(
            id,
            latest.size(),
            Merkle.leafHash(leafBytes(id)),
            tree.inclusionProof(id, latest.size()),
            latest.root());
      } catch (Failure f) {
        throw new EvidenceException("item " + id + ": log proof fails: " + f.getMessage());
      }
      Metadata m = metadata(id);
      out.add(Extract.write(outDir, Extract.name(id, m.fileName()), o -> readContent(id, o)));
    }
    return out;
  }

  /**
   * Salvages a damaged locker (issue 17 point 8): for every case that is not shredded, writes every
   * item that still verifies (content matches its logged SHA-256, metadata decrypts) 0600 to {@code
   * outDir/<case>/<id>-<name>}, exports a hashes-and-metadata package of those items to {@code
   * outDir/<case>.zip}, and names every item or case that could not be read and why. Nothing in the
   * workspace is changed.
   *
   * @throws EvidenceException if {@code outDir} exists and is not empty, or cannot be written
   */
  public Salvage salvage(Path outDir) throws EvidenceException {
    try {
      if (Files.exists(outDir)) {
        try (Stream<Path> s = Files.list(outDir)) {
          if (s.findAny().isPresent()) {
            throw new EvidenceException("refusing to salvage into " + outDir + ": it is not empty");
          }
        }
      }
    } catch (IOException ex) {
      throw new EvidenceException("cannot read " + outDir + ": " + ex.getMessage(), ex);
    }
    Extract.prepare(outDir);
    List<String> saved = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, String> d : blobs.damaged().entrySet()) {
      lost.add("case " + d.getKey() + ": damaged pack: " + d.getValue());
    }
    for (Map.Entry<String, List<Long>> e : byCase.entrySet()) {
      String c = e.getKey();
      if (shredded.contains(c)) {
        continue;
      }
      Path dir = outDir.resolve(c);
      List<Long> ok = new ArrayList<>();
      for (long id : e.getValue()) {
        try {
          Metadata m = metadata(id);
          Extract.prepare(dir);
          Path p = Extract.write(dir, Extract.name(id, m.fileName()), o -> readContent(id, o));
          ok.add(id);
          saved.add(
              String.format(
                  Locale.ROOT,
                  "case %s item %d %s -> %s",
                  c,
                  id,
                  leaves.get((int) id).sha256,
                  outDir.relativize(p)));
        } catch (EvidenceException ex) {
          lost.add("case " + c + " item " + id + ": " + ex.getMessage());
        }
      }
      if (!ok.isEmpty() && !logBehind) {
        Path pkg = outDir.resolve(c + ".zip");
        try {
          export(c, ok, pkg, null);
          saved.add(
              "case "
                  + c
                  + ": package of "
                  + ok.size()
                  + " verified item(s) -> "
                  + outDir.relativize(pkg));
        } catch (EvidenceException ex) {
          lost.add("case " + c + ": package not written: " + ex.getMessage());
        }
      }
    }
    Salvage out = new Salvage(saved, lost);
    StringBuilder report = new StringBuilder("redress evidence salvage\n");
    saved.forEach(l -> report.append("saved  ").append(l).append('\n'));
    lost.forEach(l -> report.append("LOST   ").append(l).append('\n'));
    Extract.write(
        outDir,
        "salvage-report.txt",
        o -> o.write(report.toString().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /**
   * Decrypts every readable item and checks its SHA-256 (the deep part of verify-log).
   *
   * @return one check per item
   */
  public Verification verifyContent() {
    Verification v = new Verification();
    for (Map.Entry<String, List<Long>> e : byCase.entrySet()) {
      for (long id : e.getValue()) {
        String subject = "item " + id;
        if (shredded.contains(e.getKey())) {
          v.ok(subject, "case " + e.getKey() + " shredded; content intentionally unreadable");
          continue;
        }
        try {
          readContent(id, OutputStream.nullOutputStream());
          metadata(id);
          v.ok(subject, "content and metadata decrypt and match the log");
        } catch (EvidenceException ex) {
          v.fail(subject, ex.getMessage());
        }
      }
    }
    if (v.checks().isEmpty()) {
      v.ok("items", "none stored");
    }
    return v;
  }

  /**
   * Writes a self-contained package of a case (docs §7).
   *
   * @param itemIds the items to include; empty for all items of the case
   * @param recipientPassphrase with content encrypted to this passphrase, or null for hashes and
   *     metadata only
   * @return the number of items exported
   * @throws EvidenceException for an unknown or shredded case or item, or an I/O failure
   */
  public int export(String caseId, List<Long> itemIds, Path out, char[] recipientPassphrase)
      throws EvidenceException {
    Layout.checkCase(caseId);
    refuseShredded(caseId);
    List<Long> ids = itemIds.isEmpty() ? byCase.getOrDefault(caseId, List.of()) : itemIds;
    if (ids.isEmpty()) {
      throw new EvidenceException("case " + caseId + " has no items to export");
    }
    for (long id : ids) {
      if (!addLeaf(id).caseId.equals(caseId)) {
        throw new EvidenceException(
            "item " + id + " belongs to case " + addLeaf(id).caseId + ", not " + caseId);
      }
    }
    if (Files.exists(out)) {
      throw new EvidenceException("refusing to overwrite existing file " + out);
    }
    if (logBehind) {
      throw new ReadOnlyWorkspaceException(
          "cannot export: the log is behind its own checkpoints "
              + "("
              + readOnlyReason
              + "); run: redress evidence recover");
    }
    makeCheckpoint(false);
    try {
      new PackageWriter(this).write(caseId, new TreeSet<>(ids), out, recipientPassphrase);
    } catch (IOException ex) {
      throw new EvidenceException("failed to write package " + out + ": " + ex.getMessage(), ex);
    }
    return new TreeSet<>(ids).size();
  }

  // ------------------------------------------------------------ for PackageWriter

  Layout layout() {
    return layout;
  }

  SecureRandom random() {
    return random;
  }

  Clock clock() {
    return clock;
  }

  String origin() {
    return keyRing.origin();
  }

  List<Leaf> leaves() {
    return Collections.unmodifiableList(leaves);
  }

  byte[] leafBytes(long index) {
    return leafBytes.get((int) index);
  }

  MerkleTree tree() {
    return tree;
  }

  /** Leaf indices of an item's add and corrections, ascending. */
  List<Long> leafIndicesOf(long itemId) {
    return List.copyOf(leafHistory.get(itemId));
  }

  Leaf leaf(long index) {
    return leaves.get((int) index);
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
    closeQuietly(log);
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException ignored) {
      // released when the channel closes
    }
    closeQuietly(lockChannel);
    keyRing.close();
  }
}
