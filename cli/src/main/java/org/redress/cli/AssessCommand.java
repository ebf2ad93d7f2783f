package org.redress.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.FactsText;
import org.redress.law.InvalidFactsException;
import org.redress.law.Jurisdiction;
import org.redress.lawcn.ChineseLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress assess FACTS [--as-of DATE] [--json] [--lang zh|en]}: applies Chinese law to case
 * facts and prints the findings as JSON or as a plan.
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess case facts (redress/case-facts@1, YAML or JSON) under Chinese law.",
      "Legal information, not legal advice."
    })
public final class AssessCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FACTS",
      description = "Case facts file (.yaml or .json); with --case, the case's stored facts.")
  Path factsFile;

  @Option(
      names = "--case",
      paramLabel = "NAME",
      description =
          "Assess the case's stored facts when no FACTS file is given, and keep the"
              + " assessment in the case.")
  String caseName;

  /** Workspace and the key options that open a case's sealed facts. */
  @picocli.CommandLine.Mixin EvidenceOptions evidence;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Assessment date (YYYY-MM-DD). Default: the facts' as_of, else today.")
  String asOf;

  @Option(names = "--json", description = "Print redress/findings@1 JSON.")
  boolean json;

  @Option(
      names = "--jurisdiction",
      paramLabel = "cn",
      defaultValue = "cn",
      description =
          "Legal system to assess under (today only cn, China: its law, facts "
              + "vocabulary and citations).")
  String jurisdiction;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      defaultValue = "zh",
      description = "Language of the plan (default: ${DEFAULT-VALUE}).")
  String lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String language = lang.toLowerCase(Locale.ROOT);
    if (!language.equals("zh") && !language.equals("en")) {
      throw new ExitCodes.UsageException(LawCommand.m("lang.bad", lang));
    }
    LocalDate flagDate = null;
    if (asOf != null) {
      try {
        flagDate = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new ExitCodes.UsageException(LawCommand.m("date.bad", "--as-of", asOf));
      }
    }
    if (factsFile == null && caseName == null) {
      throw new ExitCodes.UsageException(LawCommand.m("assess.what"));
    }
    String text;
    String source;
    if (factsFile != null) {
      source = factsFile.toString();
      try {
        text = FactsText.read(factsFile);
      } catch (IOException e) {
        if (Msg.zh()) {
          throw new ExitCodes.DataException(ExitCodes.message(e), e);
        }
        throw new UncheckedIOException("failed to read " + factsFile, e);
      }
    } else {
      source = "facts of case " + caseName;
      text = StoredFacts.read(evidence, caseName);
    }
    if (!jurisdiction.equals("cn")) {
      throw new ExitCodes.UsageException(LawCommand.m("jurisdiction.bad", jurisdiction));
    }
    Jurisdiction law = ChineseLaw.jurisdiction();
    Assessment assessment;
    try {
      CaseFacts facts = law.parseFacts(text);
      LocalDate date = flagDate != null ? flagDate : facts.asOf().orElseGet(Today::date);
      assessment = law.assess(facts, date);
    } catch (InvalidFactsException e) {
      // Bad input data: exit 1, the same message every command gives for this file.
      throw new InvalidFactsException(e.field(), source + ": " + e.getMessage());
    }
    if (caseName != null) {
      try {
        Path kept =
            Today.casework(evidence.workspace.dir()).cases().keepAssessment(caseName, assessment);
        spec.commandLine().getErr().println(LawCommand.m("kept", caseName, kept.getFileName()));
      } catch (org.redress.casework.CaseworkException | IOException e) {
        throw new ExitCodes.DataException(ExitCodes.message(e), e);
      }
    }
    if (json) {
      spec.commandLine().getOut().println(assessment.toJson());
    } else {
      spec.commandLine().getOut().print(AssessPlan.render(assessment, law.book(), language));
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
