package org.redress.sources;

import java.util.Objects;

/**
 * A safety limit a source went over: which one, the value met and the limit. Readers say it in
 * their own terms; front ends word it as the setting that raises it (the CLI: a flag).
 *
 * @param limit which limit
 * @param value the value met (at least; a reader may stop counting once over)
 * @param max the limit in force
 */
public record LimitExceeded(Limit limit, long value, long max) {
  /** Checks the limit. */
  public LimitExceeded {
    Objects.requireNonNull(limit, "limit");
  }

  /** The limits a source can exceed. */
  public enum Limit {
    /** Uncompressed bytes a ZIP archive declares in total ({@link Limits#zipMaxBytes()}). */
    ZIP_TOTAL_BYTES,
    /** Entries in a ZIP archive ({@link Limits#zipMaxEntries()}). */
    ZIP_ENTRIES
  }
}
