package org.redress.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.redress.cases.CaseStore;
import org.redress.cases.CasesException;
import org.redress.casework.CaseworkException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.PackageRejectedException;
import picocli.CommandLine;

/**
 * The one-line failure of {@link ExitCodes#message} in Chinese. A failure is worded from its type
 * and its values (a path, a case, an item number), never from its English message: the cores say
 * what went wrong in English for logs and for {@code --lang en}, and give the reason and values for
 * a front end to word.
 *
 * <p>Leftovers (a failure no rule here knows) get a Chinese lead and, when the failure names a file
 * ({@link FileSystemException#getFile}), that path; never their English sentence, which would put
 * English words in front of a person who asked for Chinese. The line then says how to see the
 * English detail ({@code --lang en}), so nothing is hidden from a helper who reads it. The cli's
 * own {@link ExitCodes.UsageException} and {@link ExitCodes.DataException} are written in the
 * interface language where they are thrown; one that still holds no Chinese is treated as a
 * leftover too.
 */
final class ChineseFailures {
  private ChineseFailures() {}

  static String message(Throwable ex) {
    if (ExitCodes.internal(ex)) {
      return Msg.get("errors", "internal");
    }
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      return message(ex.getCause());
    }
    String base = base(ex);
    return base + seeList(ex) + NextSteps.suffix(ex);
  }

  private static String base(Throwable ex) {
    if (ex instanceof ExitCodes.UsageException
        || ex instanceof ExitCodes.DataException
        || ex instanceof EvidenceVerifyCommand.VerificationFailed) {
      String m = ex.getMessage() == null ? "" : ex.getMessage();
      return chinese(m) ? firstLine(m) : Msg.get("errors", "other");
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      return ParseErrorsZh.message(pe);
    }
    if (ex instanceof NoSuchFileException f) {
      return Msg.get("errors", "no.such.file", f.getFile());
    }
    if (ex instanceof AccessDeniedException f) {
      return Msg.get("errors", "access.denied", f.getFile());
    }
    if (ex instanceof FileSystemException f && f.getFile() != null) {
      return Msg.get("errors", "io.failed", f.getFile());
    }
    if (ex instanceof EvidenceException.PassphraseRequired) {
      return Msg.get("errors", "passphrase.required");
    }
    if (ex instanceof PackageRejectedException) {
      return Msg.get("errors", "package.rejected");
    }
    if (ex instanceof EvidenceException e && e.reason().isPresent()) {
      return worded("evidence", e.reason().get().name(), e.values());
    }
    if (ex instanceof CasesException.UnknownBank b) {
      return Msg.get("errors", "unknown.bank", b.name());
    }
    if (ex instanceof CaseStore.UnknownCase c && !c.values().isEmpty()) {
      return Msg.get("errors", "unknown.case", c.values().get(0));
    }
    if (ex instanceof CaseworkException.UnknownCase c) {
      return Msg.get("errors", "unknown.case", c.id());
    }
    if (ex instanceof CasesException.LimitExceeded l) {
      String field = l.field().equals("label") ? "label" : "other";
      return Msg.get("errors", "limit." + field, l.max(), l.value());
    }
    if (ex instanceof CasesException c && c.reason() != CasesException.Reason.OTHER) {
      return worded("cases", c.reason().name(), c.values());
    }
    if (ex instanceof org.redress.law.InvalidFactsException f) {
      return Msg.get("errors", "law.invalid.facts", f.field());
    }
    if (ex instanceof org.redress.law.NoVersionException n) {
      return Msg.get("errors", "law.no.version", n.subject(), n.date());
    }
    if (ex instanceof CaseworkException.UnknownBank && ex.getCause() != null) {
      return base(ex.getCause());
    }
    // A leftover: a Chinese lead, and the file if the failure names one; never its English text.
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException f && f.getFile() != null) {
        return Msg.get("errors", "other.file", f.getFile());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Msg.get("errors", "other");
  }

  /** A reason of a lower module, worded by the key {@code AREA.REASON} with its values. */
  private static String worded(String area, String reason, List<String> values) {
    return Msg.get("errors", area + "." + reason.toLowerCase(Locale.ROOT), values.toArray());
  }

  /** For a bank or case that does not exist, the command that lists the names. */
  private static String seeList(Throwable ex) {
    String en = ExitCodes.seeList(ex);
    if (en.isEmpty()) {
      return "";
    }
    return Msg.get("errors", en.contains("bank") ? "see.banks" : "see.cases");
  }

  static boolean chinese(String m) {
    return m.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
