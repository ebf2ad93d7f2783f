package org.redress.scan;

/** A scan could not run: a source could not be opened, a report or resume file not written. */
public class ScanException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with a one-line message. */
  public ScanException(String message) {
    super(message);
  }

  /** A failure with a one-line message and its cause. */
  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
