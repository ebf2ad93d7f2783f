package org.redress.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.LogVerifier;
import org.redress.evidence.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redress evidence verify-log}: check the whole workspace log. */
@Command(
    name = "verify-log",
    mixinStandardHelpOptions = true,
    description =
        "Verify the workspace's evidence log: every record, leaf, checkpoint "
            + "signature and root, timestamp, and that the log covers every pack. Without --deep "
            + "no content is checked (it says so); --deep also decrypts every item (needs the key).")
public final class EvidenceVerifyLogCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--deep", description = "Also decrypt every item and check its SHA-256.")
  boolean deep;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Verification v = LogVerifier.verify(options.workspace.dir());
    print(out, v);
    boolean ok = v.ok();
    if (ok && deep) {
      try (EvidenceStore store = options.open()) {
        Verification d = store.verifyContent();
        print(out, d);
        ok = d.ok();
        if (!ok) {
          v = d;
        }
      }
    }
    if (ok && !deep) {
      out.println(EvidenceCommand.m("verify.log.shallow"));
      out.println(EvidenceCommand.m("verify.log.ok"));
    } else {
      out.println(ok ? EvidenceCommand.m("verify.log.ok.deep") : EvidenceCommand.m("verify.not"));
    }
    out.flush();
    if (!ok) {
      throw new EvidenceVerifyCommand.VerificationFailed(
          Msg.zh()
              ? EvidenceCommand.m("verify.log.failed")
              : "evidence log did not verify: " + v.firstFailure().orElse("no checks"));
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Verification v) {
    for (Verification.Check c : v.checks()) {
      out.println(NextSteps.line(c));
    }
  }
}
