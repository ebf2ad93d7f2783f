package org.redress.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redress.evidence.Checkpoint;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code redress evidence checkpoint}: sign (and timestamp) the current log head. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Sign a checkpoint of the log and, with --tsa or $REDRESS_TSA_URL, get an "
        + "RFC 3161 timestamp for it. Prints the signed checkpoint and the public key.")
public final class EvidenceCheckpointCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EvidenceStore store = options.open()) {
      Checkpoint c = store.checkpoint();
      out.print(c.signedText());
      out.println();
      out.println("public key: " + store.publicKey());
      for (String w : store.drainWarnings()) {
        spec.commandLine().getErr().println("redress: warning: " + w);
      }
    }
    return ExitCodes.OK;
  }
}
