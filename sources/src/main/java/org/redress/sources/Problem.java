package org.redress.sources;

import java.util.Objects;

/**
 * Something that went wrong while reading, where it happened. For JSON errors the position in the
 * file is given; otherwise {@code byteOffset} is -1 and line and column are 0.
 *
 * @param file the file (or {@code archive.zip!/entry}) concerned
 * @param byteOffset the byte offset in the file where the error was found, or -1
 * @param line the 1-based line, or 0
 * @param column the 1-based column, or 0
 * @param message what went wrong, one line
 */
public record Problem(String file, long byteOffset, int line, int column, String message) {
  /** Checks that the texts are not null. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  static Problem at(String file, String message) {
    return new Problem(file, -1, 0, 0, message);
  }

  /** {@code result.json: byte 1234 (line 5, column 7): message}. */
  @Override
  public String toString() {
    if (byteOffset < 0) {
      return file + ": " + message;
    }
    return file
        + ": byte "
        + byteOffset
        + " (line "
        + line
        + ", column "
        + column
        + "): "
        + message;
  }
}
