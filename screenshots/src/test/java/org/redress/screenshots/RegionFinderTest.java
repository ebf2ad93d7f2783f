package org.redress.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionFinderTest {
  private static final SyntheticScreenshots GEN = SyntheticScreenshots.withSystemFont();

  private static int[] rgb(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void find_everyLayout_findsThePictureWithinAFewPixels() throws IOException {
    for (SyntheticScreenshots.Layout l : SyntheticScreenshots.Layout.values()) {
      SyntheticScreenshots.Shot s = GEN.render(ScreenTextTest.picture(l.ordinal()), l, 40);
      BufferedImage img = ScreenTextTest.jpeg(s.image());

      List<Region> found = RegionFinder.find(rgb(img), img.getWidth(), img.getHeight());

      assertThat(found)
          .as(l + " truth " + s.picture())
          .anySatisfy(r -> assertThat(r.iou(s.picture())).isGreaterThan(0.9));
    }
  }

  @Test
  void find_aPhotoFillingTheFrame_givesNoRegion() {
    BufferedImage photo = ScreenTextTest.picture(3);

    assertThat(RegionFinder.find(rgb(photo), photo.getWidth(), photo.getHeight())).isEmpty();
  }

  @Test
  void find_flatImage_givesNoRegion() {
    int[] flat = new int[300 * 200];
    java.util.Arrays.fill(flat, 0xEEEEEE);

    assertThat(RegionFinder.find(flat, 300, 200)).isEmpty();
  }

  @Test
  void region_textForm_roundTripsAndRejectsBadValues() {
    Region r = new Region(12, 34, 560, 78);

    assertThat(Region.parse(r.toString())).isEqualTo(r);
    assertThat(r).hasToString("12,34,560,78");
    assertThatThrownBy(() -> Region.parse("1,2,3")).hasMessageContaining("x,y,w,h");
    assertThatThrownBy(() -> new Region(0, 0, 0, 5)).hasMessageContaining("0,0,0,5");
  }
}
