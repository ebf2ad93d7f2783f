package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZIP archives: exports inside, zip slip, ZIP bombs, entry caps. */
class ZipSourceTest {
  @TempDir Path tmp;

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path z = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return z;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A ZIP with one deflated entry of {@code size} zero bytes: tiny on disk, huge inflated. */
  private Path zeros(String name, String entry, long size) throws IOException {
    Path z = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      out.putNextEntry(new ZipEntry(entry));
      byte[] block = new byte[1 << 16];
      for (long done = 0; done < size; done += block.length) {
        out.write(block, 0, (int) Math.min(block.length, size - done));
      }
      out.closeEntry();
    }
    return z;
  }

  @Test
  void read_zipHoldingAnExport_isReadAsThatExportWithMediaInside() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("ChatExport_2024-03-01/result.json", Fixtures.resource("single-chat.json"));
    e.put("ChatExport_2024-03-01/photos/photo_1@01-03-2024_17-07-00.jpg", utf8("photo"));
    e.put("ChatExport_2024-03-01/video_files/clip.mp4", utf8("videoXX"));
    e.put("outside.jpg", utf8("not part of the export"));
    Path z = zip("export.zip", e);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.summary().kind()).isEqualTo(SourceKind.ZIP);
    assertThat(r.posts()).hasSize(15);
    assertThat(r.loose()).isEmpty();
    assertThat(r.post(2).chat().export()).isEqualTo(z + "!/ChatExport_2024-03-01/result.json");
    MediaRef photo = r.media(4, "photo");
    assertThat(photo.available()).isTrue();
    assertThat(photo.file()).isEmpty();
    assertThat(photo.location())
        .isEqualTo(z + "!/ChatExport_2024-03-01/photos/photo_1@01-03-2024_17-07-00.jpg");
    assertThat(r.media(11, "photo").uncheckedReason()).contains(UncheckedReason.PATH_ESCAPE);
    assertThat(r.media(8, "thumbnail").uncheckedReason()).contains(UncheckedReason.MISSING_FILE);
  }

  @Test
  void mediaRef_inZip_opensAndExtractsUnderAGeneratedName() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("result.json", Fixtures.resource("single-chat.json"));
    e.put("photos/photo_1@01-03-2024_17-07-00.jpg", utf8("photo"));
    Path z = zip("export.zip", e);
    Path out = Files.createDirectories(tmp.resolve("work"));

    try (Source s = Source.open(z)) {
      MediaRef[] photo = new MediaRef[1];
      s.read(
          i -> {
            if (i instanceof Post p && p.messageId() == 4) {
              photo[0] = p.media().get(0);
            }
          });
      try (InputStream in = photo[0].open()) {
        assertThat(in.readAllBytes()).isEqualTo(utf8("photo"));
      }
      Path local = photo[0].localFile(out);
      assertThat(local.getParent()).isEqualTo(out);
      assertThat(local.getFileName().toString()).startsWith("entry-").endsWith(".jpg");
      assertThat(Files.readAllBytes(local)).isEqualTo(utf8("photo"));
    }
  }

  @Test
  void read_zipSlipNames_areUncheckedAndNeverRead() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("../evil.jpg", utf8("x"));
    e.put("/abs.jpg", utf8("x"));
    e.put("pics/../../up.png", utf8("x"));
    e.put("pics\\..\\..\\win.jpg", utf8("x"));
    e.put("pics/good.jpg", utf8("good"));
    e.put("readme.txt", utf8("not media"));
    Path z = zip("slip.zip", e);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose())
        .extracting(MediaRef::exportedPath)
        .containsExactly(
            "../evil.jpg",
            "/abs.jpg",
            "pics/../../up.png",
            "pics/good.jpg",
            "pics\\..\\..\\win.jpg");
    assertThat(r.loose().stream().filter(m -> !m.available()))
        .hasSize(4)
        .allSatisfy(m -> assertThat(m.uncheckedReason()).contains(UncheckedReason.ZIP_SLIP));
    assertThat(r.summary().unchecked()).containsEntry(UncheckedReason.ZIP_SLIP, 4L);
    assertThat(r.summary().skippedFiles()).isEqualTo(1);
    assertThat(Files.exists(tmp.resolve("evil.jpg"))).isFalse();
    assertThat(Files.exists(tmp.getParent().resolve("evil.jpg"))).isFalse();
  }

  @Test
  void open_zipBombDeclaringHugeSize_isRefusedAtTheCapBeforeInflating() throws Exception {
    Path z = zeros("bomb.zip", "bomb.jpg", 64L << 20);
    assertThat(Files.size(z)).isLessThan(1 << 20);
    Limits limits = Limits.builder().zipMaxBytes(10L << 20).build();

    assertThatThrownBy(() -> Source.open(z, limits))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(z.toString())
        .hasMessageContaining("declares at least 64 MiB uncompressed, over the cap of 10 MiB")
        .satisfies(
            ex ->
                assertThat(((SourceException) ex).limitExceeded().orElseThrow().limit())
                    .isEqualTo(LimitExceeded.Limit.ZIP_TOTAL_BYTES))
        .hasMessageNotContaining("--");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(z);
    }
  }

  @Test
  void read_zipEntryLyingAboutItsSize_isRefusedWhenItInflatesPastIt() throws Exception {
    Path z = zeros("liar.zip", "liar.jpg", 8L << 20);
    lieAboutSizes(z, 1000);
    Path work = Files.createDirectories(tmp.resolve("work"));

    try (Source s = Source.open(z, Limits.builder().zipMaxBytes(1L << 20).build())) {
      MediaRef[] ref = new MediaRef[1];
      s.read(i -> ref[0] = (MediaRef) i);
      assertThat(ref[0].declaredSize()).hasValue(1000);
      assertThatThrownBy(
              () -> {
                try (InputStream in = ref[0].open()) {
                  in.transferTo(OutputStream.nullOutputStream());
                }
              })
          .isInstanceOf(IOException.class)
          .hasMessageContaining("liar.jpg: inflates past its declared size of 1000 bytes");
      assertThatThrownBy(() -> ref[0].localFile(work)).isInstanceOf(IOException.class);
      try (Stream<Path> files = Files.list(work)) {
        assertThat(files).as("no partial copy left behind").isEmpty();
      }
    }
  }

  /** Rewrites every central-directory uncompressed size field to {@code size}. */
  private static void lieAboutSizes(Path z, int size) throws IOException {
    byte[] b = Files.readAllBytes(z);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 46 <= b.length; i++) {
      if (buf.getInt(i) == 0x02014b50) {
        buf.putInt(i + 24, size);
        patched++;
      }
    }
    assertThat(patched).isEqualTo(1);
    Files.write(z, b);
  }

  @Test
  void open_tooManyEntries_isRefusedNamingTheCapAndTheOption() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      e.put("f" + i + ".jpg", utf8("x"));
    }
    Path z = zip("many.zip", e);

    assertThatThrownBy(() -> Source.open(z, Limits.builder().zipMaxEntries(20).build()))
        .isInstanceOf(SourceException.class)
        .hasMessage(z + ": has 30 entries, over the cap of 20 (not extracted)")
        .satisfies(
            ex ->
                assertThat(((SourceException) ex).limitExceeded())
                    .contains(new LimitExceeded(LimitExceeded.Limit.ZIP_ENTRIES, 30, 20)));
    assertThat(Fixtures.read(z, Limits.builder().zipMaxEntries(30).build()).loose()).hasSize(30);
  }

  @Test
  void open_corruptZip_failsWithOneLine() throws Exception {
    Path z = tmp.resolve("broken.zip");
    Files.write(z, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

    assertThatThrownBy(() -> Source.open(z))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(z + ": not a readable ZIP archive");
  }

  @Test
  void read_looseZip_yieldsMediaInNameOrderWithSizes() throws Exception {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("b/2.mp4", utf8("vid"));
    e.put("a.jpg", utf8("jpeg!"));
    e.put("b/", new byte[0]);
    Path z = zip("loose.zip", e);

    Fixtures.Read r = Fixtures.read(z);

    assertThat(r.loose()).extracting(MediaRef::exportedPath).containsExactly("a.jpg", "b/2.mp4");
    assertThat(r.loose().get(0).declaredSize()).hasValue(5);
    assertThat(r.loose().get(1).mediaClass()).isEqualTo(MediaRef.MediaClass.VIDEO);
    assertThat(r.summary().looseFiles()).isEqualTo(2);
  }
}
