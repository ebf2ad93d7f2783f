package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the adversarial review's ZIP findings (issue 17, point 5 and the medium
 * findings), each named after its finding: archives are read entry by entry, checked by their
 * headers before anything is inflated, and one bad entry never refuses the whole archive.
 */
class HostileZipTest {
  @TempDir Path tmp;

  private Path zip(String name, Charset names, Map<String, byte[]> entries) throws IOException {
    Path z = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z), names)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return z;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Sets the general-purpose flag bits {@code bits} on the entry {@code name}, both headers. */
  private static void setFlags(Path z, String name, int bits) throws IOException {
    byte[] b = Files.readAllBytes(z);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    byte[] n = bytes(name);
    int patched = 0;
    for (int i = 0; i + 46 <= b.length; i++) {
      int sig = buf.getInt(i);
      int flagAt = sig == 0x04034b50 ? i + 6 : sig == 0x02014b50 ? i + 8 : -1;
      int nameAt = sig == 0x04034b50 ? i + 30 : i + 46;
      if (flagAt > 0
          && nameAt + n.length <= b.length
          && java.util.Arrays.equals(b, nameAt, nameAt + n.length, n, 0, n.length)) {
        buf.putShort(flagAt, (short) (buf.getShort(flagAt) | bits));
        patched++;
      }
    }
    assertThat(patched).isEqualTo(2);
    Files.write(z, b);
  }

  /** Replaces every occurrence of {@code from} with {@code to} (same length) in the file. */
  private static void replace(Path z, String from, String to) throws IOException {
    byte[] b = Files.readAllBytes(z);
    byte[] f = bytes(from);
    byte[] t = bytes(to);
    for (int i = 0; i + f.length <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, b, i, t.length);
      }
    }
    Files.write(z, b);
  }

  @Test
  void finding_gbkNamedZip_isReadNotRefusedWhole() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("照片/第一张.jpg", bytes("jpeg one"));
    e.put("照片/第二张.jpg", bytes("jpeg two"));
    Path z = zip("gbk.zip", Charset.forName("GBK"), e);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose())
        .extracting(MediaRef::exportedPath)
        .containsExactly("照片/第一张.jpg", "照片/第二张.jpg");
    assertThat(r.loose()).allSatisfy(m -> assertThat(m.available()).isTrue());
    try (Source s = Source.open(z)) {
      MediaRef[] first = new MediaRef[1];
      s.read(i -> first[0] = first[0] == null ? (MediaRef) i : first[0]);
      try (InputStream in = first[0].open()) {
        assertThat(in.readAllBytes()).isEqualTo(bytes("jpeg one"));
      }
    }
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("not marked UTF-8"));
  }

  @Test
  void finding_partlyEncryptedZip_readsTheRestAndLeavesEncryptedUnchecked() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("a.jpg", bytes("plain"));
    e.put("b.jpg", bytes("pretend encrypted"));
    Path z = zip("enc.zip", StandardCharsets.UTF_8, e);
    setFlags(z, "b.jpg", 1);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose()).hasSize(2);
    assertThat(r.loose().get(0).available()).isTrue();
    assertThat(r.loose().get(1).uncheckedReason()).contains(UncheckedReason.ZIP_ENCRYPTED);
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("encrypted"));
  }

  @Test
  void finding_duplicateZipEntries_areUncheckedNotResolvedSilently() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("x.jpg", bytes("first"));
    e.put("y.jpg", bytes("second"));
    e.put("z.jpg", bytes("other"));
    Path z = zip("dup.zip", StandardCharsets.UTF_8, e);
    replace(z, "y.jpg", "x.jpg");

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose()).extracting(MediaRef::exportedPath).containsExactly("x.jpg", "z.jpg");
    assertThat(r.loose().get(0).uncheckedReason()).contains(UncheckedReason.ZIP_DUPLICATE_ENTRY);
    assertThat(r.loose().get(1).available()).isTrue();
  }

  @Test
  void finding_smallZipInflatingToGigabytes_isRefusedBeforeWritingAnything() throws Exception {
    Path z = tmp.resolve("many-zeros.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 80; i++) {
        out.putNextEntry(new ZipEntry("z" + i + ".jpg"));
        out.write(block);
        out.closeEntry();
      }
    }
    assertThat(Files.size(z)).isLessThan(1 << 20);

    assertThatThrownBy(() -> Source.open(z))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("times its own size");
  }

  @Test
  void finding_oneEntryOverThePerEntryCap_isUncheckedTheRestRead() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("big.mp4", new byte[5000]);
    e.put("small.jpg", bytes("small"));
    Path z = zip("cap.zip", StandardCharsets.UTF_8, e);

    Fixtures.Read r = Fixtures.read(z, Limits.builder().zipMaxEntryBytes(4000).build());

    assertThat(r.loose().get(0).uncheckedReason()).contains(UncheckedReason.ZIP_ENTRY_TOO_LARGE);
    assertThat(r.loose().get(1).available()).isTrue();
    assertThat(r.summary().problems())
        .anySatisfy(
            p ->
                assertThat(p.message())
                    .contains("over the per-entry cap of 3.9 KiB; if the file is genuine, raise")
                    .doesNotContain("--"));
  }

  @Test
  void finding_localHeaderDisagreeingWithDirectory_isNotRead() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("real.jpg", bytes("the data"));
    Path z = zip("forged.zip", StandardCharsets.UTF_8, e);
    byte[] b = Files.readAllBytes(z);
    // the local header's name (at byte 30) differs from the central directory's
    b[30] = 'f';
    Files.write(z, b);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose())
        .singleElement()
        .satisfies(m -> assertThat(m.exportedPath()).isEqualTo("real.jpg"));
    try (Source s = Source.open(z)) {
      MediaRef[] ref = new MediaRef[1];
      s.read(i -> ref[0] = (MediaRef) i);
      assertThatThrownBy(
              () -> {
                try (InputStream in = ref[0].open()) {
                  in.transferTo(OutputStream.nullOutputStream());
                }
              })
          .hasMessageContaining("local header disagrees");
    }
  }

  @Test
  void finding_defaultCaps_areFarBelowTheOld64GiB() {
    assertThat(Limits.defaults().zipMaxBytes()).isLessThanOrEqualTo(16L << 30);
    assertThat(Limits.defaults().zipMaxEntryBytes()).isLessThanOrEqualTo(2L << 30);
  }
}
