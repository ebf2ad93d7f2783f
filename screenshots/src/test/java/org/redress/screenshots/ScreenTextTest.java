package org.redress.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCR of synthetic screenshots (JPEG-recompressed): the subscriber or member count and the view
 * count are read correctly from at least 90 % of them (10 by default; the larger run: {@code
 * -Dredress.ocr.shots=100}). Needs Tesseract with chi_sim and eng (scripts/test.d/ocr.sh); skipped
 * without it unless -Dredress.ocr.required=true.
 */
class ScreenTextTest {
  static ScreenText ocr;

  @BeforeAll
  static void open() {
    var why = ScreenText.unavailable();
    if (why.isPresent() && !Boolean.getBoolean("redress.ocr.required")) {
      Assumptions.abort(why.get());
    }
    ocr = ScreenText.open();
  }

  @AfterAll
  static void close() {
    if (ocr != null) {
      ocr.close();
    }
  }

  static BufferedImage picture(long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(600, 420, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(60, 120, 200), 0, 420, new Color(230, 190, 120)));
    g.fillRect(0, 0, 600, 420);
    for (int i = 0; i < 10; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      g.fillOval(r.nextInt(560), r.nextInt(380), 40 + r.nextInt(100), 40 + r.nextInt(100));
    }
    g.dispose();
    return img;
  }

  static BufferedImage jpeg(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpeg", out);
    return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void lines_syntheticScreenshots_countsReadFromAtLeastNinetyPercent() throws IOException {
    SyntheticScreenshots gen = SyntheticScreenshots.withSystemFont();
    Assumptions.assumeTrue(gen.rendersChinese(), "no CJK font (fonts-wqy-microhei)");
    SyntheticScreenshots.Layout[] layouts = SyntheticScreenshots.Layout.values();
    int n = Integer.getInteger("redress.ocr.shots", 10);
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SyntheticScreenshots.Shot s = gen.render(picture(i), layouts[i % layouts.length], 500 + i);
      BufferedImage img = jpeg(s.image());
      List<CountText.Reading> rs = CountText.read(ocr.lines(img, List.of(s.picture())));
      long members =
          CountText.first(rs, "members")
              .flatMap(
                  r ->
                      r.count().isPresent()
                          ? java.util.Optional.of(r.count().getAsLong())
                          : java.util.Optional.empty())
              .orElse(-1L);
      long views =
          CountText.first(rs, "views")
              .flatMap(
                  r ->
                      r.count().isPresent()
                          ? java.util.Optional.of(r.count().getAsLong())
                          : java.util.Optional.empty())
              .orElse(-1L);
      if (members == s.members() && views == s.views()) {
        right++;
      } else {
        wrong.add(
            String.format(
                Locale.ROOT,
                "%s seed %d: members %d (shown %d), views %d" + " (shown %d)",
                s.layout(),
                500 + i,
                members,
                s.members(),
                views,
                s.views()));
      }
    }
    System.out.printf(Locale.ROOT, "counts read right from %d of %d screenshots%n", right, n);
    assertThat(right)
        .as("%d of %d right; wrong: %s", right, n, wrong)
        .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * n));
  }
}
