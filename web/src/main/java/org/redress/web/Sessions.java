package org.redress.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Browser sessions of one launch, in memory only: a restart ends them all. */
final class Sessions {
  private final Clock clock;
  private final Duration idle;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  Sessions(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
  }

  /** A new session with its own CSRF token. */
  Session create() {
    Session s = new Session(randomId(), randomId(), clock.instant());
    byId.put(s.id(), s);
    return s;
  }

  /** Why a session cookie was not accepted. */
  enum Refusal {
    NONE,
    LOCKED
  }

  /** The live session with {@code id}, touched; empty when unknown or idle too long. */
  Lookup find(String id) {
    if (id == null) {
      return new Lookup(Optional.empty(), Refusal.NONE);
    }
    Session s = byId.get(id);
    if (s == null) {
      return new Lookup(Optional.empty(), Refusal.NONE);
    }
    Instant now = clock.instant();
    if (Duration.between(s.lastSeen(), now).compareTo(idle) > 0) {
      byId.remove(id);
      return new Lookup(Optional.empty(), Refusal.LOCKED);
    }
    s.touch(now);
    return new Lookup(Optional.of(s), Refusal.NONE);
  }

  /** Ends the session (quick exit, lock). */
  void end(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** The result of a lookup. */
  record Lookup(Optional<Session> session, Refusal refusal) {}

  private String randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
