package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** The JDK's readers made without ImageIO's registry are the registry's own readers. */
class ImageDecoderTest {
  @Test
  void direct_jdkSlotsWithExportedPackages_giveTheRegistrysJdkReaderClass() {
    for (ImageDecoder.Slot slot :
        new ImageDecoder.Slot[] {
          ImageDecoder.Slot.JPEG_JDK,
          ImageDecoder.Slot.PNG,
          ImageDecoder.Slot.GIF,
          ImageDecoder.Slot.BMP
        }) {
      ImageReader direct = ImageDecoder.direct(slot);
      assertThat(direct).as(slot.name()).isNotNull();
      assertThat(direct.getClass()).as(slot.name()).isEqualTo(registryJdkReader(slot.formatName));
      direct.dispose();
    }
  }

  @Test
  void direct_twelveMonkeysSlots_areLeftToTheRegistry() {
    assertThat(ImageDecoder.direct(ImageDecoder.Slot.JPEG_ANY)).isNull();
    assertThat(ImageDecoder.direct(ImageDecoder.Slot.WEBP)).isNull();
  }

  private static Class<?> registryJdkReader(String format) {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
    while (it.hasNext()) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith("com.sun.imageio.")) {
        return r.getClass();
      }
    }
    throw new AssertionError("no JDK reader for " + format);
  }
}
