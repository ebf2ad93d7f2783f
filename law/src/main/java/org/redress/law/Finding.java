package org.redress.law;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the engine concluded about one provision, in the {@code redress/findings@1} shape.
 *
 * @param provision the reference ID of the version applied
 * @param route {@code administrative}, {@code civil}, {@code criminal} or {@code other}
 * @param status {@code applies}, {@code possible}, {@code time_barred} or {@code not_applicable}
 * @param tier the penalty tier, or null
 * @param basis interpretation articles or provisions that establish the tier or aggravation
 * @param penalty the penalty of the tier in words, or null
 * @param penaltyMax the maximum penalty in numbers (from the data), empty when none
 * @param satisfied elements (and the tier threshold) the facts prove
 * @param missing facts and determinations still needed
 * @param deadline the time limit, or null
 * @param authority where to go
 * @param explanation why, in both languages
 * @param confirmation the confirmation status of the provision's text
 * @param unconfirmed what in this finding rests on UNCONFIRMED or DERIVED ground
 * @param lineage the provision across versions
 * @param version the instrument version applied
 * @param act the act the provision is about ({@code installed}, {@code filmed}, {@code spread} or
 *     {@code any}); its date chose the version
 * @param action the plan action it belongs to ({@link ActionPlan.Kind#key()})
 */
public record Finding(
    String provision,
    String route,
    String status,
    @Nullable String tier,
    List<String> basis,
    @Nullable Text penalty,
    Map<String, Object> penaltyMax,
    List<String> satisfied,
    List<String> missing,
    @Nullable Deadline deadline,
    Text authority,
    Text explanation,
    String confirmation,
    List<String> unconfirmed,
    String lineage,
    Text version,
    String act,
    String action) {

  /**
   * A time limit.
   *
   * @param kind e.g. {@code police_discovery}, {@code prosecution}, {@code civil_claim}, {@code
   *     none}
   * @param date the last day (the earliest possible when the tier is unknown), or null when there
   *     is none or it cannot be computed yet
   * @param latest the latest possible last day when the tier is unknown, else null
   * @param basis the provision that sets it
   * @param stoppedOn the day the step the law asks for was taken in time (the police discovered the
   *     act; a case was filed; a private prosecution was lodged), or null
   * @param lifted whether the law lifts the limit from {@code stoppedOn} (Criminal Law Art 88)
   *     rather than the step simply meeting it (PSAPL Art 25)
   * @param note the limit as the law words it, and caveats
   */
  public record Deadline(
      String kind,
      @Nullable LocalDate date,
      @Nullable LocalDate latest,
      String basis,
      @Nullable LocalDate stoppedOn,
      boolean lifted,
      @Nullable Text note) {}
}
