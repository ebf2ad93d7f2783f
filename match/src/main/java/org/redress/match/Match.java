package org.redress.match;

import org.jspecify.annotations.Nullable;
import org.redress.phash.Dihedral;

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
 * @param transform from {@link Matcher#matchDihedral} only: the transform of the query image whose
 *     hash matched ({@link Dihedral#ORIGINAL}: the image as it is; {@code ROTATE_90}: the query
 *     turned 90 degrees counter-clockwise matches the item); null from {@link Matcher#match}
 */
public record Match(
    String bank,
    long item,
    String label,
    Signal signal,
    int distance,
    double queryPercent,
    double comparedPercent,
    @Nullable Dihedral transform) {

  /** A match without a transform (dihedral variants not tried). */
  public Match(
      String bank,
      long item,
      String label,
      Signal signal,
      int distance,
      double queryPercent,
      double comparedPercent) {
    this(bank, item, label, signal, distance, queryPercent, comparedPercent, null);
  }

  static Match of(Ref ref, Signal signal, int distance) {
    return new Match(
        ref.bank().name(), ref.item(), ref.label(), signal, distance, Double.NaN, Double.NaN);
  }

  /** This match, made by the query image transformed by {@code t}. */
  Match withTransform(Dihedral t) {
    return new Match(bank, item, label, signal, distance, queryPercent, comparedPercent, t);
  }

  /** Where an indexed hash came from. */
  record Ref(BankRules bank, long item, String label) {}
}
