package org.redress.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.redress.documents.DocumentException;
import org.redress.documents.Lang;

/**
 * Writes a {@link Doc} as DOCX with Apache POI: A4, the East-Asian font set explicitly ({@code
 * w:eastAsia} = 宋体, Latin = Times New Roman) in the document defaults and on every run so Word and
 * WPS show Chinese correctly, highlighted placeholders, tables with repeated header rows, and a
 * footer with the generated-by line and the page number. A filing's notes page is its own section
 * without a footer; the filing's section numbers its pages from 1.
 */
public final class DocxWriter {
  /** The East-Asian font named in the document. */
  public static final String EAST_ASIAN_FONT = "宋体";

  /** The font for Latin text. */
  public static final String LATIN_FONT = "Times New Roman";

  private static final int TEXT_TWIPS = (int) ((595.28 - 79 - 74) * 20);

  private final Doc doc;
  private final XWPFDocument x = new XWPFDocument();

  private DocxWriter(Doc doc) {
    this.doc = doc;
  }

  /**
   * Writes the document as DOCX bytes.
   *
   * @throws DocumentException when POI fails
   */
  public static byte[] write(Doc doc, LocalDate date) {
    DocxWriter w = new DocxWriter(doc);
    try (XWPFDocument x = w.x) {
      w.render(date);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      x.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new DocumentException("failed to write the DOCX: " + e.getMessage(), e);
    }
  }

  private void render(LocalDate date) {
    XWPFStyles styles = x.createStyles();
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(LATIN_FONT);
    fonts.setHAnsi(LATIN_FONT);
    fonts.setCs(LATIN_FONT);
    fonts.setEastAsia(EAST_ASIAN_FONT);
    styles.setDefaultFonts(fonts);
    styles.setEastAsia("zh-CN");
    styles.setSpellingLanguage(doc.lang() == Lang.ZH ? "zh-CN" : "en-GB");

    List<Doc.Section> sections = doc.sections();
    for (int s = 0; s < sections.size(); s++) {
      Doc.Section sec = sections.get(s);
      XWPFParagraph last = null;
      List<Doc.Block> blocks = sec.blocks();
      for (int i = 0; i < blocks.size(); i++) {
        last = block(blocks.get(i));
        // A signature block never stands alone on its page: the paragraph before it goes along.
        if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Doc.Keep k && k.signature()) {
          if (last != null && blocks.get(i) instanceof Doc.Para) {
            last.setKeepNext(true);
          } else if (blocks.get(i) instanceof Doc.Table t && !x.getTables().isEmpty()) {
            keepLastUnitWithNext(t, x.getTables().get(x.getTables().size() - 1));
          }
        }
      }
      if (s < sections.size() - 1) {
        // A section break: this section's properties live on its last paragraph.
        if (last == null || !(sec.blocks().get(sec.blocks().size() - 1) instanceof Doc.Para)) {
          last = x.createParagraph();
        }
        CTSectPr sp =
            last.getCTP().isSetPPr()
                ? (last.getCTP().getPPr().isSetSectPr()
                    ? last.getCTP().getPPr().getSectPr()
                    : last.getCTP().getPPr().addNewSectPr())
                : last.getCTP().addNewPPr().addNewSectPr();
        page(sp);
      }
    }
    CTSectPr body =
        x.getDocument().getBody().isSetSectPr()
            ? x.getDocument().getBody().getSectPr()
            : x.getDocument().getBody().addNewSectPr();
    page(body);
    body.addNewPgNumType().setStart(BigInteger.ONE);
    footer();

    var core = x.getProperties().getCoreProperties();
    core.setTitle(doc.title());
    core.setCreator("Redress");
    core.setCreated(Optional.of(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant())));
    core.setModified(Optional.of(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant())));
  }

  private static void page(CTSectPr sp) {
    CTPageSz sz = sp.isSetPgSz() ? sp.getPgSz() : sp.addNewPgSz();
    sz.setW(BigInteger.valueOf(11906));
    sz.setH(BigInteger.valueOf(16838));
    CTPageMar m = sp.isSetPgMar() ? sp.getPgMar() : sp.addNewPgMar();
    m.setTop(BigInteger.valueOf(1700));
    m.setBottom(BigInteger.valueOf(1560));
    m.setLeft(BigInteger.valueOf(1580));
    m.setRight(BigInteger.valueOf(1480));
    m.setFooter(BigInteger.valueOf(800));
    m.setHeader(BigInteger.valueOf(850));
  }

  private XWPFParagraph block(Doc.Block b) {
    if (b instanceof Doc.Keep k) {
      // Word keeps a group on one page through "keep with next" on every paragraph but the last.
      int before = x.getBodyElements().size();
      XWPFParagraph last = null;
      for (Doc.Block inner : k.blocks()) {
        last = block(inner);
      }
      List<XWPFParagraph> made = new ArrayList<>();
      for (IBodyElement e : x.getBodyElements().subList(before, x.getBodyElements().size())) {
        if (e instanceof XWPFParagraph p) {
          made.add(p);
        } else if (e instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            row.setCantSplitRow(true);
            for (XWPFTableCell cell : row.getTableCells()) {
              made.addAll(cell.getParagraphs());
            }
          }
        }
      }
      for (int i = 0; i < made.size() - 1; i++) {
        made.get(i).setKeepNext(true);
      }
      return last;
    }
    if (b instanceof Doc.Title t) {
      XWPFParagraph p = para(ParagraphAlignment.CENTER, 0, 1.5);
      p.setSpacingAfter(240);
      runs(p, t.text(), 18, true);
      return p;
    }
    if (b instanceof Doc.Heading h) {
      XWPFParagraph p = para(ParagraphAlignment.LEFT, 0, 1.5);
      p.setSpacingBefore(h.level() == 1 ? 160 : 80);
      p.setKeepNext(true);
      runs(p, h.text(), h.level() == 1 ? 14 : 12, true);
      return p;
    }
    if (b instanceof Doc.Para q) {
      ParagraphAlignment a =
          switch (q.align()) {
            case BODY -> ParagraphAlignment.BOTH;
            case LEFT -> ParagraphAlignment.LEFT;
            case CENTER -> ParagraphAlignment.CENTER;
            case RIGHT -> ParagraphAlignment.RIGHT;
          };
      int indent = q.align() == Doc.Align.BODY && doc.lang() == Lang.ZH ? 480 : 0;
      XWPFParagraph p = para(a, indent, q.small() ? 1.2 : 1.5);
      if (q.align() == Doc.Align.BODY && doc.lang() == Lang.EN) {
        p.setSpacingAfter(120);
      }
      runs(p, q.text(), q.small() ? 9 : 12, false);
      return p;
    }
    table((Doc.Table) b);
    return para(ParagraphAlignment.LEFT, 0, 1.0);
  }

  private XWPFParagraph para(ParagraphAlignment a, int firstLineIndent, double spacing) {
    XWPFParagraph p = x.createParagraph();
    p.setAlignment(a);
    if (firstLineIndent > 0) {
      p.setIndentationFirstLine(firstLineIndent);
    }
    p.setSpacingAfter(0);
    p.setSpacingBetween(spacing, LineSpacingRule.AUTO);
    return p;
  }

  private static void runs(XWPFParagraph p, String text, double size, boolean bold) {
    for (Doc.Span s : Doc.spans(text, bold)) {
      XWPFRun r = p.createRun();
      fonts(r);
      r.setFontSize(size);
      r.setBold(s.bold());
      if (s.mono()) {
        r.setFontFamily("Courier New", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Courier New", XWPFRun.FontCharRange.hAnsi);
      }
      if (s.placeholder()) {
        r.setTextHighlightColor("yellow");
        r.setColor("A60000");
      }
      r.setText(s.text());
    }
  }

  private static void fonts(XWPFRun r) {
    r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
    r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.cs);
    r.setFontFamily(EAST_ASIAN_FONT, XWPFRun.FontCharRange.eastAsia);
  }

  /** A table's last row with its hash lines goes along with what follows (a signature block). */
  private static void keepLastUnitWithNext(Doc.Table t, XWPFTable table) {
    int start = 0;
    while (t.unitEnd(start) < t.rows().size()) {
      start = t.unitEnd(start);
    }
    for (int r = Math.max(1, start); r < table.getRows().size(); r++) {
      for (XWPFTableCell cell : table.getRow(r).getTableCells()) {
        for (XWPFParagraph p : cell.getParagraphs()) {
          p.setKeepNext(true);
        }
      }
    }
  }

  private void table(Doc.Table t) {
    List<List<String>> rows = t.rows();
    int cols = rows.get(0).size();
    XWPFTable table = x.createTable(rows.size(), cols);
    table.setWidth(String.valueOf(TEXT_TWIPS));
    table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      sum += t.widths().isEmpty() ? 1 : t.widths().get(c);
    }
    var grid =
        table.getCTTbl().getTblGrid() == null
            ? table.getCTTbl().addNewTblGrid()
            : table.getCTTbl().getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    int[] tw = new int[cols];
    for (int c = 0; c < cols; c++) {
      tw[c] = (int) Math.round((t.widths().isEmpty() ? 1 : t.widths().get(c)) / sum * TEXT_TWIPS);
      grid.addNewGridCol().setW(BigInteger.valueOf(tw[c]));
    }
    int unitEnd = 0;
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r == 0) {
        row.setRepeatHeader(true);
      }
      // A row never splits, and keeps with it what belongs to it (Doc.Table#unitEnd).
      row.setCantSplitRow(true);
      if (r >= unitEnd) {
        unitEnd = t.unitEnd(r);
      }
      boolean keepNext = r + 1 < unitEnd;
      if (rows.get(r).size() == 1 && cols > 1) {
        for (int c = cols - 1; c > 0; c--) {
          row.removeCell(c);
        }
        XWPFTableCell cell = row.getCell(0);
        cell.setWidth(String.valueOf(TEXT_TWIPS));
        var tcPr =
            cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        tcPr.addNewGridSpan().setVal(BigInteger.valueOf(cols));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        p.setKeepNext(keepNext);
        runs(p, rows.get(r).get(0), 9, false);
        continue;
      }
      for (int c = 0; c < cols; c++) {
        XWPFTableCell cell = row.getCell(c);
        cell.setWidth(String.valueOf(tw[c]));
        if (r == 0) {
          cell.setColor("E6E6E6");
        }
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        p.setKeepNext(keepNext);
        runs(p, rows.get(r).get(c), 9, r == 0);
      }
    }
  }

  private void footer() {
    XWPFFooter f = x.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = f.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    boolean zh = doc.lang() == Lang.ZH;
    // Only the page number: a page count would need SECTIONPAGES (the notes page is its own
    // section), which LibreOffice does not compute; NUMPAGES would count the notes page.
    small(p, (doc.footer().isEmpty() ? "" : doc.footer() + "    ") + (zh ? "第 " : "Page "));
    field(p, "PAGE", "1");
    if (zh) {
      small(p, " 页");
    }
  }

  private static void small(XWPFParagraph p, String text) {
    XWPFRun r = p.createRun();
    fonts(r);
    r.setFontSize(8.5);
    r.setColor("595959");
    r.setText(text);
  }

  private static void field(XWPFParagraph p, String instr, String shown) {
    CTSimpleField fld = p.getCTP().addNewFldSimple();
    fld.setInstr(String.format(Locale.ROOT, " %s \\* MERGEFORMAT ", instr));
    var r = fld.addNewR();
    var rpr = r.addNewRPr();
    CTFonts fonts = rpr.addNewRFonts();
    fonts.setAscii(LATIN_FONT);
    fonts.setHAnsi(LATIN_FONT);
    fonts.setEastAsia(EAST_ASIAN_FONT);
    rpr.addNewSz().setVal(BigInteger.valueOf(17));
    r.addNewT().setStringValue(shown);
  }
}
