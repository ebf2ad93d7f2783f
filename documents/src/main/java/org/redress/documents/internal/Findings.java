package org.redress.documents.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.documents.InputException;
import org.redress.law.ActionPlan;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.InvalidAssessmentException;
import org.redress.law.Text;
import org.redress.lawcn.ChineseLaw;

/**
 * The assessment ({@code redress/findings@1}, written by {@code redress assess --json}) as
 * documents use it, read by the legal engine's own codec ({@link Assessment#parse}), so a file is
 * accepted or refused here exactly as everywhere else. Documents follow its {@link ActionPlan}: a
 * file written without a plan gets the plan the engine builds from its findings.
 */
public final class Findings {
  /** One finding as documents show it. */
  public record Finding(
      String provision,
      String route,
      String status,
      Optional<String> tier,
      List<String> basis,
      Optional<Bilingual> penalty,
      List<String> missing,
      Optional<String> deadlineKind,
      Optional<LocalDate> deadline,
      Optional<Bilingual> authority,
      Optional<Bilingual> explanation) {

    /** Whether the finding supports action: it applies or possibly applies. */
    public boolean actionable() {
      return status.equals("applies") || status.equals("possible");
    }
  }

  private final Path file;
  private final Assessment assessment;
  private final ActionPlan plan;

  private Findings(Path file, Assessment assessment, ActionPlan plan) {
    this.file = file;
    this.assessment = assessment;
    this.plan = plan;
  }

  /**
   * Reads an assessment file through the law codec.
   *
   * @param facts the case's facts, for building the plan when the file has none
   * @throws InputException naming the file and what the codec refused
   */
  public static Findings read(Path file, CaseFacts facts) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "no such file");
    } catch (MalformedInputException e) {
      throw new InputException(file, "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new InputException(file, "failed to read: " + e.getMessage(), e);
    }
    Assessment a;
    try {
      a = Assessment.parse(text);
    } catch (InvalidAssessmentException e) {
      throw new InputException(file, e.getMessage(), e);
    }
    ActionPlan plan =
        a.plan() != null
            ? a.plan()
            : ActionPlan.build(facts, a.findings(), ChineseLaw.jurisdiction().book());
    return new Findings(file, a, plan);
  }

  /** The file the findings came from. */
  public Path file() {
    return file;
  }

  /** The date the findings were computed for. */
  public Optional<LocalDate> asOf() {
    return Optional.of(assessment.findings().asOf());
  }

  /** The action plan the documents follow. */
  public ActionPlan plan() {
    return plan;
  }

  /** Every finding in file order. */
  public List<Finding> all() {
    return assessment.findings().findings().stream().map(Findings::view).toList();
  }

  /** The applicable or possibly applicable findings of the given routes, in file order. */
  public List<Finding> actionable(String... routes) {
    Set<String> r = Set.of(routes);
    return all().stream().filter(f -> r.contains(f.route()) && f.actionable()).toList();
  }

  private static Finding view(org.redress.law.Finding f) {
    org.redress.law.Finding.Deadline d = f.deadline();
    return new Finding(
        f.provision(),
        f.route(),
        f.status(),
        Optional.ofNullable(f.tier()),
        f.basis(),
        Optional.ofNullable(f.penalty()).map(Findings::bilingual),
        f.missing(),
        Optional.ofNullable(d).map(org.redress.law.Finding.Deadline::kind),
        Optional.ofNullable(d).map(org.redress.law.Finding.Deadline::date),
        Optional.of(bilingual(f.authority())),
        Optional.of(bilingual(f.explanation())));
  }

  static Bilingual bilingual(Text t) {
    return new Bilingual(t.zh(), t.en());
  }
}
