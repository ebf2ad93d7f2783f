package org.redress.documents;

import java.util.Locale;
import java.util.Optional;

/** The file format a document is written in. */
public enum OutputFormat {
  /** Office Open XML word processing (Word, WPS), written with Apache POI. */
  DOCX("docx"),
  /** PDF with an embedded CJK TrueType font, written with PDFBox. */
  PDF("pdf");

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension without the dot. */
  public String extension() {
    return extension;
  }

  /** The format with this name ({@code docx} or {@code pdf}, any case), if any. */
  public static Optional<OutputFormat> tryParse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.extension.equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
