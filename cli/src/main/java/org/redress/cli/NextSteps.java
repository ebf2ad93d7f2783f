package org.redress.cli;

import org.redress.evidence.EvidenceException;
import org.redress.evidence.NextStep;
import org.redress.evidence.Verification;
import org.redress.evidence.Warning;

/**
 * How the CLI words what the evidence store says can be done next: the command to run. The store
 * names the step ({@link NextStep}); only here does it become a command line.
 */
final class NextSteps {
  private NextSteps() {}

  /** The step as the command a case worker types. */
  static String words(NextStep step) {
    return switch (step) {
      case RECOVER ->
          "run: redress evidence recover (it re-logs what the quarantine holds and" + " keeps it)";
      case CHECKPOINT -> "run: redress evidence checkpoint";
      case SALVAGE -> "to save what still verifies run: redress evidence salvage --out DIR";
      case OWNER_ONLY_KEY_FILE -> "run: chmod 600 on that file";
    };
  }

  /** A store warning with its step worded. */
  static String line(Warning w) {
    return w.text() + w.next().map(s -> "; " + words(s)).orElse("");
  }

  /** A verification check with its step worded. */
  static String line(Verification.Check c) {
    return c + c.next().map(s -> "; " + words(s)).orElse("");
  }

  /** For a store failure that names a step, {@code "; run: …"}; otherwise empty. */
  static String suffix(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof EvidenceException e && e.nextStep().isPresent()) {
        return "; " + words(e.nextStep().get());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "";
  }
}
