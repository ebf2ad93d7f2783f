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

  /**
   * A text longer than its column allows: which field, its length and the most it may have. Said in
   * the store's terms; a front end words it for its own inputs.
   */
  public static final class LimitExceeded extends CasesException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final long value;
    private final long max;

    public LimitExceeded(String field, long value, long max) {
      super(
          String.format(
              java.util.Locale.ROOT,
              "%s must be at most %d characters, was %d",
              field,
              max,
              value));
      this.field = field;
      this.value = value;
      this.max = max;
    }

    /** The field, e.g. "label". */
    public String field() {
      return field;
    }

    /** The length met. */
    public long value() {
      return value;
    }

    /** The most allowed. */
    public long max() {
      return max;
    }
  }

  /** A bank name that does not exist; a front end says where to find the names. */
  public static final class UnknownBank extends CasesException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public UnknownBank(String name) {
      super("no such bank: " + name);
      this.name = name;
    }

    /** The name asked for. */
    public String name() {
      return name;
    }
  }
}
