package org.redress.report;

import org.jspecify.annotations.Nullable;

/**
 * A report file that cannot be read (missing, not JSON, not a spread report, a key missing or of
 * the wrong type) or written. The message names the file and, when reading, the JSON path.
 */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause (may be null). */
  public ReportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
