package org.redress.law;

/** Case facts that do not follow {@code redress/case-facts@1}; the message names the field. */
public final class InvalidFactsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the dotted path of the offending key, or empty for the whole document
   * @param message a one-line message that starts with the field
   */
  public InvalidFactsException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The dotted path of the offending key ({@code ""} for the whole document). */
  public String field() {
    return field;
  }
}
