package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.dossier.Dossier;
import org.redress.dossier.Target;
import org.redress.testing.FiveVictims;

/**
 * The dossiers a front end shows again (the workspace page's cache) and the compact form of each
 * stored report: a withdrawal or a new scan is effective at the very next view, and a damaged or
 * stale compact form is never believed.
 */
class DossierCacheTest {
  @TempDir Path tmp;

  private Casework load() throws Exception {
    FiveVictims gen = FiveVictims.generate(tmp.resolve("gen"), 19);
    Casework cw =
        Casework.builder(tmp.resolve("ws"))
            .clock(Clock.fixed(Instant.parse("2026-03-20T02:00:00Z"), ZoneOffset.UTC))
            .user("tester")
            .build();
    FiveVictimsCases.load(cw, gen);
    return cw;
  }

  private static List<Path> kept(Casework cw) throws Exception {
    try (Stream<Path> s = Files.walk(cw.layout().root().resolve(Cases.DIR))) {
      return s.filter(p -> p.getFileName().toString().equals(DossierWork.SIGHTINGS)).toList();
    }
  }

  @Test
  void build_viewedAgainUnchanged_isTheCachedDossier() throws Exception {
    Casework cw = load();
    DossierWork.Cache cache = new DossierWork.Cache(4);
    Target chat = new Target.Chat(FiveVictims.CHAT_ID);

    DossierWork.Result first = cw.dossiers().build(chat, 0, cache);

    assertThat(cw.dossiers().build(chat, 0, cache)).isSameAs(first);
    assertThat(cw.dossiers().build(chat, 1, cache)).isNotSameAs(first);
  }

  @Test
  void build_consentWithdrawnThenViewed_sheIsGoneAtOnce() throws Exception {
    Casework cw = load();
    DossierWork.Cache cache = new DossierWork.Cache(4);
    Target chat = new Target.Chat(FiveVictims.CHAT_ID);
    Dossier all = cw.dossiers().build(chat, 0, cache).dossier();
    assertThat(all.victims()).extracting(Dossier.Victim::caseId).contains("v-b");

    cw.cases().consent("v-b", Cases.DOSSIERS, false);
    Dossier after = cw.dossiers().build(chat, 0, cache).dossier();

    assertThat(after.victims()).extracting(Dossier.Victim::caseId).doesNotContain("v-b");
    assertThat(after.totals().posts()).isLessThan(all.totals().posts());
    assertThat(after.totals())
        .isEqualTo(cw.dossiers().build(chat).dossier().totals()); // as built afresh
  }

  @Test
  void build_compactFormsStaleOrDamaged_readsTheReportsAgain() throws Exception {
    Casework cw = load();
    Target chat = new Target.Chat(FiveVictims.CHAT_ID);
    List<Path> kept = kept(cw);
    assertThat(kept).hasSize(5); // written when each scan was kept
    Dossier fresh = cw.dossiers().build(chat).dossier();

    // Damaged: cut in half; stale: made for another version of the report.
    Path damaged = kept.get(0);
    byte[] whole = Files.readAllBytes(damaged);
    Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path stale = kept.get(1);
    Files.delete(stale);
    Files.copy(kept.get(2), stale);
    Dossier again = cw.dossiers().build(chat).dossier();

    assertThat(again.totals()).isEqualTo(fresh.totals());
    assertThat(again.victims()).isEqualTo(fresh.victims());
    assertThat(Files.readAllBytes(damaged))
        .isNotEqualTo(java.util.Arrays.copyOf(whole, whole.length / 2));
  }
}
