package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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

  @Example
  void paragraph_closingMarkAfterAnOverlongRun_takesTheCharacterBeforeItToTheNextLine()
      throws IOException {
    // Found by the property above (seed 2460275107430532394): a run too long for a line, broken
    // by character, put its closing bracket at the start of the next line.
    paragraph_anyMixedText_isDrawnCompletelyAndNoLineStartsWithClosingPunctuation(
        "甲aaab，报报偷六百报百二条。554隐条条报案，dcf条《; 1e405481febXc2437ebfcY829e9X66fcddeY9Ze02Zfbb"
            + "4755dfYca112a10ecYaf5a39c2Z6f82Z69Y）");
  }

  @Example
  void paragraph_closingMarksAfterAnOverlongRun_goToTheNextLineWithTheCharacterBefore()
      throws IOException {
    // Found by the property above in CI (seed 4651233679617425157): after an overlong run broken
    // by character, "，），" put a closing mark at the start of the next line.
    paragraph_anyMixedText_isDrawnCompletelyAndNoLineStartsWithClosingPunctuation(
        "甲报报报报报aaaaaaaa报a报报报报报条偷99aZ7Zc899a权张二百第张播十某私3607af09a1aXZeaY9b25da9X7016e6d683d1Z7XX"
            + "《0fee661c3fda5ccYYbf03365Ya0Y1a78b11f1XY55d9fa5c4Xf0f51Z88060Zf4XZ03XXZY29b0ec7378e8da1"
            + "fe94XZ9a9f9X33cXc94Z4YXb42dZ49Y8Zd7527cYedf4302b44Y40Z214f6e，），");
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      for (int p = 1; p <= pd.getNumberOfPages(); p++) {
        s.setStartPage(p);
        s.setEndPage(p);
        out.add(s.getText(pd).replaceAll("\\s+", ""));
      }
    }
    return out;
  }

  /** Body paragraphs filling a page down to its last two lines or so. */
  private static List<Doc.Block> filler(int paragraphs) {
    List<Doc.Block> out = new java.util.ArrayList<>();
    for (int i = 0; i < paragraphs; i++) {
      out.add(new Doc.Para("第" + i + "段。" + "甲".repeat(60), Doc.Align.BODY, false));
    }
    return out;
  }

  private static List<Doc.Block> signature() {
    return List.of(
        new Doc.Para("此致", Doc.Align.LEFT, false),
        new Doc.Para("某某人民法院", Doc.Align.LEFT, false),
        new Doc.Para("具状人（签字、盖章）：", Doc.Align.RIGHT, false),
        new Doc.Para("日期：2026年11月25日", Doc.Align.RIGHT, false));
  }

  /** How many filler paragraphs leave room for two lines of the signature, not four. */
  private static int splittingFiller() throws IOException {
    for (int n = 1; n < 40; n++) {
      List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
      blocks.addAll(signature());
      List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
      if (pages.size() == 2 && pages.get(0).contains("此致") && pages.get(1).contains("日期")) {
        return n;
      }
    }
    throw new AssertionError("no filler length splits the signature block");
  }

  private static Doc doc(List<Doc.Block> blocks) {
    return doc(blocks.toArray(Doc.Block[]::new));
  }

  @Test
  void keep_groupAtTheFootOfAPage_movesWholeToTheNextPage() throws IOException {
    int n = splittingFiller();
    List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
    blocks.add(new Doc.Keep(signature()));
    List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0)).doesNotContain("此致", "具状人", "日期");
    assertThat(pages.get(1)).contains("此致", "某某人民法院", "具状人", "日期：2026年11月25日");
  }

  @Test
  void signature_movingAfterAParagraph_takesTheParagraphAlong() throws IOException {
    int n = splittingFiller();
    List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
    blocks.add(new Doc.Keep(signature()));
    List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
    assertThat(pages).hasSize(2);
    String last = ((Doc.Para) blocks.get(n - 1)).text().substring(0, 4);
    assertThat(pages.get(0)).doesNotContain(last);
    assertThat(pages.get(1)).startsWith(last).contains("此致", "日期").doesNotContain("此页无正文");
  }

  @Test
  void signature_movingAfterATable_pageSaysItHasNoBodyText() throws IOException {
    Doc.Table table =
        new Doc.Table(List.of(List.of("编号", "名称"), List.of("证据1-1", "聊天记录")), List.of(1.0, 3.0));
    boolean seen = false;
    for (int n = 1; n < 40 && !seen; n++) {
      List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
      blocks.add(table);
      blocks.add(new Doc.Keep(signature()));
      List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
      if (pages.size() == 2 && pages.get(0).contains("证据1-1") && pages.get(1).contains("此致")) {
        seen = true;
        assertThat(pages.get(1)).startsWith("（此页无正文）此致");
        assertThat(pages.get(0)).doesNotContain("此页无正文");
      }
    }
    assertThat(seen)
        .as("some filler length leaves the table on page 1 and moves the signature")
        .isTrue();
  }

  @Test
  void signature_inEnglish_movingAfterATable_saysSoInEnglish() throws IOException {
    Doc.Table table =
        new Doc.Table(List.of(List.of("No.", "Name"), List.of("1-1", "chat")), List.of(1.0, 3.0));
    boolean seen = false;
    for (int n = 1; n < 40 && !seen; n++) {
      List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
      blocks.add(table);
      blocks.add(new Doc.Keep(signature()));
      Doc en = new Doc("t", Lang.EN, List.of(new Doc.Section(true, blocks)), "footer");
      List<String> pages = pages(PdfWriter.write(en, chain(), DATE));
      if (pages.size() == 2 && pages.get(0).contains("1-1chat") && pages.get(1).contains("此致")) {
        seen = true;
        assertThat(pages.get(1)).startsWith("(Thispagehasnobodytext.)");
      }
    }
    assertThat(seen).isTrue();
  }

  @Test
  void heading_beforeATable_neverStaysBehindWhenTheTableMoves() throws IOException {
    Doc.Table table =
        new Doc.Table(
            List.of(
                List.of("编号", "名称"),
                List.of("**第一组**"),
                List.of("证据1-1", "聊天记录"),
                List.of("SHA-256：`" + "b".repeat(64) + "`"),
                List.of("日志序号：1")),
            List.of(1.0, 3.0));
    boolean moved = false;
    for (int n = 1; n < 40; n++) {
      List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
      blocks.add(new Doc.Heading(1, "证据和证据来源"));
      blocks.add(table);
      List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
      int heading = pages.get(0).contains("证据和证据来源") ? 0 : 1;
      int header = pages.get(0).contains("编号名称") ? 0 : 1;
      assertThat(heading).as("filler " + n).isEqualTo(header);
      moved |= heading == 1;
    }
    assertThat(moved).isTrue();
  }

  @Test
  void keep_groupThatFits_staysWhereItIs() throws IOException {
    List<Doc.Block> blocks = new java.util.ArrayList<>(filler(3));
    blocks.add(new Doc.Keep(signature()));
    List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).contains("第2段", "此致", "日期").doesNotContain("此页无正文");
  }

  @Test
  void table_headerAtTheFootOfAPage_movesWithItsFirstRowAndItsHashLine() throws IOException {
    int n = splittingFiller();
    String hash = "a".repeat(64);
    List<Doc.Block> blocks = new java.util.ArrayList<>(filler(n));
    blocks.add(
        new Doc.Table(
            List.of(
                List.of("编号", "名称"),
                List.of("**第一组**"),
                List.of("证据1-1", "聊天记录"),
                List.of("SHA-256：`" + hash + "`"),
                List.of("日志序号：1"),
                List.of("保全时间：2026年3月2日19:20（北京时间）"),
                List.of("网址：`https://example.com/1`")),
            List.of(1.0, 3.0)));
    List<String> pages = pages(PdfWriter.write(doc(blocks), chain(), DATE));
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0)).doesNotContain("编号", "第一组");
    assertThat(pages.get(1)).contains("编号", "第一组", "证据1-1", hash, "https://example.com/1");
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
