package org.redress.media;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzz target for the image header parser (issue 17, point 9): whatever the bytes, detecting the
 * format and reading the header of the detected format (and the Exif orientation) either succeeds
 * or throws {@link MediaException}; nothing else escapes. Seeds: {@code ImageHeaderFuzzTestInputs};
 * a longer run: {@code JAZZER_FUZZ=1} (docs/security-inputs.md).
 */
class ImageHeaderFuzzTest {
  private static final Path PATH = Path.of("fuzz.bin");

  @FuzzTest(maxDuration = "60s")
  void header(byte[] data) {
    // as MediaHasher calls it: a HEAD-sized buffer holding the first n bytes
    byte[] head = java.util.Arrays.copyOf(data, Math.max(Format.HEAD, data.length));
    Format f = Format.detect(head, Math.min(data.length, Format.HEAD));
    if (f == Format.JPEG
        || f == Format.PNG
        || f == Format.GIF
        || f == Format.BMP
        || f == Format.WEBP) {
      try {
        ImageHeader.read(PATH, f, data); // as MediaHasher: only with the detected format
      } catch (MediaException expected) {
        // a damaged header is reported with its reason
      }
    }
    Exif.orientation(data, 0, data.length);
  }
}
