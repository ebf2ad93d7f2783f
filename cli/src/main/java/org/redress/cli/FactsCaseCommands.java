package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress facts set|show|history|parties}: a case's facts and parties, stored sealed with
 * the case key (the evidence locker's key options open it), every version kept.
 */
final class FactsCaseCommands {
  static String m(String key, Object... args) {
    return Msg.get("facts", key, args);
  }

  /** A facts file the store refused: its message in English; in Chinese, the file named. */
  static RuntimeException invalid(CaseworkException e, Path file) {
    if (e instanceof CaseworkException.UnknownCase u) {
      return new ExitCodes.UsageException(ExitCodes.message(u));
    }
    return new ExitCodes.DataException(Msg.zh() ? m("invalid", file) : e.getMessage(), e);
  }

  /** A facts key of a merge note, in Chinese words where the bundle has them. */
  static String key(String key) {
    String k = "key." + key;
    return Msg.has("facts", k) ? m(k) : m("key.other");
  }

  /** A value of a merge note: true and false in the interface language. */
  static String value(String v) {
    if (!Msg.zh() || v == null) {
      return v;
    }
    return switch (v) {
      case "true" -> m("value.true");
      case "false" -> m("value.false");
      default -> v;
    };
  }

  private FactsCaseCommands() {}

  /** Stores a text as a case's next version of one record (facts or parties). */
  @FunctionalInterface
  interface Put {
    Cases.RecordVersion put(
        Cases cases, String name, String text, String source, EvidenceStore locker)
        throws CaseworkException, EvidenceException;
  }

  /**
   * Stores a file as the next version of one of the case's sealed records: what {@code set} and
   * {@code parties} share, but for the record, the file's description and the line that says so.
   */
  abstract static class StoreRecord implements Callable<Integer> {
    private final String doneKey;
    private final Put put;

    @Mixin EvidenceOptions evidence;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The case.")
    String name;

    Path file;

    StoreRecord(String doneKey, Put put) {
      this.doneKey = doneKey;
      this.put = put;
    }

    @Override
    public Integer call() throws IOException, CaseworkException, EvidenceException {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Cases cases = CaseCommand.cases(evidence.workspace);
      cases.require(name);
      Cases.RecordVersion v;
      try (EvidenceStore locker = evidence.open()) {
        v = put.put(cases, name, text, file.getFileName().toString(), locker);
      } catch (CaseworkException e) {
        throw invalid(e, file);
      }
      spec.commandLine().getOut().println(m(doneKey, name, v.version()));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** Stores a facts file as the case's next facts version. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Store FILE (redress/case-facts@1, YAML or JSON; read strictly, as assess and doc read"
            + " it) as the next version of the case's facts, sealed with the case key.",
        "Exit status: 0 stored, 1 not valid facts (nothing stored), 2 usage or unknown case."
      })
  static final class Set extends StoreRecord {
    Set() {
      super("set.done", Cases::putFacts);
    }

    @Parameters(index = "1", paramLabel = "FILE", description = "The facts file.")
    void file(Path f) {
      file = f;
    }
  }

  /** Stores a parties file as the case's next parties version. */
  @Command(
      name = "parties",
      mixinStandardHelpOptions = true,
      description = {
        "Store FILE (redress/parties@1: names, ID numbers, addresses) as the next version of the"
            + " case's parties, sealed with the case key. Nothing of it is printed.",
        "Exit status: 0 stored, 1 not a YAML or JSON mapping, 2 usage or unknown case."
      })
  static final class Parties extends StoreRecord {
    Parties() {
      super("parties.done", Cases::putParties);
    }

    @Parameters(index = "1", paramLabel = "FILE", description = "The parties file.")
    void file(Path f) {
      file = f;
    }
  }

  /** Prints the case's facts (latest, or a version). */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the case's facts as stored (the latest version, or --version N).")
  static final class Show implements Callable<Integer> {
    @Mixin EvidenceOptions evidence;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The case.")
    String name;

    @Option(names = "--version", paramLabel = "N", description = "An earlier version.")
    Integer version;

    @Override
    public Integer call() throws CaseworkException, EvidenceException {
      Cases cases = CaseCommand.cases(evidence.workspace);
      cases.require(name);
      String text;
      try (EvidenceStore locker = evidence.open()) {
        if (version != null) {
          text = cases.version(name, Cases.FACTS, version, locker);
        } else {
          Optional<String> t = cases.factsText(name, locker);
          if (t.isEmpty()) {
            throw new ExitCodes.DataException(m("none", name));
          }
          text = t.get();
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Lists every facts version: number, time, author, source. */
  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "List every version of the case's facts: when, by whom, from what.")
  static final class History implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The case.")
    String name;

    @Override
    public Integer call() throws CaseworkException {
      PrintWriter out = spec.commandLine().getOut();
      for (Cases.RecordVersion v : CaseCommand.cases(workspace).history(name, Cases.FACTS)) {
        out.println(
            m(
                "history.line",
                v.version(),
                CaseCommand.time(v.at()),
                Console.inert(v.author()),
                Console.inert(v.note())));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
