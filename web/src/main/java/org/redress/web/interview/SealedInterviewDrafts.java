package org.redress.web.interview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.redress.casework.CaseworkException;
import org.redress.casework.InterviewAnswers;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.web.Web;

/**
 * Interview answers kept as the case's sealed, versioned {@code interview} record (casework's
 * {@code Cases}): encrypted with the case key like her facts, every saved draft a version with its
 * time. A plain {@code interview.json} left in the case folder by an earlier build is sealed on
 * first read and then removed.
 */
public final class SealedInterviewDrafts implements InterviewDrafts {
  private static final String LEGACY = "interview.json";

  private final Web web;

  /** Drafts of the workspace {@code web} serves. */
  public SealedInterviewDrafts(Web web) {
    this.web = web;
  }

  @Override
  public synchronized InterviewAnswers load(String caseId) {
    try (EvidenceStore locker = web.locker()) {
      Optional<String> text = web.cases().interviewText(caseId, locker);
      if (text.isEmpty()) {
        Path legacy = web.cases().dir(caseId).resolve(LEGACY);
        if (!Files.isRegularFile(legacy)) {
          return InterviewAnswers.empty();
        }
        String json = Files.readString(legacy, StandardCharsets.UTF_8);
        InterviewAnswers a = InterviewAnswers.parse(json, legacy.toString());
        web.cases().putInterview(caseId, a.toJson(), locker);
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
    try (EvidenceStore locker = web.locker()) {
      web.cases().putInterview(caseId, answers.toJson(), locker);
    } catch (CaseworkException | EvidenceException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
