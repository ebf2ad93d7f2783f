package org.redress.cli;

import java.util.concurrent.Callable;
import org.redress.cases.FeedStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress bank share|unshare}: a bank in the platforms' hash feed, or out of it. */
final class BankShareCommand {
  private BankShareCommand() {}

  @Command(
      name = "share",
      description = {
        "Put a bank's PDQ and MD5 hashes into the hash feed platforms pull (serve --api), under a"
            + " case pseudonym (never a name). Needs --consent: she agreed to share them.",
        "Sharing again publishes items added since."
      },
      mixinStandardHelpOptions = true)
  static final class Share implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--case",
        paramLabel = "CASE",
        description = "The case the bank belongs to: platforms' feedback lands in its tracker.")
    String caseId;

    @Option(
        names = "--consent",
        description = "Confirm that the victim agreed to share these hashes with platforms.")
    boolean consent;

    @Override
    public Integer call() {
      if (!consent) {
        throw new ExitCodes.UsageException(BankCommand.m("share.consent", name));
      }
      FeedStore.Share s = Workspaces.open(workspace).feed().share(name, caseId);
      spec.commandLine()
          .getOut()
          .println(
              s.caseId() == null
                  ? BankCommand.m("share.done", s.bank(), s.pseudonym())
                  : BankCommand.m("share.done.case", s.bank(), s.pseudonym(), s.caseId()));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "unshare",
      description =
          "Take a bank out of the hash feed: its records turn Withdrawn, so platforms delete them.",
      mixinStandardHelpOptions = true)
  static final class Unshare implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      FeedStore.Share s = Workspaces.open(workspace).feed().unshare(name);
      spec.commandLine().getOut().println(BankCommand.m("unshare.done", s.bank()));
      return ExitCodes.OK;
    }
  }
}
