package org.redress.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.redress.documents.DocumentException;
import org.redress.documents.Lang;

/**
 * Lays a {@link Doc} out on A4 pages with PDFBox: CJK-aware line breaking (any ideograph may break;
 * Latin words and hashes break at spaces, or by character when longer than a line; no line starts
 * with closing punctuation or ends with opening punctuation), tables with repeated headers,
 * highlighted placeholders, and page numbers in the footer. Fonts are embedded as subsets (Type 0,
 * TrueType outlines) from a {@link FontChain}: a character the primary font lacks is drawn with the
 * first fallback that has it, and one no font has as a visible □ (reported through {@link
 * FontChain#warnings()}). Hashes in {@code `mono`} spans are drawn in Courier and never broken, so
 * each stays one string in the text layer.
 */
public final class PdfWriter {
  private static final float PAGE_W = PDRectangle.A4.getWidth();
  private static final float PAGE_H = PDRectangle.A4.getHeight();
  private static final float LEFT = 79;
  private static final float RIGHT = 74;
  private static final float TOP = 85;
  private static final float BOTTOM = 78;
  private static final float TEXT_W = PAGE_W - LEFT - RIGHT;
  private static final float BODY = 12;
  private static final float CELL = 9;
  private static final float PAD = 3;
  private static final String CLOSING = "，。、；：？！）》」』】〕〉,.;:!?)]}”’%";
  private static final String OPENING = "（《「『【〔〈([{“‘";

  private static final int MONO = -2;

  private final Doc doc;
  private final FontChain chain;
  private final FontSource fs;
  private final PDDocument pd = new PDDocument();
  private final PDType0Font font;
  private final List<PDType0Font> fallbacks = new ArrayList<>();
  private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
  private final List<PDPage> pages = new ArrayList<>();
  private final List<Boolean> numbered = new ArrayList<>();
  private PDPageContentStream cs;
  private float y;
  private boolean sectionNumbered;

  private PdfWriter(Doc doc, FontChain chain) throws IOException {
    this.doc = doc;
    this.chain = chain;
    this.fs = chain.fonts().get(0);
    this.font = PDType0Font.load(pd, fs.ttf(), true);
  }

  /**
   * Writes the document as PDF bytes.
   *
   * @throws DocumentException when PDFBox fails
   */
  public static byte[] write(Doc doc, FontChain chain, LocalDate date) {
    synchronized (chain) {
      try {
        PdfWriter w = new PdfWriter(doc, chain);
        try {
          return w.render(date);
        } finally {
          w.pd.close();
        }
      } catch (IOException e) {
        throw new DocumentException("failed to write the PDF: " + e.getMessage(), e);
      }
    }
  }

  private byte[] render(LocalDate date) throws IOException {
    for (Doc.Section s : doc.sections()) {
      sectionNumbered = s.numbered();
      newPage();
      List<Doc.Block> blocks = s.blocks();
      for (int i = 0; i < blocks.size(); i++) {
        Doc.Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
        if (next instanceof Doc.Keep k && k.signature() && blocks.get(i) instanceof Doc.Para p) {
          carryToSignature(p, k, i > 0 ? blocks.get(i - 1) : null);
        }
        block(blocks.get(i), next);
      }
    }
    cs.close();
    footers();
    PDDocumentInformation info = pd.getDocumentInformation();
    info.setTitle(doc.title());
    if (!doc.footer().isEmpty()) {
      info.setCreator(doc.footer());
    }
    info.setProducer("Redress (Apache PDFBox)");
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
    c.clear();
    c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    info.setCreationDate(c);
    info.setModificationDate(c);
    pd.getDocumentCatalog().setLanguage(doc.lang() == Lang.ZH ? "zh-CN" : "en");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pd.save(out);
    return out.toByteArray();
  }

  private void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    pd.addPage(page);
    pages.add(page);
    numbered.add(sectionNumbered);
    cs = new PDPageContentStream(pd, page);
    y = PAGE_H - TOP;
  }

  /**
   * A signature block never stands alone on its page: when it would move to a new page, the last
   * paragraph before it goes along (unless a heading leads that paragraph; then {@link #block}
   * marks the signature page 此页无正文).
   */
  private void carryToSignature(Doc.Para last, Doc.Keep signature, Doc.Block before)
      throws IOException {
    float hp = height(last);
    float hk = height(signature);
    boolean moves = y - hp - hk < BOTTOM;
    if (moves
        && y < PAGE_H - TOP
        && !(before instanceof Doc.Heading)
        && hp + hk <= PAGE_H - TOP - BOTTOM) {
      newPage();
    }
  }

  private void block(Doc.Block b, Doc.Block next) throws IOException {
    if (b instanceof Doc.Keep k) {
      float h = height(k);
      if (y - h < BOTTOM && y < PAGE_H - TOP && h <= PAGE_H - TOP - BOTTOM) {
        newPage();
        if (k.signature()) {
          // The customary line on a signature page that carries no body text.
          String none = doc.lang() == Lang.ZH ? "（此页无正文）" : "(This page has no body text.)";
          paragraph(Doc.spans(none, false), BODY, BODY * 1.7f, Doc.Align.LEFT, 0);
          y -= 2;
        }
      }
      List<Doc.Block> inner = k.blocks();
      for (int i = 0; i < inner.size(); i++) {
        block(inner.get(i), i + 1 < inner.size() ? inner.get(i + 1) : next);
      }
    } else if (b instanceof Doc.Title t) {
      paragraph(Doc.spans(t.text(), true), 18, 30, Doc.Align.CENTER, 0);
      y -= 10;
    } else if (b instanceof Doc.Heading h) {
      y -= h.level() == 1 ? 8 : 4;
      float size = h.level() == 1 ? 14 : BODY;
      keepWithNext(height(h) - (h.level() == 1 ? 8 : 4) + (next == null ? 0 : start(next)));
      paragraph(Doc.spans(h.text(), true), size, size * 1.7f, Doc.Align.LEFT, 0);
      y -= 2;
    } else if (b instanceof Doc.Para p) {
      float size = p.small() ? CELL : BODY;
      float indent = p.align() == Doc.Align.BODY && doc.lang() == Lang.ZH ? 2 * BODY : 0;
      paragraph(Doc.spans(p.text(), false), size, paraLineHeight(p), p.align(), indent);
      y -= paraGap(p);
    } else if (b instanceof Doc.Table t) {
      // A signature block right after a table takes the table's last row along, never alone
      boolean sig = next instanceof Doc.Keep k && k.signature();
      table(t, sig ? height(next) + 8 : 0);
      y -= 8;
    }
  }

  private void keepWithNext(float height) throws IOException {
    if (y - height < BOTTOM && y < PAGE_H - TOP) {
      newPage();
    }
  }

  // ---- measuring (mirrors block(); used to keep blocks together) ----

  /** The height a block takes when laid out whole, gaps included. */
  private float height(Doc.Block b) {
    if (b instanceof Doc.Keep k) {
      float sum = 0;
      for (Doc.Block inner : k.blocks()) {
        sum += height(inner);
      }
      return sum;
    }
    if (b instanceof Doc.Title t) {
      return lines(Doc.spans(t.text(), true), 18, TEXT_W, 0).size() * 30 + 10;
    }
    if (b instanceof Doc.Heading h) {
      float size = h.level() == 1 ? 14 : BODY;
      return (h.level() == 1 ? 8 : 4)
          + lines(Doc.spans(h.text(), true), size, TEXT_W, 0).size() * size * 1.7f
          + 2;
    }
    if (b instanceof Doc.Para p) {
      return paraLines(p).size() * paraLineHeight(p) + paraGap(p);
    }
    Doc.Table t = (Doc.Table) b;
    float[] cw = widths(t);
    float sum = 8;
    for (List<String> row : t.rows()) {
      sum += rowHeight(cellLines(row, cw, row == t.rows().get(0)), CELL * 1.45f);
    }
    return sum;
  }

  /**
   * What must follow a heading on its page: the first two lines of a paragraph, a table's header
   * with the rows {@link #table} keeps under it (its first row, a group heading with its first row
   * and that row's hash lines), a whole keep-together group.
   */
  private float start(Doc.Block b) {
    if (b instanceof Doc.Para p) {
      return Math.min(2, paraLines(p).size()) * paraLineHeight(p);
    }
    if (b instanceof Doc.Table t) {
      float[] cw = widths(t);
      float first = 0;
      float unit = 0;
      int end = t.unitEnd(0);
      for (int r = 0; r < end; r++) {
        float h = rowHeight(cellLines(t.rows().get(r), cw, r == 0), CELL * 1.45f);
        unit += h;
        first += r < 2 ? h : 0;
      }
      // table() moves the header's unit to a new page only when a page can hold it
      return unit <= PAGE_H - TOP - BOTTOM ? unit : first;
    }
    if (b instanceof Doc.Keep k) {
      float h = height(k);
      return h <= PAGE_H - TOP - BOTTOM ? h : k.blocks().isEmpty() ? 0 : start(k.blocks().get(0));
    }
    return height(b);
  }

  private List<Line> paraLines(Doc.Para p) {
    float size = p.small() ? CELL : BODY;
    float indent = p.align() == Doc.Align.BODY && doc.lang() == Lang.ZH ? 2 * BODY : 0;
    return lines(Doc.spans(p.text(), false), size, TEXT_W, indent);
  }

  private static float paraLineHeight(Doc.Para p) {
    float size = p.small() ? CELL : BODY;
    return size * (p.small() ? 1.45f : 1.7f);
  }

  private float paraGap(Doc.Para p) {
    return p.align() == Doc.Align.BODY && doc.lang() == Lang.EN ? 6 : 2;
  }

  // ---- line breaking ----

  /** One piece of text with its style and width. */
  private record Piece(
      String text, boolean bold, boolean placeholder, float width, boolean space, int font) {}

  /** A run of pieces that must stay on one line. */
  private record Unit(List<Piece> pieces, float width, boolean space) {}

  private record Line(List<Piece> pieces, float width) {}

  private static boolean breaksAround(int cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFF00 && cp <= 0xFFEF)
        || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0x2010 && cp <= 0x2027);
  }

  private List<Unit> units(List<Doc.Span> spans, float size) {
    List<Piece> atoms = new ArrayList<>();
    for (Doc.Span s : spans) {
      if (s.mono() && s.text().chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
        atoms.add(
            new Piece(s.text(), s.bold(), s.placeholder(), monoWidth(s.text(), size), false, MONO));
        continue;
      }
      StringBuilder word = new StringBuilder();
      int i = 0;
      String t = s.text();
      while (i < t.length()) {
        int cp = t.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == ' ' || breaksAround(cp) || CLOSING.indexOf(cp) >= 0 || OPENING.indexOf(cp) >= 0) {
          if (word.length() > 0) {
            atoms.addAll(pieces(word.toString(), s, size));
            word.setLength(0);
          }
          if (cp == ' ') {
            atoms.add(new Piece(" ", s.bold(), s.placeholder(), fs.width(' ') * size, true, 0));
          } else {
            atoms.addAll(pieces(new String(Character.toChars(cp)), s, size));
          }
        } else {
          word.appendCodePoint(cp);
        }
      }
      if (word.length() > 0) {
        atoms.addAll(pieces(word.toString(), s, size));
      }
    }
    List<Unit> units = new ArrayList<>();
    List<Piece> cur = new ArrayList<>();
    boolean glueNext = false;
    for (Piece a : atoms) {
      boolean closing = a.text().length() == 1 && CLOSING.indexOf(a.text().charAt(0)) >= 0;
      boolean joinsPrevious = !cur.isEmpty() && (glueNext || closing) && !a.space();
      boolean wordAfterWord =
          !cur.isEmpty()
              && !a.space()
              && !cur.get(cur.size() - 1).space()
              && !breaksAround(a.text().codePointAt(0))
              && !breaksAround(cur.get(cur.size() - 1).text().codePointAt(0))
              && OPENING.indexOf(a.text().charAt(0)) < 0;
      if (joinsPrevious && closing && cur.stream().allMatch(Piece::space) && !units.isEmpty()) {
        // "word ，": the mark must not start a line, so it takes the space and the word before.
        List<Piece> joined = new ArrayList<>(units.remove(units.size() - 1).pieces());
        joined.addAll(cur);
        cur = joined;
      }
      if (!joinsPrevious && !wordAfterWord && !cur.isEmpty()) {
        units.add(unit(cur));
        cur = new ArrayList<>();
      }
      cur.add(a);
      glueNext = a.text().length() == 1 && OPENING.indexOf(a.text().charAt(0)) >= 0;
    }
    if (!cur.isEmpty()) {
      units.add(unit(cur));
    }
    return units;
  }

  /** Text as pieces of one font each; a character no font has becomes □. */
  private List<Piece> pieces(String text, Doc.Span s, float size) {
    List<Piece> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int runFont = 0;
    float wsum = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int f = chain.fontFor(cp);
      if (f < 0) {
        cp = chain.fontFor(FontChain.MISSING) >= 0 ? FontChain.MISSING : '?';
        f = chain.fontFor(cp);
      }
      if (run.length() > 0 && f != runFont) {
        out.add(new Piece(run.toString(), s.bold(), s.placeholder(), wsum, false, runFont));
        run.setLength(0);
        wsum = 0;
      }
      runFont = f;
      run.appendCodePoint(cp);
      wsum += chain.fonts().get(f).width(cp) * size;
    }
    if (run.length() > 0) {
      out.add(new Piece(run.toString(), s.bold(), s.placeholder(), wsum, false, runFont));
    }
    return out;
  }

  private float monoWidth(String text, float size) {
    try {
      return mono.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new DocumentException("failed to measure monospace text", e);
    }
  }

  private PDFont pdFont(int index) throws IOException {
    if (index == MONO) {
      return mono;
    }
    if (index == 0) {
      return font;
    }
    while (fallbacks.size() < index) {
      fallbacks.add(null);
    }
    if (fallbacks.get(index - 1) == null) {
      fallbacks.set(index - 1, PDType0Font.load(pd, chain.fonts().get(index).ttf(), true));
    }
    return fallbacks.get(index - 1);
  }

  private static Unit unit(List<Piece> pieces) {
    float wsum = 0;
    for (Piece p : pieces) {
      wsum += p.width();
    }
    return new Unit(List.copyOf(pieces), wsum, pieces.size() == 1 && pieces.get(0).space());
  }

  private List<Line> lines(List<Doc.Span> spans, float size, float width, float firstIndent) {
    List<Line> out = new ArrayList<>();
    List<Piece> cur = new ArrayList<>();
    float used = 0;
    float avail = width - firstIndent;
    for (Unit u : units(spans, size)) {
      if (u.space() && cur.isEmpty()) {
        continue;
      }
      if (used + u.width() <= avail + 0.01f) {
        cur.addAll(u.pieces());
        used += u.width();
        continue;
      }
      if (u.space()) {
        out.add(line(cur));
        cur = new ArrayList<>();
        used = 0;
        avail = width;
        continue;
      }
      if (!cur.isEmpty() && u.width() <= width) {
        out.add(line(cur));
        cur = new ArrayList<>();
        used = 0;
        avail = width;
        cur.addAll(u.pieces());
        used = u.width();
        continue;
      }
      // Longer than a line (a hash, a URL): break it by character.
      for (Piece p : u.pieces()) {
        for (int i = 0; i < p.text().length(); ) {
          int cp = p.text().codePointAt(i);
          i += Character.charCount(cp);
          String ch = new String(Character.toChars(cp));
          float cw =
              p.font() == MONO ? monoWidth(ch, size) : chain.fonts().get(p.font()).width(cp) * size;
          if (used + cw > avail + 0.01f && !cur.isEmpty()) {
            // A closing mark must not start the line: the closing marks before it and the
            // character they follow go along (，），: all three marks and the character).
            List<Piece> carried = new ArrayList<>();
            if (CLOSING.indexOf(cp) >= 0) {
              int k = cur.size();
              while (k > 1 && closingMark(cur.get(k - 1))) {
                k--;
              }
              if (k - 1 >= 1) {
                List<Piece> tail = cur.subList(k - 1, cur.size());
                carried.addAll(tail);
                tail.clear();
              }
            }
            out.add(line(cur));
            cur = new ArrayList<>();
            used = 0;
            avail = width;
            for (Piece c : carried) {
              cur.add(c);
              used += c.width();
            }
          }
          cur.add(new Piece(ch, p.bold(), p.placeholder(), cw, false, p.font()));
          used += cw;
        }
      }
    }
    if (!cur.isEmpty() || out.isEmpty()) {
      out.add(line(cur));
    }
    return out;
  }

  private static boolean closingMark(Piece p) {
    return p.text().length() == 1 && CLOSING.indexOf(p.text().charAt(0)) >= 0;
  }

  private static Line line(List<Piece> pieces) {
    List<Piece> ps = new ArrayList<>(pieces);
    while (!ps.isEmpty() && ps.get(ps.size() - 1).space()) {
      ps.remove(ps.size() - 1);
    }
    // Merge neighbours of the same style so text is drawn (and extracted) in runs.
    List<Piece> merged = new ArrayList<>();
    float wsum = 0;
    for (Piece p : ps) {
      wsum += p.width();
      if (!merged.isEmpty()) {
        Piece last = merged.get(merged.size() - 1);
        if (last.bold() == p.bold()
            && last.placeholder() == p.placeholder()
            && last.font() == p.font()) {
          merged.set(
              merged.size() - 1,
              new Piece(
                  last.text() + p.text(),
                  p.bold(),
                  p.placeholder(),
                  last.width() + p.width(),
                  false,
                  p.font()));
          continue;
        }
      }
      merged.add(p);
    }
    return new Line(merged, wsum);
  }

  // ---- drawing ----

  private void paragraph(List<Doc.Span> spans, float size, float lh, Doc.Align align, float indent)
      throws IOException {
    List<Line> ls = lines(spans, size, TEXT_W, indent);
    for (int i = 0; i < ls.size(); i++) {
      if (y - lh < BOTTOM) {
        newPage();
      }
      Line l = ls.get(i);
      float x =
          switch (align) {
            case CENTER -> LEFT + (TEXT_W - l.width()) / 2;
            case RIGHT -> LEFT + TEXT_W - l.width();
            default -> LEFT + (i == 0 ? indent : 0);
          };
      drawLine(l, x, y - lh + (lh - size) / 2 + size * 0.18f, size);
      y -= lh;
    }
  }

  private void drawLine(Line l, float x, float baseline, float size) throws IOException {
    float at = x;
    for (Piece p : l.pieces()) {
      if (p.placeholder()) {
        cs.setNonStrokingColor(1f, 0.93f, 0.55f);
        cs.addRect(at, baseline - size * 0.22f, p.width(), size * 1.15f);
        cs.fill();
        cs.setNonStrokingColor(0.65f, 0f, 0f);
        cs.setStrokingColor(0.65f, 0f, 0f);
      } else {
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.setStrokingColor(0f, 0f, 0f);
      }
      cs.beginText();
      if (p.bold()) {
        cs.setRenderingMode(RenderingMode.FILL_STROKE);
        cs.setLineWidth(size * 0.035f);
      } else {
        cs.setRenderingMode(RenderingMode.FILL);
      }
      cs.setFont(pdFont(p.font()), size);
      cs.newLineAtOffset(at, baseline);
      cs.showText(p.text());
      cs.endText();
      at += p.width();
    }
    cs.setNonStrokingColor(0f, 0f, 0f);
    cs.setStrokingColor(0f, 0f, 0f);
  }

  private static float[] widths(Doc.Table t) {
    int cols = t.rows().get(0).size();
    float[] cw = new float[cols];
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      sum += t.widths().isEmpty() ? 1 : t.widths().get(c);
    }
    for (int c = 0; c < cols; c++) {
      cw[c] = (float) ((t.widths().isEmpty() ? 1 : t.widths().get(c)) / sum * TEXT_W);
    }
    return cw;
  }

  /**
   * Draws a table. Rows never split; a header is repeated on each page; and a row moves to the next
   * page together with what belongs to it ({@link Doc.Table#unitEnd}). A unit taller than a page is
   * drawn row by row. The last unit also needs room for {@code trailing} (a signature block that
   * must not stand alone on its page), when a page can hold both.
   */
  private void table(Doc.Table t, float trailing) throws IOException {
    float[] cw = widths(t);
    float lh = CELL * 1.45f;
    List<List<String>> rows = t.rows();
    List<Float> heights = new ArrayList<>();
    List<List<List<Line>>> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      cells.add(cellLines(rows.get(r), cw, r == 0));
      heights.add(rowHeight(cells.get(r), lh));
    }
    float headerH = heights.get(0);
    int unitEnd = 0;
    for (int r = 0; r < rows.size(); r++) {
      float h = heights.get(r);
      float need = h;
      if (r >= unitEnd) {
        unitEnd = t.unitEnd(r);
        float unit = 0;
        for (int k = r; k < unitEnd; k++) {
          unit += heights.get(k);
        }
        if (unit <= PAGE_H - TOP - BOTTOM - (r == 0 ? 0 : headerH)) {
          need = unit;
          if (unitEnd == rows.size()
              && r > 0
              && unit + trailing <= PAGE_H - TOP - BOTTOM - headerH) {
            need = unit + trailing;
          }
        }
      }
      if (y - need < BOTTOM && y < PAGE_H - TOP) {
        newPage();
        if (r > 0) {
          drawRow(cells.get(0), cw, headerH, lh, true);
        }
      }
      drawRow(cells.get(r), cw, h, lh, r == 0);
    }
  }

  private List<List<Line>> cellLines(List<String> row, float[] cw, boolean header) {
    List<List<Line>> out = new ArrayList<>();
    for (int c = 0; c < row.size(); c++) {
      float w = row.size() == 1 ? TEXT_W : cw[c];
      out.add(lines(Doc.spans(row.get(c), header), CELL, w - 2 * PAD, 0));
    }
    return out;
  }

  private static float rowHeight(List<List<Line>> cells, float lh) {
    int max = 1;
    for (List<Line> c : cells) {
      max = Math.max(max, c.size());
    }
    return max * lh + 2 * PAD;
  }

  private void drawRow(List<List<Line>> cells, float[] cw, float h, float lh, boolean header)
      throws IOException {
    float x = LEFT;
    if (header) {
      cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
      cs.addRect(LEFT, y - h, TEXT_W, h);
      cs.fill();
      cs.setNonStrokingColor(0f, 0f, 0f);
    }
    cs.setLineWidth(0.5f);
    for (int c = 0; c < cells.size(); c++) {
      float w = cells.size() == 1 ? TEXT_W : cw[c];
      cs.setStrokingColor(0f, 0f, 0f);
      cs.addRect(x, y - h, w, h);
      cs.stroke();
      float ly = y - PAD;
      for (Line l : cells.get(c)) {
        drawLine(l, x + PAD, ly - lh + (lh - CELL) / 2 + CELL * 0.18f, CELL);
        ly -= lh;
      }
      x += w;
    }
    y -= h;
  }

  private void footers() throws IOException {
    int total = (int) numbered.stream().filter(b -> b).count();
    int n = 0;
    float size = 8.5f;
    for (int i = 0; i < pages.size(); i++) {
      try (PDPageContentStream f =
          new PDPageContentStream(
              pd, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        f.setNonStrokingColor(0.35f, 0.35f, 0.35f);
        f.setFont(font, size);
        if (!doc.footer().isEmpty()) {
          f.beginText();
          f.newLineAtOffset(LEFT, 42);
          f.showText(doc.footer());
          f.endText();
        }
        if (numbered.get(i)) {
          n++;
          String label =
              doc.lang() == Lang.ZH
                  ? String.format(Locale.ROOT, "第 %d 页 共 %d 页", n, total)
                  : String.format(Locale.ROOT, "Page %d of %d", n, total);
          float wl = 0;
          for (int k = 0; k < label.length(); k++) {
            wl += fs.width(label.charAt(k)) * size;
          }
          f.beginText();
          f.newLineAtOffset(PAGE_W - RIGHT - wl, 42);
          f.showText(label);
          f.endText();
        }
      }
    }
  }
}
