package org.redress.capture;

/** A page that cannot be captured: bad URL, refused by robots.txt, unreachable, unwritable. */
public final class CaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With the reason, one line naming the URL or file. */
  public CaptureException(String message) {
    super(message);
  }

  /** With the reason and its cause. */
  public CaptureException(String message, Throwable cause) {
    super(message, cause);
  }
}
