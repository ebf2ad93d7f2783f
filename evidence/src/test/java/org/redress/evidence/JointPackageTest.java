package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    byte[] inner = entries(joint).get("cases/B.zip");
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
    rewrite(
        joint,
        bad,
        Map.of(
            "cases/B.zip",
            inner ->
                zipBytes(
                    rewriteEntries(
                        inner,
                        Map.of(
                            "manifest.json",
                            m ->
                                new String(m, StandardCharsets.UTF_8)
                                    .replace(shaOfItem3, flipped)
                                    .getBytes(StandardCharsets.UTF_8))))));
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
    rewrite(
        joint,
        bad,
        Map.of(
            "joint.json",
            j ->
                new String(j, StandardCharsets.UTF_8)
                    .replace(shaOfItem3, "f".repeat(64))
                    .getBytes(StandardCharsets.UTF_8)));
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

  private static Map<String, byte[]> entries(Path zip) throws Exception {
    return entries(Files.readAllBytes(zip));
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

  private static Map<String, byte[]> rewriteEntries(
      byte[] zip, Map<String, UnaryOperator<byte[]>> change) {
    try {
      Map<String, byte[]> e = entries(zip);
      change.forEach((name, f) -> e.put(name, f.apply(e.get(name))));
      return e;
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static byte[] zipBytes(Map<String, byte[]> entries) {
    try {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bo, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          ZipEntry ze = new ZipEntry(e.getKey());
          ze.setTime(0L);
          z.putNextEntry(ze);
          z.write(e.getValue());
          z.closeEntry();
        }
      }
      return bo.toByteArray();
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void rewrite(Path from, Path to, Map<String, UnaryOperator<byte[]>> change)
      throws Exception {
    Files.write(to, zipBytes(rewriteEntries(Files.readAllBytes(from), change)));
  }
}
