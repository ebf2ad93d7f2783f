package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper corpus: one test per mutation of a good package, each asserting the exact first
 * failure the verifier reports. The good package has three items of case "c" (one corrected),
 * content encrypted to {@link #PASS}, and a timestamp from a loopback TSA on every checkpoint.
 */
class TamperCorpusTest {
  static final char[] PASS = "recipient passphrase".toCharArray();
  @TempDir static Path dir;
  static LocalTsa tsa;
  static byte[] good;
  static String keyHash;

  @BeforeAll
  static void makePackage() throws Exception {
    tsa = LocalTsa.valid();
    Path ws = dir.resolve("ws");
    EvidenceStore first = Fixtures.store(ws).tsa(tsa.url()).open();
    try (EvidenceStore s = first) {
      for (int i = 0; i < 3; i++) {
        s.add(
            "c",
            NewItem.of(Fixtures.noise(dir, "f" + i + ".png", 300 + i, i)).mediaType("image/png"));
      }
      s.correct(1, Map.of("captured_by", "second officer"), "typo in the operator's name");
      s.add("other", NewItem.of(Fixtures.noise(dir, "x.bin", 50, 9)));
    }
    // The TSA was asked when the store closed (outside the workspace lock); export with tokens.
    assertThat(first.drainWarnings()).isEmpty();
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      assertThat(s.drainWarnings()).isEmpty();
      Path out = dir.resolve("good.zip");
      assertThat(s.export("c", List.of(), out, PASS)).isEqualTo(3);
      good = Files.readAllBytes(out);
      keyHash = s.publicKey().split("\\+")[1];
    }
  }

  @AfterAll
  static void stop() throws IOException {
    tsa.close();
  }

  // ------------------------------------------------------------------ helpers

  static List<Map.Entry<String, byte[]>> entries(byte[] zip) throws IOException {
    List<Map.Entry<String, byte[]>> out = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        out.add(new AbstractMap.SimpleEntry<>(e.getName(), in.readAllBytes()));
      }
    }
    return out;
  }

  static byte[] zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : entries) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  static byte[] get(List<Map.Entry<String, byte[]>> es, String name) {
    return es.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().getValue();
  }

  static void set(List<Map.Entry<String, byte[]>> es, String name, byte[] data) {
    es.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().setValue(data);
  }

  @SuppressWarnings("unchecked")
  static void editManifest(List<Map.Entry<String, byte[]>> es, Consumer<Map<String, Object>> edit) {
    Map<String, Object> m =
        Json.parseObject(new String(get(es, "manifest.json"), StandardCharsets.UTF_8));
    edit.accept(m);
    set(es, "manifest.json", Json.write(m).getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> entry(Map<String, Object> manifest, int k) {
    return (Map<String, Object>) ((List<Object>) manifest.get("entries")).get(k);
  }

  static Verification verify(byte[] zip) throws IOException {
    return verify(zip, PASS);
  }

  static Verification verify(byte[] zip, char[] pass) throws IOException {
    Path p = Files.createTempFile(dir, "pkg", ".zip");
    Files.write(p, zip);
    return PackageVerifier.verify(p, pass, null);
  }

  static String firstFailure(byte[] zip) throws IOException {
    Verification v = verify(zip);
    assertThat(v.ok()).as("tampered package must not verify").isFalse();
    return v.firstFailure().orElseThrow();
  }

  static List<Map.Entry<String, byte[]>> goodEntries() throws IOException {
    return entries(good);
  }

  // ------------------------------------------------------------------ the corpus

  @Test
  void untampered_verifiesEveryCheck() throws Exception {
    Verification v = verify(good);
    assertThat(v.ok()).as(v.toString()).isTrue();
    assertThat(v.checks())
        .extracting(Verification.Check::subject)
        .contains(
            "package",
            "manifest",
            "public key",
            "checkpoint",
            "timestamp 1",
            "timestamp 2",
            "timestamp 3",
            "timestamp 4",
            "entry 0",
            "entry 1",
            "entry 2",
            "entry 3",
            "item 0",
            "item 1",
            "item 2");
    Path p = Files.createTempFile(dir, "pkg", ".zip");
    Files.write(p, good);
    Verification pinned = PackageVerifier.verify(p, null, tsa.certificate());
    assertThat(pinned.ok()).as(pinned.toString()).isTrue();
    assertThat(pinned.toString()).contains("not decrypted (no recipient passphrase given)");
  }

  @Test
  void flippedByteInItemContent_failsDecryption() throws Exception {
    var es = goodEntries();
    byte[] c = get(es, "content/0.bin").clone();
    c[40] ^= 1;
    set(es, "content/0.bin", c);
    assertThat(firstFailure(zip(es)))
        .isEqualTo(
            "item 0: content/0.bin: decryption failed at "
                + "chunk 0 (wrong key, or altered or truncated content)");
  }

  @Test
  void editedMetadataInManifest_failsMetaHash() throws Exception {
    var es = goodEntries();
    editManifest(
        es,
        m ->
            entry(m, 0)
                .put(
                    "metadata",
                    ((String) entry(m, 0).get("metadata")).replace("tester", "someone else")));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("entry 0: metadata SHA-256 does not match the leaf (metadata was edited)");
  }

  @Test
  void editedTreeSizeInManifest_failsAgainstCheckpoint() throws Exception {
    var es = goodEntries();
    editManifest(es, m -> m.put("tree_size", 99L));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("checkpoint: checkpoint size 5 differs from manifest tree_size 99");
  }

  @Test
  void flippedByteInLeaf_failsInclusion() throws Exception {
    var es = goodEntries();
    editManifest(
        es,
        m -> {
          String leaf = (String) entry(m, 0).get("leaf");
          entry(m, 0).put("leaf", leaf.replace("\"size\":300", "\"size\":301"));
        });
    assertThat(firstFailure(zip(es)))
        .isEqualTo("entry 0: inclusion proof does not reproduce the checkpoint root");
  }

  @Test
  void swappedLeaves_failItemIndexCheck() throws Exception {
    var es = goodEntries();
    editManifest(
        es,
        m -> {
          Object l0 = entry(m, 0).get("leaf");
          Object m0 = entry(m, 0).get("metadata");
          entry(m, 0).put("leaf", entry(m, 3).get("leaf"));
          entry(m, 0).put("metadata", entry(m, 3).get("metadata"));
          entry(m, 3).put("leaf", l0);
          entry(m, 3).put("metadata", m0);
        });
    // manifest order is leaf 0, then leaf 1 and its correction (3), then leaf 2
    String first = firstFailure(zip(es));
    assertThat(first)
        .isIn(
            "entry 0: add leaf says item 2 but sits at index 0 (leaves swapped?)",
            "entry 0: inclusion proof does not reproduce the checkpoint root");
    assertThat(verify(zip(es)).toString())
        .contains("add leaf says item 0 but sits at index 2 (leaves swapped?)");
  }

  @Test
  void wrongPublicKey_checkpointNotSignedByIt() throws Exception {
    var es = goodEntries();
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    String origin =
        (String)
            Json.parseObject(new String(get(es, "manifest.json"), StandardCharsets.UTF_8))
                .get("origin");
    SignedNote.VerifierKey other = new SignedNote.VerifierKey(origin, SignedNote.publicKey(seed));
    set(es, "public-key.txt", (other.text() + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(zip(es)))
        .isEqualTo(
            "checkpoint: checkpoint is not signed by the "
                + "given public key (key hash "
                + Hex.of(other.keyHash)
                + " has no signature)");
    assertThat(Hex.of(other.keyHash)).isNotEqualTo(keyHash);
  }

  @Test
  void truncatedProof_failsLength() throws Exception {
    var es = goodEntries();
    String proof = new String(get(es, "proofs/0.txt"), StandardCharsets.UTF_8);
    set(
        es,
        "proofs/0.txt",
        proof.substring(proof.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("entry 0: inclusion proof has 2 hashes, " + "expected 3");
  }

  @Test
  void reorderedProof_failsRoot() throws Exception {
    var es = goodEntries();
    String[] lines = new String(get(es, "proofs/0.txt"), StandardCharsets.UTF_8).split("\n");
    set(
        es,
        "proofs/0.txt",
        (lines[1] + "\n" + lines[0] + "\n" + lines[2] + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("entry 0: inclusion proof does not reproduce the checkpoint root");
  }

  @Test
  void missingProof_namesFile() throws Exception {
    var es = goodEntries();
    es.removeIf(e -> e.getKey().equals("proofs/2.txt"));
    assertThat(firstFailure(zip(es))).isEqualTo("entry 2: missing proofs/2.txt");
  }

  @Test
  void forgedCheckpoint_signatureInvalid() throws Exception {
    var es = goodEntries();
    String cp = new String(get(es, "checkpoint.txt"), StandardCharsets.UTF_8);
    String[] l = cp.split("\n", -1);
    l[2] = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    set(es, "checkpoint.txt", String.join("\n", l).getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("checkpoint: checkpoint signature is invalid: the signed text was altered");
  }

  @Test
  void mismatchedTimestampToken_failsImprint() throws Exception {
    var es = goodEntries();
    set(es, "timestamps/0000000000000002.tsr", get(es, "timestamps/0000000000000001.tsr"));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("timestamp 2: timestamp token imprint does not " + "match the checkpoint");
  }

  @Test
  void garbageTimestampToken_notDer() throws Exception {
    var es = goodEntries();
    set(es, "timestamps/0000000000000001.tsr", new byte[] {0x30, 0x03, 1, 2, 3});
    assertThat(firstFailure(zip(es)))
        .isEqualTo("timestamp 1: timestamp token is not a DER RFC 3161 token");
  }

  @Test
  void tamperedConsistencyProof_fails() throws Exception {
    var es = goodEntries();
    String[] lines =
        new String(get(es, "timestamps/0000000000000002.consistency"), StandardCharsets.UTF_8)
            .split("\n");
    lines[0] = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    set(
        es,
        "timestamps/0000000000000002.consistency",
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(zip(es)))
        .startsWith("timestamp 2: consistency proof does not " + "reproduce the");
  }

  @Test
  void expiredTsaCertificate_failsValidityAtGenTime() throws Exception {
    Instant now = Instant.now();
    try (LocalTsa expired =
        new LocalTsa(now.minusSeconds(10 * 86_400), now.minusSeconds(5 * 86_400))) {
      Path ws = dir.resolve("ws-expired");
      Path out = dir.resolve("expired.zip");
      try (EvidenceStore s = Fixtures.store(ws).tsa(expired.url()).open()) {
        s.add("c", NewItem.of(Fixtures.noise(dir, "e.bin", 30, 3)));
      }
      try (EvidenceStore s = Fixtures.store(ws).open()) {
        s.export("c", List.of(), out, null);
      }
      String first = PackageVerifier.verify(out).firstFailure().orElseThrow();
      assertThat(first)
          .startsWith(
              "timestamp 1: timestamp certificate (O=Redress tests,"
                  + "CN=Redress Test TSA) was not valid at genTime ");
      assertThat(first)
          .endsWith(
              "(valid "
                  + Instant.ofEpochSecond(
                      expired.certificate().getNotBefore().toInstant().getEpochSecond())
                  + " to "
                  + expired.certificate().getNotAfter().toInstant()
                  + ")");
    }
  }

  @Test
  void tokenFromAnotherTsa_failsPinnedCertificate() throws Exception {
    try (LocalTsa other = LocalTsa.valid()) {
      Path p = Files.createTempFile(dir, "pkg", ".zip");
      Files.write(p, good);
      assertThat(PackageVerifier.verify(p, null, other.certificate()).firstFailure())
          .hasValue("timestamp 1: timestamp token was not signed by the given TSA certificate");
    }
  }

  @Test
  void zipSlipEntry_rejected() throws Exception {
    var es = goodEntries();
    es.add(new AbstractMap.SimpleEntry<>("../evil.sh", new byte[] {1}));
    assertThat(firstFailure(zip(es))).isEqualTo("package: unsafe entry name: ../evil.sh");
  }

  @Test
  void absoluteEntry_rejected() throws Exception {
    var es = goodEntries();
    es.add(0, new AbstractMap.SimpleEntry<>("/etc/x", new byte[] {1}));
    assertThat(firstFailure(zip(es))).isEqualTo("package: unsafe entry name: /etc/x");
  }

  @Test
  void duplicateEntryNames_rejected() throws Exception {
    var es = goodEntries();
    es.add(new AbstractMap.SimpleEntry<>("manifest.jsoX", "{}".getBytes(StandardCharsets.UTF_8)));
    byte[] z = zip(es);
    // ZipOutputStream refuses duplicates, so rename in place: names are stored uncompressed.
    byte[] from = "manifest.jsoX".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= z.length; i++) {
      if (java.util.Arrays.equals(z, i, i + from.length, from, 0, from.length)) {
        z[i + from.length - 1] = 'n';
      }
    }
    assertThat(firstFailure(z)).isEqualTo("package: duplicate entry name: manifest.json");
  }

  @Test
  void unexpectedEntry_rejected() throws Exception {
    var es = goodEntries();
    es.add(new AbstractMap.SimpleEntry<>("notes.txt", new byte[] {1}));
    assertThat(firstFailure(zip(es))).isEqualTo("package: unexpected entry: notes.txt");
  }

  @Test
  void unreferencedProof_rejected() throws Exception {
    var es = goodEntries();
    es.add(new AbstractMap.SimpleEntry<>("proofs/4.txt", new byte[0]));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("package: entry not referenced by the manifest: proofs/4.txt");
  }

  @Test
  void correctionWithoutItsAdd_rejected() throws Exception {
    var es = goodEntries();
    editManifest(es, m -> ((List<?>) m.get("entries")).remove(1));
    es.removeIf(e -> e.getKey().equals("proofs/1.txt") || e.getKey().equals("content/1.bin"));
    assertThat(firstFailure(zip(es)))
        .isEqualTo("entry 3: correction of item 1 whose add leaf is not in the package");
  }

  @Test
  void wrongRecipientPassphrase_namedAsSuch() throws Exception {
    Verification v = verify(good, "not the passphrase".toCharArray());
    assertThat(v.firstFailure()).hasValue("content: wrong recipient passphrase");
  }

  @Test
  void notAZip_rejected() throws Exception {
    assertThat(firstFailure("hello".getBytes(StandardCharsets.UTF_8)))
        .startsWith("package: not a zip file, or an empty one: ");
  }

  @Test
  void timestampsCoverEachLeafWithEarliestStamp() throws Exception {
    Verification v = verify(good);
    assertThat(v.checks())
        .filteredOn(c -> c.subject().equals("entry 0"))
        .singleElement()
        .extracting(Verification.Check::detail)
        .asString()
        .contains("existed no later than");
  }
}
