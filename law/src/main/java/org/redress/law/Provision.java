package org.redress.law;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One version of one provision: its reference ID, official text, English gloss, effective range,
 * source and confirmation status, and — for provisions the engine evaluates — its elements, tiers
 * and limitation rule.
 *
 * @param id the reference ID, e.g. {@code CN-PSAPL-2025-50}
 * @param lineage the provision across versions, e.g. {@code psapl.privacy}; equals the ID when the
 *     provision has a single version
 * @param instrument the instrument version it belongs to
 * @param article the article, paragraph and item (zh and en)
 * @param inForce the days this version is in force
 * @param rangeStatus confirmation status of {@code inForce} (it can differ from the text's)
 * @param rangeNote why the range is what it is, when it is not the instrument's own range
 * @param status confirmation status of the text, as the reference gives it
 * @param unconfirmed what about the provision the reference marks UNCONFIRMED or DERIVED
 * @param source where the text was read
 * @param textZh the official Chinese text (as quoted by the reference)
 * @param glossEn an English gloss
 * @param kind {@code offence}, {@code remedy}, {@code channel} (evaluated) or {@code rule}, {@code
 *     threshold}, {@code definition} (cited only)
 * @param route {@code administrative}, {@code civil}, {@code criminal} or {@code other}
 * @param authority where the victim goes (null for provisions that are not evaluated)
 * @param severity how this version compares to the previous one, for the lighter-law rule
 * @param elements the conditions that must all hold
 * @param tiers penalty tiers, heaviest first
 * @param aggravations circumstances that make the punishment heavier (从重)
 * @param limitation ID of the rule that limits the time to act, or null
 * @param limitationRule for a limitation rule itself: how the deadline is computed
 * @param explain a short explanation for a victim
 * @param notes other notes (zh and en)
 * @param act the act the provision is about: {@code installed}, {@code filmed}, {@code spread}, or
 *     {@code any} (the whole conduct); the act's date chooses the version
 * @param action the plan action it belongs to ({@link ActionPlan.Kind#key()}), by default from its
 *     route
 * @param actionWhen conditions under which it belongs to another action (the first that holds)
 */
public record Provision(
    String id,
    String lineage,
    Instrument instrument,
    Text article,
    DateRange inForce,
    String rangeStatus,
    @Nullable String rangeNote,
    String status,
    List<String> unconfirmed,
    String source,
    String textZh,
    String glossEn,
    String kind,
    @Nullable String route,
    @Nullable Text authority,
    @Nullable Severity severity,
    List<Element> elements,
    List<Tier> tiers,
    List<Aggravation> aggravations,
    @Nullable String limitation,
    @Nullable LimitationRule limitationRule,
    @Nullable Text explain,
    List<Text> notes,
    String act,
    @Nullable String action,
    List<ActionWhen> actionWhen) {

  /**
   * A condition that moves a provision to another plan action (e.g. insult to the police when the
   * public-prosecution criteria may be met).
   *
   * @param action the action
   * @param when the condition
   * @param note why, in both languages
   */
  public record ActionWhen(String action, Expr when, Text note) {}

  /** Whether the engine evaluates this provision against facts (it produces a finding). */
  public boolean evaluated() {
    return kind.equals("offence") || kind.equals("remedy") || kind.equals("channel");
  }

  /**
   * How a version compares with the one before it; the lighter-later-law rule uses it.
   *
   * @param value {@code lighter}, {@code heavier} or {@code same}
   * @param status how the comparison is known (usually DERIVED)
   * @param note why
   */
  public record Severity(String value, String status, String note) {}

  /**
   * An element of a provision: a condition over case facts.
   *
   * @param id short name used in {@code satisfied}
   * @param cites the article, paragraph and item it encodes
   * @param when the condition
   */
  public record Element(String id, String cites, Expr when) {}

  /**
   * A penalty tier, with the condition that selects it (null: always).
   *
   * @param tier {@code lighter}, {@code basic}, {@code serious}, {@code especially_serious}, {@code
   *     aggravated}
   * @param cites the article, paragraph and item
   * @param basis the interpretation articles that set the threshold
   * @param when the threshold condition, or null
   * @param penalty the penalty in words
   * @param max the maximum penalty in numbers ({@code years}, {@code life}, {@code detention_days},
   *     {@code fine_cny}), used for limitation periods and display
   */
  @SuppressWarnings("InvalidParam") // {@code basic} is a tier word in the data, not a parameter
  public record Tier(
      String tier,
      String cites,
      List<String> basis,
      @Nullable Expr when,
      Text penalty,
      Map<String, Object> max) {}

  /**
   * A circumstance that makes punishment heavier.
   *
   * @param when the condition
   * @param basis the provisions that say so
   * @param note what it means
   */
  public record Aggravation(Expr when, List<String> basis, Text note) {}

  /**
   * How a limitation rule computes a deadline. Periods and ages come from the data.
   *
   * @param type {@code discovery} (PSAPL), {@code prosecution} (Criminal Law), {@code claim} (Civil
   *     Code) or {@code none}
   * @param deadlineKind the {@code kind} written into findings
   * @param period the period, for discovery and claim
   * @param stops the date fact that stops the clock, or null
   * @param starts the date fact that starts the clock (claims)
   * @param longstop the long-stop period from the first act (claims), or null
   * @param brackets for prosecution: limitation by the tier's maximum penalty
   * @param minors for claims: the later start for sexual abuse of minors, or null
   * @param note caveats shown with the deadline
   */
  @SuppressWarnings("InvalidParam") // {@code none} is a rule type in the data, not a parameter
  public record LimitationRule(
      String type,
      String deadlineKind,
      @Nullable Period period,
      @Nullable String stops,
      @Nullable String starts,
      @Nullable Period longstop,
      List<Bracket> brackets,
      @Nullable MinorStart minors,
      @Nullable Text note) {}

  /**
   * A period of years, months and days.
   *
   * @param years years
   * @param months months
   * @param days days
   */
  public record Period(int years, int months, int days) {
    java.time.LocalDate after(java.time.LocalDate start) {
      return start.plusYears(years).plusMonths(months).plusDays(days);
    }
  }

  /**
   * A row of Criminal Law Art 87: statutory maximum → limitation period.
   *
   * @param maxYearsBelow applies when the tier maximum in years is below this (null: any term)
   * @param life applies to life imprisonment or death
   * @param period the limitation period
   */
  public record Bracket(@Nullable BigDecimal maxYearsBelow, boolean life, Period period) {}

  /**
   * The later start of the civil clock for minors who suffered sexual abuse.
   *
   * @param basis the provision that says so
   * @param age the age at which the clock starts
   * @param when the condition under which it applies
   */
  public record MinorStart(String basis, int age, Expr when) {}
}
