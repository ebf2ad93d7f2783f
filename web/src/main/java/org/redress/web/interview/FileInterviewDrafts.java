package org.redress.web.interview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.redress.casework.CaseworkException;
import org.redress.casework.InterviewAnswers;

/**
 * Interview answers as {@code interview.json} in the case's folder, written to a temporary file and
 * moved into place. A stand-in until the case's encrypted, versioned facts in {@code casework} keep
 * them.
 */
public final class FileInterviewDrafts implements InterviewDrafts {
  private final Function<String, Path> caseDir;

  /** Drafts in the folder {@code caseDir} gives for a case id. */
  public FileInterviewDrafts(Function<String, Path> caseDir) {
    this.caseDir = caseDir;
  }

  @Override
  public InterviewAnswers load(String caseId) {
    Path f = caseDir.apply(caseId).resolve("interview.json");
    if (!Files.isRegularFile(f)) {
      return InterviewAnswers.empty();
    }
    try {
      return InterviewAnswers.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + f, e);
    } catch (CaseworkException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(String caseId, InterviewAnswers answers) {
    Path f = caseDir.apply(caseId).resolve("interview.json");
    Path tmp = f.resolveSibling("interview.json.tmp");
    try {
      Files.writeString(tmp, answers.toJson() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + f, e);
    }
  }
}
