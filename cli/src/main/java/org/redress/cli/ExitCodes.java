package org.redress.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ConcurrentModificationException;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes and one-line messages. The rule, for every
 * command: 0 ok; 1 bad input data (a file that cannot be read, parsed, hashed or verified, facts
 * that are not valid, a limit exceeded); 2 usage (unknown option, missing argument, a bad value or
 * setting); 3 an internal error (a bug: null, bad cast, illegal state, out of memory), printed with
 * "please report". The cores throw typed failures in their own terms; only here are limits worded
 * as the flags that raise them.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Bad data: a file that could not be read or hashed, a failed verification. */
  public static final int DATA = 1;

  /** Bad usage: unknown option, missing argument, invalid value. */
  public static final int USAGE = 2;

  /** A bug in Redress: the message asks to report it. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  /** The exit code for an exception. */
  public static int of(Throwable ex) {
    if (ex instanceof CommandLine.ParameterException
        || ex instanceof UsageException
        || ex instanceof org.redress.casework.CaseworkException.UnknownCase) {
      return USAGE;
    }
    return internal(ex) ? INTERNAL : DATA;
  }

  /** True for failures that only a bug can cause. */
  static boolean internal(Throwable ex) {
    if (ex instanceof DataException) {
      return false;
    }
    return ex instanceof Error
        || ex instanceof NullPointerException
        || ex instanceof ClassCastException
        || ex instanceof IndexOutOfBoundsException
        || ex instanceof IllegalStateException
        || ex instanceof UnsupportedOperationException
        || ex instanceof ConcurrentModificationException
        || ex instanceof ArithmeticException;
  }

  /** A one-line message for a user, in the interface language: no class names, no stack trace. */
  public static String message(Throwable ex) {
    // h-msgs2: the failures of scanning, hashing and capturing in Chinese, from their reasons
    if (Msg.zh()
        && (ex instanceof org.redress.scan.ScanException
            || ex instanceof org.redress.sources.SourceException
            || ex instanceof org.redress.media.MediaException
            || ex instanceof org.redress.capture.CaptureException)) {
      return Reasons.pathAndReason(
          firstLine(String.valueOf(ex.getMessage())), null, "scan", "failed");
    }
    // end h-msgs2
    if (Msg.zh()) {
      return ChineseFailures.message(ex);
    }
    return english(ex);
  }

  /** The English one-line message (also what {@code --lang en} prints). */
  static String english(Throwable ex) {
    if (internal(ex)) {
      String m = ex.getMessage();
      return "internal error ("
          + ex.getClass().getSimpleName()
          + (m == null || m.isBlank() ? "" : ": " + firstLine(m))
          + "); please report it with the command and --debug output at"
          + " https://github.com/redress/redress/issues (never attach her pictures)";
    }
    if (ex instanceof NoSuchFileException) {
      return "no such file: " + ex.getMessage();
    }
    if (ex instanceof AccessDeniedException) {
      return "permission denied: " + ex.getMessage();
    }
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      return english(ex.getCause());
    }
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    if (ex instanceof IOException
        && ex.getCause() != null
        && ex.getCause().getMessage() != null
        && !m.contains(ex.getCause().getMessage())) {
      m = m + ": " + ex.getCause().getMessage();
    }
    if (ex instanceof org.redress.evidence.EvidenceException.PassphraseRequired) {
      return m + " (REDRESS_PASSPHRASE or --passphrase-file)";
    }
    return firstLine(m) + seeList(ex) + NextSteps.suffix(ex);
  }

  /** For a bank or case that does not exist, the command that lists the names. */
  static String seeList(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof org.redress.cases.CasesException.UnknownBank) {
        return " (see `redress bank list`)";
      }
      if (t instanceof org.redress.cases.CaseStore.UnknownCase
          || t instanceof org.redress.casework.CaseworkException.UnknownCase) {
        return " (see `redress case list`)";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "";
  }

  private static String firstLine(String m) {
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

  /** Thrown by a command for bad input data it found itself (exit 1). */
  public static final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
      super(message);
    }

    public DataException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
