package org.redress.law;

/** Law data (YAML) that is malformed or inconsistent; the message names the file and entry. */
public final class LawDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message a one-line message naming the data file and the entry
   */
  public LawDataException(String message) {
    super(message);
  }

  /**
   * @param message a one-line message naming the data file and the entry
   * @param cause the underlying parse error
   */
  public LawDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
