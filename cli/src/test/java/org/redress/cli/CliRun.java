package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
record CliRun(int exit, String out, String err) {
  /** Runs with the process environment, as {@link Main#run(String[], PrintWriter, PrintWriter)}. */
  static CliRun of(String... args) {
    return withEnv(System.getenv(), args);
  }

  /** Runs with the process environment and checks it exits 0 (its stderr in the failure). */
  static CliRun ok(String... args) {
    CliRun r = of(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return r;
  }

  /** Runs with {@code env} as the whole environment. */
  static CliRun withEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with {@code REDRESS_LANG} set to {@code lang} (and nothing else from the environment). */
  static CliRun withLang(String lang, String... args) {
    return withEnv(Map.of(UiLang.ENV, lang), args);
  }
}
