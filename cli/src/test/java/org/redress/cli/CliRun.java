package org.redress.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with {@code REDRESS_LANG} set to {@code lang} (and nothing else from the environment). */
  static CliRun withLang(String lang, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args, new PrintWriter(out), new PrintWriter(err), java.util.Map.of(UiLang.ENV, lang));
    return new CliRun(code, out.toString(), err.toString());
  }
}
