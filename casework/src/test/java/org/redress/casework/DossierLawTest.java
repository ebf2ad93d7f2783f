package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.dossier.CaseInput;
import org.redress.dossier.Dossier;
import org.redress.dossier.Dossiers;
import org.redress.dossier.Sighting;
import org.redress.dossier.Target;
import org.redress.law.Assessment;
import org.redress.law.Finding;
import org.redress.lawcn.ChineseLaw;
import org.redress.phash.Pdq;

/**
 * The law over a dossier: five victims, each with 100 pictures spread by one channel without
 * profit. Alone each is below the Criminal Law Art 364 numbers; together (500 images) the channel
 * crosses them, and the dossier says that only the cases together reach it.
 */
class DossierLawTest {
  private static final long CHANNEL = -1001234567890L;
  private static final LocalDate TODAY = LocalDate.parse("2026-03-20");

  @Test
  void onlyTogether_eachVictimBelow364Alone_aggregateAbove() throws Exception {
    // Without profit; the case worker adds that (see assess below).
    Random rnd = new Random(364);
    List<CaseInput> cases = new ArrayList<>();
    long message = 1;
    for (int v = 0; v < 5; v++) {
      List<Sighting> s = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        long m = message++;
        byte[] sha = new byte[32];
        rnd.nextBytes(sha);
        s.add(
            new Sighting(
                "case-" + v,
                CHANNEL,
                "频道",
                "public_channel",
                m,
                "telegram:chat/" + CHANNEL + "/message/" + m,
                Instant.parse("2026-01-10T00:00:00Z").plusSeconds(m * 600),
                "user7",
                "发送者",
                "",
                "",
                HexFormat.of().formatHex(sha),
                Pdq.fromLongs(
                        new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()})
                    .toString(),
                "victims/pic" + i,
                Sighting.MediaKind.IMAGE));
      }
      cases.add(
          new CaseInput(
              "case-" + v, new CaseInput.Consent(true, TODAY, "dossiers"), s, List.of(), Map.of()));
    }
    Dossier d = Dossiers.build(new Target.Chat(CHANNEL), cases, Map.of(), 31).dossier();
    assertThat(d.totals().images()).isEqualTo(500);

    Assessment aggregate = assess(DossierWork.facts(d.totals(), TODAY));
    List<Assessment> alone = new ArrayList<>();
    for (Dossier.Victim v : d.victims()) {
      assertThat(v.images()).isEqualTo(100);
      alone.add(assess(DossierWork.victimFacts(v, d, TODAY)));
    }

    Finding together = find364(aggregate).orElseThrow();
    assertThat(together.tier()).as(together.toString()).isNotNull();
    for (Assessment a : alone) {
      Optional<Finding> mine = find364(a);
      assertThat(mine.map(Finding::tier).orElse(null)).isNotEqualTo(together.tier());
    }
    assertThat(DossierWork.onlyTogether(aggregate, alone))
        .extracting(Finding::provision)
        .contains(together.provision());
  }

  private static Optional<Finding> find364(Assessment a) {
    return a.findings().findings().stream()
        .filter(f -> f.provision().contains("364") && !f.status().equals("not_applicable"))
        .findFirst();
  }

  /**
   * Assesses the dossier's facts plus what a case worker knows beyond the counts: the channel
   * spread them without profit (the dossier itself never claims either way).
   */
  private static Assessment assess(String facts) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(facts);
    ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("distribution"))
        .put("for_profit", false);
    return ChineseLaw.jurisdiction()
        .assess(Casework.readFacts(n.toPrettyString(), "dossier facts"), TODAY);
  }
}
