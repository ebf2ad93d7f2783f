package org.redress.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads, hashes and encrypts the small files of one batch on worker threads, a bounded window ahead
 * of the store's single writer, and hands the results back in order. The writer still decides
 * everything that touches the store (deduplication, metadata, the pack, the log), so the on-disk
 * result is the same as without workers; only a small item's CPU work moves off the writer's
 * thread. Large files are left to the writer, which streams them.
 */
final class Prefetch implements AutoCloseable {
  /** Files up to this size are read once into memory; larger ones are streamed by the writer. */
  static final int SMALL_FILE = 1 << 20;

  /** Files in flight: at most about 2 × 32 MiB of plaintext and ciphertext in memory. */
  private static final int WINDOW = 32;

  /**
   * One file: not regular, or large ({@code sealed} null: the writer streams it), or small with its
   * SHA-256, size and encrypted blob (docs §6.3).
   */
  static final class Ready {
    private final boolean regular;
    private final @Nullable String sha256;
    private final long size;
    private final byte @Nullable [] sealed;

    Ready(boolean regular, @Nullable String sha256, long size, byte @Nullable [] sealed) {
      this.regular = regular;
      this.sha256 = sha256;
      this.size = size;
      this.sealed = sealed;
    }

    /** Whether the file was a regular file. */
    boolean regular() {
      return regular;
    }

    /** The content hash of a small file read whole, else null. */
    @Nullable String sha256() {
      return sha256;
    }

    long size() {
      return size;
    }

    /** The sealed content of a small file read whole, else null (not copied: one reader). */
    byte @Nullable [] sealed() {
      return sealed;
    }
  }

  private final @Nullable ExecutorService pool;
  private final List<Path> files;
  private final byte[] key;
  private final String caseId;
  private final Supplier<byte[]> prefixes;
  private final ThreadLocal<Crypto.Encryptor> encryptors;
  private final ArrayDeque<Future<Ready>> window = new ArrayDeque<>();
  private int submitted;

  /**
   * @param pool the workers, or null to do the work on the caller's thread when asked
   * @param prefixes fresh nonce prefixes; called on the caller's thread only
   */
  Prefetch(
      @Nullable ExecutorService pool,
      List<Path> files,
      byte[] key,
      String caseId,
      Supplier<byte[]> prefixes,
      ThreadLocal<Crypto.Encryptor> encryptors) {
    this.pool = pool;
    this.files = files;
    this.key = key;
    this.caseId = caseId;
    this.prefixes = prefixes;
    this.encryptors = encryptors;
  }

  /** The next file's result, in order. */
  Ready next() throws IOException {
    if (pool == null) {
      return work(files.get(submitted++), prefixes.get());
    }
    while (submitted < files.size() && window.size() < WINDOW) {
      Path f = files.get(submitted++);
      byte[] prefix = prefixes.get();
      window.add(pool.submit((Callable<Ready>) () -> work(f, prefix)));
    }
    Future<Ready> head = window.poll();
    try {
      return head.get();
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof IOException) {
        throw (IOException) ex.getCause();
      }
      if (ex.getCause() instanceof RuntimeException) {
        throw (RuntimeException) ex.getCause();
      }
      throw new IllegalStateException(ex.getCause());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading files");
    }
  }

  private Ready work(Path f, byte[] prefix) throws IOException {
    if (!Files.isRegularFile(f)) {
      return new Ready(false, null, -1, null);
    }
    long size = Files.size(f);
    if (size > SMALL_FILE) {
      return new Ready(true, null, size, null);
    }
    byte[] data = Files.readAllBytes(f);
    String sha = Hex.of(Hex.sha256(data));
    ByteArrayOutputStream sealed =
        new ByteArrayOutputStream((int) Crypto.encryptedLength(data.length));
    encryptors.get().encrypt(key, Ingest.itemContext(caseId, sha), data, sealed, prefix);
    return new Ready(true, sha, data.length, sealed.toByteArray());
  }

  /** Cancels what is still in flight (after a failure). */
  @Override
  public void close() {
    for (Future<Ready> f : window) {
      f.cancel(true);
    }
    window.clear();
  }
}
