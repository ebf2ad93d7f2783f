package org.redress.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Write-once files: write a temp file beside the target, fsync it, hard-link it into place (so an
 * existing file is never replaced), remove the temp name, fsync the directory (docs §1).
 */
final class Durable {
  private Durable() {}

  /** Writes the body of a file. */
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code data} to {@code target} once; returns false if the target already existed. */
  static boolean writeOnce(Path target, byte[] data) throws IOException {
    return writeOnce(target, out -> out.write(data), false, true);
  }

  /**
   * Writes {@code target} once. With {@code syncDir} false the caller must {@link #syncDir} the
   * parent before relying on the file (batched adds do this once per directory).
   */
  static boolean writeOnce(Path target, Body body, boolean ownerOnly, boolean syncDir)
      throws IOException {
    Path dir = parent(target);
    createDirs(dir);
    Path tmp =
        dir.resolve(
            "."
                + target.getFileName()
                + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      if (isPosix(dir)) {
        Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(rw));
      }
      try (FileChannel ch =
              FileChannel.open(
                  tmp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out =
              new java.io.BufferedOutputStream(
                  java.nio.channels.Channels.newOutputStream(ch), 65_536)) {
        body.write(out);
        out.flush();
        ch.force(true);
      }
      boolean created;
      try {
        Files.createLink(target, tmp);
        created = true;
      } catch (FileAlreadyExistsException ex) {
        created = false;
      } catch (UnsupportedOperationException ex) {
        if (Files.exists(target)) {
          created = false;
        } else {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          created = true;
        }
      }
      Files.deleteIfExists(tmp);
      if (syncDir) {
        syncDir(dir);
      }
      return created;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The directory holding {@code file} (for a relative path, in the working directory). */
  static Path parent(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IllegalArgumentException("a file path has a parent directory, not " + file);
    }
    return dir;
  }

  /** Opens a file for writing, creating it 0600 (owner only) where the file system allows. */
  static FileChannel openOwnerOnly(Path file, StandardOpenOption... options) throws IOException {
    java.util.Set<StandardOpenOption> opts = new java.util.HashSet<>(java.util.List.of(options));
    if (isPosix(parent(file))) {
      return FileChannel.open(
          file,
          opts,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return FileChannel.open(file, opts);
  }

  static boolean isPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates a directory and its parents, fsyncing each parent that gained an entry. */
  static void createDirs(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createDirs(parent);
    }
    try {
      if (parent != null && isPosix(parent)) {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException ex) {
      return;
    }
    if (parent != null) {
      syncDir(parent);
    }
  }

  /** fsync a directory so that names created in it survive a crash. */
  static void syncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ex) {
      // Some platforms cannot open directories; the data files themselves were fsynced.
      if (Files.isDirectory(dir) && System.getProperty("os.name", "").startsWith("Windows")) {
        return;
      }
      throw ex;
    }
  }
}
