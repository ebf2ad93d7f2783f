package org.redress.lawcn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.redress.law.CaseFacts;
import org.redress.law.Finding;
import org.redress.law.Findings;

/**
 * Runs the lawyer-readable scenario cases under {@code cases/}: each case is one sentence ({@code
 * name}), an assessment date, case facts, and the findings the law requires.
 */
class ScenarioTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String[] FILES = {
    "psapl.yaml",
    "criminal.yaml",
    "thresholds.yaml",
    "civil.yaml",
    "limitation.yaml",
    "issue12.yaml",
  };

  @TestFactory
  Stream<DynamicTest> scenarios_eachCase_matchesExpectedFindings() {
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
  }

  @Test
  void scenarios_count_atLeastThirty() {
    assertThat(cases().size()).as("number of scenario cases").isGreaterThanOrEqualTo(30);
  }

  private static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    for (String f : FILES) {
      try (InputStream in = ScenarioTest.class.getResourceAsStream("cases/" + f)) {
        if (in == null) {
          throw new AssertionError("missing cases/" + f);
        }
        JsonNode root = YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        root.forEach(out::add);
      } catch (IOException e) {
        throw new AssertionError("cannot read cases/" + f, e);
      }
    }
    return out;
  }

  private static void check(JsonNode c) throws IOException {
    ObjectNode facts = (ObjectNode) c.get("facts").deepCopy();
    facts.put("schema", CaseFacts.SCHEMA);
    org.redress.law.Assessment a =
        ChineseLaw.jurisdiction()
            .assess(
                ChineseLaw.jurisdiction().parseFacts(YAML.writeValueAsString(facts)),
                LocalDate.parse(c.get("as_of").asText()));
    Findings got = a.findings();
    checkPlan(c, a.plan());
    for (JsonNode e : c.path("expect")) {
      String id = e.get("provision").asText();
      Optional<Finding> f = got.finding(id);
      assertThat(f).as("finding for %s in %s", id, ids(got)).isPresent();
      Finding x = f.orElseThrow();
      if (e.has("status")) {
        assertThat(x.status())
            .as("%s status (missing %s)", id, x.missing())
            .isEqualTo(e.get("status").asText());
      }
      if (e.has("tier")) {
        assertThat(x.tier())
            .as("%s tier", id)
            .isEqualTo(e.get("tier").isNull() ? null : e.get("tier").asText());
      }
      if (e.has("basis")) {
        assertThat(x.basis()).as("%s basis", id).containsExactlyElementsOf(strings(e, "basis"));
      }
      if (e.has("basis_includes")) {
        assertThat(x.basis()).as("%s basis", id).containsAll(strings(e, "basis_includes"));
      }
      if (e.has("missing")) {
        assertThat(x.missing())
            .as("%s missing", id)
            .containsExactlyInAnyOrderElementsOf(strings(e, "missing"));
      }
      if (e.has("missing_includes")) {
        assertThat(x.missing()).as("%s missing", id).containsAll(strings(e, "missing_includes"));
      }
      if (e.has("penalty_max")) {
        for (Map.Entry<String, JsonNode> m : e.get("penalty_max").properties()) {
          Object v = x.penaltyMax().get(m.getKey());
          assertThat(v).as("%s penalty max %s", id, m.getKey()).isNotNull();
          if (m.getValue().isBoolean()) {
            assertThat(v).isEqualTo(m.getValue().asBoolean());
          } else {
            assertThat((BigDecimal) v)
                .as("%s penalty max %s", id, m.getKey())
                .isEqualByComparingTo(m.getValue().decimalValue());
          }
        }
      }
      if (e.has("deadline")) {
        JsonNode d = e.get("deadline");
        assertThat(x.deadline()).as("%s deadline", id).isNotNull();
        if (d.has("kind")) {
          assertThat(x.deadline().kind())
              .as("%s deadline kind", id)
              .isEqualTo(d.get("kind").asText());
        }
        if (d.has("date")) {
          assertThat(x.deadline().date())
              .as("%s deadline date", id)
              .isEqualTo(d.get("date").isNull() ? null : LocalDate.parse(d.get("date").asText()));
        }
        if (d.has("basis")) {
          assertThat(x.deadline().basis())
              .as("%s deadline basis", id)
              .isEqualTo(d.get("basis").asText());
        }
      }
      if (e.has("unconfirmed_mentions")) {
        for (String s : strings(e, "unconfirmed_mentions")) {
          assertThat(x.unconfirmed()).as("%s unconfirmed", id).anyMatch(u -> u.contains(s));
        }
      }
      if (e.has("confirmation")) {
        assertThat(x.confirmation()).isEqualTo(e.get("confirmation").asText());
      }
      if (e.has("act")) {
        assertThat(x.act()).as("%s act", id).isEqualTo(e.get("act").asText());
      }
      if (e.has("action")) {
        assertThat(x.action()).as("%s plan action", id).isEqualTo(e.get("action").asText());
      }
      if (e.has("deadline") && e.get("deadline").has("latest")) {
        assertThat(x.deadline().latest())
            .as("%s latest deadline", id)
            .isEqualTo(LocalDate.parse(e.get("deadline").get("latest").asText()));
      }
      if (e.has("deadline") && e.get("deadline").has("stopped_on")) {
        JsonNode so = e.get("deadline").get("stopped_on");
        assertThat(x.deadline().stoppedOn())
            .as("%s deadline stopped on", id)
            .isEqualTo(so.isNull() ? null : LocalDate.parse(so.asText()));
      }
      if (e.has("explanation_mentions")) {
        for (String s : strings(e, "explanation_mentions")) {
          assertThat(x.explanation().zh() + " " + x.explanation().en())
              .as("%s explanation", id)
              .contains(s);
        }
      }
    }
    for (String id : strings(c, "absent")) {
      assertThat(got.finding(id)).as("no finding for %s", id).isEmpty();
    }
    for (String id : strings(c, "not_applicable")) {
      got.finding(id)
          .ifPresent(f -> assertThat(f.status()).as("%s status", id).isEqualTo("not_applicable"));
    }
    for (String lineage : strings(c, "not_assessed")) {
      assertThat(got.notAssessed()).as("not assessed").anyMatch(n -> n.lineage().equals(lineage));
    }
  }

  /** Plan expectations: {@code plan: {actions, max_actions, shows, hides, questions, notes}}. */
  private static void checkPlan(JsonNode c, org.redress.law.ActionPlan plan) {
    JsonNode p = c.path("plan");
    if (p.isMissingNode()) {
      return;
    }
    List<String> kinds = new ArrayList<>();
    plan.actions().forEach(a -> kinds.add(a.kind().key()));
    if (p.has("actions")) {
      assertThat(kinds).as("plan actions").containsExactlyElementsOf(strings(p, "actions"));
    }
    if (p.has("max_actions")) {
      assertThat(kinds.size())
          .as("number of actions %s", kinds)
          .isLessThanOrEqualTo(p.get("max_actions").asInt());
    }
    for (String id : strings(p, "shows")) {
      assertThat(plan.provisions()).as("plan shows %s", id).contains(id);
    }
    for (String id : strings(p, "hides")) {
      assertThat(plan.provisions()).as("plan hides %s", id).doesNotContain(id);
    }
    for (String f : strings(p, "questions")) {
      assertThat(plan.questions()).as("plan asks about %s", f).anyMatch(q -> q.fact().equals(f));
    }
    List<String> notes = new ArrayList<>();
    plan.connections().forEach(n -> notes.add(n.id()));
    plan.memo().forEach(n -> notes.add(n.id()));
    plan.actions().forEach(a -> a.steps().forEach(n -> notes.add(n.id())));
    for (String n : strings(p, "notes")) {
      assertThat(notes).as("plan notes").contains(n);
    }
    for (String n : strings(p, "no_notes")) {
      assertThat(notes).as("plan notes").doesNotContain(n);
    }
    if (p.has("ground_status")) {
      for (Map.Entry<String, JsonNode> e : p.get("ground_status").properties()) {
        String got =
            plan.actions().stream()
                .flatMap(a -> a.grounds().stream())
                .filter(g -> g.provision().equals(e.getKey()))
                .map(g -> g.status().key())
                .findFirst()
                .orElse("(not shown)");
        assertThat(got).as("plan status of %s", e.getKey()).isEqualTo(e.getValue().asText());
      }
    }
    if (p.has("first_deadline")) {
      JsonNode d = p.get("first_deadline");
      org.redress.law.ActionPlan.DeadlineRow r = plan.deadlines().get(0);
      if (d.has("action")) {
        assertThat(r.action().key())
            .as("first deadline's action")
            .isEqualTo(d.get("action").asText());
      }
      if (d.has("date")) {
        assertThat(r.date())
            .as("first deadline")
            .isEqualTo(LocalDate.parse(d.get("date").asText()));
      }
      if (d.has("urgent")) {
        assertThat(r.urgent()).as("first deadline urgent").isEqualTo(d.get("urgent").asBoolean());
      }
      if (d.has("days_left")) {
        assertThat(r.daysLeft()).as("days left").isEqualTo(d.get("days_left").asLong());
      }
    }
  }

  private static List<String> ids(Findings f) {
    List<String> out = new ArrayList<>();
    f.findings().forEach(x -> out.add(x.provision() + "=" + x.status()));
    return out;
  }

  private static List<String> strings(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    n.path(field).forEach(x -> out.add(x.asText()));
    return out;
  }
}
