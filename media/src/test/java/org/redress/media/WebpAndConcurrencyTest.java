package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.phash.Dihedral;
import org.redress.testing.Vectors;

/** WebP's EXIF chunk, and one hasher shared by several threads. */
class WebpAndConcurrencyTest {
  @TempDir Path dir;

  @Test
  void hash_extendedWebpWithExifOrientation6_hashedTurnedAndSizeSwapped() throws Exception {
    byte[] simple =
        Files.readAllBytes(
            Vectors.pdq().resolve("data/misc-images/modes/F.webp")); // 1600x1004, lossy VP8
    Path tagged = Files.write(dir.resolve("tagged.webp"), extendedWithExif(simple, 1600, 1004, 6));
    Path plain = Files.write(dir.resolve("plain.webp"), simple);

    MediaHasher dih = MediaHasher.builder().dihedral(true).orientation(Orientation.IGNORE).build();
    MediaHash stored = dih.hash(plain);
    MediaHash applied = MediaHasher.builder().build().hash(tagged);
    MediaHash ignored = MediaHasher.builder().orientation(Orientation.IGNORE).build().hash(tagged);

    assertThat(ignored.pdq()).isEqualTo(stored.pdq());
    assertThat(applied.width()).isEqualTo(1004);
    assertThat(applied.height()).isEqualTo(1600);
    // Turned clockwise: close to the stored image's rot270 variant (sampling differs slightly).
    assertThat(applied.pdq().pdq().distance(stored.dihedral().get(Dihedral.ROTATE_270)))
        .isLessThanOrEqualTo(31);
    assertThat(applied.pdq().pdq().distance(stored.pdq().pdq())).isGreaterThan(64);
  }

  @Test
  void hash_sharedHasherOnFourThreads_sameResultsAsSequential() throws Exception {
    MediaHasher hasher = MediaHasher.builder().build();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      byte[] data =
          i % 3 == 0
              ? TestImages.png(TestImages.photoLike(300 + i * 40, 260, i))
              : TestImages.jpeg(TestImages.photoLike(600 + i * 10, 420, i), 0.85f);
      files.add(Files.write(dir.resolve("f" + i + (i % 3 == 0 ? ".png" : ".jpg")), data));
    }
    files.add(Files.write(dir.resolve("bad.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1}));
    List<String> sequential = new ArrayList<>();
    for (Path f : files) {
      sequential.add(describe(hasher, f));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<String>> futures = new ArrayList<>();
        for (Path f : files) {
          futures.add(pool.submit(() -> describe(hasher, f)));
        }
        for (int i = 0; i < files.size(); i++) {
          assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String describe(MediaHasher h, Path f) {
    try {
      MediaHash m = h.hash(f);
      return m.pdq() + " " + m.width() + "x" + m.height() + " " + m.sha256();
    } catch (MediaException e) {
      return e.reason();
    }
  }

  /** Rewraps a simple lossy WebP as an extended one (VP8X) with an EXIF chunk after the image. */
  private static byte[] extendedWithExif(byte[] simple, int w, int h, int orientation) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put((byte) 0x08).put(new byte[3]); // EXIF present
    vp8x.put((byte) (w - 1)).put((byte) ((w - 1) >> 8)).put((byte) ((w - 1) >> 16));
    vp8x.put((byte) (h - 1)).put((byte) ((h - 1) >> 8)).put((byte) ((h - 1) >> 16));
    chunk(body, "VP8X", vp8x.array());
    body.write(simple, 12, simple.length - 12); // the original VP8 chunk, as is
    chunk(body, "EXIF", TestImages.exifTiff(orientation));
    byte[] b = body.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(8 + b.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(b.length).put(b);
    return out.array();
  }

  private static void chunk(ByteArrayOutputStream out, String fourcc, byte[] data) {
    ByteBuffer hdr = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    hdr.put(fourcc.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length);
    out.writeBytes(hdr.array());
    out.writeBytes(data);
    if ((data.length & 1) == 1) {
      out.write(0);
    }
  }
}
