package org.redress.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The evidence locker of one workspace (docs/evidence-format.md): adds files to per-case encrypted,
 * content-addressed storage, logs every add, correction and shred as a leaf of an RFC 6962 Merkle
 * log, signs checkpoints, optionally timestamps them, and exports verifiable packages.
 *
 * <p>One store per workspace at a time (a file lock enforces it). Not thread-safe. An add that
 * returned is durable: its content, metadata and leaf were fsynced first.
 */
public final class EvidenceStore implements AutoCloseable {
  private final Layout layout;
  private final Blobs blobs;
  private final CaseSalts salts;
  private final Clock clock;
  private final SecureRandom random;
  private final @Nullable URI tsa;
  private final java.util.function.Consumer<Warning> lateWarnings;
  private boolean closed;
  private final @Nullable WorkspaceLock lock;
  private final List<Warning> warnings = new ArrayList<>();
  private final List<Warning> openWarnings = new ArrayList<>();
  private final Quarantine quarantine;
  private final boolean lockless;
  private boolean readOnly;
  private @Nullable String readOnlyReason;
  private boolean logBehind;
  private long logGoodLength;
  private final boolean salvage;

  private final KeyRing keyRing;
  private final Checkpointer checkpointer;
  private final LogState log = new LogState();
  private final Ingest ingest;
  private final ItemReader reader;

  private EvidenceStore(Builder b, @Nullable WorkspaceLock lock) {
    this.layout = new Layout(b.workspace);
    this.blobs = new Blobs(layout);
    this.salts = new CaseSalts(layout);
    this.clock = b.clock;
    this.random = b.random;
    this.tsa = b.tsa;
    this.lateWarnings = b.lateWarnings != null ? b.lateWarnings : warnings::add;
    this.lock = lock;
    this.lockless = lock == null;
    this.salvage = b.salvage;
    if (salvage) {
      readOnly = true;
      readOnlyReason = "opened for salvage";
    }
    this.quarantine = new Quarantine(layout);
    this.keyRing = new KeyRing(layout, b.random);
    this.checkpointer = new Checkpointer(layout, keyRing, b.tsa, b.random);
    this.ingest =
        new Ingest(
            blobs,
            b.formatOne ? null : salts,
            keyRing,
            log,
            b.clock,
            b.random,
            b.toolName,
            b.toolVersion,
            b.capturedBy);
    this.reader = new ItemReader(blobs, keyRing, log);
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
    private @Nullable URI tsa;
    private java.util.function.@Nullable Consumer<Warning> lateWarnings;
    private int kdfMemoryKib = Crypto.Kdf.DEFAULT_MEMORY_KIB;
    private int kdfIterations = Crypto.Kdf.DEFAULT_ITERATIONS;
    private boolean salvage;
    private boolean formatOne;

    private Builder(Path workspace) {
      this.workspace = workspace;
    }

    /**
     * Writes log records and metadata as versions before case commitments did (format 1, the case
     * in clear): only for tests that need a workspace as an older Redress left it.
     */
    Builder formatOneForTests() {
      this.formatOne = true;
      return this;
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
     * Where warnings raised by {@link EvidenceStore#close()} go (a TSA that could not be reached
     * after the workspace lock was released); by default they are kept for {@link
     * EvidenceStore#drainWarnings()}, which still works after closing.
     */
    public Builder lateWarnings(java.util.function.Consumer<Warning> sink) {
      if (sink == null) {
        throw new IllegalArgumentException("warning sink must not be null");
      }
      this.lateWarnings = sink;
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
      // A workspace that cannot be written (read-only file system or permissions): read only.
      boolean lockless = !Files.isWritable(l.root()) && Files.exists(l.masterCheck().getParent());
      WorkspaceLock lk = null;
      try {
        lk = lockless ? null : WorkspaceLock.acquire(l, workspace);
        EvidenceStore s = new EvidenceStore(this, lk);
        try {
          s.load(keys, kdfMemoryKib, kdfIterations);
        } catch (EvidenceException | IOException | RuntimeException ex) {
          s.close();
          throw ex;
        }
        if (lockless) {
          Warning w =
              Warning.of(
                  "WARNING: "
                      + l.root()
                      + " is not writable: opened read-only (list, show, export and verify work;"
                      + " nothing can be added)");
          s.openWarnings.add(w);
          s.warnings.add(w);
        }
        return s;
      } catch (IOException ex) {
        WorkspaceLock.release(lk);
        throw new EvidenceException(
            "failed to open evidence store in " + workspace + ": " + ex.getMessage(), ex);
      } catch (EvidenceException | RuntimeException ex) {
        WorkspaceLock.release(lk);
        throw ex;
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
    salts.load();
    Opening o =
        new Opening(
            layout, blobs, quarantine, checkpointer, log, salts.resolver(), lockless, salvage);
    o.run();
    checkpointer.head(o.latest());
    logGoodLength = o.goodLength();
    logBehind = o.logBehind();
    openWarnings.addAll(o.warnings());
    if (o.readOnlyReason() != null) {
      readOnly = true;
      readOnlyReason = o.readOnlyReason();
    }
    if (!readOnly) {
      log.openForAppend(layout.entries(), logGoodLength);
      for (String c : log.shredded()) {
        if (Files.exists(layout.caseKey(c))) {
          blobs.destroyCase(c);
          openWarnings.add(Warning.of("finished shredding case " + c + " (interrupted earlier)"));
        }
      }
      Checkpoint head = checkpointer.head();
      if (log.size() > (head == null ? 0 : head.size())) {
        makeCheckpoint(false);
      }
    }
    warnings.addAll(openWarnings);
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
    if (log.isShredded(caseId)) {
      throw EvidenceException.of(
          EvidenceException.Reason.CASE_SHREDDED, "case " + caseId + " was shredded", caseId);
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
    Recover r = new Recover(this, log, keyRing, checkpointer, layout, quarantine);
    try {
      if (logBehind) {
        r.setAsideCheckpoints(log.tree());
        checkpointer.head(checkpointer.latest());
        logBehind = false;
      }
      log.openForAppend(layout.entries(), logGoodLength);
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
  public List<Item> addAll(String caseId, List<NewItem> items, @Nullable Runnable progress)
      throws EvidenceException {
    Layout.checkCase(caseId);
    refuseReadOnly("add");
    refuseShredded(caseId);
    if (items.isEmpty()) {
      return List.of();
    }
    Ingest.Batch batch = ingest.add(caseId, items, progress);
    List<Item> out = new ArrayList<>();
    for (Leaf l : batch.leaves()) {
      out.add(itemOf(l.item, batch.metas().get(out.size())));
    }
    checkpointAfterCommit("the items were");
    return out;
  }

  private void refuseReadOnly(String what) throws ReadOnlyWorkspaceException {
    if (readOnly) {
      String m = "cannot " + what + ": the workspace is read-only: " + readOnlyReason;
      throw lockless
          ? new ReadOnlyWorkspaceException(m)
          : new ReadOnlyWorkspaceException(m, NextStep.RECOVER);
    }
  }

  private void refuseShredded(String caseId) throws EvidenceException {
    if (log.isShredded(caseId)) {
      throw EvidenceException.of(
          EvidenceException.Reason.CASE_SHREDDED,
          "case " + caseId + " was shredded: its key is destroyed",
          caseId);
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
    ingest.correct(add.caseId, itemId, fixed);
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
    if (!log.cases().contains(caseId) && !Files.exists(layout.caseKey(caseId))) {
      throw EvidenceException.of(
          EvidenceException.Reason.NO_SUCH_CASE, "no such case: " + caseId, caseId);
    }
    log.append(List.of(Leaf.shred(caseId, salts.commitOf(caseId), clock.instant())));
    keyRing.forget(caseId);
    try {
      blobs.destroyCase(caseId);
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
    return log.itemsOf(caseId).size();
  }

  /**
   * Signs a checkpoint of the current tree (if the latest does not already cover it). With a TSA
   * configured, a timestamp token for it is requested when the store closes, after the workspace
   * lock is released, so a slow TSA never blocks another command (see {@link #closeAndStamp()}).
   *
   * @throws EvidenceException if the workspace is read-only or signing or writing fails
   */
  public Checkpoint checkpoint() throws EvidenceException {
    refuseReadOnly("checkpoint");
    makeCheckpoint(false);
    Checkpoint head = checkpointer.signedHead();
    checkpointer.stampLater(head);
    return head;
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
          Warning.of(
              "WARNING: "
                  + what
                  + " stored and logged durably (log size "
                  + log.size()
                  + "), but "
                  + ex.getMessage()
                  + "; free some space",
              NextStep.CHECKPOINT));
    }
  }

  private void makeCheckpoint(boolean stamp) throws EvidenceException {
    checkpointer.advance(log.tree(), !readOnly);
    if (stamp && !readOnly) {
      checkpointer.stampLater(checkpointer.head());
    }
  }

  // ---------------------------------------------------------------- reading

  /** Warnings since opening (a repaired log tail, a TSA that could not be reached), then clears. */
  public List<Warning> drainWarnings() {
    List<Warning> w = List.copyOf(warnings);
    warnings.clear();
    return w;
  }

  /**
   * The warnings found when the store was opened (a repaired log tail, packs moved to the
   * quarantine, a read-only workspace). Every command should print them.
   */
  public List<Warning> openWarnings() {
    return List.copyOf(openWarnings);
  }

  /** Whether writes are refused (see {@link #readOnlyReason()}). */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Why the store is read-only, or null. */
  public @Nullable String readOnlyReason() {
    return readOnlyReason;
  }

  /** The latest signed checkpoint, or null before anything was logged. */
  public @Nullable Checkpoint latestCheckpoint() {
    return checkpointer.head();
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
    return log.size();
  }

  /** Case ids that have items, in order. */
  public List<String> cases() {
    return List.copyOf(log.cases());
  }

  /** Whether a case was shredded. */
  public boolean isShredded(String caseId) {
    return log.isShredded(caseId);
  }

  /**
   * The items of a case, oldest first.
   *
   * @throws EvidenceException if metadata cannot be decrypted
   */
  public List<Item> list(String caseId) throws EvidenceException {
    Layout.checkCase(caseId);
    List<Item> out = new ArrayList<>();
    for (long id : log.itemsOf(caseId)) {
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
    Metadata m = log.isShredded(add.caseId) ? null : metadata(id);
    return itemOf(id, m);
  }

  private Item itemOf(long id, @Nullable Metadata m) {
    Leaf add = log.leaf(id);
    return new Item(
        id,
        add.caseId,
        add.sha(),
        add.size,
        add.at,
        m,
        log.corrections(id),
        log.isShredded(add.caseId));
  }

  Leaf addLeaf(long id) throws EvidenceException {
    return log.addLeaf(id);
  }

  /** The metadata named by the item's latest leaf. */
  Metadata metadata(long id) throws EvidenceException {
    return reader.metadata(id);
  }

  Metadata metadataVersion(long id, String msha) throws EvidenceException {
    return reader.metadataVersion(id, msha);
  }

  /**
   * Writes an item's decrypted content to {@code out} and checks its SHA-256 against the log.
   *
   * @throws EvidenceException for an unknown or shredded item, tampering, or an I/O failure
   */
  public void readContent(long id, OutputStream out) throws EvidenceException {
    reader.content(id, out);
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
    SortedSet<Long> ids = itemsToCopy(caseId, itemIds, "extract");
    if (logBehind) {
      throw new ReadOnlyWorkspaceException(
          "cannot prove items against a log that is behind its checkpoints", NextStep.RECOVER);
    }
    makeCheckpoint(false);
    return Extract.items(this, log, checkpointer.signedHead(), ids, outDir);
  }

  /** The items of a case to extract or export, each checked to belong to it. */
  private SortedSet<Long> itemsToCopy(String caseId, List<Long> itemIds, String verb)
      throws EvidenceException {
    Layout.checkCase(caseId);
    refuseShredded(caseId);
    List<Long> ids = itemIds.isEmpty() ? log.itemsOf(caseId) : itemIds;
    if (ids.isEmpty()) {
      throw EvidenceException.of(
          EvidenceException.Reason.NO_ITEMS, "case " + caseId + " has no items to " + verb, caseId);
    }
    for (long id : ids) {
      if (!addLeaf(id).caseId.equals(caseId)) {
        throw EvidenceException.of(
            EvidenceException.Reason.ITEM_OF_OTHER_CASE,
            "item " + id + " belongs to case " + addLeaf(id).caseId + ", not " + caseId,
            id,
            addLeaf(id).caseId,
            caseId);
      }
    }
    return new TreeSet<>(ids);
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
    return Salvager.run(this, log, blobs.damaged(), logBehind, outDir);
  }

  /**
   * Decrypts every readable item and checks its SHA-256 (the deep part of verify-log).
   *
   * @return one check per item
   */
  public Verification verifyContent() {
    return reader.verifyAll();
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
  public int export(
      String caseId, List<Long> itemIds, Path out, char @Nullable [] recipientPassphrase)
      throws EvidenceException {
    return export(caseId, itemIds, out, recipientPassphrase, null);
  }

  /** The cases' salts and commitments. */
  CaseSalts salts() {
    return salts;
  }

  /** True when every log record of these items names its case by commitment (format 2). */
  boolean namesNoCase(List<Long> itemIds) throws EvidenceException {
    for (long id : itemIds) {
      for (long li : log.leafIndicesOf(id)) {
        if (log.leaf(li).commit == null) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #export}, naming the case by {@code pseudonym} only when it is not null. */
  int export(
      String caseId,
      List<Long> itemIds,
      Path out,
      char @Nullable [] recipientPassphrase,
      @Nullable String pseudonym)
      throws EvidenceException {
    SortedSet<Long> ids = itemsToCopy(caseId, itemIds, "export");
    if (Files.exists(out)) {
      throw EvidenceException.of(
          EvidenceException.Reason.WOULD_OVERWRITE,
          "refusing to overwrite existing file " + out,
          out);
    }
    if (logBehind) {
      throw new ReadOnlyWorkspaceException(
          "cannot export: the log is behind its own checkpoints (" + readOnlyReason + ")",
          NextStep.RECOVER);
    }
    makeCheckpoint(false);
    try {
      new PackageWriter(this, log, checkpointer, layout, random, clock, keyRing.origin())
          .write(caseId, ids, out, recipientPassphrase, pseudonym);
    } catch (IOException ex) {
      throw new EvidenceException("failed to write package " + out + ": " + ex.getMessage(), ex);
    }
    return ids.size();
  }

  /**
   * Closes the store, releasing the workspace lock, and only then asks the TSA for the timestamps
   * of the checkpoints signed in this session (each stored write-once beside its checkpoint). A
   * failure is a warning (to {@link Builder#lateWarnings}): the evidence is stored either way.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    release();
    try {
      checkpointer.stampPending();
    } catch (EvidenceException ex) {
      lateWarnings.accept(
          Warning.of(ex.getMessage() + " (the items are stored)", NextStep.CHECKPOINT));
    }
  }

  /**
   * As {@link #close()}, but a timestamp that cannot be obtained is an error ({@code evidence
   * checkpoint} asks for one explicitly).
   *
   * @throws EvidenceException if the TSA fails or its token cannot be stored
   */
  public void closeAndStamp() throws EvidenceException {
    if (closed) {
      return;
    }
    release();
    checkpointer.stampPending();
  }

  private void release() {
    closed = true;
    ingest.close();
    log.close();
    WorkspaceLock.release(lock);
    keyRing.close();
  }
}
