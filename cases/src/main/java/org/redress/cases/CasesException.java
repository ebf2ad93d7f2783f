package org.redress.cases;

/** A storage failure or refused operation, with a one-line message that names the value. */
public class CasesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CasesException(String message) {
    super(message);
  }

  public CasesException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A bank name that does not exist. */
  public static final class UnknownBank extends CasesException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public UnknownBank(String name) {
      super("no such bank: " + name + " (see `redress bank list`)");
      this.name = name;
    }

    /** The name asked for. */
    public String name() {
      return name;
    }
  }
}
