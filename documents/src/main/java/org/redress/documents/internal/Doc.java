package org.redress.documents.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.redress.documents.Lang;

/**
 * A document as the writers see it: sections of blocks. A section starts on a new page; only
 * numbered sections get page numbers (the notes page of a filing is unnumbered, so removing it
 * leaves the filing numbered from 1).
 */
public record Doc(String title, Lang lang, List<Section> sections, String footer) {
  /** Placeholders for unknown values, in either language. */
  public static final Pattern PLACEHOLDER =
      Pattern.compile("【待填写：[^】]*】|\\[to fill in: [^\\]]*\\]");

  /** Inline bold markup: {@code **text**}. */
  public static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

  /**
   * Inline monospace markup for hashes: {@code `hex`}. A monospace span is never broken inside a
   * line, so a SHA-256 stays one searchable string in the PDF's text.
   */
  public static final Pattern MONO = Pattern.compile("`([^`]+)`");

  /** A run of pages. */
  public record Section(boolean numbered, List<Block> blocks) {}

  /** How a paragraph is aligned. */
  public enum Align {
    /** Justified body text (Chinese: first line indented two characters). */
    BODY,
    /** Left-aligned, no indent (labels such as 报案人：…). */
    LEFT,
    /** Centred. */
    CENTER,
    /** Right-aligned (signature, date). */
    RIGHT
  }

  /** A block of content. */
  public sealed interface Block permits Title, Heading, Para, Table, Keep {}

  /** The document title. */
  public record Title(String text) implements Block {}

  /** A heading; level 1 or 2. */
  public record Heading(int level, String text) implements Block {}

  /** A paragraph; {@code small} for notes. */
  public record Para(String text, Align align, boolean small) implements Block {}

  /**
   * A table; the first row is the header; widths are relative. A row of one cell spans the whole
   * table (a group heading, or a hash line under its row).
   */
  public record Table(List<List<String>> rows, List<Double> widths) implements Block {
    /**
     * Where the rows that must stay on one page with row {@code r} end (exclusive): a header keeps
     * the first row under it, a group heading (a spanning row in bold) its first row, a row the
     * spanning lines under it (the hash, log index and address in the evidence list).
     */
    public int unitEnd(int r) {
      int cols = rows.get(0).size();
      int e = r + 1;
      if (r == 0 || (cols > 1 && groupHeading(rows.get(r)))) {
        return e < rows.size() ? unitEnd(e) : e;
      }
      while (cols > 1
          && rows.get(r).size() > 1
          && e < rows.size()
          && rows.get(e).size() == 1
          && !groupHeading(rows.get(e))) {
        e++;
      }
      return e;
    }

    private static boolean groupHeading(List<String> row) {
      String s = row.get(0);
      return row.size() == 1 && s.length() > 4 && s.startsWith("**") && s.endsWith("**");
    }
  }

  /**
   * Blocks kept together on one page (a signature block: 此致 … 具状人 … 日期; a heading with its table):
   * when the group does not fit on what is left of the page, it starts a new one. A group taller
   * than a page is laid out as its blocks would be. Groups do not nest.
   */
  public record Keep(List<Block> blocks) implements Block {
    /** Copies the blocks; a group holds no group. */
    public Keep {
      blocks = List.copyOf(blocks);
      if (blocks.stream().anyMatch(b -> b instanceof Keep)) {
        throw new IllegalArgumentException("keep-together groups do not nest");
      }
    }

    /** Whether this is a signature block: it holds a right-aligned line (具状人：（签名）, a date). */
    public boolean signature() {
      return blocks.stream().anyMatch(b -> b instanceof Para p && p.align() == Align.RIGHT);
    }
  }

  /** One piece of text with its style. */
  public record Span(String text, boolean bold, boolean placeholder, boolean mono) {
    /** A proportional span. */
    public Span(String text, boolean bold, boolean placeholder) {
      this(text, bold, placeholder, false);
    }
  }

  /**
   * Splits text into spans: {@code `mono`}, {@code **bold**} and placeholders get their own spans.
   */
  public static List<Span> spans(String text, boolean bold) {
    java.util.ArrayList<Span> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = MONO.matcher(text);
    int at = 0;
    while (m.find()) {
      boldSpans(text.substring(at, m.start()), bold, out);
      out.add(new Span(m.group(1), bold, false, true));
      at = m.end();
    }
    boldSpans(text.substring(at), bold, out);
    return out;
  }

  private static void boldSpans(String text, boolean bold, List<Span> out) {
    java.util.regex.Matcher b = BOLD.matcher(text);
    int at = 0;
    while (b.find()) {
      placeholders(text.substring(at, b.start()), bold, out);
      placeholders(b.group(1), true, out);
      at = b.end();
    }
    placeholders(text.substring(at), bold, out);
  }

  private static void placeholders(String text, boolean bold, List<Span> out) {
    java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Span(text.substring(at, m.start()), bold, false));
      }
      out.add(new Span(m.group(), bold, true));
      at = m.end();
    }
    if (at < text.length()) {
      out.add(new Span(text.substring(at), bold, false));
    }
  }
}
