package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.redress.documents.Lang;

/**
 * Word lays the DOCX out itself, so a signature block is kept off a page of its own by asking:
 * keep-with-next on the paragraph before it, or on the last row (and its hash line) of the table
 * before it.
 */
class DocxWriterTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  private static List<Doc.Block> signature() {
    return List.of(
        new Doc.Para("此致", Doc.Align.LEFT, false),
        new Doc.Para("某某人民法院", Doc.Align.LEFT, false),
        new Doc.Para("具状人：（签名）", Doc.Align.RIGHT, false));
  }

  private static XWPFDocument docx(Doc.Block... blocks) throws IOException {
    List<Doc.Block> all = new ArrayList<>(List.of(blocks));
    all.add(new Doc.Keep(signature()));
    Doc d = new Doc("t", Lang.ZH, List.of(new Doc.Section(true, all)), "footer");
    return new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(d, DATE)));
  }

  @Test
  void paragraphBeforeTheSignature_keepsWithIt() throws IOException {
    try (XWPFDocument x =
        docx(
            new Doc.Para("第一段。", Doc.Align.BODY, false),
            new Doc.Para("最后一段。", Doc.Align.BODY, false))) {
      List<XWPFParagraph> ps = x.getParagraphs();
      assertThat(ps.get(0).getText()).isEqualTo("第一段。");
      assertThat(ps.get(0).getCTP().getPPr() == null || !ps.get(0).isKeepNext()).isTrue();
      assertThat(ps.get(1).getText()).isEqualTo("最后一段。");
      assertThat(ps.get(1).isKeepNext()).isTrue();
    }
  }

  @Test
  void tableBeforeTheSignature_keepsItsLastRowAndHashLineWithIt() throws IOException {
    Doc.Table table =
        new Doc.Table(
            List.of(
                List.of("编号", "名称"),
                List.of("证据1-1", "聊天记录"),
                List.of("SHA-256：`" + "a".repeat(64) + "`"),
                List.of("证据1-2", "图片"),
                List.of("SHA-256：`" + "b".repeat(64) + "`")),
            List.of(1.0, 3.0));
    try (XWPFDocument x = docx(table)) {
      XWPFTable t = x.getTables().get(0);
      assertThat(keepNext(t, 3)).isTrue();
      assertThat(keepNext(t, 4)).isTrue();
      assertThat(keepNext(t, 2)).isFalse();
    }
  }

  private static boolean keepNext(XWPFTable t, int row) {
    return t.getRow(row).getTableCells().stream()
        .flatMap(c -> c.getParagraphs().stream())
        .allMatch(XWPFParagraph::isKeepNext);
  }
}
