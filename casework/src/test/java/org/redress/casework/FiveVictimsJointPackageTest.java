package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cases.NewItem;
import org.redress.documents.Lang;
import org.redress.dossier.Target;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.JointPackage;
import org.redress.evidence.Verification;
import org.redress.media.MediaHasher;
import org.redress.scan.ScanResult;
import org.redress.sources.Limits;
import org.redress.testing.FiveVictims;

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
    MediaHasher hasher = MediaHasher.builder().build();
    for (FiveVictims.Victim v : gen.victims()) {
      Cases.CaseInfo c = cw.cases().create(v.caseId()).orElseThrow();
      List<NewItem> items = new ArrayList<>();
      try (Stream<Path> s = Files.list(v.originals())) {
        for (Path p : s.sorted().toList()) {
          items.addAll(
              BankItems.of(hasher.hash(p), p.getFileName().toString(), v.caseId(), "tester"));
        }
      }
      cw.workspace().banks().add(c.bank(), items);
      Path t = cw.layout().root().resolve("tmp");
      Files.createDirectories(t);
      ScanRequest req =
          new ScanRequest(
              List.of(v.export()),
              List.of(c.bank()),
              false,
              false,
              1,
              Limits.defaults(),
              null,
              false,
              false,
              null,
              t);
      ScanResult r = cw.scan(req, w -> {});
      cw.cases().keepScan(v.caseId(), r.report(), List.of(v.export()));
      cw.preserve(r.report(), v.caseId(), store);
      cw.cases().consent(v.caseId(), Cases.DOSSIERS, true);
    }
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

    Map<String, byte[]> all = new LinkedHashMap<>();
    flatten("", Files.readAllBytes(papers.pkg()), all);
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
    Map<String, byte[]> top = entries(Files.readAllBytes(papers.pkg()));
    int n = 0;
    for (String part : top.keySet()) {
      if (!part.startsWith("cases/")) {
        continue;
      }
      Map<String, byte[]> inner = entries(top.get(part));
      for (String name : inner.keySet()) {
        Map<String, byte[]> changedInner = new LinkedHashMap<>(inner);
        byte[] b = inner.get(name).clone();
        b[b.length / 2] ^= 0x02;
        changedInner.put(name, b);
        Map<String, byte[]> changed = new LinkedHashMap<>(top);
        changed.put(part, JointZips.zip(changedInner));
        Path bad = tmp.resolve("bad-" + n++ + ".zip");
        Files.write(bad, JointZips.zip(changed));
        assertThat(JointPackage.verify(bad).ok()).as("%s of %s altered", name, part).isFalse();
      }
    }
    assertThat(n).isGreaterThan(20);
  }

  private static void flatten(String prefix, byte[] zip, Map<String, byte[]> out) throws Exception {
    for (Map.Entry<String, byte[]> e : entries(zip).entrySet()) {
      out.put(prefix + e.getKey(), e.getValue());
      if (e.getKey().endsWith(".zip")) {
        flatten(prefix + e.getKey() + "/", e.getValue(), out);
      }
    }
  }

  private static Map<String, byte[]> entries(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  /** Writes zips as the package writer does (stored times zero). */
  private static final class JointZips {
    static byte[] zip(Map<String, byte[]> entries) throws Exception {
      java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream z =
          new java.util.zip.ZipOutputStream(bo, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          ZipEntry ze = new ZipEntry(e.getKey());
          ze.setTime(0L);
          z.putNextEntry(ze);
          z.write(e.getValue());
          z.closeEntry();
        }
      }
      return bo.toByteArray();
    }
  }
}
