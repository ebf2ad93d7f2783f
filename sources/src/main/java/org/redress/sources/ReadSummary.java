package org.redress.sources;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What reading a source found, for the "what these numbers cover" part of a report.
 *
 * @param source the path as given
 * @param kind what kind of source it was
 * @param chats chats read (from exports)
 * @param posts messages read, service messages included
 * @param serviceMessages of which service messages
 * @param mediaAvailable media references that can be opened (posts' media and loose files)
 * @param unchecked media references that cannot be checked, by reason (every reason present)
 * @param looseFiles media files found outside any export (folder or ZIP)
 * @param skippedFiles files that are neither media nor part of an export, not read
 * @param partial true when something could not be read to the end (e.g. truncated JSON): the counts
 *     cover only what was read
 * @param problems the problems, in order, at most {@link Limits#maxProblems()} of them
 * @param problemCount how many problems there were in all
 */
public record ReadSummary(
    String source,
    SourceKind kind,
    long chats,
    long posts,
    long serviceMessages,
    long mediaAvailable,
    Map<UncheckedReason, Long> unchecked,
    long looseFiles,
    long skippedFiles,
    boolean partial,
    List<Problem> problems,
    long problemCount) {
  /** Checks for nulls, copies the collections and fills absent reasons with 0. */
  public ReadSummary {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    EnumMap<UncheckedReason, Long> all = new EnumMap<>(UncheckedReason.class);
    for (UncheckedReason r : UncheckedReason.values()) {
      all.put(r, unchecked.getOrDefault(r, 0L));
    }
    unchecked = java.util.Collections.unmodifiableMap(all);
    problems = List.copyOf(problems);
  }

  /** All unchecked media references. */
  public long uncheckedTotal() {
    return unchecked.values().stream().mapToLong(Long::longValue).sum();
  }
}
