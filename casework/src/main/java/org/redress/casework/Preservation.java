package org.redress.casework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.NewItem;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;

/**
 * The preserve step: every matched file of a report goes into the evidence locker as one item per
 * post, its source the post's platform-neutral locator ({@code telegram:chat/1/message/2}), and the
 * JSON report itself as one more item, so the figures and the files behind them are sealed under
 * the same checkpoint. Files inside ZIP archives are counted, not preserved.
 *
 * @param added the items added, the report last
 * @param checkpointSize the log size of the checkpoint covering them
 * @param checkpointRoot its root hash (hex)
 * @param inArchives matched files that were inside ZIP archives and were not preserved
 * @param warnings what the store reported while adding
 */
public record Preservation(
    List<Item> added,
    long checkpointSize,
    String checkpointRoot,
    int inArchives,
    List<org.redress.evidence.Warning> warnings) {
  /** Copies the lists. */
  public Preservation {
    added = List.copyOf(added);
    warnings = List.copyOf(warnings);
  }

  /** Matched files preserved (the report not counted). */
  public int files() {
    return added.size() - 1;
  }

  /** What the evidence store is asked to add: one item per post and file, then the report. */
  record Plan(List<NewItem> files, int inArchives) {}

  static Plan plan(SpreadReport report) {
    Map<String, NewItem> items = new LinkedHashMap<>();
    int inArchives = 0;
    for (SpreadReport.Item item : report.items()) {
      for (SpreadReport.Occurrence occ : item.occurrences()) {
        Path file = regularFile(occ.location());
        if (file == null) {
          inArchives++;
          continue;
        }
        String source = occ.loose() ? "file:" + file : occ.locator();
        String key = source + "|" + file;
        if (items.containsKey(key)) {
          continue;
        }
        int colon = source.indexOf(':');
        Map<String, String> hashes = new LinkedHashMap<>();
        if (occ.pdq() != null) {
          hashes.put("pdq", occ.pdq());
        }
        hashes.put("md5", occ.md5());
        items.put(
            key,
            NewItem.of(file)
                .captureMethod("telegram-export-scan")
                .source(source.substring(0, colon), source.substring(colon + 1))
                .note(
                    "matched "
                        + item.label()
                        + " ("
                        + occ.signal()
                        + ", distance "
                        + occ.distance()
                        + ")")
                .perceptual(hashes));
      }
    }
    return new Plan(List.copyOf(items.values()), inArchives);
  }

  static Preservation run(SpreadReport report, String caseId, EvidenceStore store)
      throws EvidenceException, ReportException, IOException {
    Plan plan = plan(report);
    Path reportFile = Files.createTempFile("redress-spread-report-", ".json");
    try {
      ReportJson.write(report, reportFile);
      List<NewItem> all = new ArrayList<>(plan.files());
      all.add(
          NewItem.of(reportFile)
              .source("other", "redress scan spread report")
              .captureMethod("redress-scan")
              .mediaType("application/json"));
      List<Item> added = store.addAll(caseId, all, () -> {});
      List<org.redress.evidence.Warning> warnings = store.drainWarnings();
      return new Preservation(
          added,
          store.latestCheckpoint().size(),
          store.latestCheckpoint().rootHex(),
          plan.inArchives(),
          warnings);
    } finally {
      Files.deleteIfExists(reportFile);
    }
  }

  private static Path regularFile(String location) {
    if (location.isEmpty() || location.contains("!/")) {
      return null;
    }
    try {
      Path p = Path.of(location);
      return Files.isRegularFile(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
