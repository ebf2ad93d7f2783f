package org.redress.screenshots;

import java.util.List;

/**
 * Opens an OCR reader, reads one synthetic picture and exits, closing the reader unless the first
 * argument is {@code keep}. Run in its own JVM by {@link ScreenTextExitTest}.
 */
final class OcrExitMain {
  private OcrExitMain() {}

  public static void main(String[] args) {
    ScreenText ocr = ScreenText.open();
    ocr.lines(ScreenTextTest.picture(1), List.of());
    if (!(args.length > 0 && args[0].equals("keep"))) {
      ocr.close();
      ocr.close();
    }
  }
}
