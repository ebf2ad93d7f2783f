package org.redress.casework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder only the owner can read ({@code 0700}, files {@code 0600}) under the workspace's {@code
 * tmp/}, for opened personal data that a reader needs as a file; deleted right after use.
 */
final class PrivateTemp {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateTemp() {}

  static Path create(Path workspace) throws IOException {
    Path base = workspace.resolve("tmp");
    Files.createDirectories(base);
    return POSIX
        ? Files.createTempDirectory(
            base,
            "case-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
        : Files.createTempDirectory(base, "case-");
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    if (POSIX) {
      Files.createFile(
          f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
