package org.redress.web.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.cases.Bank;
import org.redress.cases.BankStore;
import org.redress.match.Matcher;
import org.redress.match.Signal;

/**
 * The banks in memory for lookups: built on first use, rebuilt at once after a change made through
 * the API, and rebuilt by {@link #refreshIfChanged} when the banks changed elsewhere (a bank's item
 * count, a new bank, the allow list). Lookups use the last complete build while a new one is made,
 * as HMA's index cache does.
 */
final class MatchIndex {
  /** One complete build. */
  record Built(Matcher matcher, Instant builtAt, Map<Signal, Long> sizes, String fingerprint) {}

  private final BankStore banks;
  private final Clock clock;
  private volatile Built built;

  MatchIndex(BankStore banks, Clock clock) {
    this.banks = banks;
    this.clock = clock;
  }

  /** The current build (building it on first use). */
  Built get() {
    Built b = built;
    if (b == null) {
      synchronized (this) {
        if (built == null) {
          built = build();
        }
        b = built;
      }
    }
    return b;
  }

  /** Whether a build exists yet. */
  boolean present() {
    return built != null;
  }

  /** Rebuilds now (after a change through the API). */
  synchronized void rebuild() {
    built = build();
  }

  /** Rebuilds when the banks changed since the last build; cheap otherwise. */
  void refreshIfChanged() {
    Built b = built;
    if (b != null && !b.fingerprint().equals(fingerprint())) {
      rebuild();
    }
  }

  private Built build() {
    String fp = fingerprint();
    Instant now = clock.instant();
    List<String> warnings = new ArrayList<>();
    Matcher m = banks.matcher(List.of(), now, 80.0, 0.0, warnings);
    return new Built(m, now, banks.signalCounts(), fp);
  }

  private String fingerprint() {
    StringBuilder b = new StringBuilder();
    for (Bank k : banks.list()) {
      b.append(k.id()).append(':').append(k.items()).append(':').append(k.threshold()).append(';');
    }
    return b.append("allow:").append(banks.allowList().size()).toString();
  }
}
