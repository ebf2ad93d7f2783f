package org.redress.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.redress.documents.DocumentException;

/**
 * The TrueType font embedded in PDFs: by default the Noto Serif SC subset shipped in {@code fonts/}
 * (see its README for provenance and licence), or a TrueType file given by the user. Parsed once
 * and reused; PDFBox embeds only the glyphs a document uses.
 */
public final class FontSource {
  /** The class-path location of the bundled font. */
  public static final String BUNDLED = "fonts/NotoSerifSC-Regular-subset.ttf";

  private static FontSource bundled;

  private final String name;
  private final TrueTypeFont ttf;
  private final CmapLookup cmap;
  private final float unitsPerEm;
  private final Map<Integer, Float> widths = new HashMap<>();

  private FontSource(String name, byte[] bytes) {
    this.name = name;
    try {
      this.ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      this.cmap = ttf.getUnicodeCmapLookup();
      this.unitsPerEm = ttf.getUnitsPerEm();
    } catch (IOException e) {
      throw new DocumentException("failed to read the font " + name + ": " + e.getMessage(), e);
    }
  }

  /** The bundled font, loaded on first use. */
  public static synchronized FontSource bundled() {
    if (bundled == null) {
      try (InputStream in = FontSource.class.getClassLoader().getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new DocumentException(
              "the bundled font " + BUNDLED + " is missing from the class path");
        }
        bundled = new FontSource(BUNDLED, in.readAllBytes());
      } catch (IOException e) {
        throw new DocumentException("failed to read the bundled font: " + e.getMessage(), e);
      }
    }
    return bundled;
  }

  /**
   * A TrueType font file chosen by the user.
   *
   * @throws DocumentException when the file cannot be read or is not a TrueType font (an OTF/CFF
   *     font cannot be embedded by PDFBox)
   */
  public static FontSource file(Path ttf) {
    try {
      return new FontSource(ttf.toString(), Files.readAllBytes(ttf));
    } catch (IOException e) {
      throw new DocumentException("failed to read the font " + ttf + ": " + e.getMessage(), e);
    }
  }

  /** Where the font came from. */
  public String name() {
    return name;
  }

  TrueTypeFont ttf() {
    return ttf;
  }

  /** Whether the font has a glyph for the code point. */
  public boolean has(int codePoint) {
    return cmap.getGlyphId(codePoint) != 0;
  }

  /** Advance width of a code point at size 1 (in text-space units). */
  synchronized float width(int codePoint) {
    Float cached = widths.get(codePoint);
    if (cached != null) {
      return cached;
    }
    float wv;
    try {
      wv = ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) / unitsPerEm;
    } catch (IOException e) {
      throw new DocumentException("failed to read glyph widths from " + name, e);
    }
    widths.put(codePoint, wv);
    return wv;
  }
}
