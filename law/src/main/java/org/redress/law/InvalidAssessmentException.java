package org.redress.law;

/** A findings/plan document that does not follow {@code redress/findings@1}; names the field. */
public final class InvalidAssessmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the path of the offending field ({@code findings[2].status}), or empty
   * @param message a one-line message that starts with the field
   */
  public InvalidAssessmentException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The path of the offending field ({@code ""} for the whole document). */
  public String field() {
    return field;
  }
}
