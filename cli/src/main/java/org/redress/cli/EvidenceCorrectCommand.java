package org.redress.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence correct}: log a metadata correction (nothing is overwritten). */
@Command(
    name = "correct",
    mixinStandardHelpOptions = true,
    description =
        "Correct an item's metadata. The old record stays; the log records the change. "
            + "Fields: source_kind, source_value, capture_method, captured_by, captured_at, "
            + "file_name, media_type, note.")
public final class EvidenceCorrectCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "Item id.")
  long id;

  @Option(
      names = "--set",
      required = true,
      paramLabel = "FIELD=VALUE",
      description = "A field to change (repeatable).")
  Map<String, String> changes;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why the correction is made.")
  String reason;

  @Override
  public Integer call() throws Exception {
    try (EvidenceStore store = options.open()) {
      Item it;
      try {
        it = store.correct(id, changes, reason);
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("correct.bad") : ex.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println(
              EvidenceCommand.m(
                  "correct.done", it.id(), it.corrections(), store.latestCheckpoint().size()));
    }
    return ExitCodes.OK;
  }
}
