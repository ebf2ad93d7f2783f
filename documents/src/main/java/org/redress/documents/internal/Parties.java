package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parties file ({@code redress/parties@1}): names, ID numbers, addresses and contacts of the
 * victim and the other side, and the platform, police and court addressed. It is the only input
 * with personal details; its values are never logged, and its error messages never quote them.
 * Every field is optional: a missing one renders as a placeholder.
 */
public final class Parties {
  /** The schema identifier the file must declare. */
  public static final String SCHEMA = "redress/parties@1";

  /** A natural person. */
  public record Person(
      Optional<String> name,
      Optional<String> nameLatin,
      Optional<String> gender,
      Optional<LocalDate> birthDate,
      Optional<String> ethnicity,
      Optional<String> occupation,
      Optional<String> idNumber,
      Optional<String> address,
      Optional<String> phone,
      Optional<String> email,
      List<String> accounts) {
    static Person none() {
      return new Person(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());
    }

    /** Whether anything identifies this person (a name or an account). */
    public boolean known() {
      return name.isPresent() || !accounts.isEmpty();
    }
  }

  /** An organisation addressed by a document: a platform, a police station, a court. */
  public record Body(
      Optional<String> name,
      Optional<String> operator,
      Optional<String> address,
      Optional<String> contact) {
    static Body none() {
      return new Body(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** Amounts the victim claims in a civil complaint (CNY), when she has decided them. */
  public record Claims(
      OptionalLong moralDamages, OptionalLong investigationCosts, OptionalLong lawyerFees) {
    static Claims none() {
      return new Claims(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }
  }

  private final Optional<Path> file;
  private final Person victim;
  private final Person perpetrator;
  private final Person agent;
  private final Body platform;
  private final Body police;
  private final Body court;
  private final Claims claims;
  private final Optional<Bilingual> narrative;

  private Parties(
      Optional<Path> file,
      Person victim,
      Person perpetrator,
      Person agent,
      Body platform,
      Body police,
      Body court,
      Claims claims,
      Optional<Bilingual> narrative) {
    this.file = file;
    this.victim = victim;
    this.perpetrator = perpetrator;
    this.agent = agent;
    this.platform = platform;
    this.police = police;
    this.court = court;
    this.claims = claims;
    this.narrative = narrative;
  }

  /** No parties file: every personal detail renders as a placeholder. */
  public static Parties none() {
    return new Parties(
        Optional.empty(),
        Person.none(),
        Person.none(),
        Person.none(),
        Body.none(),
        Body.none(),
        Body.none(),
        Claims.none(),
        Optional.empty());
  }

  /**
   * Reads a parties file.
   *
   * @throws org.redress.documents.InputException naming the file and the field, never its value
   */
  public static Parties read(Path file) {
    Src src = Src.read(file, true);
    src.requireSchema(SCHEMA);
    JsonNode r = src.root();
    return new Parties(
        Optional.of(file),
        person(src, r, "victim"),
        person(src, r, "perpetrator"),
        person(src, r, "agent"),
        body(src, r, "platform"),
        body(src, r, "police"),
        body(src, r, "court"),
        new Claims(
            src.count(r, "", "claims.moral_damages_cny"),
            src.count(r, "", "claims.investigation_costs_cny"),
            src.count(r, "", "claims.lawyer_fees_cny")),
        Bilingual.read(src, r, "", "narrative"));
  }

  private static Person person(Src src, JsonNode r, String key) {
    JsonNode n = Src.at(r, key).orElse(null);
    if (n == null) {
      return Person.none();
    }
    if (!n.isObject()) {
      throw src.error(key, "must be a mapping");
    }
    return new Person(
        src.text(n, key, "name"),
        src.text(n, key, "name_latin"),
        src.text(n, key, "gender"),
        src.date(n, key, "birth_date"),
        src.text(n, key, "ethnicity"),
        src.text(n, key, "occupation"),
        src.text(n, key, "id_number"),
        src.text(n, key, "address"),
        src.text(n, key, "phone"),
        src.text(n, key, "email"),
        src.texts(n, key, "accounts"));
  }

  private static Body body(Src src, JsonNode r, String key) {
    JsonNode n = Src.at(r, key).orElse(null);
    if (n == null) {
      return Body.none();
    }
    if (!n.isObject()) {
      throw src.error(key, "must be a mapping");
    }
    return new Body(
        src.text(n, key, "name"),
        src.text(n, key, "operator"),
        src.text(n, key, "address"),
        src.text(n, key, "contact"));
  }

  /** The parties file, when one was given. */
  public Optional<Path> file() {
    return file;
  }

  /** The victim (报案人, 原告, 自诉人, 通知人). */
  public Person victim() {
    return victim;
  }

  /** The person who did it, as far as known. */
  public Person perpetrator() {
    return perpetrator;
  }

  /** The victim's lawyer or other agent, if any. */
  public Person agent() {
    return agent;
  }

  /** The platform a takedown notice goes to. */
  public Body platform() {
    return platform;
  }

  /** The police station a report goes to. */
  public Body police() {
    return police;
  }

  /** The court a complaint goes to. */
  public Body court() {
    return court;
  }

  /** Amounts claimed. */
  public Claims claims() {
    return claims;
  }

  /** The victim's own account of what happened, in her words, if she gave one. */
  public Optional<Bilingual> narrative() {
    return narrative;
  }
}
