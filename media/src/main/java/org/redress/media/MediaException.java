package org.redress.media;

import java.nio.file.Path;

/** A file that could not be hashed, with the file and a one-line reason a person can act on. */
public class MediaException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path path;
  private final String reason;

  public MediaException(Path path, String reason) {
    this(path, reason, null);
  }

  public MediaException(Path path, String reason, Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
    this.reason = reason;
  }

  /** The file concerned. */
  public Path path() {
    return path;
  }

  /** The reason alone, without the path, e.g. "truncated JPEG data". */
  public String reason() {
    return reason;
  }
}
