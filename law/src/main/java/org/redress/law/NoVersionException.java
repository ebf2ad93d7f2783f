package org.redress.law;

import java.time.LocalDate;

/** No version of a provision (or of a parameter set) covers the date asked for. */
public final class NoVersionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final LocalDate date;
  private final String message;

  /**
   * @param subject the provision lineage, provision ID or parameter namespace
   * @param date the date no version covers
   * @param message a one-line message naming both
   */
  public NoVersionException(String subject, LocalDate date, String message) {
    super(message);
    this.subject = subject;
    this.date = date;
    this.message = message;
  }

  /** The one-line message given at construction (never null). */
  @Override
  public String getMessage() {
    return message;
  }

  /** The lineage, provision ID or parameter namespace that has no version on {@link #date()}. */
  public String subject() {
    return subject;
  }

  /** The date that no version covers. */
  public LocalDate date() {
    return date;
  }
}
