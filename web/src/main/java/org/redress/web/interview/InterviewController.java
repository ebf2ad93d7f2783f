package org.redress.web.interview;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.casework.Interview;
import org.redress.casework.InterviewAnswers;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.cases.CasesController;
import org.redress.web.scan.ScanJob;

/**
 * {@code /cases/{id}/interview}: one question a screen, the one the current assessment needs most;
 * {@code ?path=FACT} opens the question for one fact (the documents page and the review link
 * there); {@code /review} lists every answer. Each answer is saved at once.
 */
public final class InterviewController {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private final Web web;
  private final InterviewDrafts drafts;
  private final Interview interview;

  /** The controller over the app's shared parts and where drafts are kept. */
  public InterviewController(Web web, InterviewDrafts drafts) {
    this.web = web;
    this.drafts = drafts;
    this.interview = Interview.standard();
  }

  /** The interview's questions. */
  public Interview interview() {
    return interview;
  }

  /** {@code GET /cases/{id}/interview}: the next question, the one asked for, or the review. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    InterviewAnswers answers = drafts.load(c.id());
    String proved = proved(web, c.id());
    String path = ctx.queryParam("path");
    if (path != null) {
      Interview.Question q =
          interview.question(path).orElseThrow(() -> WebException.notFound("question " + path));
      if (Interview.provedKeys(proved).contains(q.fact())) {
        review(ctx, c, answers, proved, null);
        return;
      }
      question(ctx, c, q, answers, null, 0);
      return;
    }
    Interview.Next next = interview.next(answers, proved, today());
    if (next.question().isEmpty()) {
      review(ctx, c, answers, proved, next);
      return;
    }
    question(ctx, c, next.question().get(), answers, null, next.score());
  }

  /** {@code GET /cases/{id}/interview/review}: every answer, each with a link to change it. */
  public void showReview(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    InterviewAnswers answers = drafts.load(c.id());
    String proved = proved(web, c.id());
    review(ctx, c, answers, proved, interview.next(answers, proved, today()));
  }

  /**
   * {@code POST /cases/{id}/interview}: {@code fact}, {@code action} ({@code answer}, {@code
   * unknown} or {@code skip}) and {@code value}; saves and goes on to the next question.
   */
  public void answer(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    String fact = ctx.formParam("fact");
    Interview.Question q =
        interview
            .question(fact == null ? "" : fact)
            .orElseThrow(() -> WebException.badInput("interview.error.question", fact));
    String action = ctx.formParam("action");
    InterviewAnswers answers = drafts.load(c.id());
    String proved = proved(web, c.id());
    InterviewAnswers.Answer a;
    String by = web.who(ctx);
    if ("unknown".equals(action)) {
      a =
          new InterviewAnswers.Answer(
              InterviewAnswers.State.UNKNOWN, "", web.clock().instant(), by);
    } else if ("skip".equals(action)) {
      a =
          new InterviewAnswers.Answer(
              InterviewAnswers.State.SKIPPED, "", web.clock().instant(), by);
    } else if ("answer".equals(action)) {
      String value;
      try {
        value = Interview.checkValue(q, ctx.formParam("value"));
      } catch (CaseworkException e) {
        ctx.status(HttpStatus.BAD_REQUEST);
        question(ctx, c, q, answers, "interview.error.value." + q.kind().key(), 0);
        return;
      }
      a =
          new InterviewAnswers.Answer(
              InterviewAnswers.State.GIVEN, value, web.clock().instant(), by);
    } else {
      throw WebException.badInput("interview.error.action", action);
    }
    InterviewAnswers before = answers;
    try {
      answers = interview.answer(answers, q, a, proved, today());
      keepFacts(c.id(), q, answers, proved, by);
    } catch (CaseworkException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      question(ctx, c, q, before, "interview.error.contradiction", 0);
      return;
    }
    drafts.save(c.id(), answers);
    ctx.redirect("/cases/" + c.id() + "/interview", HttpStatus.SEE_OTHER);
  }

  /** The author a facts version names for the launch token's session (a local workspace). */
  static final String LOCAL_AUTHOR = "本地用户";

  /**
   * Writes what the answer changes into a new version of the case's sealed facts (or parties),
   * provenance "interview", authored by the signed-in account or {@link #LOCAL_AUTHOR}.
   */
  private void keepFacts(
      String caseId, Interview.Question q, InterviewAnswers answers, String proved, String by)
      throws CaseworkException {
    String author = "local".equals(by) ? LOCAL_AUTHOR : by;
    try (EvidenceStore locker = web.locker()) {
      web.cases().keepAnswer(caseId, interview, q, answers, proved, today(), author, locker);
    } catch (EvidenceException e) {
      throw new WebException(500, "error.locker", e.getMessage());
    }
  }

  private void question(
      Context ctx,
      Cases.CaseInfo c,
      Interview.Question q,
      InterviewAnswers answers,
      String error,
      int score) {
    Optional<InterviewAnswers.Answer> had = answers.get(q.fact());
    String value = had.map(InterviewAnswers.Answer::value).orElse("");
    String back = previous(answers, q.fact());
    web.render(
        ctx,
        "interview/question.jte",
        "c",
        c,
        "q",
        q,
        "value",
        value,
        "answered",
        answers.size(),
        "back",
        back,
        "error",
        error,
        "score",
        score);
  }

  private void review(
      Context ctx, Cases.CaseInfo c, InterviewAnswers answers, String proved, Interview.Next next) {
    List<Row> rows = new ArrayList<>();
    for (var e : answers.all().entrySet()) {
      interview
          .question(e.getKey())
          .ifPresent(q -> rows.add(new Row(q, e.getValue().state().key(), e.getValue().value())));
    }
    List<String> provedKeys = new ArrayList<>(Interview.provedKeys(proved));
    boolean more = next != null && next.question().isPresent();
    boolean assessed = next != null && next.assessment() != null;
    web.render(
        ctx,
        "interview/review.jte",
        "c",
        c,
        "rows",
        rows,
        "proved",
        provedKeys,
        "more",
        more,
        "assessed",
        assessed);
  }

  /** One answer on the review screen. */
  public record Row(Interview.Question q, String state, String value) {}

  /** The answer given just before {@code fact}'s (or the last one), for the back link. */
  private static String previous(InterviewAnswers answers, String fact) {
    String prev = null;
    for (String k : answers.all().keySet()) {
      if (k.equals(fact)) {
        return prev;
      }
      prev = k;
    }
    return prev;
  }

  private LocalDate today() {
    return LocalDate.now(web.clock().withZone(BEIJING));
  }

  /** The facts the latest finished scan of the case proved (JSON), or empty. */
  public static String proved(Web web, String caseId) {
    for (ScanJob j : web.scans().list(caseId)) {
      if (j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL) {
        Optional<org.redress.report.SpreadReport> r = web.scans().report(caseId, j.id());
        if (r.isPresent()) {
          return org.redress.report.ReportJson.factsText(r.get().facts());
        }
      }
    }
    return "";
  }
}
