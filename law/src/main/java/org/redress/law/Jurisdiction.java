package org.redress.law;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A legal system Redress can assess under: its law book, its facts vocabulary and the citation of
 * every provision. {@code assess} and the documents take one (today: China, from {@code law-cn}'s
 * {@code ChineseLaw.jurisdiction()}).
 *
 * @param id short ID, e.g. {@code cn}
 * @param name the name in both languages
 * @param book the law
 */
public record Jurisdiction(String id, Text name, LawBook book) {
  /**
   * A jurisdiction from its parts.
   *
   * @throws NullPointerException for a missing part
   */
  public Jurisdiction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(book, "book");
  }

  /** The facts vocabulary. */
  public FactsSchema factsSchema() {
    return book.factsSchema();
  }

  /**
   * Parses case facts strictly against this jurisdiction's vocabulary.
   *
   * @throws InvalidFactsException naming the key for anything the vocabulary does not allow
   */
  public CaseFacts parseFacts(String text) {
    return CaseFacts.parse(text, book.factsSchema());
  }

  /** The citation table: provision ID to its citation in Chinese and English. */
  public Map<String, Text> citations() {
    return book.citations();
  }

  /**
   * The citation of one provision.
   *
   * @throws IllegalArgumentException for an unknown provision ID
   */
  public Text citation(String provisionId) {
    return book.citation(provisionId);
  }

  /**
   * Assesses the facts on a day: the findings and the action plan built from them.
   *
   * @throws InvalidFactsException when the facts give no date of conduct or the day precedes it
   */
  public Assessment assess(CaseFacts facts, LocalDate asOf) {
    Findings f = new Engine(book).assess(facts, asOf);
    return new Assessment(f, ActionPlan.build(facts, f, book));
  }
}
