package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.phash.Dihedral;
import org.redress.phash.Pdq;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.ReferenceResize;
import org.redress.testing.Vectors;

/** EXIF orientation: applied by default as a viewer would, ignored on request as the reference. */
class OrientationTest {
  private static final MediaHasher APPLY = MediaHasher.builder().build();
  private static final MediaHasher IGNORE =
      MediaHasher.builder().orientation(Orientation.IGNORE).build();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void hash_pngStoredSidewaysWithExif_equalsUprightPng(int o) throws Exception {
    BufferedImage upright = TestImages.photoLike(700, 560, 11);
    Path up = write("upright.png", TestImages.png(upright));
    Path side =
        write(
            "side-" + o + ".png",
            TestImages.withPngExif(TestImages.png(TestImages.stored(upright, o)), o));

    MediaHash expected = APPLY.hash(up);
    MediaHash actual = APPLY.hash(side);

    assertThat(actual.pdq()).isEqualTo(expected.pdq());
    assertThat(actual.width()).isEqualTo(700);
    assertThat(actual.height()).isEqualTo(560);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void hash_jpegWithExif_equalsFullImageRotatedThenReferencePath(int o) throws Exception {
    BufferedImage upright = TestImages.photoLike(640, 530, 5);
    byte[] jpeg = TestImages.jpeg(TestImages.stored(upright, o), 0.9f);
    Path file = write("exif-" + o + ".jpg", TestImages.withJpegExif(jpeg, o));

    // Oracle: the same JPEG data decoded as stored, turned as a viewer would, then the
    // reference path (512x512 nearest-neighbour pre-resize, PDQ) on the whole turned image.
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    BufferedImage shown = TestImages.display(decoded, o);
    int w = shown.getWidth();
    int h = shown.getHeight();
    int[] rgb = shown.getRGB(0, 0, w, h, null, 0, w);
    int[] sampled = ReferenceResize.resizeRgb(rgb, w, h);
    int side = ReferenceResize.applies(w, h) ? ReferenceResize.LIMIT : 0;
    PdqResult expected =
        new PdqHasher().hashRgb(sampled, side == 0 ? w : side, side == 0 ? h : side);

    MediaHash applied = APPLY.hash(file);
    MediaHash ignored = IGNORE.hash(file);

    assertThat(applied.pdq()).isEqualTo(expected);
    assertThat(applied.width()).isEqualTo(640);
    assertThat(applied.height()).isEqualTo(530);
    assertThat(ignored.pdq()).isNotEqualTo(expected);
    assertThat(ignored.width()).isEqualTo(decoded.getWidth());
  }

  @Test
  void hash_invalidOrientationValue_treatedAsUpright() throws Exception {
    BufferedImage img = TestImages.photoLike(300, 200, 3);
    byte[] jpeg = TestImages.jpeg(img, 0.9f);
    Path zero = write("zero.jpg", TestImages.withJpegExif(jpeg, 0));
    Path nine = write("nine.jpg", TestImages.withJpegExif(jpeg, 9));
    Path plain = write("plain.jpg", jpeg);

    assertThat(APPLY.hash(zero).pdq()).isEqualTo(APPLY.hash(plain).pdq());
    assertThat(APPLY.hash(nine).pdq()).isEqualTo(APPLY.hash(plain).pdq());
  }

  /**
   * The reference's photos with EXIF orientation 3, 6 and 8: turned as tagged, each lands within
   * the usual match threshold (31) of the reference's own dihedral variant for that turn, and far
   * from the stored orientation. Not exactly on it: turning before the 512×512 pre-resize samples
   * other pixels than turning after it (measured: 18, 12 and 12 bits).
   */
  @ParameterizedTest
  @CsvSource({"3, rot180", "6, rot270", "8, rot90"})
  void hash_referenceExifPhoto_appliedLandsOnTheMatchingDihedralVariant(int o, String variant)
      throws Exception {
    String file = "data/reg-test-input/exif-rotn/exif-rotn-" + o + ".jpg";
    String[] row = dihedralRow(file);
    Pdq stored = Pdq.parse(row[2]);
    Pdq turned = Pdq.parse(row[2 + variantIndex(variant)]);

    MediaHash ignored = IGNORE.hash(Vectors.pdq().resolve(file));
    MediaHash applied = APPLY.hash(Vectors.pdq().resolve(file));

    assertThat(ignored.pdq().pdq()).isEqualTo(stored);
    assertThat(ignored.width()).isEqualTo(4032);
    assertThat(applied.pdq().pdq().distance(turned))
        .as("distance to the reference's %s", variant)
        .isLessThanOrEqualTo(31);
    assertThat(applied.pdq().pdq().distance(stored)).isGreaterThan(64);
    assertThat(applied.width()).isEqualTo(o == 3 ? 4032 : 3024);
  }

  @Test
  void hash_referenceExifPhotoOrientation1_sameEitherWay() throws Exception {
    Path p = Vectors.pdq().resolve("data/reg-test-input/exif-rotn/exif-rotn-1.jpg");
    assertThat(APPLY.hash(p).pdq()).isEqualTo(IGNORE.hash(p).pdq());
  }

  private static int variantIndex(String name) {
    for (Dihedral d : Dihedral.values()) {
      if (d.referenceName().equals(name)) {
        return d.ordinal();
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static String[] dihedralRow(String file) throws IOException {
    List<String> lines =
        Files.readAllLines(
            Vectors.pdq().resolve("expected/cpp-reference-dihedral.tsv"), StandardCharsets.UTF_8);
    return lines.stream()
        .filter(l -> l.startsWith(file + "\t"))
        .findFirst()
        .orElseThrow()
        .split("\t");
  }

  private Path write(String name, byte[] data) throws IOException {
    return Files.write(dir.resolve(name), data);
  }
}
