package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, finding "a package signed by anyone verifies and nothing says whose key it is": the
 * verifier names the key, pins it on request, and checks a package against a checkpoint kept
 * earlier.
 */
class SayWhoSignedTest {
  @TempDir Path dir;

  private static Verification verify(Path p, String expectKey, String earlier) {
    return PackageVerifier.verify(p, new PackageVerifier.Options(null, null, expectKey, earlier));
  }

  @Test
  void verify_noPin_namesTheKeyFingerprintAndSaysItIsNotPinned() throws Exception {
    Path out = dir.resolve("p.zip");
    String fp;
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "a", 100, 1)));
      s.export("c", List.of(), out, null);
      fp = s.publicKeyFingerprint();
    }
    Verification v = verify(out, null, null);
    assertThat(v.ok()).isTrue();
    assertThat(v.checks())
        .filteredOn(c -> c.subject().equals("signer"))
        .singleElement()
        .extracting(Verification.Check::detail)
        .asString()
        .contains(fp)
        .contains("not pinned");
  }

  @Test
  void verify_expectKeyOfAnotherWorkspace_failsNamingBothKeys() throws Exception {
    Path out = dir.resolve("p.zip");
    String fp;
    String other;
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "a", 100, 1)));
      s.export("c", List.of(), out, null);
      fp = s.publicKeyFingerprint();
    }
    try (EvidenceStore s = Fixtures.store(dir.resolve("forger")).open()) {
      other = s.publicKeyFingerprint();
    }
    assertThat(verify(out, other, null).firstFailure())
        .hasValue("signer: signed by key " + fp + ", not the expected " + other);
    String typed = "SHA256:" + fp.toUpperCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1:");
    assertThat(verify(out, typed, null).ok()).as("colons and case are ignored").isTrue();
  }

  @Test
  void verify_againstPublishedEarlierCheckpoint_consistencyProofHolds() throws Exception {
    Path out = dir.resolve("p.zip");
    String kept;
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "a", 100, 1)));
      s.add("c", NewItem.of(Fixtures.noise(dir, "b", 100, 2)));
      kept = s.publishCheckpoint().signedText();
      s.add("c", NewItem.of(Fixtures.noise(dir, "c", 100, 3)));
      s.add("d", NewItem.of(Fixtures.noise(dir, "d", 100, 4)));
      s.export("c", List.of(), out, null);
    }
    Verification v = verify(out, null, kept);
    assertThat(v.ok()).as("%s", v).isTrue();
    assertThat(v.checks())
        .filteredOn(c -> c.subject().equals("earlier checkpoint"))
        .singleElement()
        .extracting(Verification.Check::detail)
        .asString()
        .startsWith("checkpoint 4 extends your checkpoint 2");
  }

  @Test
  void verify_againstCheckpointOfAnotherLog_fails() throws Exception {
    Path out = dir.resolve("p.zip");
    String foreign;
    try (EvidenceStore s = Fixtures.store(dir.resolve("other")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "x", 100, 9)));
      foreign = s.publishCheckpoint().signedText();
    }
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "a", 100, 1)));
      s.export("c", List.of(), out, null);
    }
    assertThat(verify(out, null, foreign).firstFailure())
        .get()
        .asString()
        .startsWith("earlier checkpoint: not signed by this package's key");
  }

  @Test
  void verify_againstUnpublishedCheckpoint_saysNoProofCarried() throws Exception {
    Path out = dir.resolve("p.zip");
    String kept;
    try (EvidenceStore s = Fixtures.store(dir.resolve("ws")).open()) {
      s.add("c", NewItem.of(Fixtures.noise(dir, "a", 100, 1)));
      s.add("c", NewItem.of(Fixtures.noise(dir, "b", 100, 2)));
      kept = s.latestCheckpoint().signedText();
      s.add("c", NewItem.of(Fixtures.noise(dir, "c", 100, 3)));
      s.export("c", List.of(), out, null);
    }
    assertThat(verify(out, null, kept).firstFailure())
        .get()
        .asString()
        .startsWith("earlier checkpoint: the package carries no consistency proof from size 2");
  }
}
