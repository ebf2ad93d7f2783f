package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Stores what the store is asked to keep (docs §6): reads, hashes and encrypts files (small ones on
 * worker threads in large batches, large ones streamed twice), writes their metadata, and makes
 * each batch durable in order (pack, then leaves) before anything can find it. The store checks the
 * request and signs the checkpoint afterwards.
 */
final class Ingest implements AutoCloseable {
  /** Batches at least this large read, hash and encrypt small files on worker threads. */
  private static final int PARALLEL_FROM = 16;

  private final Blobs blobs;
  private final @Nullable CaseSalts salts; // null: format-1 records (tests of old workspaces)
  private final KeyRing keyRing;
  private final LogState log;
  private final Clock clock;
  private final SecureRandom random;
  private final String toolName;
  private final String toolVersion;
  private final String capturedBy;
  private final Crypto.Encryptor encryptor = new Crypto.Encryptor();
  private final ThreadLocal<Crypto.Encryptor> workerEncryptors =
      ThreadLocal.withInitial(Crypto.Encryptor::new);
  private @Nullable ExecutorService workers;
  private final byte[] noncePool = new byte[4096];
  private int noncePos = noncePool.length;

  /** The leaves of a stored batch and the metadata each names, in order. */
  record Batch(List<Leaf> leaves, List<Metadata> metas) {}

  /** The SHA-256 and size of stored content. */
  private record Stored(String sha256, long size) {}

  Ingest(
      Blobs blobs,
      @Nullable CaseSalts salts,
      KeyRing keyRing,
      LogState log,
      Clock clock,
      SecureRandom random,
      String toolName,
      String toolVersion,
      String capturedBy) {
    this.blobs = blobs;
    this.salts = salts;
    this.keyRing = keyRing;
    this.log = log;
    this.clock = clock;
    this.random = random;
    this.toolName = toolName;
    this.toolVersion = toolVersion;
    this.capturedBy = capturedBy;
  }

  /**
   * Preserves files as one durable batch: contents and metadata are written and fsynced, then all
   * leaves are appended with one fsync.
   *
   * @throws EvidenceException naming the first file that cannot be read; nothing of the batch is
   *     logged then
   */
  Batch add(String caseId, List<NewItem> items, @Nullable Runnable progress)
      throws EvidenceException {
    byte[] key = keyRing.caseKey(caseId, true);
    @Nullable String commit = null;
    try {
      if (salts != null) {
        commit = salts.commitFor(caseId, random);
      }
    } catch (IOException ex) {
      throw new EvidenceException("failed to write the salt of case " + caseId + ": " + ex, ex);
    }
    List<Leaf> batch = new ArrayList<>();
    List<Metadata> metas = new ArrayList<>();
    long next = log.size();
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
            throw EvidenceException.of(
                EvidenceException.Reason.NOT_A_REGULAR_FILE, "not a regular file: " + f, f);
          }
          Stored c;
          byte[] sealed = r.sealed();
          String sha = r.sha256();
          if (sealed != null && sha != null) {
            pack.add(Pack.CONTENT, sha, out -> out.write(sealed));
            c = new Stored(sha, r.size());
          } else {
            c = storeLarge(caseId, key, f, r.size(), pack);
          }
          Instant at = clock.instant();
          Metadata meta =
              Metadata.create(caseId, commit, it, at, toolName, toolVersion, capturedBy, c.size);
          writeMeta(caseId, key, meta, pack);
          metas.add(meta);
          batch.add(Leaf.add(caseId, commit, next++, c.sha256, c.size, meta.sha256(), at));
        } catch (NoSuchFileException ex) {
          throw new EvidenceException(
              EvidenceException.Reason.NO_SUCH_FILE, null, "no such file: " + f, ex, f);
        } catch (IOException ex) {
          throw new EvidenceException(
              EvidenceException.Reason.IO_FAILED,
              null,
              "failed to store " + f + ": " + ex.getMessage(),
              ex,
              f);
        }
        if (progress != null) {
          progress.run();
        }
      }
      commit(pack, batch);
    } catch (IOException ex) {
      throw new EvidenceException("failed to store files: " + ex.getMessage(), ex);
    }
    return new Batch(batch, metas);
  }

  /**
   * Stores corrected metadata of an item and logs the correction.
   *
   * @throws EvidenceException if it cannot be written
   */
  void correct(String caseId, long itemId, Metadata fixed) throws EvidenceException {
    byte[] key = keyRing.caseKey(caseId, false);
    try (Blobs.Batch pack = blobs.batch(caseId, log.size(), random)) {
      writeMeta(caseId, key, fixed, pack);
      // A correction keeps the form of the metadata it corrects: format 1 names the case.
      commit(
          pack,
          List.of(
              Leaf.correct(caseId, fixed.caseCommit(), itemId, fixed.sha256(), clock.instant())));
    } catch (IOException ex) {
      throw new EvidenceException("failed to store corrected metadata: " + ex.getMessage(), ex);
    }
  }

  private ExecutorService workers() {
    ExecutorService w = workers;
    if (w == null) {
      int n = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
      w =
          Executors.newFixedThreadPool(
              n,
              r -> {
                Thread t = new Thread(r, "redress-evidence-reader");
                t.setDaemon(true);
                return t;
              });
      workers = w;
    }
    return w;
  }

  /**
   * Stores a file too large to hold in memory: one pass to hash it, a second to encrypt it into the
   * pack under a context that names its SHA-256 (docs §6.3) unless the case already holds the same
   * bytes. Refuses a file that changes in between.
   */
  private Stored storeLarge(String caseId, byte[] key, Path f, long size, Blobs.Batch pack)
      throws IOException, EvidenceException {
    FileTime mtime = Files.getLastModifiedTime(f);
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
          EvidenceException.Reason.FILE_CHANGED,
          null,
          "file "
              + f
              + " changed while it was being stored; "
              + "nothing of this batch was logged (add it again when it no longer changes)",
          null,
          f);
    }
    return new Stored(sha, n);
  }

  /** The encryption context of an item's content (docs §6.3). */
  static String itemContext(String caseId, String sha) {
    return "redress/item/" + caseId + "/" + sha;
  }

  /** The encryption context of a metadata record (docs §6.3). */
  static String metaContext(String caseId, String sha) {
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
      log.append(batch);
    } catch (EvidenceException ex) {
      pack.discard();
      throw ex;
    }
    pack.publish();
  }

  @Override
  public void close() {
    ExecutorService w = workers;
    if (w != null) {
      w.shutdownNow();
    }
  }
}
