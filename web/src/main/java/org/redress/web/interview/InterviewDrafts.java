package org.redress.web.interview;

import org.redress.casework.InterviewAnswers;

/**
 * Where a case's interview answers are kept between screens. The workspace saves after every
 * answer, so closing the browser loses nothing.
 */
public interface InterviewDrafts {
  /** The answers of case {@code caseId} so far (empty when none). */
  InterviewAnswers load(String caseId);

  /** Replaces the answers of case {@code caseId}. */
  void save(String caseId, InterviewAnswers answers);
}
