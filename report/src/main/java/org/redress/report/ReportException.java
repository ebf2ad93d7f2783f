package org.redress.report;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A report file that cannot be read (missing, not JSON, not a spread report, a key missing or of
 * the wrong type) or written. The message names the file and, when reading, the JSON path.
 */
public class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause (may be null). */
  public ReportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** A path that is a folder, a device or a pipe, not a report file. */
  public static final class NotARegularFile extends ReportException {
    private static final long serialVersionUID = 1L;

    /** Names the path. */
    public NotARegularFile(Path path) {
      super(path + ": not a regular file (a spread report is a .json file)", null);
    }
  }

  /** A report file larger than {@link ReportJson#MAX_BYTES}. */
  public static final class TooLarge extends ReportException {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long max;

    /** Names the path, its size and the cap. */
    public TooLarge(Path path, long size, long max) {
      super(
          path + ": " + size + " bytes, more than the " + max + " a spread report may have", null);
      this.size = size;
      this.max = max;
    }

    /** The file's size in bytes. */
    public long size() {
      return size;
    }

    /** The cap in bytes. */
    public long max() {
      return max;
    }
  }
}
