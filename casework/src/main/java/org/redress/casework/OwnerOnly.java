package org.redress.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only the workspace's owner can read: folders {@code 0700}, files {@code 0600}
 * from the moment they exist (docs/security.md "Workspace permissions"). The CLI tightens the whole
 * workspace after each command; a long-running writer (the workspace server) creates what it writes
 * through here, and tightens what a module wrote for it ({@link #tightenTree}) before it answers.
 * On a file system without POSIX permissions every call is a plain create or write.
 */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates {@code dir} and its missing parents, each new one {@code 0700}; an existing {@code dir}
   * is made {@code 0700}.
   *
   * @return {@code dir}
   * @throws IOException when a folder cannot be made
   */
  public static Path dirs(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      if (POSIX) {
        Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR));
        Files.setPosixFilePermissions(p, DIR); // the umask may have taken bits away: set exactly
      } else {
        Files.createDirectory(p);
      }
    }
    tighten(dir);
    return dir;
  }

  /**
   * Writes {@code bytes} to {@code file} (replacing it), the file {@code 0600} before the first
   * byte.
   *
   * @throws IOException when it cannot be written
   */
  public static Path write(Path file, byte[] bytes) throws IOException {
    create(file);
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    return file;
  }

  /**
   * Writes {@code text} as UTF-8 (see {@link #write(Path, byte[])}).
   *
   * @throws IOException when it cannot be written
   */
  public static Path writeString(Path file, String text) throws IOException {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates {@code file} empty and {@code 0600} if it does not exist, else makes it {@code 0600}.
   *
   * @throws IOException when it cannot be created
   */
  public static Path create(Path file) throws IOException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      tighten(file);
    } else if (POSIX) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } else {
      Files.createFile(file);
    }
    return file;
  }

  /**
   * A new temporary file {@code 0600} in {@code dir} (as {@link Files#createTempFile}).
   *
   * @throws IOException when it cannot be created
   */
  public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
    FileAttribute<?>[] attrs =
        POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    return Files.createTempFile(dir, prefix, suffix, attrs);
  }

  /**
   * Makes one path owner-only: a folder {@code 0700}, a file {@code 0600}; a symbolic link is not
   * followed, a missing path is left alone.
   *
   * @throws IOException when its mode cannot be set
   */
  public static void tighten(Path p) throws IOException {
    if (!POSIX || Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIR : FILE);
  }

  /**
   * Makes {@code root} and everything under it owner-only (links not followed); a file that
   * disappears meanwhile is skipped.
   */
  public static void tightenTree(Path root) {
    if (!POSIX || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(
          p -> {
            try {
              tighten(p);
            } catch (java.nio.file.NoSuchFileException gone) {
              // removed while walking (a temporary file): nothing to protect
            } catch (IOException e) {
              throw new UncheckedIOException("failed to make " + p + " owner-only", e);
            }
          });
    } catch (java.nio.file.NoSuchFileException gone) {
      // the folder went away
    } catch (IOException e) {
      throw new UncheckedIOException("failed to make " + root + " owner-only", e);
    }
  }
}
