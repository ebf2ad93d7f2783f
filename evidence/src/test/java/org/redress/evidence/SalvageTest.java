package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: "one bad byte in one pack blocks every case", and point 8: a salvage mode that saves
 * every item that still verifies and names what does not.
 */
class SalvageTest {
  @TempDir Path tmp;

  private Path ws() {
    return tmp.resolve("ws");
  }

  private void twoCases() throws Exception {
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      s.add("c", NewItem.of(Fixtures.noise(tmp, "c0.png", 300, 1)));
      s.add("d", NewItem.of(Fixtures.noise(tmp, "d1.png", 300, 2)));
      s.add("c", NewItem.of(Fixtures.noise(tmp, "c2.png", 300, 3)));
    }
  }

  private static void flipIndexByte(Path pack) throws Exception {
    byte[] b = Files.readAllBytes(pack);
    b[b.length - Pack.TRAILER - Pack.ENTRY + 5] ^= 1;
    Files.write(pack, b);
  }

  @Test
  void oneBadByteInOnePack_otherCasesOpenAndRead() throws Exception {
    twoCases();
    flipIndexByte(Fixtures.packs(ws(), "c").get(0));
    try (EvidenceStore s = Fixtures.store(ws()).open()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.readContent(1, out);
      assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(tmp.resolve("d1.png")));
      assertThat(s.list("d")).hasSize(1);
      s.add("d", NewItem.of(Fixtures.noise(tmp, "d3.png", 200, 4)));
      s.readContent(3, java.io.OutputStream.nullOutputStream());
    }
  }

  @Test
  void salvage_damagedAndMissingPacks_savesWhatVerifiesNamesTheRest() throws Exception {
    twoCases();
    flipIndexByte(Fixtures.packs(ws(), "c").get(0));
    Files.delete(Fixtures.packs(ws(), "d").get(0));
    Path out = tmp.resolve("salvaged");
    Salvage r;
    try (EvidenceStore s = Fixtures.store(ws()).forSalvage().open()) {
      assertThat(s.isReadOnly()).isTrue();
      r = s.salvage(out);
    }
    assertThat(r.saved())
        .anyMatch(l -> l.startsWith("case c item 2 "))
        .anyMatch(l -> l.startsWith("case c: package of 1 verified item(s)"));
    assertThat(r.lost())
        .anyMatch(l -> l.startsWith("case c: damaged pack: "))
        .anyMatch(l -> l.startsWith("case c item 0: "))
        .anyMatch(l -> l.startsWith("case d item 1: "));
    assertThat(Files.readAllBytes(out.resolve("c/2-c2.png")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("c2.png")));
    assertThat(PackageVerifier.verify(out.resolve("c.zip")).ok()).isTrue();
    assertThat(
            Files.readString(
                out.resolve("salvage-report.txt"), java.nio.charset.StandardCharsets.UTF_8))
        .contains("LOST   case d item 1: ");
  }

  @Test
  void salvage_intoNonEmptyFolder_refused() throws Exception {
    twoCases();
    Path out = tmp.resolve("x");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep"), "k", java.nio.charset.StandardCharsets.UTF_8);
    try (EvidenceStore s = Fixtures.store(ws()).forSalvage().open()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.salvage(out))
          .hasMessageContaining("it is not empty");
    }
    assertThat(List.of(out.toFile().list())).containsExactly("keep");
  }
}
