package org.redress.sources;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Counts what passes to the consumer and collects problems; builds the {@link ReadSummary}. */
final class Tally {
  private final Consumer<? super SourceItem> sink;
  private final int maxProblems;
  private final Map<UncheckedReason, Long> unchecked = new EnumMap<>(UncheckedReason.class);
  private final List<Problem> problems = new ArrayList<>();
  private long problemCount;
  long chats;
  long posts;
  long service;
  long available;
  long loose;
  long skipped;
  boolean partial;

  Tally(Consumer<? super SourceItem> sink, int maxProblems) {
    this.sink = sink;
    this.maxProblems = maxProblems;
  }

  void post(Post p) {
    posts++;
    if (p.service()) {
      service++;
    }
    for (MediaRef m : p.media()) {
      count(m);
    }
    sink.accept(p);
  }

  void loose(MediaRef m) {
    loose++;
    count(m);
    sink.accept(m);
  }

  private void count(MediaRef m) {
    if (m.available()) {
      available++;
    } else {
      unchecked.merge(m.uncheckedReason().orElseThrow(), 1L, Long::sum);
    }
  }

  void problem(Problem p) {
    problemCount++;
    if (problems.size() < maxProblems) {
      problems.add(p);
    }
  }

  ReadSummary summary(String source, SourceKind kind) {
    return new ReadSummary(
        source,
        kind,
        chats,
        posts,
        service,
        available,
        unchecked,
        loose,
        skipped,
        partial,
        problems,
        problemCount);
  }
}
