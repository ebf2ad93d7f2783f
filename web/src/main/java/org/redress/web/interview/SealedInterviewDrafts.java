package org.redress.web.interview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.casework.InterviewAnswers;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;

/**
 * Interview answers kept as the case's sealed, versioned {@code interview} record (casework's
 * {@code Cases}): encrypted with the case key like her facts, every saved draft a version with its
 * time. A plain {@code interview.json} left in the case folder by an earlier build is sealed on
 * first read and then removed.
 */
public final class SealedInterviewDrafts implements InterviewDrafts {
  private static final String LEGACY = "interview.json";

  /** Opens the workspace's evidence locker, which seals and opens a case's records. */
  @FunctionalInterface
  public interface Locker {
    /**
     * Opens the locker; the caller closes it.
     *
     * @throws EvidenceException when it cannot be opened
     */
    EvidenceStore open() throws EvidenceException;
  }

  private final Cases cases;
  private final Locker locker;

  /**
   * Drafts of a workspace's {@code cases}, sealed with the locker {@code locker} opens (the web
   * front end passes its own; this package does not reach back into it).
   */
  public SealedInterviewDrafts(Cases cases, Locker locker) {
    this.cases = cases;
    this.locker = locker;
  }

  @Override
  public synchronized InterviewAnswers load(String caseId) {
    try (EvidenceStore store = locker.open()) {
      Optional<String> text = cases.interviewText(caseId, store);
      if (text.isEmpty()) {
        Path legacy = cases.dir(caseId).resolve(LEGACY);
        if (!Files.isRegularFile(legacy)) {
          return InterviewAnswers.empty();
        }
        String json = Files.readString(legacy, StandardCharsets.UTF_8);
        InterviewAnswers a = InterviewAnswers.parse(json, legacy.toString());
        cases.putInterview(caseId, a.toJson(), store);
        Files.delete(legacy);
        return a;
      }
      return InterviewAnswers.parse(text.get(), "interview of case " + caseId);
    } catch (CaseworkException | EvidenceException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the interview of case " + caseId, e);
    }
  }

  @Override
  public synchronized void save(String caseId, InterviewAnswers answers) {
    try (EvidenceStore store = locker.open()) {
      cases.putInterview(caseId, answers.toJson(), store);
    } catch (CaseworkException | EvidenceException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
