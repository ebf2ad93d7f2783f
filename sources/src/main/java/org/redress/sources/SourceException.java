package org.redress.sources;

/**
 * A source that cannot be read at all: no such path, not a known kind, or a ZIP archive over a
 * safety cap. The message is one line naming the path and the reason (and, for a cap, how to raise
 * it). Problems inside a readable source are reported in {@link ReadSummary#problems()} instead.
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * @param path the path concerned, as given
   * @param reason what is wrong, without the path
   */
  public SourceException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /**
   * @param path the path concerned, as given
   * @param reason what is wrong, without the path
   * @param cause the underlying failure
   */
  public SourceException(String path, String reason, Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
  }

  /** The path concerned. */
  public String path() {
    return path;
  }
}
