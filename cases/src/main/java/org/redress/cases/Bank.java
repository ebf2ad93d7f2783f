package org.redress.cases;

import java.time.Instant;
import org.redress.match.BankRules;

/**
 * A stored bank.
 *
 * @param id database id
 * @param name unique name
 * @param threshold PDQ / vPDQ frame distance threshold, inclusive
 * @param minQuality lowest quality stored and matched
 * @param createdAt when it was created
 * @param items number of items (enabled or not)
 */
public record Bank(
    long id, String name, int threshold, int minQuality, Instant createdAt, long items) {
  /** Its matching rules. */
  public BankRules rules() {
    return new BankRules(name, threshold, minQuality);
  }
}
