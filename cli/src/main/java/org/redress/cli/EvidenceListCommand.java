package org.redress.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redress evidence list}: one line per item of a case. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List a case's items: id, SHA-256, size, captured-at, media type.")
public final class EvidenceListCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "CASE", description = "Case id.")
  String caseId;

  @Option(names = "--json", description = "Print one JSON object per item, as `show --json`.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EvidenceStore store = options.open()) {
      List<Item> items;
      try {
        items = store.list(caseId);
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("bad.case", caseId) : ex.getMessage());
      }
      if (items.isEmpty() && !store.isShredded(caseId)) {
        throw org.redress.evidence.EvidenceException.of(
            org.redress.evidence.EvidenceException.Reason.NO_SUCH_CASE,
            "no such case: " + caseId,
            caseId);
      }
      for (Item it : items) {
        out.println(json ? EvidenceShowCommand.json(it) : line(it));
      }
    }
    return ExitCodes.OK;
  }

  static String line(Item it) {
    String extra =
        it.shredded()
            ? EvidenceCommand.m("list.shredded")
            : it.corrections() > 0 ? EvidenceCommand.m("list.corrected", it.corrections()) : "";
    String type = it.metadata() == null ? "-" : it.metadata().mediaType();
    return String.format(
        Locale.ROOT,
        "%d\t%s\t%d\t%s\t%s%s",
        it.id(),
        it.sha256(),
        it.size(),
        Msg.zh() ? Msg.timeSeconds(it.addedAt()) : it.addedAt(),
        type,
        extra);
  }
}
