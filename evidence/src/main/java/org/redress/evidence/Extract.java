package org.redress.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes originals back out of the locker or a package (issue 13 point 6): into a folder created
 * 0700, each file created 0600 under a temp name, checked against its logged SHA-256, then moved to
 * {@code <item id>-<file name>}; an existing file is never overwritten.
 */
final class Extract {
  private Extract() {}

  /** Something that writes an item's verified bytes (and throws if they do not verify). */
  interface Source {
    void write(OutputStream out) throws EvidenceException, IOException;
  }

  /**
   * Writes items of the store (docs: {@link EvidenceStore#extract}): refuses before writing
   * anything if a target exists, then proves each item's add leaf included in {@code latest} and
   * writes its content, checked against its logged SHA-256.
   */
  static List<Path> items(
      EvidenceStore store, LogState log, Checkpoint latest, SortedSet<Long> ids, Path outDir)
      throws EvidenceException {
    for (long id : ids) {
      Path target = outDir.resolve(name(id, store.metadata(id).fileName()));
      if (Files.exists(target)) {
        throw EvidenceException.of(
            EvidenceException.Reason.WOULD_OVERWRITE,
            "refusing to overwrite existing file " + target + " (nothing was written)",
            target);
      }
    }
    prepare(outDir);
    List<Path> out = new ArrayList<>();
    for (long id : ids) {
      try {
        Merkle.verifyInclusion(
            id,
            latest.size(),
            Merkle.leafHash(log.leafBytes(id)),
            log.tree().inclusionProof(id, latest.size()),
            latest.root());
      } catch (Failure f) {
        throw EvidenceException.of(
            EvidenceException.Reason.ITEM_PROOF_FAILS,
            "item " + id + ": log proof fails: " + f.getMessage(),
            id);
      }
      Metadata m = store.metadata(id);
      out.add(write(outDir, name(id, m.fileName()), o -> store.readContent(id, o)));
    }
    return out;
  }

  static void prepare(Path dir) throws EvidenceException {
    try {
      if (!Files.isDirectory(dir)) {
        Durable.createDirs(dir);
      }
      if (Durable.isPosix(dir)) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException ex) {
      throw new EvidenceException("failed to create " + dir + ": " + ex.getMessage(), ex);
    }
  }

  /** The file name an item is written under. */
  static String name(long id, @Nullable String fileName) {
    return String.format(Locale.ROOT, "%d-%s", id, Recover.safeName(fileName));
  }

  static Path write(Path dir, String name, Source src) throws EvidenceException {
    Path target = dir.resolve(name);
    if (Files.exists(target)) {
      throw EvidenceException.of(
          EvidenceException.Reason.WOULD_OVERWRITE,
          "refusing to overwrite existing file " + target,
          target);
    }
    Path tmp = dir.resolve("." + name + ".tmp-" + System.nanoTime());
    try {
      try (OutputStream out =
          java.nio.channels.Channels.newOutputStream(
              Durable.openOwnerOnly(
                  tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        src.write(out);
      }
      try {
        Files.createLink(target, tmp);
      } catch (FileAlreadyExistsException ex) {
        throw EvidenceException.of(
            EvidenceException.Reason.WOULD_OVERWRITE,
            "refusing to overwrite existing file " + target,
            target);
      } catch (UnsupportedOperationException ex) {
        Files.move(tmp, target);
      }
      return target;
    } catch (IOException ex) {
      throw new EvidenceException("failed to write " + target + ": " + ex.getMessage(), ex);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a temp file of a failed extraction; the target was not written
      }
    }
  }
}
