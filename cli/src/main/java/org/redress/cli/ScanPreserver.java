package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.NewItem;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;

/**
 * {@code scan --preserve}: every matched file goes into the evidence locker as one item per post
 * (its source is the post's locator), and the JSON report itself as one more item, so the numbers
 * and the files behind them are sealed under the same checkpoint.
 */
final class ScanPreserver {
  private ScanPreserver() {}

  static void preserve(
      SpreadReport report, String caseId, EvidenceOptions options, PrintWriter out,
      PrintWriter err) throws IOException, EvidenceException, ReportException {
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
        if (!items.containsKey(key)) {
          NewItem it = NewItem.of(file).captureMethod("telegram-export-scan");
          int colon = source.indexOf(':');
          it = it.source(source.substring(0, colon), source.substring(colon + 1));
          it = it.note("matched " + item.label() + " (" + occ.signal() + ", distance "
              + occ.distance() + ")");
          Map<String, String> hashes = new LinkedHashMap<>();
          if (occ.pdq() != null) {
            hashes.put("pdq", occ.pdq());
          }
          hashes.put("md5", occ.md5());
          it = it.perceptual(hashes);
          items.put(key, it);
        }
      }
    }
    Path reportFile = Files.createTempFile("redress-spread-report-", ".json");
    try {
      ReportJson.write(report, reportFile);
      List<NewItem> all = new ArrayList<>(items.values());
      all.add(NewItem.of(reportFile).source("other", "redress scan spread report")
          .captureMethod("redress-scan").mediaType("application/json"));
      try (EvidenceStore store = options.open()) {
        List<Item> added = store.addAll(caseId, all, () -> { });
        for (String w : store.drainWarnings()) {
          err.println("redress: warning: " + w);
        }
        out.printf(Locale.ROOT,
            "preserved %d matched file(s) and the report in case %s (items %d..%d);"
                + " checkpoint %d %s%n",
            added.size() - 1, caseId, added.get(0).id(), added.get(added.size() - 1).id(),
            store.latestCheckpoint().size(), store.latestCheckpoint().rootHex());
      }
    } finally {
      Files.deleteIfExists(reportFile);
    }
    if (inArchives > 0) {
      err.printf(Locale.ROOT, "redress: note: %d matched file(s) inside ZIP archives were not"
          + " preserved; extract the archive and scan the folder with --preserve%n", inArchives);
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
