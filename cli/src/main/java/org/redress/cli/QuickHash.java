package org.redress.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redress hash PATH...} with no option: the same {@link HashCommand}, run without picocli
 * (issue 21, start fast). Picocli's 174 classes are Java 5 class files that the class-data archive
 * cannot hold; loading, verifying and reflecting over them cost a one-photo run about 0.3 CPU-s,
 * more than its hashing. Any option, an {@code @file} argument, a path Java cannot name or no path
 * at all goes to picocli as before, so its parsing, help and errors are unchanged; the output of
 * what runs here is the same, byte for byte ({@code QuickHashTest} compares the two paths).
 */
final class QuickHash {
  private QuickHash() {}

  /**
   * Runs {@code args} here when they are {@code [--lang L] hash PATH...} with plain paths, and
   * returns the exit code; returns {@code null}, having done nothing, for anything else.
   */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    List<Path> paths = paths(args);
    if (paths == null) {
      return null;
    }
    HashCommand cmd = new HashCommand();
    cmd.paths = paths;
    cmd.quickOut = out;
    cmd.quickErr = err;
    int code;
    try {
      code = cmd.call();
    } catch (RuntimeException ex) {
      // As Main's execution exception handler words it (no --debug here: it is an option).
      err.println("redress: " + Console.inert(ExitCodes.message(ex)));
      code = ExitCodes.of(ex);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The paths of a plain {@code hash} run, or {@code null} when picocli must parse it. */
  static List<Path> paths(String[] args) {
    int i = 0;
    if (args.length > 1 && args[0].equals("--lang")) {
      i = 2; // the root's language option, already applied by Main (UiLang)
    } else if (args.length > 0 && args[0].startsWith("--lang=")) {
      i = 1;
    }
    if (i >= args.length || !args[i].equals("hash") || i + 1 >= args.length) {
      return null;
    }
    List<Path> paths = new ArrayList<>(args.length - i - 1);
    for (int k = i + 1; k < args.length; k++) {
      String a = args[k];
      // '-' starts an option (or "--"), '@' an argument file that picocli expands.
      if (a.isEmpty() || a.charAt(0) == '-' || a.charAt(0) == '@') {
        return null;
      }
      try {
        paths.add(Path.of(a));
      } catch (InvalidPathException e) {
        return null; // picocli words the conversion error
      }
    }
    return paths;
  }
}
