package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gives a MediaException naming the file with a one-line reason. */
class BadInputTest {
  private static final MediaHasher HASHER = MediaHasher.builder().build();

  @TempDir Path dir;

  @Test
  void hash_emptyFile_saysEmpty() throws IOException {
    assertReason(write("empty.jpg", new byte[0]), "empty file");
  }

  @Test
  void hash_truncatedJpeg_saysTruncated() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.photoLike(400, 300, 1), 0.9f);
    assertReason(
        write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10)), "truncated JPEG data");
  }

  @Test
  void hash_jpegCutInsideHeaders_saysTruncated() throws IOException {
    byte[] jpeg = TestImages.jpeg(TestImages.photoLike(400, 300, 1), 0.9f);
    assertReason(
        write("stub.jpg", Arrays.copyOf(jpeg, 40)), "truncated JPEG data: no frame header");
  }

  @Test
  void hash_textNamedJpg_saysText() throws IOException {
    Path p =
        write(
            "notes.jpg", "Meeting at 10.\nBring the documents.\n".getBytes(StandardCharsets.UTF_8));
    assertReason(p, "not an image or video: the file holds text");
  }

  @Test
  void hash_unknownBinary_saysUnsupported() throws IOException {
    byte[] junk = new byte[300];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i * 37 + 11);
    }
    junk[3] = 0;
    assertReason(
        write("blob.png", junk), "unsupported format: not an image or video Redress can read");
  }

  @Test
  void hash_tiff_namesTheFormat() throws IOException {
    byte[] tiff = Arrays.copyOf(TestImages.exifTiff(1), 64);
    assertReason(write("scan.jpg", tiff), "unsupported format: TIFF image");
  }

  @Test
  void hash_pngDeclaring100000Squared_refusedFromTheHeaderAlone() throws IOException {
    Path p = write("bomb.png", TestImages.pngHeaderOnly(100_000, 100_000));
    assertThat(Files.size(p)).isLessThan(100);
    // 10^10 RGB pixels would need 30 GB: refusing within the time limit without an
    // OutOfMemoryError message proves nothing was allocated.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> assertReason(p, "image declares 100000x100000 pixels, over the limit of 178956970"));
  }

  @Test
  void hash_jpegOverConfiguredLimit_refused() throws Exception {
    Path p = write("big.jpg", TestImages.jpeg(TestImages.photoLike(300, 200, 2), 0.8f));
    MediaHasher strict = MediaHasher.builder().maxPixels(50_000).build();
    assertThatThrownBy(() -> strict.hash(p))
        .isInstanceOfSatisfying(
            MediaLimitExceeded.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo("image declares 300x200 pixels, over the limit of 50000");
              assertThat(e.limit()).isEqualTo(MediaLimitExceeded.Limit.IMAGE_PIXELS);
              assertThat(e.value()).isEqualTo(60_000);
              assertThat(e.max()).isEqualTo(50_000);
            });
    assertThat(MediaHasher.builder().maxPixels(60_000).build().hash(p).width()).isEqualTo(300);
  }

  @Test
  void hash_truncatedPng_saysTruncated() throws IOException {
    byte[] png = TestImages.png(TestImages.photoLike(300, 200, 4));
    assertReason(write("cut.png", Arrays.copyOf(png, png.length / 2)), "truncated PNG data");
  }

  @Test
  void hash_pngWithGarbledImageData_saysCorrupt() throws IOException {
    byte[] png = TestImages.png(TestImages.photoLike(300, 200, 4));
    for (int i = 200; i < png.length - 200; i += 7) {
      png[i] ^= 0x5A;
    }
    Path p = write("garbled.png", png);
    assertThatThrownBy(() -> HASHER.hash(p))
        .isInstanceOf(MediaException.class)
        .extracting(e -> ((MediaException) e).reason())
        .asString()
        .startsWith("corrupt PNG data: ")
        .doesNotContain("\n");
  }

  @Test
  void hash_pngWithoutHeader_saysCorrupt() throws IOException {
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    assertReason(write("nohdr.png", sig), "corrupt PNG: no IHDR header");
  }

  @Test
  void hash_missingFile_saysNoSuchFile() {
    assertReason(dir.resolve("absent.jpg"), "cannot read: no such file");
  }

  @Test
  void hash_directory_saysDirectory() throws IOException {
    assertReason(Files.createDirectory(dir.resolve("album.jpg")), "cannot read: is a directory");
  }

  @Test
  void hash_unreadableFile_saysPermissionDenied() throws IOException {
    Path p = write("locked.jpg", TestImages.jpeg(TestImages.photoLike(64, 64, 1), 0.9f));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(p), "running as root: permissions are not enforced");
    assertReason(p, "cannot read: permission denied");
  }

  @Test
  void readFailure_accessDenied_saysPermissionDenied() {
    Path p = dir.resolve("x.jpg");
    MediaException e = MediaHasher.readFailure(p, new AccessDeniedException(p.toString()));
    assertThat(e.reason()).isEqualTo("cannot read: permission denied");
    assertThat(e.getMessage()).isEqualTo(p + ": cannot read: permission denied");
  }

  @Test
  void hash_badInput_messageNamesTheFile() throws IOException {
    Path p = write("empty2.jpg", new byte[0]);
    assertThatThrownBy(() -> HASHER.hash(p))
        .isInstanceOf(MediaException.class)
        .hasMessage(p + ": empty file")
        .extracting(e -> ((MediaException) e).path())
        .isEqualTo(p);
  }

  @Test
  void builder_badValues_rejectedWithTheValue() {
    assertThatThrownBy(() -> MediaHasher.builder().secondsPerFrame(-1))
        .hasMessage("seconds per frame must be >= 0 and finite, was -1.0");
    assertThatThrownBy(() -> MediaHasher.builder().secondsPerFrame(Double.NaN))
        .hasMessage("seconds per frame must be >= 0 and finite, was NaN");
    assertThatThrownBy(() -> MediaHasher.builder().maxPixels(24))
        .hasMessage("max pixels must be >= 25, was 24");
    assertThat(MediaHasher.builder().secondsPerFrame(0).build().secondsPerFrame()).isZero();
  }

  private static void assertReason(Path p, String reason) {
    assertThatThrownBy(() -> HASHER.hash(p))
        .isInstanceOf(MediaException.class)
        .extracting(e -> ((MediaException) e).reason())
        .isEqualTo(reason);
  }

  private Path write(String name, byte[] data) throws IOException {
    return Files.write(dir.resolve(name), data);
  }
}
