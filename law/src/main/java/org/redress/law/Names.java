package org.redress.law;

import java.util.Collection;
import java.util.Optional;

/** Edit distance for "did you mean" suggestions. */
final class Names {
  private Names() {}

  /** Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The candidate nearest to {@code name} (ties: the first in iteration order). */
  static Optional<String> nearest(String name, Collection<String> candidates) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return Optional.ofNullable(best);
  }
}
