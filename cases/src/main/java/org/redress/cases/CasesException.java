package org.redress.cases;

/** A storage failure or refused operation, with a one-line message that names the value. */
public class CasesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final java.util.List<String> values;

  /**
   * What went wrong, for a front end that words failures in its own language; the values (a name,
   * an id, a file) come from {@link #values()} in the order each reason names.
   */
  public enum Reason {
    /** Not named: the message is all there is. */
    OTHER,
    /** A bank of that name exists; values: bank. */
    BANK_EXISTS,
    /** No item of that id in the bank; values: item, bank. */
    NO_SUCH_ITEM,
    /** No allow-list entry of that id; values: id. */
    NO_SUCH_ALLOW_ENTRY,
    /** An account of that name exists; values: account. */
    ACCOUNT_EXISTS,
    /** No account of that name; values: account. */
    NO_SUCH_ACCOUNT,
    /** An active platform of that name exists; values: platform. */
    PLATFORM_EXISTS,
    /** No platform of that name; values: platform. */
    NO_SUCH_PLATFORM,
    /** Another process holds the database; values: database. */
    DATABASE_LOCKED,
    /** The database cannot be written; values: database. */
    DATABASE_READ_ONLY,
    /** A bank that is not shared; values: bank. */
    BANK_NOT_SHARED,
    /**
     * A database move refused: the workspace already has its database settings file; values: the
     * settings file.
     */
    MOVE_ALREADY_MOVED,
    /** A database move refused: no SQLite database to move; values: the database file. */
    MOVE_NO_SQLITE,
    /**
     * A database move refused: the target already holds data; values: target URL, table, SQLite
     * file.
     */
    MOVE_TARGET_NOT_EMPTY,
    /** A database move failed: the target refused the login; values: target URL, SQLite file. */
    MOVE_TARGET_LOGIN,
    /** A database move failed: the target cannot be reached; values: target URL, SQLite file. */
    MOVE_TARGET_UNREACHABLE,
    /**
     * A database move failed: a copied table differs from its source; values: table, target URL,
     * SQLite file.
     */
    MOVE_MISMATCH,
    /** A database move failed on the way; values: target URL, SQLite file. */
    MOVE_FAILED,
    /**
     * A database move refused: {@code redress serve} runs on the workspace ({@link ServeLock});
     * values: the workspace folder.
     */
    MOVE_SERVING,
    /**
     * A server refused: the workspace's database is being moved ({@link ServeLock}); values: the
     * workspace folder.
     */
    SERVE_MOVING,
    /**
     * A move back to SQLite refused: the workspace has no database settings file, it is on SQLite
     * already; values: the settings file.
     */
    MOVE_NOT_MOVED,
    /**
     * A move back to SQLite refused: a file already has the SQLite database's name; values: that
     * file.
     */
    MOVE_SQLITE_EXISTS
  }

  public CasesException(String message) {
    this(Reason.OTHER, message, null);
  }

  public CasesException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  /**
   * With its reason and values for a front end to word, and the one-line English message.
   *
   * @param reason what went wrong
   * @param message the English line, naming the values
   * @param cause the cause, or null
   * @param values the values the reason names, in its order
   */
  public CasesException(Reason reason, String message, Throwable cause, Object... values) {
    super(message, cause);
    this.reason = reason;
    this.values = java.util.Arrays.stream(values).map(String::valueOf).toList();
  }

  /** What went wrong; {@link Reason#OTHER} when only the message says it. */
  public Reason reason() {
    return reason;
  }

  /** The values the reason names, in its order; empty for {@link Reason#OTHER}. */
  public java.util.List<String> values() {
    return values;
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
          Reason.OTHER,
          String.format(
              java.util.Locale.ROOT, "%s must be at most %d characters, was %d", field, max, value),
          null);
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
      super(Reason.OTHER, "no such bank: " + name, null, name);
      this.name = name;
    }

    /** The name asked for. */
    public String name() {
      return name;
    }
  }
}
