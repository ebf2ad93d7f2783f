package org.redress.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The lock that keeps one store per workspace (docs §2): an exclusive lock on {@code
 * evidence/lock}, held from opening to closing. Nothing slow (a TSA request) runs while it is held.
 */
final class WorkspaceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, creating the evidence folder (0700) and the lock file (0600) if needed.
   *
   * @throws EvidenceException if another process holds it
   * @throws IOException if the folder or lock file cannot be made
   */
  static WorkspaceLock acquire(Layout l, Path workspace) throws IOException, EvidenceException {
    Durable.createDirs(l.root());
    FileChannel ch =
        Durable.openOwnerOnly(l.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (Durable.isPosix(l.root())) {
        // Existing workspaces were made 0755: the evidence directory is closed to others.
        Files.setPosixFilePermissions(l.root(), PosixFilePermissions.fromString("rwx------"));
      }
      FileLock lk;
      try {
        lk = ch.tryLock();
      } catch (OverlappingFileLockException ex) {
        lk = null;
      }
      if (lk == null) {
        throw EvidenceException.of(
            EvidenceException.Reason.WORKSPACE_IN_USE,
            "workspace " + workspace + " is in use by another redress process",
            workspace);
      }
      return new WorkspaceLock(ch, lk);
    } catch (IOException | EvidenceException | RuntimeException ex) {
      ch.close();
      throw ex;
    }
  }

  /** Releases a lock, if there is one; never throws. */
  static void release(@Nullable WorkspaceLock l) {
    if (l != null) {
      l.close();
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // released when the channel closes
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
  }
}
