package org.redress.cases;

import java.time.Instant;

/**
 * A stored bank item: one hash with where it came from.
 *
 * @param id database id, unique across banks
 * @param bank the bank's name
 * @param hash the hash
 * @param label what a match prints (by default the file name it was hashed from)
 * @param caseRef optional case reference
 * @param addedBy who added it
 * @param addedAt when
 * @param disabledUntil not matched before this instant; null when enabled
 */
public record Item(
    long id,
    String bank,
    HashValue hash,
    String label,
    String caseRef,
    String addedBy,
    Instant addedAt,
    Instant disabledUntil) {
  /** Whether it is matched at {@code now}. */
  public boolean enabledAt(Instant now) {
    return disabledUntil == null || !disabledUntil.isAfter(now);
  }
}
