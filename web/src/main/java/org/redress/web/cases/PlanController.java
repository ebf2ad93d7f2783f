package org.redress.web.cases;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.InvalidFactsException;
import org.redress.law.Jurisdiction;
import org.redress.lawcn.ChineseLaw;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.scan.ScanJob;

/**
 * The assessment as an action plan: what to do today, then next; deadlines soonest first with the
 * days left; each action with the provisions behind it; the questions that would settle what is
 * still open. The facts are the case's stored facts (latest version, opened with the case key) when
 * there are some, else the facts the latest finished scan proved (counts, dates, chats: nothing
 * personal).
 */
public final class PlanController {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private final Web web;

  /** The controller over the app's shared parts. */
  public PlanController(Web web) {
    this.web = web;
  }

  /** {@code GET /cases/{id}/plan}. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    Jurisdiction law = ChineseLaw.jurisdiction();
    Optional<Facts> facts = facts(c);
    if (facts.isEmpty()) {
      web.render(
          ctx, "cases/plan.jte", "c", c, "a", null, "law", law, "source", "", "problem", null);
      return;
    }
    LocalDate today = LocalDate.now(web.clock().withZone(BEIJING));
    try {
      // h-papers: the takedown tracker's notice dates reach the Art 1197 finding.
      CaseFacts f = law.parseFacts(web.cases().withTracker(c.id(), facts.get().text(), today));
      Assessment a = law.assess(f, today);
      web.render(
          ctx,
          "cases/plan.jte",
          "c",
          c,
          "a",
          a,
          "law",
          law,
          "source",
          facts.get().source(),
          "problem",
          null);
    } catch (InvalidFactsException e) {
      web.render(
          ctx,
          "cases/plan.jte",
          "c",
          c,
          "a",
          null,
          "law",
          law,
          "source",
          facts.get().source(),
          "problem",
          e.getMessage());
    }
  }

  private record Facts(String text, String source) {}

  private List<SpreadReport> finishedReports(String caseId) {
    List<SpreadReport> out = new ArrayList<>();
    for (ScanJob j : web.scans().list(caseId)) {
      if (j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL) {
        web.scans().report(caseId, j.id()).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<Facts> facts(Cases.CaseInfo c) {
    try {
      if (!web.cases().history(c.id(), Cases.FACTS).isEmpty()) {
        try (EvidenceStore locker = web.locker()) {
          Optional<String> t = web.cases().factsText(c.id(), locker);
          if (t.isPresent()) {
            List<SpreadReport> reports = finishedReports(c.id());
            if (reports.isEmpty()) {
              return Optional.of(new Facts(t.get(), "facts"));
            }
            // Her stored facts with what every finished scan proved (the facts merge rule).
            return Optional.of(
                new Facts(
                    web.casework().mergeFacts(t.get(), "facts of case " + c.id(), reports).json(),
                    "facts"));
          }
        }
      }
    } catch (CaseworkException e) {
      throw WebException.notFound(c.id());
    } catch (EvidenceException e) {
      throw new WebException(500, "error.locker", e.getMessage());
    }
    // h-web: her interview answers with what the scans proved.
    org.redress.casework.InterviewAnswers answers = web.drafts().load(c.id());
    if (answers.size() > 0) {
      String proved = org.redress.web.interview.InterviewController.proved(web, c.id());
      return Optional.of(
          new Facts(
              org.redress.casework.Interview.standard()
                  .factsJson(answers, proved, LocalDate.now(web.clock().withZone(BEIJING))),
              "interview"));
    }
    for (ScanJob j : web.scans().list(c.id())) {
      if (j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL) {
        Optional<SpreadReport> r = web.scans().report(c.id(), j.id());
        if (r.isPresent()) {
          return Optional.of(new Facts(ReportJson.factsText(r.get().facts()), "scan"));
        }
      }
    }
    return Optional.empty();
  }
}
