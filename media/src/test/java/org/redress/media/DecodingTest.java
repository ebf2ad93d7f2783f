package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.testing.Vectors;

/** Pixel-level decoding: the exact samples the reference's decoder stage would produce. */
class DecodingTest {
  private static final MediaHasher HASHER = MediaHasher.builder().build();

  @TempDir Path dir;

  @Test
  void decode_png16BitGrey_scalesSamplesByRoundingNotLowByte() throws Exception {
    int w = 64;
    int h = 48;
    BufferedImage img16 = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
    BufferedImage img8 = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r16 = img16.getRaster();
    WritableRaster r8 = img8.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int level = (x * 4 + y) & 0xFF;
        r16.setSample(x, y, 0, level * 257); // 16-bit encoding of the 8-bit level
        r8.setSample(x, y, 0, level);
      }
    }
    r16.setSample(0, 0, 0, 0x12FF); // high byte 0x12, low byte 0xFF: 4863/65535*255 = 18.92
    r8.setSample(0, 0, 0, 19);
    byte[] png16 = TestImages.png(img16);
    assertThat(png16[24]).as("PNG bit depth").isEqualTo((byte) 16);

    Pixels px =
        ImageDecoder.decode(
            dir.resolve("g16.png"),
            png16,
            ImageHeader.read(dir.resolve("g16.png"), Format.PNG, png16));

    assertThat(px.nativeGrey()).isTrue();
    assertThat(px.grey(0, 0)).isEqualTo(19);
    assertThat(px.grey(5, 3)).isEqualTo(23);
    assertThat(px.grey(63, 47)).isEqualTo((63 * 4 + 47) & 0xFF);
    MediaHash h16 = HASHER.hash(Files.write(dir.resolve("g16.png"), png16));
    MediaHash h8 = HASHER.hash(Files.write(dir.resolve("g8.png"), TestImages.png(img8)));
    assertThat(h16.pdq()).isEqualTo(h8.pdq());
  }

  @Test
  void decode_cmykJpeg_equalsImageMagickPixels() throws Exception {
    assertPixelsEqualDecodedPng("data/misc-images/modes/CMYK.jpg", "decoded/CMYK.jpg.decoded.png");
  }

  @Test
  void decode_iccTaggedJpeg_ignoresProfileLikeImageMagick() throws Exception {
    assertPixelsEqualDecodedPng("data/misc-images/wee.jpg", "decoded/wee.jpg.decoded.png");
  }

  @Test
  void decode_greyContentInRgbJpeg_takesTheGreyPath() throws Exception {
    assertPixelsEqualDecodedPng("data/misc-images/small.jpg", "decoded/small.jpg.decoded.png");
    Path p = Vectors.pdq().resolve("data/misc-images/small.jpg");
    byte[] data = Files.readAllBytes(p);
    Pixels px = ImageDecoder.decode(p, data, ImageHeader.read(p, Format.JPEG, data));
    assertThat(px.nativeGrey()).isFalse();
    assertThat(Sampled.of(px, 1).grey).isNotNull();
  }

  @Test
  void decode_lowQualityJpeg_equalsImageMagickPixels() throws Exception {
    assertPixelsEqualDecodedPng(
        "data/reg-test-input/labelme-subset/q0003.jpg", "decoded/q0003.jpg.decoded.png");
  }

  @Test
  void hash_gifFirstFrameAndBmp_equalPngOfSamePixels() throws Exception {
    BufferedImage rgb = TestImages.photoLike(200, 150, 8);
    BufferedImage indexed = new BufferedImage(200, 150, BufferedImage.TYPE_BYTE_INDEXED);
    indexed.getGraphics().drawImage(rgb, 0, 0, null);
    PdqResult png = HASHER.hash(Files.write(dir.resolve("a.png"), TestImages.png(indexed))).pdq();
    PdqResult gif = HASHER.hash(Files.write(dir.resolve("a.gif"), encode(indexed, "gif"))).pdq();
    PdqResult bmp = HASHER.hash(Files.write(dir.resolve("a.bmp"), encode(rgb, "bmp"))).pdq();
    PdqResult rgbPng = HASHER.hash(Files.write(dir.resolve("b.png"), TestImages.png(rgb))).pdq();
    assertThat(gif).isEqualTo(png);
    assertThat(bmp).isEqualTo(rgbPng);
  }

  @Test
  void hash_rgbaPng_dropsAlphaKeepsStoredColour() throws Exception {
    BufferedImage rgb = TestImages.photoLike(120, 90, 9);
    BufferedImage rgba = new BufferedImage(120, 90, BufferedImage.TYPE_4BYTE_ABGR);
    for (int y = 0; y < 90; y++) {
      for (int x = 0; x < 120; x++) {
        int a = (x * 2) & 0xFF; // varying alpha, colour kept as stored
        rgba.getRaster()
            .setPixel(
                x,
                y,
                new int[] {
                  rgb.getRaster().getSample(x, y, 0),
                  rgb.getRaster().getSample(x, y, 1),
                  rgb.getRaster().getSample(x, y, 2),
                  a
                });
      }
    }
    PdqResult withAlpha =
        HASHER.hash(Files.write(dir.resolve("a.png"), TestImages.png(rgba))).pdq();
    PdqResult plain = HASHER.hash(Files.write(dir.resolve("b.png"), TestImages.png(rgb))).pdq();
    assertThat(withAlpha).isEqualTo(plain);
  }

  @Test
  void hash_anyImage_digestsAreThoseOfTheFileBytes() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.photoLike(256, 256, 6), 0.9f);
    MediaHash h = HASHER.hash(Files.write(dir.resolve("d.jpg"), jpeg));
    HexFormat hex = HexFormat.of();
    assertThat(h.md5()).isEqualTo(hex.formatHex(MessageDigest.getInstance("MD5").digest(jpeg)));
    assertThat(h.sha256())
        .isEqualTo(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
    assertThat(h.size()).isEqualTo(jpeg.length);
    assertThat(h.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(h.vpdq()).isNull();
  }

  private static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, bos)).isTrue();
    return bos.toByteArray();
  }

  /** Compares every sample we decode with the reference decoder's output, stored as PNG. */
  private static void assertPixelsEqualDecodedPng(String file, String decodedPng) throws Exception {
    Path p = Vectors.pdq().resolve(file);
    byte[] data = Files.readAllBytes(p);
    Pixels px =
        ImageDecoder.decode(
            p,
            data,
            ImageHeader.read(p, Format.detect(data, Math.min(data.length, Format.HEAD)), data));
    BufferedImage target = ImageIO.read(Vectors.pdq().resolve(decodedPng).toFile());
    assertThat(px.width).isEqualTo(target.getWidth());
    assertThat(px.height).isEqualTo(target.getHeight());
    int bands = target.getRaster().getNumBands();
    int mismatches = 0;
    for (int y = 0; y < px.height; y++) {
      for (int x = 0; x < px.width; x++) {
        int rgb = px.rgb(x, y);
        int[] t = target.getRaster().getPixel(x, y, (int[]) null);
        int[] ours =
            bands == 1
                ? new int[] {px.grey(x, y)}
                : new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        for (int b = 0; b < bands; b++) {
          if (ours[b] != t[b]) {
            mismatches++;
          }
        }
      }
    }
    assertThat(mismatches).as("samples differing from " + decodedPng).isZero();
    PdqResult viaTarget =
        bands == 1
            ? new PdqHasher()
                .hashGrey(
                    ((java.awt.image.DataBufferByte) target.getRaster().getDataBuffer()).getData(),
                    target.getWidth(),
                    target.getHeight())
            : null;
    if (viaTarget != null) {
      assertThat(Sampled.of(px, 1).hash(new PdqHasher())).isEqualTo(viaTarget);
    }
  }
}
