package org.redress.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The sample case rendered once per kind, language and format for the whole test run (rendering is
 * the slow part), with the text read back the way a reader would: PDFBox's text stripper in content
 * order for PDF, POI's extractor for DOCX.
 */
final class Rendered {
  record Key(DocumentKind kind, Lang lang, OutputFormat format) {}

  private static final Map<Key, byte[]> BYTES = new ConcurrentHashMap<>();
  private static final Map<Key, String> TEXT = new ConcurrentHashMap<>();
  private static CaseInputs full;

  private Rendered() {}

  static synchronized byte[] bytes(DocumentKind kind, Lang lang, OutputFormat format) {
    if (full == null) {
      full = SampleCase.full();
    }
    return BYTES.computeIfAbsent(
        new Key(kind, lang, format), k -> SampleCase.documents().render(kind, lang, format, full));
  }

  static String text(DocumentKind kind, Lang lang, OutputFormat format) {
    return TEXT.computeIfAbsent(
        new Key(kind, lang, format), k -> extract(format, bytes(kind, lang, format)));
  }

  static String extract(OutputFormat format, byte[] bytes) {
    try {
      if (format == OutputFormat.PDF) {
        try (PDDocument pd = Loader.loadPDF(bytes)) {
          PDFTextStripper s = new PDFTextStripper();
          s.setSortByPosition(false);
          return s.getText(pd);
        }
      }
      try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes));
          XWPFWordExtractor x = new XWPFWordExtractor(d)) {
        return x.getText();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text without any whitespace, so words wrapped across lines or cells still match. */
  static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }
}
