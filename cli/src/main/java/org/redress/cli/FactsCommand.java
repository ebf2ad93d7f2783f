package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redress.casework.Casework;
import org.redress.casework.CaseworkException;
import org.redress.casework.FactsMerge;
import org.redress.law.FactsText;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress facts merge INTAKE REPORT... [--out FACTS]}: her account plus what scans prove.
 */
@Command(
    name = "facts",
    mixinStandardHelpOptions = true,
    description = "Case facts (redress/case-facts@1).",
    subcommands = {
      FactsCommand.Merge.class,
      FactsCaseCommands.Set.class,
      FactsCaseCommands.Parties.class,
      FactsCaseCommands.Show.class,
      FactsCaseCommands.History.class
    })
public final class FactsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ExitCodes.UsageException(Msg.get("facts", "subcommand"));
  }

  /** Merges an intake with the facts of spread reports. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Merge what the victim tells (INTAKE, case facts in YAML or JSON) with what spread reports"
            + " prove (REPORT..., from 'redress scan --json'), dated today (Beijing time).",
        "Rule: dates widen (earliest first act, latest last act); a report's 'shared'/'online'"
            + " is proof and wins over an intake 'false'; counts are distinct files (SHA-256) over"
            + " all reports, and when the intake gives another number the larger is kept; every"
            + " other intake key is kept. Each disagreement is printed as a note.",
        "Exit status: 0 merged, 1 a file is not valid facts or not a spread report, 2 usage."
      })
  static final class Merge implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INTAKE", description = "The intake facts file.")
    Path intake;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "REPORT",
        description = "Spread reports (JSON).")
    List<Path> reports = new ArrayList<>();

    @Option(
        names = "--out",
        paramLabel = "FACTS",
        description =
            "Write the merged facts (JSON) to FACTS instead of standard output (a missing"
                + " folder is made).")
    Path out;

    @Override
    public Integer call() throws IOException, ReportException, CaseworkException {
      String text = FactsText.read(intake);
      List<SpreadReport> rs = new ArrayList<>();
      for (Path r : reports) {
        rs.add(ReportJson.read(r));
      }
      Casework cw = Today.casework(Path.of("."));
      FactsMerge.Result merged = cw.mergeFacts(text, intake.toString(), rs);
      PrintWriter err = spec.commandLine().getErr();
      for (FactsMerge.Conflict c : merged.conflicts()) {
        err.println(
            Msg.get(
                "facts",
                "merge.conflict",
                Msg.zh() ? FactsCaseCommands.key(c.key()) : c.key(),
                Console.inert(FactsCaseCommands.value(c.intake())),
                FactsCaseCommands.value(c.reports()),
                FactsCaseCommands.value(c.kept())));
      }
      if (out == null) {
        spec.commandLine().getOut().print(merged.json());
        spec.commandLine().getOut().flush();
      } else {
        if (Files.isDirectory(out)) {
          throw new ExitCodes.UsageException(
              Msg.get("facts", "out.folder", Console.inert(out.toString())));
        }
        // Like `dossier --out`, a missing folder is made (the file is written whole or not at all).
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".facts", ".tmp");
        try {
          Files.writeString(tmp, merged.json(), StandardCharsets.UTF_8);
          Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
        spec.commandLine()
            .getOut()
            .println(Msg.get("facts", "written", Console.inert(out.toString())));
      }
      return ExitCodes.OK;
    }
  }
}
