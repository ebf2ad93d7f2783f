package org.redress.cli;

import org.redress.law.Assessment;
import org.redress.law.LawBook;
import org.redress.law.PlanText;

/** Renders an assessment's action plan in Chinese or English (the text lives in {@code law}). */
final class AssessPlan {
  private AssessPlan() {}

  static String render(Assessment assessment, LawBook book, String lang) {
    return PlanText.render(assessment, book, lang);
  }
}
