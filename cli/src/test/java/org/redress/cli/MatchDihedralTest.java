package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.media.MediaHasher;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.testing.Vectors;

/** {@code match --dihedral}: mirrored and rotated copies of a generated, innocuous picture. */
class MatchDihedralTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path ws;
  @TempDir Path files;

  private CliWorkspace workspace;
  private Path victim;
  private Path mirrored;
  private Path rotated;

  @BeforeEach
  void bankWithOnePicture() throws Exception {
    workspace = new CliWorkspace(ws);
    BufferedImage original = CliWorkspace.picture(640, 480, 7);
    victim = files.resolve("victim-photo.png");
    ImageIO.write(original, "png", victim.toFile());
    // Mirrored left to right, and turned 90 degrees clockwise then re-encoded as a JPEG.
    mirrored = files.resolve("mirrored.png");
    ImageIO.write(
        transformed(original, new AffineTransform(-1, 0, 0, 1, 640, 0), 640, 480),
        "png",
        mirrored.toFile());
    rotated = files.resolve("rotated.jpg");
    ImageIO.write(
        transformed(original, new AffineTransform(0, 1, -1, 0, 480, 0), 480, 640),
        "jpg",
        rotated.toFile());
    workspace.ok("bank", "create", "victim");
    CliRun add = workspace.ok("bank", "add", "victim", victim.toString());
    assertThat(add.out()).contains("added\t1\tpdq\tvictim-photo.png");
  }

  private static BufferedImage transformed(BufferedImage src, AffineTransform t, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(src, out);
    return out;
  }

  /** The bank item's hash and the distance of the file's variant {@code d} from it. */
  private int distance(Path file, Dihedral d) throws Exception {
    Pdq item = MediaHasher.builder().build().hash(victim).pdq().pdq();
    DihedralHashes v = MediaHasher.builder().dihedral(true).build().hash(file).dihedral();
    return v.get(d).distance(item);
  }

  @Test
  void match_mirroredAndRotatedWithoutDihedral_matchNothing() {
    CliRun m = workspace.run("match", mirrored.toString(), rotated.toString());
    assertThat(m.exit()).as(m.err()).isEqualTo(1);
    assertThat(m.out()).isEmpty();
  }

  @Test
  void matchDihedral_mirroredAndRotated_matchWithTheirTransformAndClosestDistance()
      throws Exception {
    CliRun m = workspace.ok("match", "--dihedral", mirrored.toString(), rotated.toString());
    int dm = distance(mirrored, Dihedral.FLIP_Y);
    int dr = distance(rotated, Dihedral.ROTATE_90);
    assertThat(dm).isBetween(0, 31);
    assertThat(dr).isBetween(0, 31);
    // The file's own hash is far from the item: only the variant brings it within the threshold.
    assertThat(distance(mirrored, Dihedral.ORIGINAL)).isGreaterThan(31);
    assertThat(distance(rotated, Dihedral.ORIGINAL)).isGreaterThan(31);
    assertThat(m.out())
        .isEqualTo(
            mirrored
                + "\tvictim\t1\tpdq\t"
                + dm
                + "\t-\t-\tvictim-photo.png\tflipy\n"
                + rotated
                + "\tvictim\t1\tpdq\t"
                + dr
                + "\t-\t-\tvictim-photo.png\trot90\n");
  }

  @Test
  void matchDihedralJson_mirroredCopy_namesTransform() throws Exception {
    CliRun m = workspace.ok("match", "--dihedral", "--json", mirrored.toString());
    JsonNode match = JSON.readTree(m.out()).get("matches").get(0);
    assertThat(match.get("item").asLong()).isEqualTo(1);
    assertThat(match.get("transform").asText()).isEqualTo("flipy");
    assertThat(match.get("distance").asInt()).isEqualTo(distance(mirrored, Dihedral.FLIP_Y));
  }

  @Test
  void matchDihedral_theFileItself_matchesAsOrig() {
    CliRun m = workspace.ok("match", "--dihedral", victim.toString());
    assertThat(m.out())
        .isEqualTo(
            victim
                + "\tvictim\t1\tpdq\t0\t-\t-\tvictim-photo.png\torig\n"
                + victim
                + "\tvictim\t2\tsha256\t0\t-\t-\tvictim-photo.png\torig\n");
    // Without the flag the output has no transform, as before.
    CliRun plain = workspace.run("match", "--json", victim.toString());
    assertThat(plain.out()).doesNotContain("transform");
  }

  @Test
  void matchDihedral_withHash_isOneLineUsageError() {
    String hash = "pdq:" + "ab".repeat(32);
    CliRun m = workspace.run("match", "--dihedral", "--hash", hash, mirrored.toString());
    assertThat(m.exit()).isEqualTo(2);
    assertThat(m.out()).isEmpty();
    assertThat(m.err().strip()).doesNotContain("\n").contains("--dihedral").contains(hash);
  }

  @Test
  void matchDihedral_video_isMatchedAsItIsWithNoTransform() {
    Path video = Vectors.vpdq().resolve("videos/pattern-sd-grey-bar.mp4");
    CliRun add = workspace.run("bank", "add", "victim", video.toString());
    org.junit.jupiter.api.Assumptions.assumeFalse(
        add.err().contains("not available"), "video hashing not in this build");
    assertThat(add.exit()).as(add.err()).isZero();

    CliRun m = workspace.ok("match", "--dihedral", video.toString());
    assertThat(m.out()).contains("\tvpdq\t").doesNotContain("orig");
    assertThat(m.out().lines()).allSatisfy(l -> assertThat(l).endsWith("\t-"));
    assertThat(workspace.run("match", "--dihedral", "--json", video.toString()).out())
        .doesNotContain("transform");
  }
}
