package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

/** {@code bank add} and {@code match} on real files: generated images and a shared sample video. */
class BankAddMediaTest {
  @TempDir Path ws;
  @TempDir Path files;

  @Test
  void bankAdd_imagesThenMatchTransformedCopy_reportsPdqMatchWithFileLabel() throws Exception {
    BufferedImage original = CliWorkspace.picture(640, 480, 1);
    Path victim = files.resolve("victim-photo.png");
    ImageIO.write(original, "png", victim.toFile());
    Path other = files.resolve("unrelated.png");
    ImageIO.write(CliWorkspace.picture(640, 480, 2), "png", other.toFile());
    Path copy = files.resolve("reposted.jpg");
    ImageIO.write(SampleImages.scaled(original, 0.5), "jpg", copy.toFile());

    CliWorkspace workspace = new CliWorkspace(ws);
    workspace.ok("bank", "create", "victim");
    CliRun add = workspace.ok("bank", "add", "victim", victim.toString(), "--case", "C-1");
    assertThat(add.out())
        .contains("added\t1\tpdq\tvictim-photo.png")
        .contains("added\t2\tsha256\tvictim-photo.png");

    CliRun m = workspace.ok("match", copy.toString(), other.toString());
    assertThat(m.out())
        .startsWith(copy + "\tvictim\t1\tpdq\t")
        .endsWith("\tvictim-photo.png\n")
        .doesNotContain("unrelated");
    int distance = Integer.parseInt(m.out().split("\t")[4]);
    assertThat(distance).isBetween(0, 31);

    // The identical file also matches on SHA-256, exactly.
    assertThat(workspace.run("match", victim.toString()).out()).contains("\tsha256\t0\t");
    // Only hashes are stored: the database holds no copy of the image's bytes.
    byte[] db = Files.readAllBytes(ws.resolve("redress.db"));
    byte[] img = Files.readAllBytes(victim);
    assertThat(indexOf(db, java.util.Arrays.copyOfRange(img, 100, 164))).isEqualTo(-1);
  }

  @Test
  void bankAdd_oneUnreadableFile_addsNothing() throws Exception {
    Path good = files.resolve("good.png");
    ImageIO.write(CliWorkspace.picture(200, 200, 3), "png", good.toFile());
    Path bad = Files.writeString(files.resolve("bad.jpg"), "not an image");
    CliWorkspace workspace = new CliWorkspace(ws);
    workspace.run("bank", "create", "victim");
    CliRun r = workspace.run("bank", "add", "victim", good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("bad.jpg").contains("nothing was added");
    assertThat(workspace.run("bank", "list").out()).contains("victim\t0 items");
  }

  @Test
  void bankAdd_video_matchesItselfByVpdqWithPercentages() {
    Path video = Vectors.vpdq().resolve("videos/pattern-sd-grey-bar.mp4");
    CliWorkspace workspace = new CliWorkspace(ws);
    workspace.run("bank", "create", "videos");
    CliRun add = workspace.run("bank", "add", "videos", video.toString());
    // Video hashing arrives in media with the vPDQ work; until then this test is skipped.
    org.junit.jupiter.api.Assumptions.assumeFalse(
        add.err().contains("not available"), "video hashing not in this build yet");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).contains("\tvpdq\t").contains("\tmd5\t");
    CliRun m = workspace.ok("match", "--json", video.toString());
    assertThat(m.out())
        .contains("\"signal\":\"vpdq\"")
        .contains("\"query_percent\":100.0")
        .contains("\"compared_percent\":100.0")
        .contains("\"signal\":\"md5\"");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
