package org.redress.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A store operation that could not be carried out: a wrong key or passphrase, a corrupt log, an
 * unknown item or case, a failed I/O. The message is one line a person can act on; it names the
 * file or value concerned and never contains secrets or item content.
 */
public class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final @Nullable NextStep step;

  /** With a one-line message. */
  public EvidenceException(String message) {
    super(message);
    this.step = null;
  }

  /** With a one-line message and the step that helps, for a front end to word. */
  public EvidenceException(String message, NextStep step) {
    super(message);
    this.step = step;
  }

  /** With a one-line message and its cause. */
  public EvidenceException(String message, @Nullable Throwable cause) {
    super(message, cause);
    this.step = null;
  }

  /** What the person can do next, if the store knows; the message never names a command. */
  public java.util.Optional<NextStep> nextStep() {
    return java.util.Optional.ofNullable(step);
  }

  /** The one-line message; every constructor takes one, so it is never null. */
  @Override
  public String getMessage() {
    String m = super.getMessage();
    return m == null ? getClass().getSimpleName() : m;
  }

  /** The workspace's master key is sealed with a passphrase and none was given. */
  public static final class PassphraseRequired extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** The message says so; a front end says how to give one. */
    public PassphraseRequired() {
      super("this workspace's evidence is protected by a passphrase; give it");
    }
  }

  /** The message of any throwable, or its class name when it has none. */
  static String messageOf(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
