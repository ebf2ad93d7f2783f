package org.redress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Salvage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redress evidence salvage}: save what still verifies from a damaged locker. */
@Command(
    name = "salvage",
    mixinStandardHelpOptions = true,
    description =
        "Save what still verifies from a damaged evidence locker: opens it read-only "
            + "(even with packs missing or damaged), writes every item whose content matches its "
            + "logged SHA-256 to DIR/<case>/, a package of those items per case to DIR/<case>.zip, "
            + "and DIR/salvage-report.txt naming every item that could not be read. Changes nothing "
            + "in the workspace. Exit 1 if anything was lost.")
public final class EvidenceSalvageCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "An empty or new folder to write to (created 0700).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    try (EvidenceStore store = options.openForSalvage()) {
      Salvage r = store.salvage(out);
      if (!Msg.zh()) {
        // In Chinese only the counts: each line is an English sentence of the store; the report
        // file holds them all.
        for (String l : r.saved()) {
          o.println("saved  " + l);
        }
        for (String l : r.lost()) {
          o.println("LOST   " + l);
        }
      }
      o.println(
          EvidenceCommand.m(
              "salvage.summary",
              r.saved().size(),
              r.lost().size(),
              out.resolve("salvage-report.txt")));
      o.flush();
      if (!r.lost().isEmpty() && Msg.zh()) {
        throw new ExitCodes.DataException(
            EvidenceCommand.m(
                "salvage.failed", r.lost().size(), out.resolve("salvage-report.txt")));
      }
      if (!r.lost().isEmpty()) {
        throw new EvidenceException(
            r.lost().size()
                + " item(s) or case(s) could not be "
                + "salvaged; see "
                + out.resolve("salvage-report.txt"));
      }
    }
    return ExitCodes.OK;
  }
}
