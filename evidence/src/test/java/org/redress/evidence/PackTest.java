package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pack files (docs §1.1): one per batch, and the tamper corpus for them. Each damage has its own
 * outcome: a flipped blob byte fails decryption of that item only; a damaged index, a damaged
 * trailer or a truncated pack makes that case's items in it unreadable, with a warning; a pack
 * whose leaves never reached the log is moved to the quarantine on open; leaves whose pack is gone
 * make the store refuse to open.
 */
class PackTest {
  @TempDir Path tmp;

  private Path ws() {
    return tmp.resolve("ws");
  }

  private List<NewItem> files(String prefix, int n, int size) throws Exception {
    List<NewItem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(NewItem.of(Fixtures.noise(tmp, prefix + i, size, prefix.hashCode() + i)));
    }
    return out;
  }

  /** Item 0 in batch one (pack 0), items 1 and 2 in batch two (pack 1). */
  private void twoBatches() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.addAll("c", files("a", 1, 300));
      s.addAll("c", files("b", 2, 70_000));
    }
  }

  /** Opens the store (which must open) and returns its warning about a damaged pack. */
  private static String damagedWarning(Path ws) throws Exception {
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      return s.openWarnings().stream()
          .filter(w -> w.text().contains("damaged pack"))
          .findFirst()
          .map(w -> w.text() + " / " + w.next().map(NextStep::name).orElse("no step"))
          .orElse("no warning");
    }
  }

  private static String openError(Path ws) {
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      return "opened with " + s.logSize() + " leaves";
    } catch (EvidenceException ex) {
      return ex.getMessage();
    }
  }

  @Test
  void addAll_batchOfManyItems_writesOnePackAndNoOtherFile() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.addAll("c", files("f", 50, 700));
    }
    List<Path> packs = Fixtures.packs(ws(), "c");
    assertThat(packs)
        .extracting(p -> p.getFileName().toString())
        .singleElement()
        .asString()
        .matches("0000000000000000-[0-9a-f]{16}\\.pack");
    List<Pack.Entry> index = Pack.readIndex(packs.get(0));
    assertThat(index).filteredOn(e -> e.kind() == Pack.CONTENT).hasSize(50);
    assertThat(index).filteredOn(e -> e.kind() == Pack.META).hasSize(50);
    try (var w = Files.list(ws().resolve("evidence/cases/c"))) {
      assertThat(w.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("case.key", "case.salt", "packs");
    }
  }

  @Test
  void addAll_largeBatchWithMissingFileInMiddle_namesItAndLogsNothing() throws Exception {
    List<NewItem> items = new ArrayList<>(files("f", 40, 700));
    Path missing = tmp.resolve("gone.jpg");
    items.add(17, NewItem.of(missing));
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThatThrownBy(() -> s.addAll("c", items)).hasMessage("not a regular file: " + missing);
      assertThat(s.logSize()).isZero();
      s.addAll("c", items.subList(0, 17));
      assertThat(s.logSize()).isEqualTo(17);
    }
    assertThat(Fixtures.packs(ws(), "c")).hasSize(1);
  }

  @Test
  void addAll_largeAndDuplicateFilesAmongSmallOnes_allReadBack() throws Exception {
    List<NewItem> items = new ArrayList<>(files("f", 30, 900));
    Path large = Fixtures.noise(tmp, "large.bin", Prefetch.SMALL_FILE + 70_000, 9);
    items.add(5, NewItem.of(large));
    items.add(20, items.get(3).note("same bytes as item 3"));
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      List<Item> added = s.addAll("c", items);
      assertThat(added).hasSize(32);
      assertThat(added.get(5).size()).isEqualTo(Prefetch.SMALL_FILE + 70_000);
      assertThat(added.get(20).sha256()).isEqualTo(added.get(3).sha256());
    }
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      for (int i = 0; i < items.size(); i++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.readContent(i, out);
        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(items.get(i).file()));
      }
    }
    assertThat(Fixtures.blobs(ws(), "c")).filteredOn(e -> e.kind() == Pack.CONTENT).hasSize(31);
  }

  @Test
  void addAll_contentAlreadyInEarlierPack_notStoredAgain() throws Exception {
    List<NewItem> a = files("a", 3, 500);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.addAll("c", a);
    }
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      List<NewItem> again = new ArrayList<>();
      for (NewItem it : a) {
        again.add(it.note("second copy"));
      }
      s.addAll("c", again);
      for (long id = 0; id < 6; id++) {
        s.readContent(id, OutputStream.nullOutputStream());
      }
    }
    assertThat(Fixtures.blobs(ws(), "c")).filteredOn(e -> e.kind() == Pack.CONTENT).hasSize(3);
    assertThat(Fixtures.blobs(ws(), "c")).filteredOn(e -> e.kind() == Pack.META).hasSize(6);
  }

  @Test
  void pack_writtenThenRead_blobsTileTheFileAndDecrypt() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    List<Pack.Entry> index = Pack.readIndex(pack);
    long at = Pack.MAGIC.length;
    for (Pack.Entry e : index) {
      assertThat(e.offset()).isEqualTo(at);
      at += e.length();
    }
    assertThat(at + index.size() * (long) Pack.ENTRY + Pack.TRAILER).isEqualTo(Files.size(pack));
    assertThat(index.get(0).length()).isEqualTo(Crypto.encryptedLength(70_000));
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.verifyContent().ok()).isTrue();
    }
  }

  @Test
  void flippedByteInPackBlob_thatItemFailsToDecrypt_othersRead() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    Pack.Entry second =
        Pack.readIndex(pack).stream().filter(e -> e.kind() == Pack.CONTENT).toList().get(1);
    byte[] b = Files.readAllBytes(pack);
    b[(int) second.offset() + 40] ^= 1;
    Files.write(pack, b);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.readContent(0, OutputStream.nullOutputStream());
      s.readContent(1, OutputStream.nullOutputStream());
      assertThatThrownBy(() -> s.readContent(2, new ByteArrayOutputStream()))
          .hasMessage(
              "item 2: decryption failed at chunk 0 (wrong key, or altered or "
                  + "truncated content)");
      assertThat(s.verifyContent().firstFailure())
          .hasValue(
              "item 2: item 2: decryption failed "
                  + "at chunk 0 (wrong key, or altered or truncated content)");
    }
  }

  @Test
  void flippedByteInPackIndex_caseWarnedItsItemsUnreadable() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    byte[] b = Files.readAllBytes(pack);
    b[b.length - Pack.TRAILER - Pack.ENTRY + 5] ^= 1;
    Files.write(pack, b);
    assertThat(damagedWarning(ws()))
        .isEqualTo(
            "WARNING: case c has a damaged pack: "
                + pack
                + ": pack index checksum mismatch (index altered); items stored in it cannot be read "
                + "(restore the pack from a backup); other cases are not affected / SALVAGE");
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.readContent(0, OutputStream.nullOutputStream());
      assertThatThrownBy(() -> s.readContent(1, OutputStream.nullOutputStream()))
          .hasMessageContaining("case c has a damaged pack");
    }
  }

  @Test
  void truncatedPack_caseWarned() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    byte[] b = Files.readAllBytes(pack);
    Files.write(pack, java.util.Arrays.copyOf(b, b.length - 7));
    assertThat(damagedWarning(ws()))
        .startsWith(
            "WARNING: case c has a damaged pack: "
                + pack
                + ": pack is truncated or damaged: no trailer at its end; ");
  }

  @Test
  void packCutBeforeItsIndex_caseWarned() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(0);
    Files.write(pack, java.util.Arrays.copyOf(Files.readAllBytes(pack), 40));
    assertThat(damagedWarning(ws())).contains(pack + ": pack is truncated (40 bytes)");
  }

  @Test
  void packTrailerCountAltered_caseWarned() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    byte[] b = Files.readAllBytes(pack);
    b[b.length - Pack.TRAILER + 11] ^= 1;
    Files.write(pack, b);
    assertThat(damagedWarning(ws())).contains(pack + ": pack trailer is damaged: index at ");
  }

  @Test
  void packIndexWithGapBetweenBlobs_rejectedEvenWithFixedChecksum() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    byte[] b = Files.readAllBytes(pack);
    int index = b.length - Pack.TRAILER - 4 * Pack.ENTRY;
    ByteBuffer.wrap(b).putLong(index + Pack.ENTRY + 33, 9);
    fixChecksum(b, 4);
    Files.write(pack, b);
    assertThatThrownBy(() -> Pack.readIndex(pack))
        .isInstanceOf(Failure.class)
        .hasMessageStartingWith("pack index entry 1: blob at 9 of ");
  }

  @Test
  void packIndexWithUnknownKind_rejectedEvenWithFixedChecksum() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(0);
    byte[] b = Files.readAllBytes(pack);
    b[b.length - Pack.TRAILER - 2 * Pack.ENTRY] = 7;
    fixChecksum(b, 2);
    Files.write(pack, b);
    assertThatThrownBy(() -> Pack.readIndex(pack))
        .hasMessage("pack index entry 0 has unknown " + "kind 7");
  }

  private static void fixChecksum(byte[] b, int entries) {
    int index = b.length - Pack.TRAILER - entries * Pack.ENTRY;
    byte[] sum = Hex.sha256(java.util.Arrays.copyOfRange(b, index, b.length - Pack.TRAILER));
    System.arraycopy(sum, 0, b, b.length - Pack.TRAILER + 12, 32);
  }

  /**
   * A crash after a pack was linked into place but before its leaves were appended leaves a pack
   * that the log does not know: the next open removes it, and the same file can be added again.
   */
  @Test
  void packWhoseLogRecordsAreMissing_quarantinedOnOpen_fileCanBeAddedAgain() throws Exception {
    twoBatches();
    Path log = ws().resolve("evidence/log/entries");
    List<byte[]> records = LogVerifierTest.records(Files.readAllBytes(log));
    Files.write(log, LogVerifierTest.write(records.subList(0, 1)));
    Files.delete(ws().resolve("evidence/checkpoints/0000000000000003.txt"));
    Path orphan = Fixtures.packs(ws(), "c").get(1);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.drainWarnings())
          .containsExactly(
              Warning.of(
                  "WARNING: moved pack "
                      + orphan.getFileName()
                      + " to the quarantine "
                      + ws().resolve("evidence/quarantine/cases/c")
                      + ": the log does not cover it (an add interrupted "
                      + "before it returned, or one batch of a lost log); nothing was deleted"),
              Warning.of(
                  "WARNING: 1 pack(s) wait in the quarantine "
                      + ws().resolve("evidence/quarantine"),
                  NextStep.RECOVER));
      assertThat(s.isReadOnly()).as("one interrupted batch does not block").isFalse();
      assertThat(s.logSize()).isEqualTo(1);
      s.addAll("c", List.of(NewItem.of(tmp.resolve("b0"))));
      s.readContent(1, OutputStream.nullOutputStream());
    }
    assertThat(Files.exists(orphan)).isFalse();
    assertThat(
            Files.exists(ws().resolve("evidence/quarantine/cases/c").resolve(orphan.getFileName())))
        .as("kept in the quarantine")
        .isTrue();
    assertThat(Fixtures.packs(ws(), "c")).hasSize(2);
    assertThat(LogVerifier.verify(ws()).ok()).as("the quarantine is not empty").isFalse();
  }

  @Test
  void logRecordsWhosePackIsMissing_openRefusedLoudly() throws Exception {
    twoBatches();
    Path pack = Fixtures.packs(ws(), "c").get(1);
    Files.delete(pack);
    String sha = Hex.of(Hex.sha256(Files.readAllBytes(tmp.resolve("b0"))));
    assertThat(openError(ws()))
        .isEqualTo(
            "log record 1 (add of item 1, case c) names content "
                + sha
                + ", which no pack in "
                + ws().resolve("evidence/cases/c/packs")
                + " holds: a pack "
                + "file was deleted or lost; the store refuses to open (restore the case's packs from a "
                + "backup; verify-log still works)");
    assertThat(LogVerifier.verify(ws()).ok()).as("the log itself is intact").isTrue();
  }

  @Test
  void staleTempFileInPacks_removedOnOpen() throws Exception {
    twoBatches();
    Path stale = ws().resolve("evidence/cases/c/packs/.0000000000000003-00.pack.tmp-1f");
    Files.write(stale, new byte[100]);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.drainWarnings()).isEmpty();
    }
    assertThat(Files.exists(stale)).isFalse();
  }

  @Test
  void correct_writesMetadataOnlyPack_readBackAfterReopen() throws Exception {
    twoBatches();
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.correct(
          1,
          java.util.Map.of("source_kind", "url", "source_value", "https://example.invalid/y"),
          "typo");
    }
    List<Path> packs = Fixtures.packs(ws(), "c");
    assertThat(packs).hasSize(3);
    assertThat(packs.get(2).getFileName().toString()).startsWith("0000000000000003-");
    assertThat(Pack.readIndex(packs.get(2)))
        .extracting(Pack.Entry::kind)
        .containsExactly(Pack.META);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      assertThat(s.item(1).metadata().note()).isEqualTo("typo");
    }
  }

  @Test
  void looseFilesOfOlderStores_stillRead() throws Exception {
    Path f = Fixtures.noise(tmp, "old", 5000, 3);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(f));
    }
    // Turn the pack back into the loose files an older store wrote (docs §1.2).
    Path pack = Fixtures.packs(ws(), "c").get(0);
    byte[] b = Files.readAllBytes(pack);
    for (Pack.Entry e : Pack.readIndex(pack)) {
      Path dir =
          ws().resolve("evidence/cases/c")
              .resolve(e.kind() == Pack.CONTENT ? "objects" : "meta")
              .resolve(e.sha256().substring(0, 2));
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(e.sha256()),
          java.util.Arrays.copyOfRange(b, (int) e.offset(), (int) (e.offset() + e.length())));
    }
    Files.delete(pack);
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.readContent(0, out);
      assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(f));
      s.add("c", NewItem.of(f).note("again"));
      assertThat(s.verifyContent().ok()).isTrue();
    }
    assertThat(Fixtures.blobs(ws(), "c")).extracting(Pack.Entry::kind).containsExactly(Pack.META);
  }
}
