package org.redress.cases;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lock a running {@code redress serve} holds on its workspace: an operating-system file lock on
 * {@value #FILE} in the workspace folder, shared, held from before the server starts until it stops
 * (the system releases it when the process ends, however it ends). What must not run beside a
 * server, moving the workspace's database, takes the same lock exclusively and is refused while any
 * server holds it; a server is refused while a move holds it.
 *
 * <p>The file itself is empty and stays; only the lock on it says anything. Within one JVM the
 * system lock is taken once per workspace and counted (Java refuses a second lock on a file its
 * process already locks), so two servers of one process on one workspace both run.
 */
public final class ServeLock implements AutoCloseable {
  /** The lock file's name in the workspace folder. */
  public static final String FILE = "serve.lock";

  /** Locks this JVM holds, by lock file; guarded by itself. */
  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path file;
  private final Held held;
  private boolean closed;

  private ServeLock(Path file, Held held) {
    this.file = file;
    this.held = held;
  }

  /** One system lock of this JVM and how many hold it. */
  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count = 1;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  /**
   * Takes the lock as a server does (shared), creating the workspace folder and the lock file when
   * they are missing.
   *
   * @param dir the workspace folder
   * @return the lock, held until closed
   * @throws CasesException with reason {@link CasesException.Reason#SERVE_MOVING} while the
   *     workspace's database is being moved; with a plain message when the lock file cannot be
   *     opened
   */
  public static ServeLock serving(Path dir) {
    Path file = lockFile(Workspace.createDirectory(dir));
    return hold(file, true)
        .orElseThrow(
            () ->
                refused(
                    CasesException.Reason.SERVE_MOVING,
                    "the database of workspace %s is being moved (workspace move-db holds %s);"
                        + " serve it once the move has finished",
                    file));
  }

  /**
   * Takes the lock alone, as a database move does; refused while a server holds it.
   *
   * @param dir the workspace folder (it exists)
   * @return the lock, held until closed
   * @throws CasesException with reason {@link CasesException.Reason#MOVE_SERVING} while a server
   *     (of this or another process) runs on the workspace; with a plain message when the lock file
   *     cannot be opened
   */
  static ServeLock alone(Path dir) {
    Path file = lockFile(dir);
    return hold(file, false)
        .orElseThrow(
            () ->
                refused(
                    CasesException.Reason.MOVE_SERVING,
                    "redress serve is running on workspace %s (it holds %s); stop it, then move"
                        + " again; nothing was changed",
                    file));
  }

  /** A hold on the lock, shared or alone; empty when another holder keeps it from this one. */
  private static Optional<ServeLock> hold(Path file, boolean shared) {
    synchronized (HELD) {
      Held h = HELD.get(file);
      if (h != null) {
        if (!shared || !h.lock.isShared()) {
          return Optional.empty();
        }
        h.count++;
        return Optional.of(new ServeLock(file, h));
      }
      h = take(file, shared);
      if (h == null) {
        return Optional.empty();
      }
      HELD.put(file, h);
      return Optional.of(new ServeLock(file, h));
    }
  }

  /** The refusal: its reason, its English line (the workspace, then the lock file) and values. */
  private static CasesException refused(CasesException.Reason reason, String format, Path file) {
    return new CasesException(
        reason, String.format(Locale.ROOT, format, file.getParent(), file), null, file.getParent());
  }

  /** The lock file of the workspace folder, by its real path (one key for every link to it). */
  private static Path lockFile(Path dir) {
    try {
      return dir.toRealPath().resolve(FILE);
    } catch (IOException e) {
      throw new CasesException("failed to find workspace " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The system lock on {@code file}, or null when another holder has it. */
  private static Held take(Path file, boolean shared) {
    FileChannel ch = open(file);
    FileLock lock;
    try {
      lock = ch.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      // this JVM locks the same file under another name (a link)
      lock = null;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new CasesException("failed to lock " + file + ": " + e.getMessage(), e);
    }
    if (lock == null) {
      closeQuietly(ch);
      return null;
    }
    return new Held(ch, lock);
  }

  private static FileChannel open(Path file) {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      try {
        return FileChannel.open(
            file,
            options,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        return FileChannel.open(file, options);
      }
    } catch (IOException e) {
      throw new CasesException("failed to open " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // a lock file's channel; the system lock goes with it either way
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Releases this hold; the system lock goes with the last one of this JVM. */
  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      if (--held.count == 0) {
        HELD.remove(file);
        closeQuietly(held.channel); // releases the lock
      }
    }
  }
}
