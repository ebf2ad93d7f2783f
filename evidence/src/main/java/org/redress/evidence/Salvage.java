package org.redress.evidence;

import java.util.List;

/**
 * What {@link EvidenceStore#salvage} saved and what it could not.
 *
 * @param saved one line per item or package written
 * @param lost one line per item or case that could not be read, with the reason
 */
public record Salvage(List<String> saved, List<String> lost) {
  /** Copies the lists. */
  public Salvage {
    saved = List.copyOf(saved);
    lost = List.copyOf(lost);
  }
}
