package org.redress.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the read-only shared test vectors ({@code ../shared/vectors}) without copying them. */
public final class Vectors {
  private Vectors() {}

  /** The shared folder: system property {@code redress.shared}, else {@code ../shared} upwards. */
  public static Path shared() {
    String prop = System.getProperty("redress.shared");
    if (prop != null && Files.isDirectory(Paths.get(prop))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared").normalize();
      if (Files.isDirectory(candidate.resolve("vectors"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared test vectors not found: set -Dredress.shared=PATH");
  }

  /** {@code shared/vectors/pdq}. */
  public static Path pdq() {
    return shared().resolve("vectors/pdq");
  }

  /** {@code shared/vectors/vpdq}. */
  public static Path vpdq() {
    return shared().resolve("vectors/vpdq");
  }
}
