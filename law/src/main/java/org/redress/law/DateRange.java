package org.redress.law;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The days a version is in force, both ends inclusive; {@code to} is null while still in force.
 *
 * @param from first day in force
 * @param to last day in force, or null
 */
public record DateRange(LocalDate from, @Nullable LocalDate to) {
  /**
   * A range from {@code from} to {@code to}.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public DateRange {
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("in_force.to " + to + " is before in_force.from " + from);
    }
  }

  /** Whether the day is inside the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  /** Whether the two ranges share a day. */
  public boolean overlaps(DateRange o) {
    return (to == null || !o.from.isAfter(to)) && (o.to == null || !from.isAfter(o.to));
  }

  @Override
  public String toString() {
    return from + ".." + (to == null ? "" : to.toString());
  }
}
