package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.documents.internal.Citations;
import org.redress.law.ActionPlan;
import org.redress.law.Assessment;
import org.redress.law.Jurisdiction;
import org.redress.lawcn.ChineseLaw;

/**
 * The documents follow the law engine's action plan (issue 13 point 1): which papers a case gets
 * and in what order, and which provisions the police report and the civil complaint cite and in
 * what order, are the plan's. Each facts file is assessed by the engine, its assessment written as
 * {@code redress assess --json} writes it, and the documents drafted from that file.
 */
class PlanFollowTest {
  private static final Jurisdiction CN = ChineseLaw.jurisdiction();
  @TempDir Path dir;

  static Stream<Arguments> cases() throws IOException {
    String sample = Files.readString(SampleCase.file("facts.yaml"), StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("sample: hidden camera in a rented room", sample),
        Arguments.of(
            "spread widely and to her family, insulting captions",
            sample.replace(
                "sent_to_family_or_acquaintances: false",
                "sent_to_family_or_acquaintances: true\n  widely_spread: true")),
        Arguments.of("a girl of 13 filmed", sample.replace("youngest_age: 24", "youngest_age: 13")),
        Arguments.of(
            "spread only, not filmed by him, nothing still online",
            sample
                .replace("covert_filming: true", "covert_filming: false")
                .replace("disguised_device: true", "disguised_device: false")
                .replace("installed_device: true", "installed_device: false")
                .replace("still_online: true", "still_online: false")));
  }

  private CaseInputs inputs(String facts) throws IOException {
    Path f = Files.writeString(dir.resolve("facts.yaml"), facts, StandardCharsets.UTF_8);
    Assessment a = CN.assess(CN.parseFacts(facts), LocalDate.of(2026, 11, 24));
    Path fi = Files.writeString(dir.resolve("findings.json"), a.toJson(), StandardCharsets.UTF_8);
    return CaseInputs.files(f)
        .findings(fi)
        .report(SampleCase.file("spread-report.json"))
        .parties(SampleCase.file("parties.yaml"))
        .read();
  }

  private static ActionPlan plan(String facts) {
    return CN.assess(CN.parseFacts(facts), LocalDate.of(2026, 11, 24)).plan();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void offered_papersAndTheirOrder_areThePlansActions(String name, String facts)
      throws IOException {
    ActionPlan plan = plan(facts);
    List<DocumentKind> expected = new ArrayList<>(List.of(DocumentKind.ASSESSMENT));
    for (ActionPlan.Action a : plan.actions()) {
      switch (a.kind()) {
        case PRESERVE_EVIDENCE -> expected.add(DocumentKind.EVIDENCE_LIST);
        case REPORT_TO_POLICE -> expected.add(DocumentKind.POLICE_REPORT);
        case TAKEDOWN ->
            expected.addAll(
                List.of(
                    DocumentKind.TAKEDOWN_NOTICE_AGENT,
                    DocumentKind.TAKEDOWN_NOTICE,
                    DocumentKind.TAKEDOWN_NOTICE_FOREIGN,
                    DocumentKind.REPORT_12377));
        case CIVIL_SUIT -> expected.add(DocumentKind.CIVIL_COMPLAINT);
        case PRIVATE_PROSECUTION -> expected.add(DocumentKind.PRIVATE_PROSECUTION);
        case PROTECTION_ORDER -> {}
      }
    }
    assertThat(Documents.offered(inputs(facts))).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void policeReport_citesThePlansPoliceGroundsInThePlansOrder(String name, String facts)
      throws IOException {
    ActionPlan plan = plan(facts);
    CaseInputs in = inputs(facts);
    List<String> expected = new ArrayList<>();
    plan.action(ActionPlan.Kind.REPORT_TO_POLICE)
        .ifPresent(
            a ->
                a.grounds().stream()
                    .filter(g -> g.status() == a.status())
                    .filter(g -> g.status() != ActionPlan.Status.TIME_BARRED)
                    .limit(3)
                    .forEach(g -> expected.add(g.provision())));
    assertThat(Documents.citedProvisions(DocumentKind.POLICE_REPORT, in))
        .containsExactlyElementsOf(expected);
    for (Lang lang : Lang.values()) {
      String md = SampleCase.documents().markup(DocumentKind.POLICE_REPORT, lang, in);
      String section = between(md, lang == Lang.ZH ? "## 三、" : "## 3.", "## ");
      assertThat(numberedCitations(section, lang))
          .containsExactlyElementsOf(citations(expected, lang));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void civilComplaint_basisIsThePlansCivilGroundsInThePlansOrder(String name, String facts)
      throws IOException {
    ActionPlan plan = plan(facts);
    CaseInputs in = inputs(facts);
    List<String> expected = new ArrayList<>();
    plan.action(ActionPlan.Kind.CIVIL_SUIT)
        .ifPresent(
            a ->
                a.grounds().stream()
                    .filter(g -> g.status() != ActionPlan.Status.TIME_BARRED)
                    .forEach(g -> expected.add(g.provision())));
    assertThat(Documents.citedProvisions(DocumentKind.CIVIL_COMPLAINT, in))
        .containsExactlyElementsOf(expected);
    String md = SampleCase.documents().markup(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, in);
    List<String> cites = citations(expected, Lang.ZH);
    String list =
        cites.size() == 1
            ? cites.get(0)
            : String.join("、", cites.subList(0, cites.size() - 1))
                + "和"
                + cites.get(cites.size() - 1);
    assertThat(md).contains("综上，依照" + list + "等规定，");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assessment_actionsAndDeadlinesFollowThePlansOrder(String name, String facts)
      throws IOException {
    ActionPlan plan = plan(facts);
    CaseInputs in = inputs(facts);
    String md = SampleCase.documents().markup(DocumentKind.ASSESSMENT, Lang.ZH, in);
    String actions = between(md, "## 二、要做的事（按先后顺序）", "## 三、");
    List<String> titles = new ArrayList<>();
    for (String line : actions.split("\n")) {
      if (line.matches("^### \\d+\\. .*")) {
        titles.add(line.replaceFirst("^### \\d+\\. ", "").strip());
      }
    }
    assertThat(titles)
        .containsExactlyElementsOf(plan.actions().stream().map(a -> a.title().zh()).toList());
    for (ActionPlan.Action a : plan.actions()) {
      if (a.by() != null) {
        assertThat(actions).contains("还剩" + a.daysLeft() + "天");
      }
    }
    String deadlines = between(md, "## 三、期限（最近的在前）", "## 四、");
    int at = -1;
    for (ActionPlan.DeadlineRow d : plan.deadlines()) {
      String row = "| " + new org.redress.documents.internal.Words(Lang.ZH).date(d.date());
      int next = deadlines.indexOf(row, at + 1);
      assertThat(next).as("deadline %s after the one before", d.date()).isGreaterThan(at);
      at = next;
      if (d.state().equals("open")) {
        assertThat(deadlines.substring(next)).contains("| " + d.daysLeft() + " |");
      }
    }
  }

  private static List<String> citations(List<String> ids, Lang lang) {
    return ids.stream().map(id -> Citations.of(id).orElseThrow().get(lang)).toList();
  }

  /** The citations of the numbered lines {@code . 1. CITE} of a section, in order. */
  private static List<String> numberedCitations(String section, Lang lang) {
    List<String> out = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (line.matches("^\\. \\d+\\. .*")) {
        out.add(line.replaceFirst("^\\. \\d+\\. ", "").strip());
      }
    }
    return out;
  }

  private static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    assertThat(a).as("section %s", from).isNotNegative();
    int b = text.indexOf(to, a + from.length());
    return text.substring(a, b < 0 ? text.length() : b);
  }
}
