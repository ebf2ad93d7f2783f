package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.redress.documents.Lang;

class PdfWriterTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      s.setSortByPosition(false);
      return s.getText(pd);
    }
  }

  private static Doc doc(Doc.Block... blocks) {
    return new Doc("t", Lang.ZH, List.of(new Doc.Section(true, List.of(blocks))), "footer");
  }

  @Provide
  Arbitrary<String> mixedText() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("报案人张某某偷拍传播隐私权第二百四十六条").ofMinLength(1).ofMaxLength(30),
            Arbitraries.strings().withChars("abcdefXYZ0123456789").ofMinLength(1).ofMaxLength(80),
            Arbitraries.of(
                "，", "。", "、", "（", "）", "《", "》", "【待填写：姓名】", " ", "**粗体**", ": ", "; "));
    // A paragraph may start with anything but closing punctuation is then unavoidable: start
    // with an ideograph so that every line-initial closing mark would be the writer's fault.
    return piece.list().ofMinSize(1).ofMaxSize(60).map(l -> "甲" + String.join("", l));
  }

  @Property(tries = 25)
  void paragraph_anyMixedText_isDrawnCompletelyAndNoLineStartsWithClosingPunctuation(
      @ForAll("mixedText") String s) throws IOException {
    byte[] pdf =
        PdfWriter.write(
            doc(
                new Doc.Para(s, Doc.Align.BODY, false),
                new Doc.Table(
                    List.of(List.of("h", "SHA-256"), List.of("1", s)), List.of(1.0, 4.0))),
            chain(),
            DATE);
    String out = text(pdf);
    String expected = s.replace("**", "").replaceAll("\\s+", "");
    String squashed = out.replaceAll("\\s+", "");
    assertThat(squashed).startsWith(expected);
    assertThat(squashed).contains("1" + expected);
    for (String line : out.split("\\R")) {
      String l = line.strip();
      if (!l.isEmpty()) {
        assertThat("，。、）》】").doesNotContain(l.substring(0, 1));
      }
    }
  }

  private static FontChain chain() {
    return new FontChain(FontSource.bundled(), List.of());
  }

  @Test
  void write_characterNoFontHas_isDrawnAsABoxAndReported() throws IOException {
    // U+20000 (CJK extension B) and U+1F600 (emoji) are not in the bundled subset; with no
    // fallback fonts the document is still written, each shown as a box, each reported once.
    Doc d = doc(new Doc.Para("群组：\uD840\uDC00某\uD83D\uDE00群\uD840\uDC00", Doc.Align.BODY, false));
    FontChain none = chain();
    String out = text(PdfWriter.write(d, none, DATE));
    assertThat(out).contains("群组：\u25A1某");
    assertThat(none.warnings()).hasSize(2);
    assertThat(none.warnings().get(0)).contains("U+20000");
  }

  @Test
  void write_characterAFallbackHas_isDrawnWithTheFallback() throws IOException {
    java.nio.file.Path dejavu =
        java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isRegularFile(dejavu), "fonts-dejavu-core is not installed");
    FontChain c = new FontChain(FontSource.bundled(), List.of(dejavu));
    FontSource dv = FontSource.file(dejavu);
    int cp = 0x2603; // SNOWMAN, a symbol outside the CJK subset
    assertThat(FontSource.bundled().has(cp)).isFalse();
    assertThat(dv.has(cp)).isTrue();
    String out =
        text(PdfWriter.write(doc(new Doc.Para("名\u2603字", Doc.Align.BODY, false)), c, DATE));
    assertThat(out).contains("名\u2603字");
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void write_longTable_repeatsHeaderOnEveryPage() throws IOException {
    List<List<String>> rows = new java.util.ArrayList<>();
    rows.add(List.of("序号", "SHA-256 哈希值"));
    for (int i = 0; i < 120; i++) {
      rows.add(
          List.of(
              String.valueOf(i),
              "ad8012eefbabedb981759c1c6307756dec1732999f33b8c653980fa34a0ee329"));
    }
    byte[] pdf = PdfWriter.write(doc(new Doc.Table(rows, List.of(1.0, 5.0))), chain(), DATE);
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      assertThat(pd.getNumberOfPages()).isGreaterThan(1);
      PDFTextStripper s = new PDFTextStripper();
      for (int p = 1; p <= pd.getNumberOfPages(); p++) {
        s.setStartPage(p);
        s.setEndPage(p);
        assertThat(s.getText(pd)).as("page " + p).contains("SHA-256 哈希值");
      }
      assertThat(text(pdf).replaceAll("\\s+", "")).contains("119ad8012eefbabedb");
    }
  }
}
