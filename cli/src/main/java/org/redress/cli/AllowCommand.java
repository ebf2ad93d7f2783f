package org.redress.cli;

import java.util.Locale;
import org.redress.cases.AllowEntry;
import org.redress.cases.BankStore;
import org.redress.cases.CasesException;
import org.redress.cases.HashValue;
import org.redress.match.BankRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress allow ...}: the allow list of known-benign hashes, shared by every bank. */
@Command(
    name = "allow",
    description = "Known-benign hashes that suppress false positives across banks.",
    mixinStandardHelpOptions = true,
    subcommands = {
      AllowCommand.Add.class,
      AllowCommand.ListEntries.class,
      AllowCommand.Remove.class
    })
public final class AllowCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing allow subcommand");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a known-benign hash: pdq:HEX, md5:HEX or sha256:HEX.",
        "A PDQ entry suppresses a match when the query is within --distance of the entry and",
        "at least as close to it as to the bank item; a digest entry suppresses every match",
        "of that exact file."
      })
  static final class Add extends BankCommand.Sub {
    @Parameters(index = "0", paramLabel = "HASH")
    String hash;

    @Option(names = "--label", required = true, description = "Why it is benign.")
    String label;

    @Option(
        names = "--distance",
        paramLabel = "N",
        description = "PDQ only: largest query distance suppressed (default: ${DEFAULT-VALUE}).")
    int distance = BankRules.DEFAULT_THRESHOLD;

    @Override
    public Integer call() {
      HashValue v = Workspaces.parseTagged(hash);
      AllowEntry e;
      BankStore s = store();
      try {
        e = s.allow(v, distance, label, null);
      } catch (CasesException.LimitExceeded ex) {
        throw new ExitCodes.UsageException(BankCommand.m("allow.label.long", ex.max(), ex.value()));
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(Msg.zh() ? badEntry(v) : ex.getMessage());
      }
      out().println(BankCommand.m("allow.done", e.id(), e.hash().signal().id(), e.label()));
      return ExitCodes.OK;
    }

    /** What is wrong with the entry, in Chinese (the store says it in English). */
    private String badEntry(HashValue v) {
      if (v.signal() == org.redress.match.Signal.VPDQ) {
        return Msg.get("bank", "allow.bad.vpdq");
      }
      if (distance < 0 || distance > 256) {
        return Msg.get("bank", "allow.bad.distance", distance);
      }
      return Msg.get("bank", "allow.bad.label");
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the allow list.")
  static final class ListEntries extends BankCommand.Sub {
    @Override
    public Integer call() {
      for (AllowEntry e : store().allowList()) {
        out()
            .printf(
                Locale.ROOT,
                "%d\t%s\t%s\t%d\t%s\t%s\t%s%n",
                e.id(),
                e.hash().signal().id(),
                e.hash().value(),
                e.maxDistance(),
                Workspaces.iso(e.addedAt()),
                e.addedBy(),
                e.label());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an entry.")
  static final class Remove extends BankCommand.Sub {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      store().removeAllow(id);
      out().println(BankCommand.m("allow.removed", id));
      return ExitCodes.OK;
    }
  }
}
