package org.redress.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one case brings to dossiers: its consent and what its scans saw. A case without consent
 * brings nothing, not even a count.
 *
 * @param caseId the case
 * @param consent her consent to be counted in dossiers, or null when never given
 * @param sightings matched files in posts
 * @param trade trade ads seen
 * @param chatMembers member counts read for chats (a screenshot or a captured page), by chat id
 */
public record CaseInput(
    String caseId,
    @Nullable Consent consent,
    List<Sighting> sightings,
    List<TradeSighting> trade,
    Map<Long, Long> chatMembers) {
  /** Copies. */
  public CaseInput {
    sightings = List.copyOf(sightings);
    trade = List.copyOf(trade);
    chatMembers = Map.copyOf(chatMembers);
  }

  /** True when she consented to dossiers and has not withdrawn. */
  public boolean counted() {
    return consent != null && consent.dossiers();
  }

  /**
   * Her answer about dossiers.
   *
   * @param dossiers yes or no
   * @param on the day she answered
   * @param scope what she agreed to ({@code dossiers}: her case's scans may be counted with other
   *     victims' under a pseudonym)
   */
  public record Consent(boolean dossiers, LocalDate on, String scope) {}
}
