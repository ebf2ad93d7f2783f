package org.redress.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.redress.documents.DocumentException;

/**
 * The line-oriented markup the templates produce. One line is one block:
 *
 * <pre>
 * # Title                 ## Heading          ### Subheading
 * . label line (left, no indent)   &gt; right-aligned   ^ centred   ~ small note
 * | a | b | c             table row (consecutive rows form a table; the first is the header)
 * |= text                 a row of one cell spanning the whole table
 * |% 8 30 62              relative column widths for the next table
 * &lt;&lt;                      starts a group kept together on one page (a signature block)
 * &gt;&gt;                      ends it
 * any other text          body paragraph
 * </pre>
 *
 * Blank lines are ignored. {@code **bold**} and {@code `monospace`} work inline. Values are
 * inserted through {@link #escape}, so a value can never start a block or split a table cell.
 */
public final class Markup {
  private Markup() {}

  /** Makes a value safe to insert into markup: one line, no cell separator, no leading sigil. */
  public static String escape(String value) {
    String s = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    s = s.replace("|", "｜").replace("**", "＊＊").replace('`', '｀');
    if (s.matches("(?s)^(#{1,3}|[.>^~]) .*") || s.strip().equals("<<") || s.strip().equals(">>")) {
      s = toFullWidth(s.charAt(0)) + s.substring(1);
    }
    return s;
  }

  private static char toFullWidth(char c) {
    return (char) (c - 0x21 + 0xFF01);
  }

  /** Parses markup into blocks. */
  public static List<Doc.Block> parse(String text) {
    List<Doc.Block> top = new ArrayList<>();
    List<Doc.Block> out = top;
    int keepLine = 0;
    List<List<String>> rows = null;
    List<Double> widths = List.of();
    int lineNo = 0;
    for (String raw : text.split("\n", -1)) {
      lineNo++;
      String line = raw.strip();
      boolean span = line.startsWith("|= ");
      boolean row = line.startsWith("| ") || line.equals("|") || span;
      if (rows != null && !row) {
        out.add(new Doc.Table(rows, widths));
        rows = null;
        widths = List.of();
      }
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("<<")) {
        if (keepLine > 0) {
          throw new DocumentException(
              String.format(
                  Locale.ROOT,
                  "template line %d: a keep-together group is already open (line %d)",
                  lineNo,
                  keepLine));
        }
        keepLine = lineNo;
        out = new ArrayList<>();
      } else if (line.equals(">>")) {
        if (keepLine == 0) {
          throw new DocumentException(
              String.format(
                  Locale.ROOT, "template line %d: no keep-together group to close", lineNo));
        }
        if (!out.isEmpty()) {
          top.add(new Doc.Keep(out));
        }
        out = top;
        keepLine = 0;
      } else if (line.startsWith("|% ")) {
        widths =
            Arrays.stream(line.substring(3).trim().split("\\s+")).map(Double::valueOf).toList();
      } else if (span) {
        if (rows == null) {
          throw new DocumentException(
              String.format(
                  Locale.ROOT, "template line %d: a spanning row cannot start a table", lineNo));
        }
        rows.add(List.of(line.substring(3).strip()));
      } else if (row) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1).split("\\|", -1)) {
          cells.add(c.strip());
        }
        if (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
          cells.remove(cells.size() - 1);
        }
        if (rows == null) {
          rows = new ArrayList<>();
        } else if (cells.size() != rows.get(0).size()) {
          throw new DocumentException(
              String.format(
                  Locale.ROOT,
                  "template line %d: table row has %d cells, the header has %d",
                  lineNo,
                  cells.size(),
                  rows.get(0).size()));
        }
        rows.add(cells);
      } else if (line.startsWith("### ")) {
        out.add(new Doc.Heading(2, line.substring(4).strip()));
      } else if (line.startsWith("## ")) {
        out.add(new Doc.Heading(1, line.substring(3).strip()));
      } else if (line.startsWith("# ")) {
        out.add(new Doc.Title(line.substring(2).strip()));
      } else if (line.startsWith(". ")) {
        out.add(new Doc.Para(line.substring(2).strip(), Doc.Align.LEFT, false));
      } else if (line.startsWith("> ")) {
        out.add(new Doc.Para(line.substring(2).strip(), Doc.Align.RIGHT, false));
      } else if (line.startsWith("^ ")) {
        out.add(new Doc.Para(line.substring(2).strip(), Doc.Align.CENTER, false));
      } else if (line.startsWith("~ ")) {
        out.add(new Doc.Para(line.substring(2).strip(), Doc.Align.LEFT, true));
      } else {
        out.add(new Doc.Para(line, Doc.Align.BODY, false));
      }
    }
    if (rows != null) {
      out.add(new Doc.Table(rows, widths));
    }
    if (keepLine > 0) {
      throw new DocumentException(
          String.format(
              Locale.ROOT, "template line %d: keep-together group is never closed", keepLine));
    }
    for (Doc.Block b : flatten(top)) {
      if (b instanceof Doc.Table t
          && !t.widths().isEmpty()
          && t.widths().size() != t.rows().get(0).size()) {
        throw new DocumentException(
            "template: table widths do not match its columns: " + t.widths());
      }
    }
    return top;
  }

  private static List<Doc.Block> flatten(List<Doc.Block> blocks) {
    List<Doc.Block> out = new ArrayList<>();
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Keep k) {
        out.addAll(k.blocks());
      } else {
        out.add(b);
      }
    }
    return out;
  }
}
