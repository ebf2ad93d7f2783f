package org.redress.screenshots;

import com.sun.jna.NativeLibrary;
import java.awt.Graphics2D;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;

/**
 * Reads the visible text of a screenshot with Tesseract (through tess4j and the system's
 * {@code libtesseract}, with the {@code chi_sim} and {@code eng} data). Not thread-safe: one
 * instance per thread.
 */
public final class ScreenText {
  /** What to install when Tesseract is missing. */
  public static final String INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
      + " tesseract-ocr-eng";

  /** Longest side OCR works on; larger screenshots are reduced (text stays readable). */
  static final int OCR_SIDE = 1600;

  private final Tesseract tesseract;

  private ScreenText(Path tessdata) {
    tesseract = new Tesseract();
    tesseract.setDatapath(tessdata.toString());
    tesseract.setLanguage("chi_sim+eng");
    tesseract.setPageSegMode(ITessAPI.TessPageSegMode.PSM_SPARSE_TEXT);
    tesseract.setOcrEngineMode(ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY);
    tesseract.setVariable("user_defined_dpi", "150");
  }

  /**
   * Why OCR is not available here, as one line that says what to install; empty when it is.
   */
  public static Optional<String> unavailable() {
    Optional<Path> data = tessdata();
    if (data.isEmpty()) {
      return Optional.of("Tesseract OCR with Chinese and English data is not installed, so the text"
          + " of screenshots is not read (run: " + INSTALL + ")");
    }
    try {
      NativeLibrary.getInstance("tesseract");
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return Optional.of("the Tesseract library (libtesseract5) cannot be loaded, so the text of"
          + " screenshots is not read (run: " + INSTALL + ")");
    }
    return Optional.empty();
  }

  /**
   * A reader.
   *
   * @throws IllegalStateException with {@link #unavailable()}'s message when Tesseract is missing
   */
  public static ScreenText open() {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      throw new IllegalStateException(why.get());
    }
    return new ScreenText(tessdata().orElseThrow());
  }

  /** The tessdata folder: $TESSDATA_PREFIX, else Debian's /usr/share/tesseract-ocr/N/tessdata. */
  static Optional<Path> tessdata() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("TESSDATA_PREFIX");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
      candidates.add(Path.of(env, "tessdata"));
    }
    Path debian = Path.of("/usr/share/tesseract-ocr");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> s = Files.list(debian)) {
        s.sorted(java.util.Comparator.reverseOrder())
            .forEach(p -> candidates.add(p.resolve("tessdata")));
      } catch (java.io.IOException ignored) {
        // none there
      }
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve("chi_sim.traineddata"))
          && Files.isRegularFile(c.resolve("eng.traineddata"))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The text lines of the screenshot, top to bottom, with the picture regions blanked first (they
   * hold no UI text, and OCR on pictures is slow and gives noise).
   */
  public List<CountText.Line> lines(BufferedImage shot, List<Region> blank) {
    double scale = Math.min(1.0, OCR_SIDE / (double) Math.max(shot.getWidth(), shot.getHeight()));
    int w = Math.max(1, (int) Math.round(shot.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(shot.getHeight() * scale));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(shot, 0, 0, w, h, null);
    g.setColor(Color.WHITE);
    for (Region r : blank) {
      g.fillRect((int) (r.x() * scale), (int) (r.y() * scale), (int) Math.ceil(r.width() * scale),
          (int) Math.ceil(r.height() * scale));
    }
    g.dispose();
    List<Word> words = tesseract.getWords(img, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
    List<CountText.Line> out = new ArrayList<>();
    for (Word wd : words) {
      String t = wd.getText().strip();
      if (!t.isEmpty()) {
        out.add(new CountText.Line(t, wd.getConfidence(),
            (int) Math.round(wd.getBoundingBox().y / scale)));
      }
    }
    out.sort(java.util.Comparator.comparingInt(CountText.Line::y));
    return out;
  }
}
