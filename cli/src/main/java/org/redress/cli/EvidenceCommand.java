package org.redress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code redress evidence}: the evidence locker (docs/evidence-format.md). */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "Preserve evidence encrypted and tamper-evident; export and verify packages.",
    subcommands = {
      EvidenceAddCommand.class,
      EvidenceListCommand.class,
      EvidenceShowCommand.class,
      EvidenceCorrectCommand.class,
      EvidenceShredCommand.class,
      EvidenceCheckpointCommand.class,
      EvidenceExportCommand.class,
      EvidenceVerifyCommand.class,
      EvidenceVerifyLogCommand.class,
      EvidenceRecoverCommand.class,
      EvidenceExtractCommand.class,
      EvidenceSalvageCommand.class,
    })
public final class EvidenceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ExitCodes.UsageException(m("subcommand"));
  }

  static String m(String key, Object... args) {
    return Msg.get("evidence", key, args);
  }
}
