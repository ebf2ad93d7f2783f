package org.redress.sources;

/**
 * A source that cannot be read at all: no such path, not a known kind, or a ZIP archive over a
 * safety cap. The message is one line naming the path and the reason; a cap also comes typed
 * ({@link #limitExceeded()}), for a front end to say how to raise it. Problems inside a readable
 * source are reported in {@link ReadSummary#problems()} instead.
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final transient LimitExceeded limit;

  /**
   * @param path the path concerned, as given
   * @param reason what is wrong, without the path
   */
  public SourceException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.limit = null;
  }

  /**
   * A source over a safety limit.
   *
   * @param path the path concerned, as given
   * @param reason what is wrong, without the path, in the reader's terms (no flag names)
   * @param limit the limit, the value met and the maximum
   */
  public SourceException(String path, String reason, LimitExceeded limit) {
    super(path + ": " + reason);
    this.path = path;
    this.limit = java.util.Objects.requireNonNull(limit, "limit");
  }

  /**
   * @param path the path concerned, as given
   * @param reason what is wrong, without the path
   * @param cause the underlying failure
   */
  public SourceException(String path, String reason, Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
    this.limit = null;
  }

  /** The limit exceeded, when that is why the source cannot be read. */
  public java.util.Optional<LimitExceeded> limitExceeded() {
    return java.util.Optional.ofNullable(limit);
  }

  /** The path concerned. */
  public String path() {
    return path;
  }
}
