package org.redress.cases;

import java.util.List;

/**
 * What adding items to a bank did, one outcome per item in input order.
 *
 * @param outcomes the outcomes
 */
public record AddReport(List<Outcome> outcomes) {
  public AddReport {
    outcomes = List.copyOf(outcomes);
  }

  /** What happened to one item. */
  public enum Status {
    /** Stored under a new id. */
    ADDED,
    /** Already in the bank (same signal and value): nothing changed; id is the existing item. */
    DUPLICATE,
    /** Quality below the bank's minimum: not stored. */
    LOW_QUALITY
  }

  /**
   * @param item the item as given
   * @param status what happened
   * @param id the stored item's id (added or existing), or 0
   * @param note a human-readable note for warnings, or null
   */
  public record Outcome(NewItem item, Status status, long id, String note) {}

  /** Number of outcomes with the status. */
  public long count(Status s) {
    return outcomes.stream().filter(o -> o.status() == s).count();
  }
}
