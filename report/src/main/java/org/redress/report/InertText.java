package org.redress.report;

/**
 * Makes untrusted text inert for a terminal or a page: control characters (C0 but for none, DEL,
 * C1), line and paragraph separators and the bidirectional controls that reorder what follows
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are each replaced by U+FFFD, so a chat or
 * file name can neither move the cursor, colour a line, start a new line nor reverse an id.
 */
public final class InertText {
  /** What every such character becomes. */
  public static final char REPLACEMENT = '\uFFFD';

  private InertText() {}

  /** The text with every control and bidi character replaced. */
  public static String of(String s) {
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(unsafe(c) ? REPLACEMENT : c);
    }
    return b.toString();
  }

  /** True for a character {@link #of} replaces. */
  public static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u2028' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
