package org.redress.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress case list|show|create|consent}: the workspace's cases, the same ones the workspace
 * in the browser shows. Prints no personal data: facts and parties stay sealed (see {@code redress
 * facts show}).
 */
@Command(
    name = "case",
    mixinStandardHelpOptions = true,
    description = {
      "Cases: one per victim, each with its bank, facts and parties (sealed with the case key,"
          + " every version kept), consent, scans, evidence and documents.",
      "Exit status: 0 done, 1 bad data, 2 usage (unknown case, bad name)."
    },
    subcommands = {
      CaseCommand.ListCases.class,
      CaseCommand.Show.class,
      CaseCommand.Create.class,
      CaseCommand.Consent.class
    })
public final class CaseCommand implements Runnable {
  @Override
  public void run() {
    throw new ExitCodes.UsageException(m("subcommand"));
  }

  static Cases cases(WorkspaceOption ws) {
    return Today.casework(ws.dir()).cases();
  }

  static String time(java.time.Instant t) {
    return Msg.time(t);
  }

  private static String m(String key, Object... args) {
    return Msg.get("case", key, args);
  }

  /** Lists the cases, newest first: name, day opened, bank. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases.")
  static final class ListCases implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Cases.CaseInfo c : cases(workspace).list()) {
        out.println(m("list.line", c.id(), c.createdDate(), c.bank()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Shows what a case holds, without opening anything sealed. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a case: facts and parties versions, consent, scans, documents.")
  static final class Show implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The case.")
    String name;

    @Override
    public Integer call() throws CaseworkException {
      Cases cases = cases(workspace);
      Cases.CaseInfo c = cases.require(name);
      PrintWriter out = spec.commandLine().getOut();
      out.println(m("show.case", c.id()));
      out.println(m("show.opened", time(c.created())));
      out.println(m("show.bank", c.bank()));
      for (String kind : List.of(Cases.FACTS, Cases.PARTIES)) {
        List<Cases.RecordVersion> h = cases.history(c.id(), kind);
        String what = m("kind." + kind);
        out.println(h.isEmpty() ? m("show.none", what) : m("show.versions", what, h.size()));
        for (Cases.RecordVersion v : h) {
          out.println(
              m(
                  "show.version",
                  v.version(),
                  time(v.at()),
                  Console.inert(v.author()),
                  Console.inert(v.note())));
        }
      }
      Optional<Cases.Consent> consent = cases.consentNow(c.id(), Cases.DOSSIERS);
      out.println(
          consent
              .map(
                  k ->
                      m(
                          k.granted() ? "show.consent.yes" : "show.consent.no",
                          time(k.at()),
                          Console.inert(k.author())))
              .orElse(m("show.consent.none")));
      out.println(m("show.scans", cases.reports(c.id()).size()));
      out.println(m("show.documents", cases.documents(c.id()).size()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Opens a case with its own bank. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Open a case (and its bank, case-NAME, unless --bank names one).")
  static final class Create implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "Lower-case letters, digits and dashes; no real name.")
    String name;

    @Option(names = "--bank", paramLabel = "BANK", description = "Her bank (default: case-NAME).")
    String bank;

    @Override
    public Integer call() {
      Cases cases = cases(workspace);
      Optional<Cases.CaseInfo> made;
      try {
        made = bank == null ? cases.create(name) : cases.create(name, bank);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? badName(name, bank) : e.getMessage());
      }
      if (made.isEmpty()) {
        throw new ExitCodes.UsageException(m("create.exists", name));
      }
      spec.commandLine().getOut().println(m("create.done", name, made.get().bank()));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** Which name is bad, in the interface language (the store says it in English). */
  static String badName(String name, String bank) {
    try {
      org.redress.cases.CaseStore.checkName(name);
    } catch (IllegalArgumentException e) {
      return m("create.bad.name", name);
    }
    return m("create.bad.bank", bank == null ? "case-" + name : bank);
  }

  /** Gives or withdraws consent, versioned. */
  @Command(
      name = "consent",
      mixinStandardHelpOptions = true,
      description = {
        "Record that the victim gives (yes) or withdraws (no) her consent, with today's date."
            + " Every earlier state is kept.",
        "--dossiers: her case may count, under a pseudonym, in cross-case dossiers against the"
            + " same channel, sender or seller."
      })
  static final class Consent implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The case.")
    String name;

    @Option(
        names = "--dossiers",
        required = true,
        paramLabel = "yes|no",
        description = "Consent to cross-case dossiers.")
    String dossiers;

    @Override
    public Integer call() throws CaseworkException {
      boolean granted =
          switch (dossiers.toLowerCase(Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new ExitCodes.UsageException(m("consent.bad", dossiers));
          };
      Cases.Consent c = cases(workspace).consent(name, Cases.DOSSIERS, granted);
      spec.commandLine()
          .getOut()
          .println(
              m(
                  c.granted() ? "consent.done.yes" : "consent.done.no",
                  name,
                  c.version(),
                  time(c.at())));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
