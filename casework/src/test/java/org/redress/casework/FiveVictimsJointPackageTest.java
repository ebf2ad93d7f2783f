package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.documents.Lang;
import org.redress.dossier.Target;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.JointPackage;
import org.redress.evidence.Verification;
import org.redress.testing.FiveVictims;
import org.redress.testing.Zips;

/**
 * The joint evidence package of the five victims' shared chat (issue 19 point 5): every byte of
 * every entry, inner packages unpacked, is searched for every case id and every victim's folder
 * name; none is there. The package verifies offline as written, and fails when any part is altered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiveVictimsJointPackageTest {
  @TempDir static Path tmp;
  private FiveVictims gen;
  private Casework cw;
  private EvidenceStore store;
  private DossierWork.Papers papers;

  @BeforeAll
  void setUp() throws Exception {
    gen = FiveVictims.generate(tmp.resolve("gen"), 19);
    Clock clock = Clock.fixed(Instant.parse("2026-03-20T02:00:00Z"), ZoneOffset.UTC);
    cw = Casework.builder(tmp.resolve("ws")).clock(clock).user("tester").build();
    store = EvidenceStore.builder(tmp.resolve("ws")).clock(clock).open();
    FiveVictimsCases.loadAndPreserve(cw, gen, store);
    papers =
        cw.dossiers()
            .papers(
                new Target.Chat(FiveVictims.CHAT_ID),
                store,
                tmp.resolve("joint"),
                List.of(Lang.ZH),
                "redress test");
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void package_fiveVictims_verifiesOfflineAndNamesNoCase() throws Exception {
    assertThat(papers.parts())
        .extracting(JointPackage.Written::victim)
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(papers.parts()).noneMatch(JointPackage.Written::namesCase);
    Verification v = JointPackage.verify(papers.pkg());
    assertThat(v.ok()).as(v.toString()).isTrue();

    Map<String, byte[]> all = Zips.flatten(Files.readAllBytes(papers.pkg()));
    assertThat(all.keySet()).anyMatch(n -> n.startsWith("cases/E.zip/proofs/"));
    List<String> forbidden = new ArrayList<>(FiveVictims.CASES);
    for (FiveVictims.Victim vic : gen.victims()) {
      // Her folder's name, and the pictures' names as she registered them.
      forbidden.add(vic.export().getParent().getFileName().toString());
      forbidden.add(vic.export().getParent().toString());
    }
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      String name = e.getKey();
      for (String text :
          List.of(
              new String(e.getValue(), StandardCharsets.UTF_8),
              new String(e.getValue(), StandardCharsets.UTF_16BE),
              new String(e.getValue(), StandardCharsets.UTF_16LE))) {
        for (String f : forbidden) {
          assertThat(name + "\n" + text).as("%s holds %s", name, f).doesNotContain(f);
        }
      }
    }
  }

  @Test
  void package_anyPartAltered_fails() throws Exception {
    byte[] pkg = Files.readAllBytes(papers.pkg());
    Map<String, byte[]> top = Zips.entries(pkg);
    int n = 0;
    for (String part : top.keySet()) {
      if (!part.startsWith("cases/")) {
        continue;
      }
      for (String name : Zips.entries(top.get(part)).keySet()) {
        Path bad = tmp.resolve("bad-" + n++ + ".zip");
        Files.write(
            bad,
            Zips.rewrite(
                pkg,
                part + "/" + name,
                bytes -> {
                  byte[] b = bytes.clone();
                  b[b.length / 2] ^= 0x02;
                  return b;
                }));
        assertThat(JointPackage.verify(bad).ok()).as("%s of %s altered", name, part).isFalse();
      }
    }
    assertThat(n).isGreaterThan(20);
  }
}
