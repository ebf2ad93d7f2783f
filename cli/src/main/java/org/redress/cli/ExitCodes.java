package org.redress.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** The one place where exceptions become exit codes and one-line messages. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** Bad data: a file that could not be read or hashed, a failed verification. */
  public static final int DATA = 1;
  /** Bad usage: unknown option, missing argument, invalid value. */
  public static final int USAGE = 2;

  private ExitCodes() {}

  /** The exit code for an exception. */
  public static int of(Throwable ex) {
    if (ex instanceof CommandLine.ParameterException || ex instanceof UsageException) {
      return USAGE;
    }
    return DATA;
  }

  /** A one-line message for a user: no class names, no stack trace. */
  public static String message(Throwable ex) {
    if (ex instanceof NoSuchFileException) {
      return "no such file: " + ex.getMessage();
    }
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      return message(ex.getCause());
    }
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    if (ex instanceof IOException && ex.getCause() != null && ex.getCause().getMessage() != null
        && !m.contains(ex.getCause().getMessage())) {
      m = m + ": " + ex.getCause().getMessage();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Thrown by a command for a usage error that picocli's parser cannot see (exit 2). */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
