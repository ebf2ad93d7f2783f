package org.redress.match;

import java.util.List;

/**
 * What matching one query found.
 *
 * @param matches the matches, ordered by bank, signal, distance, item
 * @param suppressed matches that the allow list suppressed, with the allow entry responsible
 * @param warnings notes for the user, e.g. a query whose quality is too low for a bank
 */
public record MatchResult(List<Match> matches, List<Suppressed> suppressed, List<String> warnings) {
  public MatchResult {
    matches = List.copyOf(matches);
    suppressed = List.copyOf(suppressed);
    warnings = List.copyOf(warnings);
  }

  /**
   * A match the allow list suppressed.
   *
   * @param match the match that would have been reported
   * @param allowId the allow entry's id
   * @param allowLabel the allow entry's label
   */
  public record Suppressed(Match match, long allowId, String allowLabel) {}
}
