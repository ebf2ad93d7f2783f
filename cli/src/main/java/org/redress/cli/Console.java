package org.redress.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.redress.report.InertText;

/**
 * Untrusted text on the console is inert. Every field that comes from outside (a chat name, a ZIP
 * entry or file name, a label) goes through {@link #inert} before it is printed, so a name with a
 * newline cannot forge a {@code hash} line and an escape sequence cannot paint a forged VERIFIED;
 * and {@link #filter} guards whole streams a person reads (standard error always, standard output
 * when it is a terminal) against escape and bidi characters that slipped through.
 */
final class Console {
  private Console() {}

  /** The text with control and bidi characters replaced by U+FFFD. */
  static String inert(String s) {
    return s == null ? null : InertText.of(s);
  }

  /** The object's text, made inert. */
  static String inert(Object o) {
    return o == null ? "null" : InertText.of(o.toString());
  }

  /** A writer that replaces control and bidi characters but line ends and tabs. */
  static Writer filter(Writer w) {
    return new FilterWriter(w) {
      @Override
      public void write(int c) throws IOException {
        out.write(safe((char) c));
      }

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          out.write(safe(buf[i]));
        }
      }

      @Override
      public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          out.write(safe(str.charAt(i)));
        }
      }
    };
  }

  private static char safe(char c) {
    return c == '\n' || c == '\r' || c == '\t' || !InertText.unsafe(c) ? c : InertText.REPLACEMENT;
  }
}
