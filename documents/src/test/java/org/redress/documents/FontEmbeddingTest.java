package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Chinese glyphs are embedded: the PDF carries its font, and Word/WPS are told the CJK font. */
class FontEmbeddingTest {
  @Test
  void pdf_everyFont_isAnEmbeddedTrueTypeSubset() throws IOException {
    byte[] pdf = Rendered.bytes(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF);
    List<PDFont> fonts = new ArrayList<>();
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      for (PDPage page : pd.getPages()) {
        for (COSName n : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(n));
        }
      }
      assertThat(fonts).isNotEmpty();
      for (PDFont f : fonts) {
        if (f.getName().equals("Courier")) {
          // Hashes are drawn in the standard Courier every PDF reader has (a monospace line
          // that stays one searchable string); it holds ASCII hex only.
          assertThat(f).isInstanceOf(org.apache.pdfbox.pdmodel.font.PDType1Font.class);
          continue;
        }
        assertThat(f).isInstanceOf(PDType0Font.class);
        PDType0Font t0 = (PDType0Font) f;
        assertThat(t0.getDescendantFont()).isInstanceOf(PDCIDFontType2.class);
        assertThat(f.isEmbedded()).isTrue();
        assertThat(f.getFontDescriptor().getFontFile2()).as("TrueType font program").isNotNull();
        assertThat(f.getName()).as("subset prefix").matches("[A-Z]{6}\\+NotoSerifSC.*");
        assertThat(f.getCOSObject().containsKey(COSName.TO_UNICODE)).as("ToUnicode map").isTrue();
        int glyphs =
            ((PDCIDFontType2) t0.getDescendantFont()).getTrueTypeFont().getNumberOfGlyphs();
        assertThat(glyphs).as("only the glyphs used are embedded").isBetween(50, 2000);
      }
    }
  }

  @Test
  void pdf_firstPageOfFiling_rendersDarkGlyphsWhereTheTitleIs() throws IOException {
    byte[] pdf = Rendered.bytes(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF);
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      // Page 2 is the first page of the filing (page 1 is the notes page).
      BufferedImage img = new PDFRenderer(pd).renderImageWithDPI(1, 72);
      Path png = Path.of("target", "police-report.zh-page2.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(img, "png", png.toFile());
      // The centred title 报案材料 sits in the band 85..115 pt from the top.
      int dark = 0;
      for (int y = 85; y < 118; y++) {
        for (int x = 200; x < 400; x++) {
          int rgb = img.getRGB(x, y);
          int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
          if (lum < 200) {
            dark++;
          }
        }
      }
      assertThat(dark).as("dark title pixels").isGreaterThan(150);
    }
  }

  @Test
  void docx_runs_nameTheEastAsianFont() throws IOException {
    byte[] docx = Rendered.bytes(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.DOCX);
    String document = entry(docx, "word/document.xml");
    String styles = entry(docx, "word/styles.xml");
    assertThat(document).contains("w:eastAsia=\"宋体\"");
    assertThat(styles).contains("w:eastAsia=\"宋体\"").contains("w:eastAsia=\"zh-CN\"");
    assertThat(document).contains("w:w=\"11906\"").contains("w:h=\"16838\""); // A4
    assertThat(entry(docx, "word/footer1.xml")).contains(" PAGE ");
  }

  private static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the DOCX");
  }
}
