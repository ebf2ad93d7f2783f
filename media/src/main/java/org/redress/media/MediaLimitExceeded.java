package org.redress.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file over one of the hasher's safety limits: which limit, the value met and the limit in force.
 * The reason says it in media's own terms; front ends word it as the setting that raises it (the
 * CLI: a flag), see {@link Limit}.
 */
public final class MediaLimitExceeded extends MediaException {
  private static final long serialVersionUID = 1L;

  /** The limits a file can exceed. */
  public enum Limit {
    /** Pixels an image declares ({@link MediaHasher#maxPixels()}, settable). */
    IMAGE_PIXELS,
    /** Bytes of an image file read whole into memory (fixed). */
    IMAGE_FILE_BYTES,
    /** Pixels of one video frame (fixed). */
    VIDEO_FRAME_PIXELS
  }

  private final Limit limit;
  private final long value;
  private final long max;

  /**
   * @param path the file
   * @param limit which limit
   * @param value the value met
   * @param max the limit in force
   * @param reason the one-line reason, without the path
   */
  public MediaLimitExceeded(Path path, Limit limit, long value, long max, String reason) {
    super(path, reason);
    this.limit = Objects.requireNonNull(limit, "limit");
    this.value = value;
    this.max = max;
  }

  /** Which limit. */
  public Limit limit() {
    return limit;
  }

  /** The value met. */
  public long value() {
    return value;
  }

  /** The limit in force. */
  public long max() {
    return max;
  }
}
