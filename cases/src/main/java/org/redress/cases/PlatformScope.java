package org.redress.cases;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a platform's key may do. */
public enum PlatformScope {
  /** Read the hash feed ({@code /v1/FetchHashes}). */
  FEED("feed"),
  /** Hash and look up ({@code /h/*}, {@code /m/*}). */
  LOOKUP("lookup"),
  /** Submit feedback and hashes ({@code /v1/SubmitFeedback}, {@code /v1/SubmitHashes}). */
  FEEDBACK("feedback"),
  /** Create, change and delete banks and their content ({@code /c/*}). */
  CURATE("curate");

  private final String id;

  PlatformScope(String id) {
    this.id = id;
  }

  /** The scope's name as the command line and the audit log write it. */
  public String id() {
    return id;
  }

  /**
   * Parses a comma-separated list such as {@code feed,lookup}; {@code all} means every scope.
   *
   * @throws IllegalArgumentException naming the unknown scope, or for an empty list
   */
  public static Set<PlatformScope> parseList(String text) {
    EnumSet<PlatformScope> out = EnumSet.noneOf(PlatformScope.class);
    for (String part : (text == null ? "" : text).split(",", -1)) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      if (p.equals("all")) {
        out.addAll(EnumSet.allOf(PlatformScope.class));
        continue;
      }
      PlatformScope found = null;
      for (PlatformScope s : values()) {
        if (s.id.equals(p)) {
          found = s;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown scope \""
                + part.trim()
                + "\" (expected feed, lookup, feedback, curate or all)");
      }
      out.add(found);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "scopes must name at least one of feed, lookup, feedback, curate or all, was \""
              + text
              + "\"");
    }
    return out;
  }

  /** The list form of a set, in declaration order: {@code feed,lookup}. */
  public static String toList(Set<PlatformScope> scopes) {
    StringBuilder b = new StringBuilder();
    for (PlatformScope s : values()) {
      if (scopes.contains(s)) {
        b.append(b.length() == 0 ? "" : ",").append(s.id);
      }
    }
    return b.toString();
  }
}
