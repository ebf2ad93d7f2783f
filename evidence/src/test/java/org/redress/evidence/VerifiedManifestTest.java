package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedManifestTest {
  @TempDir Path dir;

  @Test
  void readVerified_goodPackage_givesItemsWithCurrentMetadataAndKeyFingerprint() throws Exception {
    Path ws = dir.resolve("ws");
    Path out = dir.resolve("p.zip");
    String fp;
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      s.add(
          "c",
          NewItem.of(Fixtures.noise(dir, "a.png", 100, 1))
              .mediaType("image/png")
              .source("telegram", "chat/1/message/2"));
      s.add("c", NewItem.of(Fixtures.noise(dir, "b.png", 120, 2)));
      s.correct(0, Map.of("captured_by", "officer 2"), "name typo");
      s.export("c", List.of(), out, null);
      fp = s.publicKeyFingerprint();
    }
    VerifiedManifest m = PackageVerifier.readVerified(out);
    assertThat(m.caseId()).isEqualTo("c");
    assertThat(m.keyFingerprint()).isEqualTo(fp).hasSize(64);
    assertThat(m.treeSize()).isEqualTo(3);
    assertThat(m.items()).hasSize(2);
    VerifiedManifest.Item a = m.items().get(0);
    assertThat(a.id()).isZero();
    assertThat(a.sha256()).isEqualTo(Hex.of(Hex.sha256(Files.readAllBytes(dir.resolve("a.png")))));
    assertThat(a.size()).isEqualTo(100);
    assertThat(a.capturedBy()).contains("officer 2");
    assertThat(a.note()).contains("name typo");
    assertThat(a.metadataLogIndex()).isEqualTo(2);
    assertThat(a.corrections()).isEqualTo(1);
    assertThat(a.sourceValue()).contains("chat/1/message/2");
    assertThat(a.mediaType()).contains("image/png");
    assertThat(a.existedBy()).isEmpty();
    assertThat(m.timestamps()).isEmpty();
    assertThat(m.items().get(1).fileName()).contains("b.png");
  }

  @Test
  void readVerified_tamperedPackage_throwsWithFirstFailure() throws Exception {
    Path bad = dir.resolve("bad.zip");
    Files.write(bad, new byte[] {'P', 'K', 3, 4, 0});
    assertThatThrownBy(() -> PackageVerifier.readVerified(bad))
        .isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("did not verify")
        .satisfies(e -> assertThat(((PackageRejectedException) e).verification().ok()).isFalse());
  }
}
