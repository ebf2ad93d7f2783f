package org.redress.documents;

import java.nio.file.Path;

/**
 * An input file is missing, unreadable, malformed or lacks a field a document needs. The message is
 * one line and starts with the file name. Messages about the parties file never quote the file's
 * content (it holds personal details).
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** An error in {@code file}; {@code message} says what is wrong without repeating the file. */
  public InputException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** The same, with the underlying cause. */
  public InputException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The file the error is in. */
  public Path file() {
    return file;
  }
}
