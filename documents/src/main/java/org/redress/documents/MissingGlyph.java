package org.redress.documents;

import java.util.Locale;

/**
 * A character of a PDF that no font has: it is drawn as □. The core names the character and the
 * fonts that would have it; a front end adds what its user can do there (the CLI: give a font).
 *
 * @param file the document's file name
 * @param codePoint the character
 */
public record MissingGlyph(String file, int codePoint) {
  /** What happened, without a remedy: {@code FILE: no font has a glyph for U+20000; …}. */
  public String text() {
    return file + ": " + what(codePoint);
  }

  /** What a missing character means for the PDF, without a file or a remedy. */
  public static String what(int codePoint) {
    return String.format(
        Locale.ROOT, "no font has a glyph for U+%04X; it is shown as \u25A1 in the PDF", codePoint);
  }

  /** The text with the remedy every front end shares: the Debian fonts that cover it. */
  @Override
  public String toString() {
    return text() + " (install " + FONT_PACKAGES + ")";
  }

  /** The Debian packages whose fonts {@code FontChain} falls back to. */
  public static final String FONT_PACKAGES = "fonts-noto-core, fonts-hanazono or fonts-symbola";
}
