package org.redress.documents.internal;

import java.util.List;
import java.util.Optional;

/** Everything a document is made from. Only the facts are required. */
public record CaseData(
    Facts facts,
    Optional<Findings> findings,
    List<SpreadReport> reports,
    Optional<EvidenceManifest> evidence,
    Parties parties) {
  /** Copies the list of reports. */
  public CaseData {
    reports = List.copyOf(reports);
  }
}
