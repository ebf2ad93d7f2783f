package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The case facts ({@code redress/case-facts@1}, see {@code shared/contracts/case-facts.md}) as
 * far as documents use them. Extra keys are ignored (the legal engine checks them); the fields
 * used here are type-checked when read, and a missing key means "unknown".
 */
public final class Facts {
  /** The schema identifier the file must declare. */
  public static final String SCHEMA = "redress/case-facts@1";

  static final List<String> BOOLEANS =
      List.of(
          "victims.female",
          "acts.covert_filming", "acts.peeping", "acts.filmed_intimate_parts",
          "acts.filmed_sexual_activity", "acts.filmed_in_private_space", "acts.disguised_device",
          "acts.device_certified_special", "acts.installed_device", "acts.sexual_assault",
          "acts.indecent_assault", "acts.drugged_victim", "acts.threatened_to_publish",
          "distribution.shared", "distribution.online", "distribution.still_online",
          "distribution.for_profit", "distribution.victim_identifiable",
          "distribution.personal_info_published", "distribution.insulting_presentation",
          "distribution.sent_to_family_or_acquaintances",
          "distribution.group.mainly_for_obscene",
          "distribution.minors_under_14_depicted", "distribution.minors_under_18_depicted",
          "distribution.distributed_to_minors",
          "trade.sold_covert_devices", "trade.covert_devices_certified_special",
          "harm.serious_mental_harm", "harm.self_harm_or_suicide");
  static final List<String> COUNTS =
      List.of(
          "victims.count", "victims.youngest_age", "acts.demanded_money_cny",
          "distribution.counts.videos", "distribution.counts.audio", "distribution.counts.images",
          "distribution.counts.clicks", "distribution.counts.paid_members",
          "distribution.counts.illegal_income_cny", "distribution.group.members",
          "trade.crime_groups_set_up", "trade.crime_group_members_total", "trade.ad_posts",
          "trade.ad_recipient_members_total", "harm.medical_costs_cny", "harm.lost_income_cny");
  static final List<String> DATES =
      List.of("conduct.first_act", "conduct.last_act", "conduct.police_aware_on",
          "conduct.victim_knew_on");
  static final List<String> TEXTS = List.of("perpetrator.relation", "distribution.group.role");

  private final Src src;
  private final LocalDate asOf;

  private Facts(Src src) {
    this.src = src;
    src.requireSchema(SCHEMA);
    this.asOf =
        src.date(src.root(), "", "as_of")
            .orElseThrow(() -> src.error("as_of", "is missing (the date of the assessment)"));
    BOOLEANS.forEach(p -> src.bool(src.root(), "", p));
    COUNTS.forEach(p -> src.count(src.root(), "", p));
    DATES.forEach(p -> src.date(src.root(), "", p));
    TEXTS.forEach(p -> src.text(src.root(), "", p));
    Optional<LocalDate> first = date("conduct.first_act");
    Optional<LocalDate> last = date("conduct.last_act");
    if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
      throw src.error("conduct.last_act", "must not be before conduct.first_act");
    }
  }

  /**
   * Reads a facts file.
   *
   * @throws org.redress.documents.InputException when it is missing, malformed, declares another
   *     schema, lacks {@code as_of} or has a field of the wrong type
   */
  public static Facts read(Path file) {
    return new Facts(Src.read(file, false));
  }

  /** The file the facts came from. */
  public Path file() {
    return src.file();
  }

  /** The date of the assessment. */
  public LocalDate asOf() {
    return asOf;
  }

  /** A yes/no fact, or empty when unknown. */
  public Optional<Boolean> bool(String path) {
    return src.bool(src.root(), "", path);
  }

  /** True only when the fact is known to be true. */
  public boolean yes(String path) {
    return bool(path).orElse(false);
  }

  /** A count, or empty when unknown. */
  public OptionalLong count(String path) {
    return src.count(src.root(), "", path);
  }

  /** A date, or empty when unknown. */
  public Optional<LocalDate> date(String path) {
    return src.date(src.root(), "", path);
  }

  /** A text value, or empty when unknown. */
  public Optional<String> text(String path) {
    return src.text(src.root(), "", path);
  }

  /** The root of the facts document. */
  JsonNode root() {
    return src.root();
  }
}
