package org.redress.web.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows password guessing: at most {@code max} failed sign-ins per account and per client address
 * within a sliding {@code window}; past that every attempt is refused (HTTP 429) until the oldest
 * failure leaves the window, whatever the password. A success clears the account's count, not the
 * address's. Kept in memory: a restart forgets it.
 */
public final class LoginLimit {
  private final int max;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  /** At most {@code max} failures in {@code window}. */
  public LoginLimit(int max, Duration window) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be 1 or more, was " + max);
    }
    this.max = max;
    this.window = window;
  }

  /** Whether an attempt for {@code account} from {@code address} at {@code now} is refused. */
  public synchronized boolean blocked(String account, String address, Instant now) {
    return count("a:" + account, now) >= max || count("ip:" + address, now) >= max;
  }

  /** Counts a failed attempt. */
  public synchronized void failed(String account, String address, Instant now) {
    failures.computeIfAbsent("a:" + account, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("ip:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A successful sign-in clears the account's failures. */
  public synchronized void succeeded(String account) {
    failures.remove("a:" + account);
  }

  private int count(String key, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    Instant from = now.minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(from)) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    return d.size();
  }
}
