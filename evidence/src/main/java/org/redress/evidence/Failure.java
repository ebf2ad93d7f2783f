package org.redress.evidence;

/** A verification step that did not hold; the message is the one shown to the person checking. */
final class Failure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String message;

  Failure(String message) {
    super(message, null, false, false);
    this.message = message;
  }

  /** The message it was made with, never null. */
  @Override
  public String getMessage() {
    return message;
  }
}
