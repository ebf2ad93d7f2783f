package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Zips;

class JointPackageTest {
  @TempDir Path dir;
  Path joint;
  String shaOfItem3;

  @BeforeEach
  void twoCases() throws Exception {
    Path ws = dir.resolve("ws");
    joint = dir.resolve("joint.zip");
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      s.add("case-1", NewItem.of(Fixtures.noise(dir, "a.png", 100, 1)));
      s.add("case-2", NewItem.of(Fixtures.noise(dir, "b.png", 120, 2)));
      s.add("case-1", NewItem.of(Fixtures.noise(dir, "c.png", 90, 3)));
      s.add("case-2", NewItem.of(Fixtures.noise(dir, "d.png", 80, 4)));
      shaOfItem3 = s.item(3).sha256();
      List<JointPackage.Written> w =
          JointPackage.write(
              s,
              List.of(
                  new JointPackage.Part("A", "case-1", List.of(0L, 2L)),
                  new JointPackage.Part("B", "case-2", List.of(1L, 3L))),
              joint);
      assertThat(w)
          .extracting(JointPackage.Written::entry)
          .containsExactly("cases/A.zip", "cases/B.zip");
      assertThat(w).extracting(JointPackage.Written::items).containsExactly(2, 2);
    }
  }

  @Test
  void verify_asWritten_holdsForEveryPartAndItem() {
    Verification v = JointPackage.verify(joint);
    assertThat(v.ok()).as(v.toString()).isTrue();
    assertThat(JointPackage.isJoint(joint)).isTrue();
    assertThat(v.checks())
        .extracting(Verification.Check::detail)
        .contains("2 listed items proven with their log index and SHA-256");
    assertThat(v.checks()).anyMatch(c -> c.subject().startsWith("victim B, checkpoint"));
  }

  @Test
  void verify_eachPartAlone_verifiesAsASingleCasePackage() throws Exception {
    byte[] inner = Zips.entries(joint).get("cases/B.zip");
    Path one = dir.resolve("b.zip");
    Files.write(one, inner);
    VerifiedManifest m = PackageVerifier.readVerified(one);
    assertThat(m.items()).extracting(VerifiedManifest.Item::id).containsExactly(1L, 3L);
    assertThat(JointPackage.isJoint(one)).isFalse();
  }

  @Test
  void verify_oneByteOfAnItemsHashFlippedInsideAPart_failsNamingTheItem() throws Exception {
    // One hex digit of item 3's SHA-256 in victim B's manifest, the package rebuilt around it.
    char c = shaOfItem3.charAt(10);
    String flipped =
        shaOfItem3.substring(0, 10) + (c == '0' ? '1' : '0') + shaOfItem3.substring(11);
    Path bad = dir.resolve("bad.zip");
    Zips.rewrite(joint, bad, "cases/B.zip/manifest.json", Zips.replace(shaOfItem3, flipped));
    Verification v = JointPackage.verify(bad);
    assertThat(v.ok()).isFalse();
    assertThat(v.checks())
        .filteredOn(ch -> !ch.ok())
        .extracting(Verification.Check::subject)
        .contains("victim B, item 3 (log index 3)")
        .noneMatch(s -> s.startsWith("victim A"));
  }

  @Test
  void verify_listedHashChangedInJointJson_failsNamingTheItem() throws Exception {
    Path bad = dir.resolve("bad.zip");
    Zips.rewrite(joint, bad, "joint.json", Zips.replace(shaOfItem3, "f".repeat(64)));
    Verification v = JointPackage.verify(bad);
    assertThat(v.ok()).isFalse();
    assertThat(v.firstFailure()).get().asString().startsWith("victim B, item 3 (log index 3)");
  }

  @Test
  void verify_aByteOfAPartsDataFlipped_fails() throws Exception {
    byte[] b = Files.readAllBytes(joint);
    // Inside the parts' data (a byte of the central directory's attributes is not covered, as in
    // any zip: every byte that carries evidence is).
    for (int at : new int[] {b.length / 4, b.length / 3, b.length / 2, 2 * b.length / 3}) {
      byte[] copy = b.clone();
      copy[at] ^= 0x01;
      Path bad = dir.resolve("flip-" + at + ".zip");
      Files.write(bad, copy);
      assertThat(JointPackage.verify(bad).ok()).as("byte %d flipped", at).isFalse();
    }
  }

  @Test
  void write_existingFile_isRefused() {
    assertThatThrownBy(
            () -> {
              try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
                JointPackage.write(
                    s, List.of(new JointPackage.Part("A", "case-1", List.of(0L))), joint);
              }
            })
        .isInstanceOf(EvidenceException.class)
        .hasMessageContaining("refusing to overwrite");
  }

  @Test
  void write_casesWithCommitments_noByteOfAnyEntryNamesACase() throws Exception {
    Map<String, byte[]> all = Zips.flatten(Files.readAllBytes(joint));
    assertThat(all.keySet())
        .contains("cases/A.zip/manifest.json", "cases/B.zip/proofs/3.txt", "joint.json");
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
      assertThat(e.getKey() + "\n" + text)
          .as(e.getKey())
          .doesNotContain("case-1")
          .doesNotContain("case-2");
    }
    String manifest = new String(all.get("cases/A.zip/manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"victim\":\"A\"", "\"case_commit\":", "\\\"v\\\":2");
  }

  @Test
  void verify_partsCaseCommitmentSwapped_fails() throws Exception {
    Map<String, byte[]> all = Zips.flatten(Files.readAllBytes(joint));
    String commitA = commitOf(all.get("cases/A.zip/manifest.json"));
    String commitB = commitOf(all.get("cases/B.zip/manifest.json"));
    assertThat(commitA).isNotEqualTo(commitB);
    Path bad = dir.resolve("swapped.zip");
    Zips.rewrite(
        joint,
        bad,
        "cases/B.zip/manifest.json",
        Zips.replace("\"case_commit\":\"" + commitB, "\"case_commit\":\"" + commitA));
    Verification v = JointPackage.verify(bad);
    assertThat(v.ok()).isFalse();
    assertThat(v.checks())
        .filteredOn(c -> !c.ok())
        .anyMatch(c -> c.detail().contains("case commitment is not this package's"));
  }

  @Test
  void verify_aLeafsCaseCommitmentChanged_failsItsProof() throws Exception {
    Map<String, byte[]> all = Zips.flatten(Files.readAllBytes(joint));
    String commitB = commitOf(all.get("cases/B.zip/manifest.json"));
    String other = "0".repeat(64);
    Path bad = dir.resolve("leaf.zip");
    // The manifest's commitment and every leaf's and metadata's changed alike: the proofs fail.
    Zips.rewrite(joint, bad, "cases/B.zip/manifest.json", Zips.replace(commitB, other));
    Verification v = JointPackage.verify(bad);
    assertThat(v.ok()).isFalse();
    assertThat(v.checks())
        .filteredOn(c -> !c.ok())
        .anyMatch(c -> c.subject().startsWith("victim B"));
  }

  @Test
  void export_ownCase_namesCaseAndSaltThatCommitToItsRecords() throws Exception {
    Path own = dir.resolve("own.zip");
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.export("case-2", List.of(), own, null);
    }
    VerifiedManifest m = PackageVerifier.readVerified(own);
    assertThat(m.caseId()).isEqualTo("case-2");
    String manifest = new String(Zips.entries(own).get("manifest.json"), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"case\":\"case-2\",\"case_salt\":\"");
    Path bad = dir.resolve("own-bad.zip");
    Zips.rewrite(
        own, bad, "manifest.json", Zips.replace("\"case\":\"case-2\"", "\"case\":\"case-1\""));
    Verification v = PackageVerifier.verify(bad);
    assertThat(v.ok()).isFalse();
    assertThat(v.firstFailure()).get().asString().contains("case commitment is not this package's");
  }

  @Test
  void write_itemsLoggedInFormatOne_partsNameTheirCaseAndStillVerify() throws Exception {
    Path ws = dir.resolve("old-ws");
    Path old = dir.resolve("old-joint.zip");
    try (EvidenceStore s = Fixtures.store(ws).formatOneForTests().open()) {
      s.add("case-1", NewItem.of(Fixtures.noise(dir, "e.png", 100, 5)));
      s.add("case-2", NewItem.of(Fixtures.noise(dir, "f.png", 100, 6)));
    }
    // Reopened as today's Redress: the old records still read, and new ones use commitments.
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      s.add("case-2", NewItem.of(Fixtures.noise(dir, "g.png", 100, 7)));
      List<JointPackage.Written> w =
          JointPackage.write(
              s,
              List.of(
                  new JointPackage.Part("A", "case-1", List.of(0L)),
                  new JointPackage.Part("B", "case-2", List.of(2L))),
              old);
      assertThat(w).extracting(JointPackage.Written::namesCase).containsExactly(true, false);
    }
    Verification v = JointPackage.verify(old);
    assertThat(v.ok()).as(v.toString()).isTrue();
    assertThat(LogVerifier.verify(ws).ok()).isTrue();
  }

  @Test
  void verify_packageWrittenBeforeCaseCommitments_stillVerifies() throws Exception {
    Path golden = dir.resolve("golden.zip");
    try (var in =
        JointPackageTest.class.getResourceAsStream(
            "PackageVerifierFuzzTestInputs/verify/good-package.zip")) {
      Files.write(golden, in.readAllBytes());
    }
    assertThat(new String(Zips.entries(golden).get("manifest.json"), StandardCharsets.UTF_8))
        .contains("\\\"v\\\":1,");
    Verification v = PackageVerifier.verify(golden);
    assertThat(v.ok()).as(v.toString()).isTrue();
  }

  private static String commitOf(byte[] manifest) {
    String m = new String(manifest, StandardCharsets.UTF_8);
    int at = m.indexOf("\"case_commit\":\"") + "\"case_commit\":\"".length();
    return m.substring(at, at + 64);
  }
}
