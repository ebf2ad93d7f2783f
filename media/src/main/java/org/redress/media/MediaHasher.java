package org.redress.media;

import java.nio.file.Path;

/**
 * Hashes media files: PDQ (images), vPDQ (videos), MD5 and SHA-256 (all). Thread-safe; reuse one
 * instance across threads.
 */
public final class MediaHasher {
  /** Default pixel limit: larger images are refused before their pixels are allocated. */
  public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

  private final Orientation orientation;
  private final boolean dihedral;
  private final long maxPixels;
  private final double secondsPerFrame;

  private MediaHasher(Builder b) {
    this.orientation = b.orientation;
    this.dihedral = b.dihedral;
    this.maxPixels = b.maxPixels;
    this.secondsPerFrame = b.secondsPerFrame;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hashes one file.
   *
   * @throws MediaException naming the file and the reason when it cannot be hashed
   */
  public MediaHash hash(Path file) throws MediaException {
    throw new MediaException(file, "not implemented yet");
  }

  public Orientation orientation() {
    return orientation;
  }

  public boolean dihedral() {
    return dihedral;
  }

  public long maxPixels() {
    return maxPixels;
  }

  public double secondsPerFrame() {
    return secondsPerFrame;
  }

  /** Options, each validated when set. */
  public static final class Builder {
    private Orientation orientation = Orientation.APPLY;
    private boolean dihedral;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private double secondsPerFrame = 1.0;

    private Builder() {}

    public Builder orientation(Orientation o) {
      if (o == null) {
        throw new IllegalArgumentException("orientation must not be null");
      }
      this.orientation = o;
      return this;
    }

    public Builder dihedral(boolean d) {
      this.dihedral = d;
      return this;
    }

    public Builder maxPixels(long p) {
      if (p < 25) {
        throw new IllegalArgumentException("max pixels must be >= 25, was " + p);
      }
      this.maxPixels = p;
      return this;
    }

    public Builder secondsPerFrame(double s) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("seconds per frame must be > 0, was " + s);
      }
      this.secondsPerFrame = s;
      return this;
    }

    public MediaHasher build() {
      return new MediaHasher(this);
    }
  }
}
