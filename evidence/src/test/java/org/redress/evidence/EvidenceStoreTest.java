package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
  @TempDir Path tmp;

  private Path ws() {
    return tmp.resolve("ws");
  }

  @Test
  void add_thenReadBack_contentAndMetadataRoundTrip() throws Exception {
    Path f = Fixtures.noise(tmp, "photo.jpg", 200_000, 1);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      Item it =
          s.add(
              "case-1",
              NewItem.of(f)
                  .source("telegram", "chat/42/message/7")
                  .mediaType("image/jpeg")
                  .perceptual(Map.of("pdq", "ab".repeat(32))));
      assertThat(it.id()).isZero();
      assertThat(it.sha256())
          .isEqualTo(HexFormat.of().formatHex(Hex.sha256(Files.readAllBytes(f))));
      Metadata m = it.metadata();
      // Format 2: the metadata names the case by its salted commitment, never in clear.
      assertThat(m.caseId()).isNull();
      assertThat(m.caseCommit()).matches("[0-9a-f]{64}");
      assertThat(m.json()).doesNotContain("case-1");
      assertThat(it.caseId()).isEqualTo("case-1");
      assertThat(m.capturedAt()).isEqualTo(Fixtures.T0);
      assertThat(m.toolName()).isEqualTo("redress-test");
      assertThat(m.toolVersion()).isEqualTo("1.0");
      assertThat(m.capturedBy()).isEqualTo("tester");
      assertThat(m.fileName()).isEqualTo("photo.jpg");
      assertThat(m.size()).isEqualTo(200_000);
      assertThat(m.sourceKind()).isEqualTo("telegram");
      assertThat(m.sourceValue()).isEqualTo("chat/42/message/7");
      assertThat(m.perceptual()).containsEntry("pdq", "ab".repeat(32));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.readContent(0, out);
      assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(f));
    }
  }

  @Test
  void atRest_contentAndMetadataAreEncrypted() throws Exception {
    Path f = Fixtures.text(tmp, "plain-marker.txt", "PLAINTEXT-MARKER-1234567890");
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(f));
    }
    try (var walk = Files.walk(ws())) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String body =
            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(body)
            .as(p.toString())
            .doesNotContain("PLAINTEXT-MARKER")
            .doesNotContain("plain-marker.txt");
      }
    }
  }

  @Test
  void reopen_afterAdds_keepsItemsAndCheckpoint() throws Exception {
    Path a = Fixtures.noise(tmp, "a.bin", 10, 1);
    Path b = Fixtures.noise(tmp, "b.bin", 70_000, 2);
    Checkpoint cp;
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.addAll("c", List.of(NewItem.of(a), NewItem.of(b)));
      cp = s.latestCheckpoint();
    }
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.list("c")).extracting(Item::id).containsExactly(0L, 1L);
      assertThat(s.latestCheckpoint().signedText()).isEqualTo(cp.signedText());
      assertThat(cp.size()).isEqualTo(2);
      assertThat(s.drainWarnings()).isEmpty();
    }
  }

  @Test
  void sameBytesTwice_twoItemsOneObject() throws Exception {
    Path a = Fixtures.noise(tmp, "a.bin", 1000, 1);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      Item x = s.add("c", NewItem.of(a));
      Item y = s.add("c", NewItem.of(a).source("url", "https://example.invalid/p/1"));
      assertThat(x.sha256()).isEqualTo(y.sha256());
      assertThat(x.id()).isNotEqualTo(y.id());
    }
    assertThat(Fixtures.blobs(ws(), "c"))
        .filteredOn(e -> e.kind() == Pack.CONTENT)
        .extracting(Pack.Entry::sha256)
        .containsExactly(Hex.of(Hex.sha256(Files.readAllBytes(a))));
  }

  @Test
  void keyFile_createdOwnerOnly() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 5, 1)));
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ws().resolve("evidence/keys/master.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void keyFile_readableByOthers_refusedWithChmodHint() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 5, 1)));
    }
    Path key = ws().resolve("evidence/keys/master.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> Fixtures.store(ws()).open())
        .isInstanceOf(EvidenceException.class)
        .hasMessage("master key file " + key + " is readable or writable by others")
        .satisfies(
            e ->
                assertThat(((EvidenceException) e).nextStep())
                    .contains(NextStep.OWNER_ONLY_KEY_FILE));
  }

  @Test
  void wrongKeyFile_refused() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 5, 1)));
    }
    Path other = tmp.resolve("other.key");
    try (EvidenceStore s =
        Fixtures.store(tmp.resolve("ws2")).keys(KeySource.keyFile(other)).open()) {
      assertThat(s.logSize()).isZero();
    }
    assertThatThrownBy(() -> Fixtures.store(ws()).keys(KeySource.keyFile(other)).open())
        .hasMessage("wrong master key: " + other + " does not open " + ws().resolve("evidence"));
  }

  @Test
  void passphrase_rightOpens_wrongRefused() throws Exception {
    Path a = Fixtures.noise(tmp, "a", 5, 1);
    try (EvidenceStore s =
        Fixtures.store(ws()).keys(KeySource.passphrase("correct horse".toCharArray())).open()) {
      s.add("c", NewItem.of(a));
    }
    assertThat(Files.exists(ws().resolve("evidence/keys/master.key"))).isFalse();
    try (EvidenceStore s =
        Fixtures.store(ws()).keys(KeySource.passphrase("correct horse".toCharArray())).open()) {
      s.readContent(0, new ByteArrayOutputStream());
    }
    assertThatThrownBy(
            () ->
                Fixtures.store(ws())
                    .keys(KeySource.passphrase("wrong horse!".toCharArray()))
                    .open())
        .hasMessage("wrong passphrase for " + ws().resolve("evidence"));
    assertThatThrownBy(() -> Fixtures.store(ws()).open())
        .hasMessageStartingWith("this workspace's evidence is protected by a passphrase");
  }

  @Test
  void secondOpen_whileOpen_refused() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThatThrownBy(() -> Fixtures.store(ws()).open())
          .hasMessage("workspace " + ws() + " is in use by another redress process");
      assertThat(s.logSize()).isZero();
    }
  }

  @Test
  void correct_changesMetadata_keepsHistoryInLog() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a.png", 5, 1)));
      Item fixed =
          s.correct(
              0,
              Map.of("source_kind", "url", "source_value", "https://example.invalid/x"),
              "source was recorded wrongly");
      assertThat(fixed.corrections()).isEqualTo(1);
      assertThat(fixed.metadata().sourceKind()).isEqualTo("url");
      assertThat(fixed.metadata().note()).isEqualTo("source was recorded wrongly");
      assertThat(fixed.metadata().fileName()).isEqualTo("a.png");
      assertThat(s.logSize()).isEqualTo(2);
      assertThatThrownBy(() -> s.correct(0, Map.of("size", "3"), "x"))
          .hasMessageStartingWith("field \"size\" cannot be corrected");
      assertThatThrownBy(() -> s.correct(5, Map.of("note", "3"), "x"))
          .hasMessage("no such item: 5");
    }
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.item(0).metadata().sourceValue()).isEqualTo("https://example.invalid/x");
    }
  }

  @Test
  void shred_makesCaseUnreadable_logsIt_otherCasesIntact() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("gone", NewItem.of(Fixtures.noise(tmp, "a", 500, 1)));
      s.add("kept", NewItem.of(Fixtures.noise(tmp, "b", 500, 2)));
      assertThat(s.shred("gone")).isEqualTo(1);
      assertThat(s.item(0).shredded()).isTrue();
      assertThat(s.item(0).metadata()).isNull();
      assertThatThrownBy(() -> s.readContent(0, new ByteArrayOutputStream()))
          .hasMessage("case gone was shredded: its key is destroyed");
      assertThatThrownBy(() -> s.add("gone", NewItem.of(tmp.resolve("b"))))
          .hasMessage("case gone was shredded: its key is destroyed");
      s.readContent(1, new ByteArrayOutputStream());
    }
    assertThat(Files.exists(ws().resolve("evidence/cases/gone/case.key"))).isFalse();
    assertThat(Files.exists(ws().resolve("evidence/cases/gone/packs"))).isFalse();
    assertThat(Fixtures.packs(ws(), "kept")).hasSize(1);
    Verification lv = LogVerifier.verify(ws());
    assertThat(lv.ok()).as(lv.toString()).isTrue();
  }

  @Test
  void tornTail_repairedOnOpen_itemsKept() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 5, 1)));
    }
    Path log = ws().resolve("evidence/log/entries");
    long good = Files.size(log);
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 90, '{', '"'}));
    }
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.drainWarnings())
          .containsExactly(
              Warning.of(
                  "repaired torn log tail: dropped 6 bytes "
                      + "after record 1 (log record 1 at offset "
                      + good
                      + ": incomplete record header)"));
      assertThat(s.list("c")).hasSize(1);
      s.add("c", NewItem.of(Fixtures.noise(tmp, "b", 5, 2)));
    }
    assertThat(Files.size(log)).isGreaterThan(good);
    Verification lv = LogVerifier.verify(ws());
    assertThat(lv.ok()).as(lv.toString()).isTrue();
  }

  @Test
  void corruptionBeforeCheckpoint_refusedNotRepaired() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "a", 5, 1)));
      s.add("c", NewItem.of(Fixtures.noise(tmp, "b", 5, 2)));
    }
    Path log = ws().resolve("evidence/log/entries");
    byte[] b = Files.readAllBytes(log);
    b[10] ^= 1;
    Files.write(log, b);
    assertThatThrownBy(() -> Fixtures.store(ws()).open())
        .hasMessage(
            "log record 0 at offset 0: CRC mismatch; the log is corrupt before "
                + "checkpoint 2 and cannot be repaired");
  }

  @Test
  void flippedByteInStoredItem_detectedOnRead() throws Exception {
    Path f = Fixtures.noise(tmp, "a", 1000, 1);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(f));
    }
    Path pack = Fixtures.packs(ws(), "c").get(0);
    Pack.Entry content = Pack.readIndex(pack).get(0);
    assertThat(content.kind()).isEqualTo(Pack.CONTENT);
    byte[] b = Files.readAllBytes(pack);
    b[(int) content.offset() + 100] ^= 1;
    Files.write(pack, b);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThatThrownBy(() -> s.readContent(0, new ByteArrayOutputStream()))
          .hasMessage(
              "item 0: decryption failed at chunk 0 (wrong key, or altered or truncated "
                  + "content)");
      assertThat(s.verifyContent().firstFailure())
          .hasValue(
              "item 0: item 0: decryption failed "
                  + "at chunk 0 (wrong key, or altered or truncated content)");
    }
  }

  @Test
  void missingFile_namedInError_nothingLogged() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      Path ok = Fixtures.noise(tmp, "a", 5, 1);
      Path missing = tmp.resolve("missing.jpg");
      assertThatThrownBy(() -> s.addAll("c", List.of(NewItem.of(ok), NewItem.of(missing))))
          .hasMessage("not a regular file: " + missing);
      assertThat(s.logSize()).isZero();
    }
  }

  @Test
  void badCaseId_namesValue() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThatThrownBy(() -> s.add("../x", NewItem.of(tmp)))
          .hasMessage("case id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}, was \"../x\"");
    }
  }
}
