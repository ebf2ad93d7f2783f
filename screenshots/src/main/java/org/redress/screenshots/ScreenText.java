package org.redress.screenshots;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * Reads the visible text of a screenshot with Tesseract (through tess4j and the system's {@code
 * libtesseract}, with the {@code chi_sim} and {@code eng} data). Not thread-safe: one instance per
 * thread.
 */
public final class ScreenText implements AutoCloseable {
  /** What to install when Tesseract is missing. */
  public static final String INSTALL =
      "apt-get install tesseract-ocr tesseract-ocr-chi-sim" + " tesseract-ocr-eng";

  /** Longest side OCR works on: larger screenshots are reduced, smaller ones enlarged (to 2x). */
  static final int OCR_SIDE = 1600;

  private final TessAPI api;
  private final ITessAPI.TessBaseAPI handle;
  private boolean closed;

  private ScreenText(Path tessdata) {
    api = TessAPI.INSTANCE;
    handle = api.TessBaseAPICreate();
    int rc =
        api.TessBaseAPIInit2(
            handle, tessdata.toString(), "chi_sim+eng", ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY);
    if (rc != 0) {
      api.TessBaseAPIDelete(handle);
      throw new IllegalStateException(
          "Tesseract could not load chi_sim+eng from " + tessdata + " (run: " + INSTALL + ")");
    }
    api.TessBaseAPISetPageSegMode(handle, ITessAPI.TessPageSegMode.PSM_SPARSE_TEXT);
  }

  /**
   * Ends the Tesseract engine and frees it. Without this, Tesseract's shared model cache reports a
   * leak on the console when the process exits. Idempotent; the reader cannot be used afterwards.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      api.TessBaseAPIEnd(handle);
      api.TessBaseAPIDelete(handle);
    }
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Why OCR is not available here, as one line that says what to install; empty when it is. */
  public static Optional<String> unavailable() {
    Optional<Path> data = tessdata();
    if (data.isEmpty()) {
      return Optional.of(
          "Tesseract OCR with Chinese and English data is not installed, so the text"
              + " of screenshots is not read (run: "
              + INSTALL
              + ")");
    }
    try {
      NativeLibrary.getInstance("tesseract");
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return Optional.of(
          "the Tesseract library (libtesseract5) cannot be loaded, so the text of"
              + " screenshots is not read (run: "
              + INSTALL
              + ")");
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
    // Small screens are enlarged (small UI text reads better), large ones reduced.
    double scale = Math.min(2.0, OCR_SIDE / (double) Math.max(shot.getWidth(), shot.getHeight()));
    int w = Math.max(1, (int) Math.round(shot.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(shot.getHeight() * scale));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(shot, 0, 0, w, h, null);
    g.setColor(Color.WHITE);
    for (Region r : blank) {
      g.fillRect(
          (int) (r.x() * scale),
          (int) (r.y() * scale),
          (int) Math.ceil(r.width() * scale),
          (int) Math.ceil(r.height() * scale));
    }
    g.dispose();
    // Raw RGB bytes straight to the C API (tess4j's image helpers need Leptonica's library
    // under a name Debian does not ship).
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    ByteBuffer buf = ByteBuffer.allocateDirect(w * h * 3);
    for (int p : px) {
      buf.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
    }
    buf.flip();
    List<CountText.Line> out = new ArrayList<>();
    api.TessBaseAPISetImage(handle, buf, w, h, 3, w * 3);
    api.TessBaseAPISetSourceResolution(handle, 150);
    if (api.TessBaseAPIRecognize(handle, null) != 0) {
      api.TessBaseAPIClear(handle);
      throw new IllegalStateException("Tesseract could not read the image");
    }
    ITessAPI.TessResultIterator ri = api.TessBaseAPIGetIterator(handle);
    if (ri != null) {
      int level = ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
      ITessAPI.TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
      IntBuffer left = IntBuffer.allocate(1);
      IntBuffer top = IntBuffer.allocate(1);
      IntBuffer right = IntBuffer.allocate(1);
      IntBuffer bottom = IntBuffer.allocate(1);
      do {
        Pointer p = api.TessResultIteratorGetUTF8Text(ri, level);
        if (p == null) {
          continue;
        }
        String t = p.getString(0, StandardCharsets.UTF_8.name()).strip();
        api.TessDeleteText(p);
        float conf = api.TessResultIteratorConfidence(ri, level);
        api.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom);
        if (!t.isEmpty()) {
          out.add(new CountText.Line(t, conf, (int) Math.round(top.get(0) / scale)));
        }
      } while (api.TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
      api.TessResultIteratorDelete(ri);
    }
    api.TessBaseAPIClear(handle);
    out.sort(java.util.Comparator.comparingInt(CountText.Line::y));
    return out;
  }
}
