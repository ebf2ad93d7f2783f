package org.redress.lawcn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redress.law.ActionPlan;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.Finding;
import org.redress.law.Jurisdiction;
import org.redress.law.PlanNote;
import org.redress.law.PlanText;
import org.redress.law.Text;

/** The action plan and the Chinese a person reads, over every scenario in {@code cases/}. */
class PlanTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Jurisdiction CN = ChineseLaw.jurisdiction();
  private static final String[] FILES = {
    "psapl.yaml",
    "criminal.yaml",
    "thresholds.yaml",
    "civil.yaml",
    "limitation.yaml",
    "issue12.yaml",
  };

  /** A Latin word of four letters or more. */
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]{4,}");

  /** What may contain Latin letters in Chinese text: addresses, e-mail and hashes. */
  private static final Pattern ALLOWED =
      Pattern.compile("(www\\.[\\w.]+|[\\w.]+@[\\w.]+|[0-9a-f]{32,})");

  private static List<Assessment> all() throws IOException {
    List<Assessment> out = new ArrayList<>();
    for (String f : FILES) {
      try (InputStream in = PlanTest.class.getResourceAsStream("cases/" + f)) {
        JsonNode root = YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        for (JsonNode c : root) {
          ObjectNode facts = (ObjectNode) c.get("facts").deepCopy();
          facts.put("schema", CaseFacts.SCHEMA);
          out.add(
              CN.assess(
                  CN.parseFacts(YAML.writeValueAsString(facts)),
                  LocalDate.parse(c.get("as_of").asText())));
        }
      }
    }
    return out;
  }

  private static List<String> latinWords(String zh) {
    String stripped = ALLOWED.matcher(zh).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher m = LATIN.matcher(stripped);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static void noLatin(String where, String zh) {
    assertThat(latinWords(zh)).as("Latin words in Chinese %s: %s", where, zh).isEmpty();
  }

  private static void noLatin(String where, Text t) {
    if (t != null) {
      noLatin(where, t.zh());
    }
  }

  @Test
  void chineseOutput_everyScenario_hasNoLatinWordOutsideAddressesAndHashes() throws IOException {
    for (Assessment a : all()) {
      noLatin("plan text", PlanText.render(a, CN.book(), "zh"));
      for (Finding f : a.findings().findings()) {
        noLatin(f.provision() + " explanation", f.explanation());
        noLatin(f.provision() + " authority", f.authority());
        noLatin(f.provision() + " penalty", f.penalty());
        noLatin(f.provision() + " version", f.version());
        if (f.deadline() != null) {
          noLatin(f.provision() + " deadline", f.deadline().note());
        }
      }
      ActionPlan p = a.plan();
      for (ActionPlan.Action x : p.actions()) {
        noLatin("action title", x.title());
        noLatin("action authority", x.authority());
        for (ActionPlan.Ground g : x.grounds()) {
          noLatin(g.provision() + " citation", g.citation());
          g.needs().forEach(t -> noLatin(g.provision() + " needs", t));
        }
        x.steps().forEach(n -> noLatin(n.id(), n.text()));
      }
      p.questions().forEach(q -> noLatin(q.fact() + " question", q.question()));
      p.deadlines().forEach(d -> noLatin(d.provision() + " deadline", d.wording()));
      for (PlanNote n : p.connections()) {
        noLatin(n.id(), n.text());
      }
      for (PlanNote n : p.memo()) {
        noLatin(n.id(), n.text());
      }
    }
  }

  @Test
  void latinWordCheck_catchesEnglishAndKeys_butNotAddresses() {
    assertThat(latinWords("依据 CN-PSAPL-2025-50")).containsExactly("PSAPL");
    assertThat(latinWords("未确认（UNCONFIRMED）")).containsExactly("UNCONFIRMED");
    assertThat(latinWords("网站 www.12377.cn，邮箱 jubao@12377.cn")).isEmpty();
    assertThat(latinWords("哈希 " + "ab".repeat(32))).isEmpty();
  }

  @Test
  void everyAssessment_roundTripsThroughItsJson() throws IOException {
    for (Assessment a : all()) {
      Assessment back = Assessment.parse(a.toJson());
      assertThat(back.toJson()).isEqualTo(a.toJson());
      assertThat(back.plan().actions()).hasSameSizeAs(a.plan().actions());
    }
  }

  @Test
  void everyPlan_startsWithPreservingEvidence_andHasAtMostSevenActions() throws IOException {
    for (Assessment a : all()) {
      List<ActionPlan.Action> actions = a.plan().actions();
      assertThat(actions.size()).isLessThanOrEqualTo(7);
      if (!actions.isEmpty()) {
        assertThat(actions.get(0).kind()).isEqualTo(ActionPlan.Kind.PRESERVE_EVIDENCE);
      }
      // No provision whose facts are unknown is shown as a route.
      actions.forEach(
          x ->
              x.grounds()
                  .forEach(g -> assertThat(g.status()).isNotEqualTo(ActionPlan.Status.OPEN)));
      // Open deadlines come first, soonest first.
      List<ActionPlan.DeadlineRow> ds = a.plan().deadlines();
      for (int i = 1; i < ds.size(); i++) {
        ActionPlan.DeadlineRow prev = ds.get(i - 1);
        ActionPlan.DeadlineRow cur = ds.get(i);
        if (prev.state().equals("open") && cur.state().equals("open")) {
          assertThat(cur.date()).isAfterOrEqualTo(prev.date());
        }
        if (!prev.state().equals("open")) {
          assertThat(cur.state()).isNotEqualTo("open");
        }
      }
    }
  }

  /** Issue 13: the takedown step warns that Civil Code Art 1195 forwards the notice. */
  @Test
  void everyTakedownAction_carriesTheForwardingWarningFirstAmongItsWarnings() throws IOException {
    int takedowns = 0;
    for (Assessment a : all()) {
      if (a.plan() == null || a.plan().action(ActionPlan.Kind.TAKEDOWN).isEmpty()) {
        continue;
      }
      takedowns++;
      List<PlanNote> steps = a.plan().action(ActionPlan.Kind.TAKEDOWN).orElseThrow().steps();
      PlanNote safety =
          steps.stream().filter(n -> n.id().equals("takedown-safety")).findFirst().orElseThrow();
      assertThat(safety.cites()).containsExactly("CN-CC-1195");
      assertThat(safety.text().zh()).contains("转送").contains("代理人发送");
      assertThat(safety.text().en()).contains("forward").contains("agent");
      assertThat(steps.indexOf(safety)).isEqualTo(1);
    }
    assertThat(takedowns).as("scenarios with a takedown action").isGreaterThanOrEqualTo(5);
  }
}
