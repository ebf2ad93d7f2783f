package org.redress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.cases.TakedownStore;
import org.redress.casework.Takedowns;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress takedown ...}: the takedown tracker of a case (notices, answers, days). */
@Command(
    name = "takedown",
    description = "Record takedown notices and platforms' answers in a case, and list them.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TakedownCommand.Notice.class,
      TakedownCommand.Answer.class,
      TakedownCommand.ListTracker.class
    })
public final class TakedownCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing takedown subcommand");
  }

  static String m(String key, Object... args) {
    return Msg.get("takedown", key, args);
  }

  static LocalDate date(String option, String value) {
    if (value == null) {
      return Today.date();
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ExitCodes.UsageException(m("date.bad", option, value));
    }
  }

  @Command(
      name = "notice",
      description = "Record a notice sent to a platform (Civil Code Art 1195).",
      mixinStandardHelpOptions = true)
  static final class Notice implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    String caseId;

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(names = "--sent", paramLabel = "YYYY-MM-DD", description = "Day sent (default today).")
    String sent;

    @Option(names = "--ref", paramLabel = "URL|REF", description = "A URL or message reference.")
    List<String> refs = new ArrayList<>();

    @Option(names = "--hash", paramLabel = "HEX", description = "A hash the notice names.")
    List<String> hashes = new ArrayList<>();

    @Option(names = "--document", paramLabel = "FILE", description = "The notice sent.")
    Path document;

    @Override
    public Integer call() {
      TakedownStore.NewNotice n;
      try {
        n =
            new TakedownStore.NewNotice(
                caseId,
                platform,
                date("--sent", sent),
                refs,
                hashes,
                document == null ? null : document.toString());
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? m("notice.bad") : e.getMessage());
      }
      TakedownStore.Notice saved =
          new Takedowns(Workspaces.open(workspace).takedowns()).recordNotice(n);
      spec.commandLine()
          .getOut()
          .println(m("notice.done", saved.id(), caseId, Console.inert(platform), n.sentOn()));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "answer",
      description = "Record a platform's answer, with its screenshot sealed as evidence.",
      mixinStandardHelpOptions = true)
  static final class Answer implements Callable<Integer> {
    @Mixin EvidenceOptions evidence;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    String caseId;

    @Option(names = "--platform", required = true, paramLabel = "NAME")
    String platform;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "blocked, not-blocked, pending-review, acknowledged or refused.")
    String kind;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Day (default today).")
    String date;

    @Option(names = "--detail", paramLabel = "TEXT", description = "Reference or wording.")
    String detail;

    @Option(names = "--screenshot", paramLabel = "FILE", description = "Sealed in the case.")
    Path screenshot;

    @Override
    public Integer call() throws EvidenceException {
      TakedownStore.AnswerKind k;
      try {
        k = TakedownStore.AnswerKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(m("kind.bad", kind));
      }
      TakedownStore.NewAnswer a;
      try {
        a =
            new TakedownStore.NewAnswer(
                caseId,
                platform,
                date("--date", date),
                k,
                TakedownStore.Source.HAND,
                null,
                detail,
                null);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? m("answer.bad") : e.getMessage());
      }
      Takedowns t = new Takedowns(Workspaces.open(evidence.workspace).takedowns());
      TakedownStore.Answer saved;
      if (screenshot != null) {
        try (EvidenceStore store = evidence.open()) {
          saved = t.recordAnswer(a, screenshot, store);
        }
      } else {
        saved = t.recordAnswer(a, null, null);
      }
      spec.commandLine()
          .getOut()
          .println(
              m(
                  saved.answer().evidenceRef() == null ? "answer.done" : "answer.done.evidence",
                  saved.id(),
                  caseId,
                  Console.inert(platform),
                  m("kind." + k.name().toLowerCase(Locale.ROOT)),
                  a.answeredOn(),
                  saved.answer().evidenceRef()));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      description = {
        "The tracker of a case, one line per platform: first notice, days since, first block.",
        "\"escalate\" marks a platform that has not blocked within --escalate-after days of the"
            + " first notice: a policy, not a legal deadline (Art 1195 says only 及时, in time)."
      },
      mixinStandardHelpOptions = true)
  static final class ListTracker implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE")
    String caseId;

    @Option(
        names = "--escalate-after",
        paramLabel = "DAYS",
        description = "Days without a block before escalation (default: ${DEFAULT-VALUE}).")
    int days = Takedowns.DEFAULT_ESCALATE_AFTER_DAYS;

    @Option(names = "--json", description = "One JSON document.")
    boolean json;

    @Override
    public Integer call() {
      if (days < 0) {
        throw new ExitCodes.UsageException(m("escalate.bad", days));
      }
      List<Takedowns.PlatformTrack> tracks =
          new Takedowns(Workspaces.open(workspace).takedowns()).tracker(caseId, Today.date(), days);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (Takedowns.PlatformTrack t : tracks) {
          ObjectNode o = arr.addObject();
          o.put("platform", t.platform());
          o.put("first_notice", t.firstNotice() == null ? null : t.firstNotice().toString());
          o.put("days_since_notice", t.daysSinceNotice());
          o.put("blocked_on", t.blockedOn() == null ? null : t.blockedOn().toString());
          o.put("escalate", t.escalate());
          o.put("notices", t.notices().size());
          o.put("answers", t.answers().size());
        }
        out.println(arr.toString());
        return ExitCodes.OK;
      }
      for (Takedowns.PlatformTrack t : tracks) {
        out.println(
            m(
                "list.line",
                Console.inert(t.platform()),
                t.firstNotice() == null ? "-" : t.firstNotice(),
                t.daysSinceNotice() < 0 ? "-" : Long.toString(t.daysSinceNotice()),
                t.blockedOn() == null ? "-" : t.blockedOn(),
                t.answers().size(),
                t.escalate() ? m("escalate") : ""));
      }
      return ExitCodes.OK;
    }
  }
}
