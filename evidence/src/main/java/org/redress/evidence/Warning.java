package org.redress.evidence;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A warning of the store (a repaired log tail, packs in the quarantine, a TSA that could not be
 * reached): one line a person can act on, and the step that helps, if any, for a front end to word.
 *
 * @param text what happened, naming the file or value concerned; never a command
 * @param step what to do next, or null
 */
public record Warning(String text, @Nullable NextStep step) {
  /** A warning with no next step. */
  public static Warning of(String text) {
    return new Warning(text, null);
  }

  /** A warning with its next step. */
  public static Warning of(String text, NextStep step) {
    return new Warning(text, step);
  }

  /** The next step, if any. */
  public Optional<NextStep> next() {
    return Optional.ofNullable(step);
  }

  /** The text alone. */
  @Override
  public String toString() {
    return text;
  }
}
