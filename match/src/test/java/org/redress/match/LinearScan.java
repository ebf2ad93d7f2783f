package org.redress.match;

import java.util.ArrayList;
import java.util.List;
import org.redress.phash.Pdq;

/** The obviously-correct oracle: compares the query with every hash. */
final class LinearScan {
  private final List<Pdq> hashes;

  LinearScan(List<Pdq> hashes) {
    this.hashes = List.copyOf(hashes);
  }

  /** Hits ordered by distance, then ordinal, as {@link PdqIndex#search(Pdq, int)} orders them. */
  List<PdqIndex.Hit> search(Pdq query, int radius) {
    List<PdqIndex.Hit> hits = new ArrayList<>();
    for (int d = 0; d <= Math.min(radius, 256); d++) {
      for (int i = 0; i < hashes.size(); i++) {
        if (hashes.get(i).distance(query) == d) {
          hits.add(new PdqIndex.Hit(i, d));
        }
      }
    }
    return hits;
  }
}
