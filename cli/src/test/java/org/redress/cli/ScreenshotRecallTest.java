package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.redress.match.BankRules;
import org.redress.match.Match;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.phash.Dihedral;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.screenshots.Region;
import org.redress.screenshots.Screenshots;
import org.redress.screenshots.SyntheticScreenshots;
import org.redress.screenshots.SyntheticScreenshots.Layout;

/**
 * Screenshots made of the demo's sample pictures ({@link SampleImages}) inside synthetic chat
 * chrome, JPEG-recompressed and sometimes downscaled as messengers do: the embedded picture is
 * found and matched (recall at least 95 %), and screenshots of other pictures match nothing. The
 * default run is small; the 1,000-screenshot run is tagged slow ({@code -Dgroups=slow}).
 */
class ScreenshotRecallTest {
  private static final SyntheticScreenshots GEN = SyntheticScreenshots.withSystemFont();

  /*
   * Measured before the fix (96 related, 300 unrelated): every scene found (48 of 48), posters 36
   * of 48 (a poster's pale background on a pale chat background gives a weak border, an avatar
   * beside it made the side look non-uniform, and the caption strip under it was cut instead of
   * the picture's edge). With borders whose outside is mostly one colour (docs/sources.md): 94 of
   * 96 on the seeds below and 195 of 200 on a fresh seed (31000) that was not looked at while
   * fixing.
   */

  @Test
  void screenshots_ofBankPictures_areMatchedByRegion() {
    Result r = run(40, 20, 7000);
    assertThat(r.sceneRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.recall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.falseMatches).as(r.toString()).isZero();
  }

  /** The full run: {@code mvn -pl cli test -Dtest=ScreenshotRecallTest -Dredress.slow=true}. */
  @Test
  @Tag("slow")
  @EnabledIfSystemProperty(named = "redress.slow", matches = "true")
  void screenshots_thousandUnrelated_matchNothing() {
    Result r = run(200, 1000, Long.getLong("redress.seed", 7000));
    System.out.println(r);
    assertThat(r.sceneRecall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.recall()).as(r.toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.falseMatches).as(r.toString()).isZero();
  }

  static BufferedImage picture(long seed) {
    int w = 480 + (int) (seed % 5) * 80;
    int h = 360 + (int) (seed % 3) * 100;
    return seed % 2 == 0 ? SampleImages.scene(w, h, seed) : SampleImages.poster(w, h, seed);
  }

  /** Recompressed as a messenger does: JPEG at 70..90 %, half of them downscaled too. */
  static BufferedImage recompressed(BufferedImage shot, long seed) {
    BufferedImage s = seed % 2 == 0 ? shot : SampleImages.scaled(shot, 0.6 + (seed % 4) * 0.1);
    byte[] jpeg = SampleImages.jpeg(s, 0.7f + (seed % 3) * 0.1f);
    try {
      return ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result run(int related, int unrelated, long seed) {
    int bankSize = 24;
    PdqHasher hasher = new PdqHasher();
    Matcher.Builder b = Matcher.builder().bank(new BankRules("victim", 31, 50));
    for (int i = 0; i < bankSize; i++) {
      BufferedImage p = picture(1000 + i);
      int[] rgb = p.getRGB(0, 0, p.getWidth(), p.getHeight(), null, 0, p.getWidth());
      PdqResult h = hasher.hashRgb(rgb, p.getWidth(), p.getHeight());
      b.pdq("victim", i + 1, "picture-" + i, h.pdq(), h.quality());
    }
    Matcher matcher = b.build();
    Layout[] layouts = Layout.values();
    Result res = new Result();
    for (int i = 0; i < related; i++) {
      int item = i % bankSize;
      SyntheticScreenshots.Shot shot =
          GEN.render(picture(1000 + item), layouts[i % layouts.length], seed + i);
      BufferedImage img = recompressed(shot.image(), i);
      res.related++;
      if (item % 2 == 0) {
        res.scenes++;
      }
      boolean found = false;
      for (Screenshots.RegionHash rh : Screenshots.regionHashes(img)) {
        for (Match m : match(matcher, rh)) {
          if (m.label().equals("picture-" + item)) {
            found = true;
          } else {
            res.falseMatches++;
            res.notes.add("wrong item " + m.label() + " in related " + i);
          }
        }
      }
      if (found) {
        res.found++;
        if (item % 2 == 0) {
          res.foundScenes++;
        }
      } else {
        res.notes.add(
            String.format(
                Locale.ROOT,
                "missed %s seed %d picture %s regions %s",
                shot.layout(),
                seed + i,
                scaledTruth(shot, img),
                Screenshots.regions(img).stream().map(Region::toString).toList()));
      }
    }
    for (int i = 0; i < unrelated; i++) {
      SyntheticScreenshots.Shot shot =
          GEN.render(picture(50_000 + i), layouts[i % layouts.length], 90_000 + i);
      BufferedImage img = recompressed(shot.image(), i);
      for (Screenshots.RegionHash rh : Screenshots.regionHashes(img)) {
        List<Match> ms = match(matcher, rh);
        res.falseMatches += ms.size();
        if (!ms.isEmpty()) {
          res.notes.add("false match in unrelated " + i + ": " + ms.get(0).label());
        }
      }
      res.unrelated++;
    }
    return res;
  }

  private static Region scaledTruth(SyntheticScreenshots.Shot shot, BufferedImage img) {
    double f = img.getWidth() / (double) shot.image().getWidth();
    Region p = shot.picture();
    return new Region(
        (int) (p.x() * f), (int) (p.y() * f), (int) (p.width() * f), (int) (p.height() * f));
  }

  private static List<Match> match(Matcher matcher, Screenshots.RegionHash rh) {
    PdqResult orig = new PdqResult(rh.hashes().get(Dihedral.ORIGINAL), rh.hashes().quality());
    return matcher.matchDihedral(Query.ofPdq(orig), rh.hashes()).matches();
  }

  private static final class Result {
    int related;
    int found;
    int scenes;
    int foundScenes;
    int unrelated;
    int falseMatches;
    final List<String> notes = new ArrayList<>();

    double recall() {
      return related == 0 ? 0 : found / (double) related;
    }

    double sceneRecall() {
      return scenes == 0 ? 0 : foundScenes / (double) scenes;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "found %d of %d (recall %.3f; scenes %d of %d, %.3f;"
              + " posters %d of %d), %d unrelated, %d false matches; %s",
          found,
          related,
          recall(),
          foundScenes,
          scenes,
          sceneRecall(),
          found - foundScenes,
          related - scenes,
          unrelated,
          falseMatches,
          notes.subList(0, Math.min(12, notes.size())));
    }
  }
}
