package org.redress.law;

import org.jspecify.annotations.Nullable;

/**
 * What a lineage holds on a day: a provision, or a recorded absence (the instrument version in
 * force then had no such provision, as the reference confirms).
 *
 * @param lineage the provision across versions
 * @param inForce the days this version covers
 * @param provision the provision, or null when absent
 * @param absentNote why there is no provision (absent versions only)
 * @param instrument the instrument version in force
 */
public record Version(
    String lineage,
    DateRange inForce,
    @Nullable Provision provision,
    @Nullable Text absentNote,
    Instrument instrument) {
  /** Whether the instrument in force on these days had no such provision. */
  public boolean absent() {
    return provision == null;
  }

  /** The provision ID, or {@code (none in <instrument>)} for an absence. */
  public String label() {
    return provision == null ? "(none in " + instrument.id() + ")" : provision.id();
  }
}
