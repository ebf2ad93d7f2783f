package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.redress.testing.Vectors;

/** The eight variants from one DCT against {@code pdq-photo-hasher --pdqdih-across}. */
class DihedralReferenceTest {

  @Test
  void dihedral_bridgeOriginal_matchesReferenceForAllEight() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Vectors.pdq().resolve("expected/cpp-reference-dihedral.tsv"), StandardCharsets.UTF_8);
    String[] row =
        lines.stream()
            .filter(l -> l.startsWith("data/bridge-mods/aaa-orig.jpg\t"))
            .findFirst()
            .orElseThrow()
            .split("\t");
    BufferedImage img =
        ImageIO.read(Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg").toFile());
    int w = img.getWidth();
    int h = img.getHeight();
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    DihedralHashes d =
        new PdqHasher().hashRgbDihedral(ReferenceResize.resizeRgb(rgb, w, h), 512, 512);
    assertThat(d.quality()).isEqualTo(Integer.parseInt(row[1]));
    for (Dihedral v : Dihedral.values()) {
      assertThat(d.get(v).toString()).as(v.referenceName()).isEqualTo(row[2 + v.ordinal()]);
    }
  }
}
