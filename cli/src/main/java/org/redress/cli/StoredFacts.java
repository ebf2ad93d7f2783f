package org.redress.cli;

import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;

/** Reads a case's stored facts for the commands that take {@code --case} instead of a file. */
final class StoredFacts {
  private StoredFacts() {}

  /**
   * The case's latest facts text, opened with the case key.
   *
   * @throws ExitCodes.UsageException for an unknown case
   * @throws ExitCodes.DataException when the case has no facts or they cannot be opened
   */
  static String read(EvidenceOptions evidence, String caseName) {
    Cases cases = Today.casework(evidence.workspace.dir()).cases();
    try {
      cases.require(caseName);
      try (EvidenceStore locker = evidence.open()) {
        return cases
            .factsText(caseName, locker)
            .orElseThrow(
                () ->
                    new ExitCodes.DataException(
                        "case "
                            + caseName
                            + " has no facts yet (store them: redress facts set "
                            + caseName
                            + " FILE)"));
      }
    } catch (CaseworkException.UnknownCase e) {
      throw new ExitCodes.UsageException(e.getMessage() + ExitCodes.seeList(e));
    } catch (CaseworkException | EvidenceException e) {
      throw new ExitCodes.DataException(e.getMessage(), e);
    }
  }
}
