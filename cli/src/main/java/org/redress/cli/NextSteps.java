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

  /** The step as the command a case worker types, in the interface language. */
  static String words(NextStep step) {
    return Msg.get("errors", "next." + step.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A store warning with its step worded. */
  static String line(Warning w) {
    String text = Msg.zh() ? Msg.get("errors", "store.warning") : w.text();
    return text + w.next().map(s -> sep() + words(s)).orElse("");
  }

  /** A verification check with its step worded. */
  static String line(Verification.Check c) {
    return (Msg.zh() ? checkZh(c) : c.toString()) + c.next().map(s -> sep() + words(s)).orElse("");
  }

  /**
   * A check in Chinese: its outcome and what was checked. The store words the detail in English (a
   * fingerprint, a size, why a check failed); a failure says how to see it ({@code --lang en}).
   */
  private static String checkZh(Verification.Check c) {
    String subject = c.subject();
    int sp = subject.lastIndexOf(' ');
    String head = subject;
    String number = "";
    if (sp > 0 && subject.substring(sp + 1).replace("#", "").matches("[0-9]+")) {
      head = subject.substring(0, sp);
      number = " " + subject.substring(sp + 1).replace("#", "");
    }
    String key = "check." + head.replace(' ', '.');
    String what =
        Msg.has("errors", key) ? Msg.get("errors", key) : Msg.get("errors", "check.other");
    return Msg.get("errors", c.ok() ? "check.ok" : "check.fail", what + number);
  }

  private static String sep() {
    return Msg.zh() ? "；" : "; ";
  }

  /** For a store failure that names a step, {@code "; run: …"}; otherwise empty. */
  static String suffix(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof EvidenceException e && e.nextStep().isPresent()) {
        return sep() + words(e.nextStep().get());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "";
  }
}
