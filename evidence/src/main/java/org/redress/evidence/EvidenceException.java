package org.redress.evidence;

/**
 * A store operation that could not be carried out: a wrong key or passphrase, a corrupt log, an
 * unknown item or case, a failed I/O. The message is one line a person can act on; it names the
 * file or value concerned and never contains secrets or item content.
 */
public class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a one-line message. */
  public EvidenceException(String message) {
    super(message);
  }

  /** With a one-line message and its cause. */
  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
