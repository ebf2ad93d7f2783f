package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Salvages a damaged locker (issue 17 point 8, {@link EvidenceStore#salvage}): writes out every
 * item that still verifies, packages them per case, and names what could not be read and why.
 */
final class Salvager {
  private Salvager() {}

  static Salvage run(
      EvidenceStore store,
      LogState log,
      Map<String, String> damaged,
      boolean logBehind,
      Path outDir)
      throws EvidenceException {
    try {
      if (Files.exists(outDir)) {
        try (Stream<Path> s = Files.list(outDir)) {
          if (s.findAny().isPresent()) {
            throw EvidenceException.of(
                EvidenceException.Reason.FOLDER_NOT_EMPTY,
                "refusing to salvage into " + outDir + ": it is not empty",
                outDir);
          }
        }
      }
    } catch (IOException ex) {
      throw new EvidenceException("cannot read " + outDir + ": " + ex.getMessage(), ex);
    }
    Extract.prepare(outDir);
    List<String> saved = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, String> d : damaged.entrySet()) {
      lost.add("case " + d.getKey() + ": damaged pack: " + d.getValue());
    }
    for (String c : log.cases()) {
      if (log.isShredded(c)) {
        continue;
      }
      Path dir = outDir.resolve(c);
      List<Long> ok = new ArrayList<>();
      for (long id : log.itemsOf(c)) {
        try {
          Metadata m = store.metadata(id);
          Extract.prepare(dir);
          Path p =
              Extract.write(dir, Extract.name(id, m.fileName()), o -> store.readContent(id, o));
          ok.add(id);
          saved.add(
              String.format(
                  Locale.ROOT,
                  "case %s item %d %s -> %s",
                  c,
                  id,
                  log.leaf(id).sha256,
                  outDir.relativize(p)));
        } catch (EvidenceException ex) {
          lost.add("case " + c + " item " + id + ": " + ex.getMessage());
        }
      }
      if (!ok.isEmpty() && !logBehind) {
        Path pkg = outDir.resolve(c + ".zip");
        try {
          store.export(c, ok, pkg, null);
          saved.add(
              "case "
                  + c
                  + ": package of "
                  + ok.size()
                  + " verified item(s) -> "
                  + outDir.relativize(pkg));
        } catch (EvidenceException ex) {
          lost.add("case " + c + ": package not written: " + ex.getMessage());
        }
      }
    }
    Salvage out = new Salvage(saved, lost);
    StringBuilder report = new StringBuilder("redress evidence salvage\n");
    saved.forEach(l -> report.append("saved  ").append(l).append('\n'));
    lost.forEach(l -> report.append("LOST   ").append(l).append('\n'));
    Extract.write(
        outDir,
        "salvage-report.txt",
        o -> o.write(report.toString().getBytes(StandardCharsets.UTF_8)));
    return out;
  }
}
