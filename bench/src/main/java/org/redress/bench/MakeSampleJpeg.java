package org.redress.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an innocuous photo-like JPEG for end-to-end runs: {@code MakeSampleJpeg OUT WIDTH HEIGHT
 * [COPIES]} writes OUT and, with COPIES, OUT's folder gets that many copies named copy-NNNNN.jpg.
 */
public final class MakeSampleJpeg {
  private MakeSampleJpeg() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: MakeSampleJpeg OUT WIDTH HEIGHT [COPIES]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int w = Integer.parseInt(args[1]);
    int h = Integer.parseInt(args[2]);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, w, h, SyntheticImages.photoLike(w, h, new Random(7)), 0, w);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out.toFile())) {
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.9f);
      writer.setOutput(ios);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
    int copies = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    for (int i = 0; i < copies; i++) {
      Files.copy(out, parent.resolve(String.format(Locale.ROOT, "copy-%05d.jpg", i)));
    }
  }
}
