package org.redress.documents;

/** A document could not be rendered or written (a character the font lacks, a failed write). */
public final class DocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A rendering failure described in one line. */
  public DocumentException(String message) {
    super(message);
  }

  /** The same, with the underlying cause. */
  public DocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
