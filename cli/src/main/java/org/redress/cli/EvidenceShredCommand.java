package org.redress.cli;

import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redress evidence shred}: destroy a case key (crypto-shredding). */
@Command(
    name = "shred",
    mixinStandardHelpOptions = true,
    description =
        "Destroy a case's data key and files: its items become unreadable for good. "
            + "The log keeps their hashes and records the shred. Backups made earlier are not "
            + "affected (see docs/evidence-format.md §6.4).")
public final class EvidenceShredCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "CASE", description = "Case id.")
  String caseId;

  @Option(names = "--yes", description = "Confirm: this cannot be undone.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    if (!yes) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("shred.confirm", caseId));
    }
    try (EvidenceStore store = options.open()) {
      int n;
      try {
        n = store.shred(caseId);
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("bad.case", caseId) : ex.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println(EvidenceCommand.m("shred.done", caseId, n, store.latestCheckpoint().size()));
    }
    return ExitCodes.OK;
  }
}
