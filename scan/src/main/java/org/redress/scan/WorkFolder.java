package org.redress.scan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The scan's temporary folder for pictures extracted from ZIP archives. It is removed on every exit
 * path a JVM can see: at the end of the scan (normal or exceptional) and by a shutdown hook
 * (Ctrl-C, SIGTERM). A crash or {@code kill -9} leaves it behind, so every scan first removes the
 * folders earlier scans left: each live folder holds a locked {@code .lock} file; a folder whose
 * lock can be taken belongs to no running scan. A folder without a lock file (made by an older
 * version, which may still be running) is removed only once it is a day old.
 */
final class WorkFolder implements AutoCloseable {
  static final String PREFIX = "redress-scan-";
  private static final String LOCK = ".lock";

  /** A work folder without a lock file is left alone this long (it may be a live older scan). */
  static final java.time.Duration UNLOCKED_GRACE = java.time.Duration.ofHours(24);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread hook;

  private WorkFolder(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.hook = new Thread(() -> delete(dir), "redress-scan-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Removes stale work folders in {@code parent}, then creates and locks a new one.
   *
   * @throws IOException when the folder cannot be created or locked
   */
  static WorkFolder create(Path parent) throws IOException {
    Files.createDirectories(parent);
    removeStale(parent);
    Path dir = Files.createTempDirectory(parent, PREFIX);
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              dir.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      FileLock lock = ch.lock();
      return new WorkFolder(dir, ch, lock);
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      delete(dir);
      throw e;
    }
  }

  /** Deletes every {@code redress-scan-*} folder in {@code parent} that no running scan holds. */
  static int removeStale(Path parent) {
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path d : ds) {
        if (Files.isDirectory(d) && !inUse(d)) {
          delete(d);
          removed++;
        }
      }
    } catch (IOException e) {
      // best effort: an unreadable temp folder is not the scan's to fix
    }
    return removed;
  }

  private static boolean inUse(Path d) {
    Path lockFile = d.resolve(LOCK);
    if (!Files.exists(lockFile)) {
      // a folder from a version without locks, or one being created: only when it is old
      try {
        return Files.getLastModifiedTime(d)
            .toInstant()
            .isAfter(java.time.Instant.now().minus(UNLOCKED_GRACE));
      } catch (IOException e) {
        return true;
      }
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by a scan in this very JVM
    } catch (IOException e) {
      return true; // cannot tell: leave it
    }
  }

  /** The folder. */
  Path dir() {
    return dir;
  }

  /** Releases the lock and deletes the folder with everything in it. */
  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the folder goes anyway
    }
    delete(dir);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs anyway
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort
                }
              });
    } catch (IOException ignored) {
      // gone already
    }
  }
}
