package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.law.CaseFacts;
import org.redress.lawcn.ChineseLaw;

class InterviewTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
  private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");
  private static final String PROVED =
      "{\"conduct\":{\"first_act\":\"2026-09-01\",\"last_act\":\"2026-11-20\"},"
          + "\"distribution\":{\"shared\":true,\"online\":true,"
          + "\"counts\":{\"images\":12,\"videos\":2}}}";

  private final Interview interview = Interview.standard();

  private static InterviewAnswers.Answer given(String v) {
    return new InterviewAnswers.Answer(InterviewAnswers.State.GIVEN, v, AT, "local");
  }

  private static InterviewAnswers.Answer unknown() {
    return new InterviewAnswers.Answer(InterviewAnswers.State.UNKNOWN, "", AT, "local");
  }

  @Test
  void standard_everyLawQuestionFact_hasAQuestion() {
    for (String fact : ChineseLaw.book().factsSchema().paths()) {
      if (ChineseLaw.book().question(fact).isPresent()) {
        assertThat(interview.question(fact)).as(fact).isPresent();
      }
    }
  }

  @Test
  void next_withoutAnyDate_asksTheSeedDateFirst() {
    Interview.Next n = interview.next(InterviewAnswers.empty(), "", TODAY);
    assertThat(n.assessment()).isNull();
    assertThat(n.question().orElseThrow().fact()).isEqualTo("conduct.first_act");
  }

  @Test
  void next_neverAsksWhatTheScanProved_andAsksWhatMissingListsNeedMost() {
    InterviewAnswers a = InterviewAnswers.empty();
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Interview.Next n = interview.next(a, PROVED, TODAY);
      if (n.question().isEmpty()) {
        break;
      }
      Interview.Question q = n.question().get();
      assertThat(asked.add(q.fact())).as("asked twice: " + q.fact()).isTrue();
      assertThat(Interview.provedKeys(PROVED)).doesNotContain(q.fact());
      if (!q.party() && !q.seed()) {
        assertThat(n.score()).as(q.fact()).isPositive();
        assertThat(n.provisions()).isNotEmpty();
      }
      a = a.with(q.fact(), unknown());
    }
    assertThat(asked)
        .doesNotContain(
            "conduct.first_act",
            "conduct.last_act",
            "distribution.shared",
            "distribution.counts.images");
    assertThat(asked).isNotEmpty();
  }

  @Test
  void next_afterSeeds_isTheOpenFactMostMissingListsName_firstInFileOrderOnTies() {
    InterviewAnswers a = InterviewAnswers.empty().with("acts.covert_filming", given("true"));
    for (int round = 0; round < 5; round++) {
      Interview.Next n = interview.next(a, PROVED, TODAY);
      Interview.Question chosen = n.question().orElseThrow();
      // Oracle: count, for every open question, the findings whose missing list names its fact.
      java.util.Map<String, Integer> count = new java.util.HashMap<>();
      for (org.redress.law.Finding f : n.assessment().findings().findings()) {
        if (f.status().equals("possible")) {
          f.missing().forEach(m -> count.merge(m, 1, Integer::sum));
        }
      }
      int max = 0;
      String first = null;
      for (Interview.Question q : interview.questions()) {
        boolean open =
            !q.party()
                && a.get(q.fact()).isEmpty()
                && !Interview.provedKeys(PROVED).contains(q.fact());
        int c = count.getOrDefault(q.fact(), 0);
        if (open && c > max && q.skipIf().isEmpty()) {
          max = c;
          first = q.fact();
        }
      }
      assertThat(n.score()).isGreaterThanOrEqualTo(max);
      if (chosen.skipIf().isEmpty()) {
        assertThat(chosen.fact()).isEqualTo(first);
      }
      assertThat(n.score()).isEqualTo(count.get(chosen.fact()));
      a = a.with(chosen.fact(), unknown());
    }
  }

  @Test
  void skipIf_whenTheFactHoldsTheValue_questionIsNotAsked() {
    InterviewAnswers a = InterviewAnswers.empty();
    a = a.with("acts.covert_filming", given("false"));
    for (int i = 0; i < 200; i++) {
      Interview.Next n = interview.next(a, PROVED, TODAY);
      if (n.question().isEmpty()) {
        break;
      }
      assertThat(n.question().get().fact()).isNotEqualTo("acts.filmed_intimate_parts");
      a = a.with(n.question().get().fact(), unknown());
    }
  }

  @Test
  void factsJson_answersFillTheFacts_proofStands() throws Exception {
    InterviewAnswers a =
        InterviewAnswers.empty()
            .with("acts.covert_filming", given("true"))
            .with("distribution.counts.images", given("3"))
            .with("perpetrator.relation", given("former_partner"))
            .with("acts.demanded_money_cny", given("5000"));
    String json = interview.factsJson(a, PROVED, TODAY);
    CaseFacts f = CaseFacts.parse(json, ChineseLaw.factsSchema());
    assertThat(f.get("acts.covert_filming")).isEqualTo(true);
    assertThat(f.get("distribution.counts.images").toString()).isEqualTo("12");
    assertThat(f.get("perpetrator.relation")).isEqualTo("former_partner");
  }

  @Test
  void answer_lastDayBeforeFirst_isRefused() throws Exception {
    Interview.Question first = interview.question("conduct.first_act").orElseThrow();
    Interview.Question last = interview.question("conduct.last_act").orElseThrow();
    InterviewAnswers a =
        interview.answer(InterviewAnswers.empty(), first, given("2026-10-01"), "", TODAY);
    assertThatThrownBy(() -> interview.answer(a, last, given("2026-09-01"), "", TODAY))
        .isInstanceOf(CaseworkException.class)
        .hasMessageContaining("conduct.last_act");
  }

  @Test
  void checkValue_badValues_areRefusedNamingTheValue() {
    Interview.Question d = interview.question("conduct.first_act").orElseThrow();
    Interview.Question c = interview.question("victims.count").orElseThrow();
    Interview.Question r = interview.question("perpetrator.relation").orElseThrow();
    assertThatThrownBy(() -> Interview.checkValue(d, "1.9.2026")).hasMessageContaining("1.9.2026");
    assertThatThrownBy(() -> Interview.checkValue(c, "-1")).hasMessageContaining("-1");
    assertThatThrownBy(() -> Interview.checkValue(r, "boss")).hasMessageContaining("boss");
  }

  @Test
  void parse_unknownFactOrField_isRefused() {
    String head = "schema: redress/interview@1\nquestions:\n";
    assertThatThrownBy(() -> Interview.parse(head + "  - fact: acts.covert_filmin\n", "q.yaml"))
        .hasMessageContaining("acts.covert_filmin");
    assertThatThrownBy(
            () -> Interview.parse(head + "  - fact: acts.peeping\n    colour: red\n", "q.yaml"))
        .hasMessageContaining("colour");
    assertThatThrownBy(
            () ->
                Interview.parse(
                    head
                        + "  - fact: perpetrator.relation\n    choices: {boss: {zh: 老板, en: boss}}\n",
                    "q.yaml"))
        .hasMessageContaining("choices");
  }

  @Test
  void answers_jsonRoundTrips() throws Exception {
    InterviewAnswers a =
        InterviewAnswers.empty()
            .with("acts.peeping", given("true"))
            .with("victims.count", unknown());
    assertThat(InterviewAnswers.parse(a.toJson(), "a.json").toJson()).isEqualTo(a.toJson());
  }

  @Test
  void partiesJson_holdsOnlyPartiesAnswers() {
    InterviewAnswers a =
        InterviewAnswers.empty()
            .with("parties.victim.name", given("李某"))
            .with("acts.peeping", given("true"));
    assertThat(interview.partiesJson(a)).contains("李某").doesNotContain("peeping");
  }
}
