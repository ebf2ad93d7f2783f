package org.redress.sources;

import java.util.Locale;

/**
 * Safety caps for reading untrusted archives. Every value is checked when set, naming the bad
 * value. The defaults fit a large real export. A source over a cap says so in these terms ({@link
 * LimitExceeded}, {@link UncheckedReason#ZIP_ENTRY_TOO_LARGE}); each front end names the setting
 * that raises it (the CLI: a flag).
 */
public final class Limits {
  private static final Limits DEFAULTS = builder().build();

  private final long zipMaxBytes;
  private final long zipMaxEntryBytes;
  private final int zipMaxEntries;
  private final int maxProblems;

  private Limits(Builder b) {
    this.zipMaxBytes = b.zipMaxBytes;
    this.zipMaxEntryBytes = b.zipMaxEntryBytes;
    this.zipMaxEntries = b.zipMaxEntries;
    this.maxProblems = b.maxProblems;
  }

  /**
   * The default caps: 16 GiB uncompressed in all, 2 GiB per entry (Telegram's own file limit),
   * 1,000,000 entries, 1,000 problems listed.
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The most uncompressed bytes a ZIP archive may declare or inflate to, in total. */
  public long zipMaxBytes() {
    return zipMaxBytes;
  }

  /** The most uncompressed bytes one ZIP entry may declare or inflate to. */
  public long zipMaxEntryBytes() {
    return zipMaxEntryBytes;
  }

  /** The most entries a ZIP archive may have. */
  public int zipMaxEntries() {
    return zipMaxEntries;
  }

  /** How many problems a summary lists in detail (the rest are counted). */
  public int maxProblems() {
    return maxProblems;
  }

  /** Binary size for messages: {@code 64 GiB}, {@code 10 MiB}, {@code 512 bytes}. */
  static String bytes(long n) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    if (n < 1024) {
      return n + " bytes";
    }
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v))
        + " "
        + units[u];
  }

  /** Builds {@link Limits}; each setter validates its value. */
  public static final class Builder {
    private long zipMaxBytes = 16L << 30;
    private long zipMaxEntryBytes = 2L << 30;
    private int zipMaxEntries = 1_000_000;
    private int maxProblems = 1000;

    private Builder() {}

    /**
     * Sets the cap on a ZIP archive's total uncompressed size.
     *
     * @throws IllegalArgumentException when {@code bytes} is not positive
     */
    public Builder zipMaxBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("zip max bytes must be positive, was " + bytes);
      }
      this.zipMaxBytes = bytes;
      return this;
    }

    /**
     * Sets the cap on one ZIP entry's uncompressed size.
     *
     * @throws IllegalArgumentException when {@code bytes} is not positive
     */
    public Builder zipMaxEntryBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("zip max entry bytes must be positive, was " + bytes);
      }
      this.zipMaxEntryBytes = bytes;
      return this;
    }

    /**
     * Sets the cap on a ZIP archive's entry count.
     *
     * @throws IllegalArgumentException when {@code entries} is not positive
     */
    public Builder zipMaxEntries(int entries) {
      if (entries <= 0) {
        throw new IllegalArgumentException("zip max entries must be positive, was " + entries);
      }
      this.zipMaxEntries = entries;
      return this;
    }

    /**
     * Sets how many problems a summary lists in detail.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Builder maxProblems(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("max problems must be >= 0, was " + n);
      }
      this.maxProblems = n;
      return this;
    }

    /** The limits. */
    public Limits build() {
      return new Limits(this);
    }
  }
}
