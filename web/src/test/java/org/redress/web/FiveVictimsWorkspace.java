package org.redress.web;

import java.nio.file.Path;
import java.time.Clock;
import org.redress.casework.Casework;
import org.redress.casework.FiveVictimsCases;
import org.redress.testing.FiveVictims;

/**
 * A workspace holding the five generated victims ({@link FiveVictims}): a case each, her bank from
 * her originals, a scan of her export kept in her case, and her consent to dossiers (casework's
 * {@link FiveVictimsCases}).
 */
final class FiveVictimsWorkspace {
  private FiveVictimsWorkspace() {}

  static FiveVictims load(Path ws, Path gen, Clock clock) throws Exception {
    FiveVictims five = FiveVictims.generate(gen, 19);
    Casework cw = Casework.builder(ws).clock(clock).user("tester").build();
    FiveVictimsCases.load(cw, five);
    cw.workspace().close();
    return five;
  }
}
