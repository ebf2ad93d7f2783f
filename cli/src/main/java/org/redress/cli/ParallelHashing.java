package org.redress.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.MediaLimitExceeded;

/**
 * Hashes files on several threads and hands the outcomes back strictly in input order, with a
 * bounded number in flight so memory stays flat for any number of files. Shared by every command
 * that hashes files ({@code hash}, {@code match}, {@code bank add}).
 */
final class ParallelHashing {
  /** A file's hashes, or the one-line reason it could not be hashed (and the limit it met). */
  record Outcome(Path path, MediaHash hash, String error, MediaLimitExceeded.Limit limit) {
    Outcome(Path path, MediaHash hash, String error) {
      this(path, hash, error, null);
    }

    boolean failed() {
      return error != null;
    }
  }

  private ParallelHashing() {}

  /** Default worker count: every core. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Hashes {@code files} with {@code threads} workers; {@code sink} sees each outcome in input
   * order on the calling thread; {@code progress} is stepped once per file.
   */
  static void forEachInOrder(
      List<Path> files,
      MediaHasher hasher,
      int threads,
      Progress progress,
      Consumer<Outcome> sink) {
    forEachInOrder(files, hasher, threads, progress, o -> o, sink);
  }

  /**
   * As above, but {@code work} also runs on the worker that hashed the file (matching, say), so
   * that only {@code sink} (printing, storing) is serial: work done in the sink runs on one thread
   * however many workers hash.
   */
  static <T> void forEachInOrder(
      List<Path> files,
      MediaHasher hasher,
      int threads,
      Progress progress,
      Function<Outcome, T> work,
      Consumer<T> sink) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, new DaemonThreads("redress-hash"));
    try {
      int window = Math.max(16, threads * 8);
      Deque<Future<T>> pending = new ArrayDeque<>();
      int next = 0;
      while (next < files.size() || !pending.isEmpty()) {
        while (next < files.size() && pending.size() < window) {
          Path f = files.get(next++);
          pending.add(pool.submit(() -> work.apply(hashOne(hasher, f))));
        }
        sink.accept(await(pending.removeFirst()));
        progress.step();
      }
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
  }

  static Outcome hashOne(MediaHasher hasher, Path f) {
    try {
      return new Outcome(f, hasher.hash(f), null);
    } catch (MediaLimitExceeded e) {
      return new Outcome(f, null, e.reason(), e.limit());
    } catch (MediaException e) {
      return new Outcome(f, null, e.reason());
    } catch (RuntimeException | OutOfMemoryError e) {
      return new Outcome(f, null, "failed to hash: " + ExitCodes.message(e));
    }
  }

  /** A file's failure reason ({@link Outcome#error()}, English) in the interface language. */
  static String said(String error) {
    if (error != null && error.startsWith("failed to hash: ")) {
      return Msg.get("hash", "failed", Reasons.say(error.substring(16), "hash", "undecodable"));
    }
    return Reasons.say(error, "hash", "undecodable");
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new ExitCodes.DataException(ExitCodes.message(e.getCause()), e.getCause());
    }
  }
}
