package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 point 6: "a sealed item can never be taken back out". */
class ExtractTest {
  @TempDir Path tmp;

  @Test
  void extract_fromStore_writesOriginals0600In0700FolderAndRefusesToOverwrite() throws Exception {
    Path a = Fixtures.noise(tmp, "a b.png", 300, 1);
    Path b = Fixtures.noise(tmp, "b.png", 200, 2);
    Path out = tmp.resolve("out");
    try (EvidenceStore s = Fixtures.store(tmp.resolve("ws")).open()) {
      s.add("c", NewItem.of(a));
      s.add("c", NewItem.of(b));
      List<Path> files = s.extract("c", List.of(1L), out);
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("1-b.png");
      assertThat(Files.readAllBytes(files.get(0))).isEqualTo(Files.readAllBytes(b));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
          .isEqualTo("rwx------");
      assertThatThrownBy(() -> s.extract("c", List.of(), out))
          .hasMessageStartingWith("refusing to overwrite existing file");
      assertThat(s.extract("c", List.of(0L), out).get(0).getFileName().toString())
          .isEqualTo("0-a_b.png");
    }
  }

  @Test
  void extract_fromPackageWithContent_recipientGetsVerifiedOriginals() throws Exception {
    Path a = Fixtures.noise(tmp, "a.png", 300, 1);
    Path pkg = tmp.resolve("p.zip");
    char[] pass = "recipient passphrase".toCharArray();
    try (EvidenceStore s = Fixtures.store(tmp.resolve("ws")).open()) {
      s.add("c", NewItem.of(a));
      s.export("c", List.of(), pkg, pass);
    }
    List<Path> files = PackageVerifier.extract(pkg, pass, tmp.resolve("got"));
    assertThat(files)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getFileName().toString()).isEqualTo("0-a.png");
              assertThat(Files.readAllBytes(p)).isEqualTo(Files.readAllBytes(a));
            });
    assertThatThrownBy(
            () ->
                PackageVerifier.extract(pkg, "wrong passphrase".toCharArray(), tmp.resolve("got2")))
        .isInstanceOf(PackageRejectedException.class)
        .hasMessageContaining("wrong recipient passphrase");
    assertThat(tmp.resolve("got2")).doesNotExist();
  }
}
