package org.redress.cli;

import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;

/** Reads a case's stored facts for the commands that take {@code --case} instead of a file. */
final class StoredFacts {
  private StoredFacts() {}

  /**
   * The case's latest facts text, opened with the case key, with the takedown tracker's record
   * merged in ({@link Cases#withTracker}).
   *
   * @throws ExitCodes.UsageException for an unknown case
   * @throws ExitCodes.DataException when the case has no facts or they cannot be opened
   */
  static String read(EvidenceOptions evidence, String caseName) {
    org.redress.casework.Casework cw = Today.casework(evidence.workspace.dir());
    Cases cases = cw.cases();
    try {
      cases.require(caseName);
      try (EvidenceStore locker = evidence.open()) {
        String text =
            cases
                .factsText(caseName, locker)
                .orElseThrow(
                    () -> new ExitCodes.DataException(FactsCaseCommands.m("none", caseName)));
        // The takedown tracker's notice dates, for the Art 1197 finding.
        return cases.withTracker(caseName, text, cw.today());
      }
    } catch (CaseworkException.UnknownCase e) {
      throw new ExitCodes.UsageException(ExitCodes.message(e));
    } catch (CaseworkException | EvidenceException e) {
      throw new ExitCodes.DataException(ExitCodes.message(e), e);
    }
  }
}
