package org.redress.match;

/**
 * One match of a query against a bank item: which bank, which item, its label and how close.
 *
 * @param bank the bank's name
 * @param item the item's id
 * @param label the item's label
 * @param signal the signal that matched
 * @param distance the Hamming distance (PDQ), the smallest matching frame distance (vPDQ), or 0
 *     (digests)
 * @param queryPercent vPDQ only: share of the query's unique frames that matched; else NaN
 * @param comparedPercent vPDQ only: share of the item's unique frames that matched; else NaN
 */
public record Match(
    String bank,
    long item,
    String label,
    Signal signal,
    int distance,
    double queryPercent,
    double comparedPercent) {

  static Match of(Ref ref, Signal signal, int distance) {
    return new Match(ref.bank().name(), ref.item(), ref.label(), signal, distance,
        Double.NaN, Double.NaN);
  }

  /** Where an indexed hash came from. */
  record Ref(BankRules bank, long item, String label) {}
}
