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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
    Path dir = target.getParent();
    createDirs(dir);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      if (ownerOnly && isPosix(dir)) {
        Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(rw));
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = new java.io.BufferedOutputStream(
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

  /**
   * Write-once files committed together: all temp files are written first, then fsynced in
   * parallel (so the file system can group its journal commits), then linked into place, then
   * their directories are fsynced. Nothing is in place before {@link #commit()} returns.
   */
  static final class Batch implements AutoCloseable {
    private static final int THREADS = 16;
    private final List<Path[]> pending = new ArrayList<>();
    private final Set<Path> targets = new HashSet<>();

    /** Writes {@code target}'s temp file unless the target exists or is already pending. */
    void add(Path target, Body body) throws IOException {
      if (targets.contains(target) || Files.exists(target)) {
        return;
      }
      Path dir = target.getParent();
      createDirs(dir);
      Path tmp = dir.resolve("." + target.getFileName() + ".tmp-"
          + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      pending.add(new Path[] {tmp, target});
      targets.add(target);
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 65_536)) {
        body.write(out);
      }
    }

    /** fsync every temp file, link each into place, fsync their directories. */
    void commit() throws IOException {
      forEach(pending.stream().map(p -> p[0]).collect(Collectors.toList()), p -> {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      });
      Set<Path> dirs = new LinkedHashSet<>();
      for (Path[] p : pending) {
        try {
          Files.createLink(p[1], p[0]);
        } catch (FileAlreadyExistsException ex) {
          // content-addressed: the same name holds the same plaintext
        } catch (UnsupportedOperationException ex) {
          Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(p[0]);
        dirs.add(p[1].getParent());
      }
      pending.clear();
      forEach(new ArrayList<>(dirs), Durable::syncDir);
    }

    @Override
    public void close() throws IOException {
      for (Path[] p : pending) {
        Files.deleteIfExists(p[0]);
      }
    }

    private interface IoAction {
      void run(Path p) throws IOException;
    }

    private static void forEach(List<Path> paths, IoAction action) throws IOException {
      if (paths.size() <= 1) {
        for (Path p : paths) {
          action.run(p);
        }
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, paths.size()), r -> {
        Thread t = new Thread(r, "redress-fsync");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (Path p : paths) {
          fs.add(pool.submit(() -> {
            action.run(p);
            return null;
          }));
        }
        for (Future<?> f : fs) {
          try {
            f.get();
          } catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException) {
              throw (IOException) ex.getCause();
            }
            throw new IOException("fsync failed", ex.getCause());
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing files", ex);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
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
      Files.createDirectory(dir);
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
