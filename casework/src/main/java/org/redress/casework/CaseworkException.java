package org.redress.casework;

/**
 * Bad input a case worker can fix: a file that is not what it should be, facts that contradict
 * themselves, a bank that does not exist. The message names the file or value; the front ends show
 * it as one line (the CLI exits 1).
 */
public class CaseworkException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with a message naming the bad input. */
  public CaseworkException(String message) {
    super(message);
  }

  /** A failure with its cause. */
  public CaseworkException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A bank that does not exist or cannot be used; front ends treat it as a bad setting. */
  public static final class UnknownBank extends CaseworkException {
    private static final long serialVersionUID = 1L;

    /** The message names the bank. */
    public UnknownBank(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A case that does not exist; front ends treat it as a bad setting (the CLI exits 2). */
  public static final class UnknownCase extends CaseworkException {
    private static final long serialVersionUID = 1L;

    private final String id;

    /** The message names the case; a front end says where to find the names. */
    public UnknownCase(String id) {
      super("no such case: " + id);
      this.id = id;
    }

    /** The case asked for. */
    public String id() {
      return id;
    }
  }
}
