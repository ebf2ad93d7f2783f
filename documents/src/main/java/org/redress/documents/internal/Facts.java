package org.redress.documents.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.redress.documents.InputException;
import org.redress.law.CaseFacts;
import org.redress.lawcn.ChineseLaw;

/**
 * The case facts as documents use them, read through the legal engine's own reader ({@code
 * ChineseLaw.jurisdiction().parseFacts}, as {@code assess} reads them), so a facts file is accepted
 * or refused by {@code redress doc} exactly as by {@code redress assess}: same rules, same message.
 * A missing key means "unknown".
 */
public final class Facts {
  private final Path file;
  private final CaseFacts facts;

  private Facts(Path file, CaseFacts facts) {
    this.file = file;
    this.facts = facts;
  }

  /**
   * Reads a facts file.
   *
   * @throws InputException when the file is missing or unreadable
   * @throws org.redress.law.InvalidFactsException when the facts are invalid (as for assess)
   */
  public static Facts read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "no such file");
    } catch (MalformedInputException e) {
      throw new InputException(file, "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new InputException(file, "failed to read: " + e.getMessage(), e);
    }
    return new Facts(file, ChineseLaw.jurisdiction().parseFacts(text));
  }

  /** The file the facts came from. */
  public Path file() {
    return file;
  }

  /** The facts as the legal engine reads them. */
  public CaseFacts caseFacts() {
    return facts;
  }

  /** The date of the assessment the facts give, if any. */
  public Optional<LocalDate> asOf() {
    return facts.asOf();
  }

  /** A yes/no fact, or empty when unknown. */
  public Optional<Boolean> bool(String path) {
    return Optional.ofNullable(facts.get(path))
        .filter(Boolean.class::isInstance)
        .map(Boolean.class::cast);
  }

  /** True only when the fact is known to be true. */
  public boolean yes(String path) {
    return bool(path).orElse(false);
  }

  /** A number (count or amount of money), or empty when unknown. */
  public Optional<BigDecimal> number(String path) {
    return Optional.ofNullable(facts.get(path))
        .filter(BigDecimal.class::isInstance)
        .map(BigDecimal.class::cast);
  }

  /** A date, or empty when unknown. */
  public Optional<LocalDate> date(String path) {
    return facts.date(path);
  }

  /** A text value, or empty when unknown. */
  public Optional<String> text(String path) {
    return Optional.ofNullable(facts.get(path))
        .filter(String.class::isInstance)
        .map(String.class::cast);
  }
}
