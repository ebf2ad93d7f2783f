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
import org.redress.law.Engine;
import org.redress.law.Finding;
import org.redress.law.Findings;

/**
 * Runs the lawyer-readable scenario cases under {@code cases/}: each case is one sentence
 * ({@code name}), an assessment date, case facts, and the findings the law requires.
 */
class ScenarioTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String[] FILES = {
    "psapl.yaml", "criminal.yaml", "thresholds.yaml", "civil.yaml", "limitation.yaml",
  };

  @TestFactory
  Stream<DynamicTest> scenarios_eachCase_matchesExpectedFindings() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(),
        () -> check(c)));
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
    Findings got = new Engine(ChineseLaw.book()).assess(
        ChineseLaw.jurisdiction().parseFacts(YAML.writeValueAsString(facts)), LocalDate.parse(c.get("as_of").asText()));
    for (JsonNode e : c.path("expect")) {
      String id = e.get("provision").asText();
      Optional<Finding> f = got.finding(id);
      assertThat(f).as("finding for %s in %s", id, ids(got)).isPresent();
      Finding x = f.orElseThrow();
      if (e.has("status")) {
        assertThat(x.status()).as("%s status (missing %s)", id, x.missing())
            .isEqualTo(e.get("status").asText());
      }
      if (e.has("tier")) {
        assertThat(x.tier()).as("%s tier", id)
            .isEqualTo(e.get("tier").isNull() ? null : e.get("tier").asText());
      }
      if (e.has("basis")) {
        assertThat(x.basis()).as("%s basis", id).containsExactlyElementsOf(strings(e, "basis"));
      }
      if (e.has("basis_includes")) {
        assertThat(x.basis()).as("%s basis", id).containsAll(strings(e, "basis_includes"));
      }
      if (e.has("missing")) {
        assertThat(x.missing()).as("%s missing", id)
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
            assertThat((BigDecimal) v).as("%s penalty max %s", id, m.getKey())
                .isEqualByComparingTo(m.getValue().decimalValue());
          }
        }
      }
      if (e.has("deadline")) {
        JsonNode d = e.get("deadline");
        assertThat(x.deadline()).as("%s deadline", id).isNotNull();
        if (d.has("kind")) {
          assertThat(x.deadline().kind()).as("%s deadline kind", id)
              .isEqualTo(d.get("kind").asText());
        }
        if (d.has("date")) {
          assertThat(x.deadline().date()).as("%s deadline date", id).isEqualTo(
              d.get("date").isNull() ? null : LocalDate.parse(d.get("date").asText()));
        }
        if (d.has("basis")) {
          assertThat(x.deadline().basis()).as("%s deadline basis", id)
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
      if (e.has("explanation_mentions")) {
        for (String s : strings(e, "explanation_mentions")) {
          assertThat(x.explanation().zh() + " " + x.explanation().en()).as("%s explanation", id)
              .contains(s);
        }
      }
    }
    for (String id : strings(c, "absent")) {
      assertThat(got.finding(id)).as("no finding for %s", id).isEmpty();
    }
    for (String id : strings(c, "not_applicable")) {
      got.finding(id).ifPresent(f -> assertThat(f.status()).as("%s status", id)
          .isEqualTo("not_applicable"));
    }
    for (String lineage : strings(c, "not_assessed")) {
      assertThat(got.notAssessed()).as("not assessed").anyMatch(n -> n.lineage().equals(lineage));
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
