package org.redress.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.Recovery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code redress evidence recover}: re-log what a lost or older log no longer covers. */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description =
        "Recover a workspace whose evidence log is missing or older than its stored "
            + "evidence: re-logs every item found in packs the log does not cover (with its "
            + "original metadata where it can be paired), sets aside checkpoints the log no longer "
            + "matches, reports what it could not re-log, and deletes nothing. Exit 1 if anything "
            + "could not be re-logged (it is kept under evidence/quarantine).")
public final class EvidenceRecoverCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EvidenceStore store = options.open()) {
      Recovery r = store.recover();
      for (Item it : r.relogged()) {
        out.println(
            EvidenceCommand.m("recover.item", it.id(), it.sha256(), it.size(), it.caseId()));
      }
      if (Msg.zh()) {
        // The store's notes are English sentences: their number here, their text with --lang en.
        if (!r.notes().isEmpty() || !r.unrecovered().isEmpty()) {
          out.println(EvidenceCommand.m("recover.notes", r.notes().size(), r.unrecovered().size()));
        }
      } else {
        for (String n : r.notes()) {
          out.println("note: " + n);
        }
        for (String u : r.unrecovered()) {
          out.println("NOT RE-LOGGED: " + u);
        }
      }
      out.println(
          EvidenceCommand.m("recover.summary", r.relogged().size(), r.unrecovered().size()));
      out.flush();
      if (!r.unrecovered().isEmpty()) {
        java.nio.file.Path kept = options.workspace.dir().resolve("evidence/quarantine");
        if (Msg.zh()) {
          throw new ExitCodes.DataException(
              EvidenceCommand.m("recover.failed", r.unrecovered().size(), kept));
        }
        throw new EvidenceException(
            r.unrecovered().size()
                + " thing(s) could not be re-logged; "
                + "they are kept under "
                + options.workspace.dir().resolve("evidence/quarantine"));
      }
    }
    return ExitCodes.OK;
  }
}
