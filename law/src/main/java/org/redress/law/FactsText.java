package org.redress.law;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a case-facts file for {@link CaseFacts#parse}, bounded (issue 17): only a regular file (a
 * device such as {@code /dev/zero}, a pipe or a folder is refused before it is opened), at most
 * {@link #MAX_BYTES} bytes, strict UTF-8. Every command that reads facts reads them here.
 */
public final class FactsText {
  /** The largest facts file read, in bytes: a real one is a few kilobytes. */
  public static final int MAX_BYTES = 4 << 20;

  private FactsText() {}

  /**
   * The text of a facts file.
   *
   * @throws NoSuchFileException if the file does not exist
   * @throws java.nio.charset.CharacterCodingException if it is not UTF-8
   * @throws IOException if it cannot be read
   * @throws InvalidFactsException if it is not a regular file or larger than {@link #MAX_BYTES}
   */
  public static String read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidFactsException(
          "", file + ": not a regular file (a device, pipe or folder cannot hold case facts)");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw tooLarge(file, Files.size(file));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // The file may grow while it is read: never read more than the limit allows.
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file, bytes.length);
    }
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static InvalidFactsException tooLarge(Path file, long size) {
    return new InvalidFactsException(
        "",
        String.format(
            Locale.ROOT,
            "%s: %d bytes, more than the limit of %d for case facts (a facts file is a few"
                + " kilobytes)",
            file,
            size,
            MAX_BYTES));
  }
}
