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

  static String m(String key, Object... args) {
    return Msg.get("law", key, args);
  }

  /** A confirmation status (CONFIRMED, DERIVED, UNCONFIRMED) in the interface language. */
  static String status(String s) {
    String k = "status." + s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".");
    return Msg.zh() && Msg.has("law", k) ? m(k) : s;
  }

  static LocalDate date(String at) {
    if (at == null) {
      return Today.date();
    }
    try {
      return LocalDate.parse(at);
    } catch (DateTimeParseException e) {
      throw new ExitCodes.UsageException(m("date.bad", "--at", at));
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
            status(p.status()),
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
        throw new CommandLine.ParameterException(spec.commandLine(), m("no.provision", id));
      }
      Version v = book.versionAt(id, date(at));
      PrintWriter out = spec.commandLine().getOut();
      if (v.absent()) {
        out.println(
            v.label()
                + (Msg.zh()
                    ? "：" + v.absentNote().zh()
                    : ": " + v.absentNote().zh() + " / " + v.absentNote().en()));
        out.flush();
        return ExitCodes.OK;
      }
      Provision p = v.provision();
      out.println(p.id() + "  " + p.instrument().title().zh() + " " + p.article().zh());
      if (Msg.zh()) {
        // The English title, gloss and notes are for an English reader; a Chinese reader gets the
        // official text and the status, and the number of notes that --lang en shows.
        out.println(m("in.force", p.inForce(), status(p.rangeStatus())));
        out.println(m("status", status(p.status())));
        out.println(m("source", p.source()));
        out.println();
        out.println(p.textZh());
        if (!p.unconfirmed().isEmpty() || p.rangeNote() != null) {
          out.println();
          out.println(m("notes", p.unconfirmed().size() + (p.rangeNote() == null ? 0 : 1)));
        }
        out.flush();
        return ExitCodes.OK;
      }
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
