package org.redress.casework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.redress.cases.NewItem;
import org.redress.evidence.EvidenceStore;
import org.redress.media.MediaHasher;
import org.redress.scan.ScanResult;
import org.redress.sources.Limits;
import org.redress.testing.FiveVictims;

/**
 * The five generated victims ({@link FiveVictims}) taken into a workspace as a case worker takes
 * them, through the real hasher, reader and scanner: for each, a case, her bank from her originals,
 * a scan of her export kept in her case (and preserved in an evidence locker when one is given),
 * then her consent to dossiers. Shared with the web tests through casework's test jar (the {@code
 * testing} module cannot depend on casework: casework's own tests depend on it).
 */
public final class FiveVictimsCases {
  private FiveVictimsCases() {}

  /** Every victim's case, bank, kept scan and consent, in {@code cw}'s workspace. */
  public static void load(Casework cw, FiveVictims gen) throws Exception {
    load(cw, gen, null);
  }

  /**
   * As {@link #load(Casework, FiveVictims)}, each scan's matches also preserved in {@code store}
   * under her case (before her consent is given).
   */
  public static void loadAndPreserve(Casework cw, FiveVictims gen, EvidenceStore store)
      throws Exception {
    load(cw, gen, store);
  }

  private static void load(Casework cw, FiveVictims gen, EvidenceStore store) throws Exception {
    MediaHasher hasher = MediaHasher.builder().build();
    Path tmp = Files.createDirectories(cw.layout().root().resolve("tmp"));
    for (FiveVictims.Victim v : gen.victims()) {
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
      if (store != null) {
        cw.preserve(r.report(), v.caseId(), store);
      }
      cw.cases().consent(v.caseId(), Cases.DOSSIERS, true);
    }
  }
}
