package org.redress.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.redress.law.LawBook;
import org.redress.law.Provision;
import org.redress.law.Version;
import org.redress.lawcn.ChineseLaw;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress law list|show}: the provisions in the law data, with their text and sources. */
@Command(
    name = "law",
    mixinStandardHelpOptions = true,
    description = "List or show the provisions in the law data (legal information, not advice).",
    subcommands = {LawCommand.ListProvisions.class, LawCommand.Show.class})
public final class LawCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static LocalDate date(String at) {
    if (at == null) {
      return Today.date();
    }
    try {
      return LocalDate.parse(at);
    } catch (DateTimeParseException e) {
      throw new ExitCodes.UsageException(
          "--at: expected an ISO date (YYYY-MM-DD), was \"" + at + "\"");
    }
  }

  /** {@code redress law list [--at DATE]}: one line per provision in force on the date. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "One line per provision in force on a date.")
  static final class ListProvisions implements Callable<Integer> {
    @Option(names = "--at", paramLabel = "DATE", description = "Date (default: today).")
    String at;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LocalDate day = date(at);
      PrintWriter out = spec.commandLine().getOut();
      for (Provision p : ChineseLaw.book().inForce(day)) {
        out.printf(
            java.util.Locale.ROOT,
            "%-24s %-22s %s %s%n",
            p.id(),
            p.status(),
            p.instrument().title().zh(),
            p.article().zh());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code redress law show ID [--at DATE]}: the version of a provision in force on a date. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "The text, gloss, source and status of a provision (the version in force on"
              + " --at, default today).")
  static final class Show implements Callable<Integer> {
    @Parameters(
        index = "0",
        paramLabel = "ID",
        description = "Reference ID, e.g. CN-PSAPL-2025-50.")
    String id;

    @Option(names = "--at", paramLabel = "DATE", description = "Date (default: today).")
    String at;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LawBook book = ChineseLaw.book();
      if (book.provision(id).isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such provision: " + id);
      }
      Version v = book.versionAt(id, date(at));
      PrintWriter out = spec.commandLine().getOut();
      if (v.absent()) {
        out.println(v.label() + ": " + v.absentNote().zh() + " / " + v.absentNote().en());
        out.flush();
        return ExitCodes.OK;
      }
      Provision p = v.provision();
      out.println(p.id() + "  " + p.instrument().title().zh() + " " + p.article().zh());
      out.println(
          p.instrument().title().en()
              + " ("
              + p.instrument().version().en()
              + "), "
              + p.article().en());
      out.println(
          "in force: "
              + p.inForce()
              + " ("
              + p.rangeStatus()
              + ")"
              + (p.rangeNote() == null ? "" : " — " + p.rangeNote()));
      out.println("status: " + p.status());
      out.println("source: " + p.source());
      out.println();
      out.println(p.textZh());
      out.println();
      out.println(p.glossEn());
      for (String u : p.unconfirmed()) {
        out.println("UNCONFIRMED/DERIVED: " + u);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
