package org.redress.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.redress.cases.NewItem;
import org.redress.casework.BankItems;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.casework.ScanRequest;
import org.redress.media.MediaHasher;
import org.redress.scan.ScanResult;
import org.redress.sources.Limits;
import org.redress.testing.FiveVictims;

/**
 * A workspace holding the five generated victims ({@link FiveVictims}): a case each, her bank from
 * her originals, a scan of her export kept in her case, and her consent to dossiers.
 */
final class FiveVictimsWorkspace {
  private FiveVictimsWorkspace() {}

  static FiveVictims load(Path ws, Path gen, Clock clock) throws Exception {
    FiveVictims five = FiveVictims.generate(gen, 19);
    Casework cw = Casework.builder(ws).clock(clock).user("tester").build();
    MediaHasher hasher = MediaHasher.builder().build();
    Path tmp = Files.createDirectories(gen.resolve("tmp"));
    for (FiveVictims.Victim v : five.victims()) {
      Cases.CaseInfo c = cw.cases().create(v.caseId()).orElseThrow();
      List<NewItem> items = new ArrayList<>();
      try (Stream<Path> s = Files.list(v.originals())) {
        for (Path p : s.sorted().toList()) {
          items.addAll(
              BankItems.of(hasher.hash(p), p.getFileName().toString(), v.caseId(), "tester"));
        }
      }
      cw.workspace().banks().add(c.bank(), items);
      ScanRequest req =
          new ScanRequest(
              List.of(v.export()),
              List.of(c.bank()),
              false,
              false,
              1,
              Limits.defaults(),
              null,
              false,
              false,
              null,
              tmp);
      ScanResult r = cw.scan(req, w -> {});
      cw.cases().keepScan(v.caseId(), r.report(), List.of(v.export()));
      cw.cases().consent(v.caseId(), Cases.DOSSIERS, true);
    }
    cw.workspace().close();
    return five;
  }
}
