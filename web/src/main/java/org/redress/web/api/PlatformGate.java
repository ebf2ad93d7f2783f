package org.redress.web.api;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;
import org.redress.cases.PlatformStore;

/**
 * Who is calling and may they: the key from the request's headers (HMA style {@code Authorization:
 * Bearer KEY}; StopNCII style the same key in both {@code x-functions-key} and {@code
 * Ocp-Apim-Subscription-Key}), its scope, and its rate limit (a token bucket per platform, as many
 * requests per second as the account allows, bursts up to the same number).
 *
 * <p>A key is checked against the database (its SHA-256, no slow password hash: a key is 256 random
 * bits) once; after that it is found in memory, so a lookup reads nothing from the database. Every
 * {@value #REVALIDATE_MILLIS} ms {@link #revalidate} reads the platforms (one small query for all
 * keys) and drops the keys revoked or re-issued meanwhile; {@link #forget} drops a platform's keys
 * at once (a revocation made through this server). Calls without a valid key and lookups are
 * counted and written to the audit log once a minute ({@link #flush}), so that neither a busy
 * platform nor a caller guessing keys writes the database on every call.
 */
final class PlatformGate {
  /** How often the remembered keys are checked against the database. */
  static final long REVALIDATE_MILLIS = 2_000;

  /** A remembered key not revalidated for this long is checked again before use. */
  private static final long STALE_NANOS = 30_000_000_000L;

  private final PlatformStore store;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lookups = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

  PlatformGate(PlatformStore store) {
    this.store = store;
  }

  /** How a family of endpoints carries the key. */
  enum Style {
    BEARER,
    STOPNCII
  }

  private record Cached(Platform platform, long checkedAt) {}

  /**
   * The platform calling, checked for the scope and the rate limit.
   *
   * @throws ApiException 401 without a valid key, 403 without the scope, 429 over the rate
   */
  Platform check(Context ctx, Style style, PlatformScope scope) {
    String key = key(ctx, style);
    Platform p = platform(key);
    if (p == null) {
      refused.computeIfAbsent(action(ctx), a -> new AtomicLong()).incrementAndGet();
      throw new ApiException(401, unauthorized(style));
    }
    if (!p.scopes().contains(scope)) {
      store.audit(p.name(), action(ctx), 403, "needs scope " + scope.id());
      throw new ApiException(
          403, "this key lacks the scope \"" + scope.id() + "\" that " + ctx.path() + " needs");
    }
    long wait = buckets.computeIfAbsent(p.name(), n -> new Bucket(p.ratePerSecond())).take();
    if (wait > 0) {
      throw new ApiException(
          429, "rate limit of " + p.ratePerSecond() + " requests per second exceeded", wait);
    }
    return p;
  }

  /** Counts a lookup (lookups are written to the audit log as counts, see {@link #flush}). */
  void countLookup(Platform p) {
    lookups.computeIfAbsent(p.name(), n -> new AtomicLong()).incrementAndGet();
  }

  /** Writes the lookup and refusal counts since the last flush to the audit log. */
  void flush() {
    for (Map.Entry<String, AtomicLong> e : lookups.entrySet()) {
      long n = e.getValue().getAndSet(0);
      if (n > 0) {
        store.audit(e.getKey(), "lookups", 200, n + " lookup calls");
      }
    }
    for (Map.Entry<String, AtomicLong> e : refused.entrySet()) {
      long n = e.getValue().getAndSet(0);
      if (n > 0) {
        store.audit("-", e.getKey(), 401, n + " calls without a valid key");
      }
    }
  }

  /**
   * Checks every remembered key against the database: a key whose platform was revoked or issued a
   * new key is forgotten; a changed scope or rate limit applies from now on.
   */
  void revalidate() {
    if (cache.isEmpty()) {
      return;
    }
    Map<String, Platform> now = new HashMap<>();
    for (Platform p : store.list()) {
      now.put(p.name(), p);
    }
    long t = System.nanoTime();
    for (Map.Entry<String, Cached> e : cache.entrySet()) {
      Platform old = e.getValue().platform();
      Platform cur = now.get(old.name());
      if (cur == null || !cur.active() || !cur.createdAt().equals(old.createdAt())) {
        cache.remove(e.getKey(), e.getValue());
      } else {
        cache.replace(e.getKey(), e.getValue(), new Cached(cur, t));
        if (cur.ratePerSecond() != old.ratePerSecond()) {
          buckets.remove(cur.name());
        }
      }
    }
  }

  /** Forgets a platform's remembered keys at once (after its revocation through this server). */
  void forget(String platform) {
    cache.values().removeIf(c -> c.platform().name().equals(platform));
    buckets.remove(platform);
  }

  void audit(Platform p, Context ctx, int status, String detail) {
    store.audit(p.name(), action(ctx), status, detail);
  }

  private Platform platform(String key) {
    if (key == null) {
      return null;
    }
    Cached c = cache.get(key);
    long now = System.nanoTime();
    if (c != null && now - c.checkedAt() < STALE_NANOS) {
      return c.platform();
    }
    Optional<Platform> p = store.authenticate(key);
    if (p.isEmpty()) {
      cache.remove(key);
      return null;
    }
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(key, new Cached(p.get(), now));
    return p.get();
  }

  private static String key(Context ctx, Style style) {
    if (style == Style.BEARER) {
      String auth = ctx.header("Authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return null;
      }
      return auth.substring(7).trim();
    }
    String f = ctx.header("x-functions-key");
    String s = ctx.header("Ocp-Apim-Subscription-Key");
    if (f == null || s == null || !f.equals(s)) {
      return null;
    }
    return f.trim();
  }

  private static String unauthorized(Style style) {
    return style == Style.BEARER
        ? "a valid platform key is required as Authorization: Bearer KEY"
        : "a valid platform key is required in both x-functions-key and Ocp-Apim-Subscription-Key";
  }

  private static String action(Context ctx) {
    return ctx.method().name() + " " + ctx.path();
  }

  /** A token bucket: {@code rate} tokens a second, holding at most {@code rate}. */
  static final class Bucket {
    private final double rate;
    private double tokens;
    private long last = System.nanoTime();

    Bucket(int rate) {
      this.rate = rate;
      this.tokens = rate;
    }

    /** Takes a token; returns 0, or the whole seconds to wait when there is none. */
    synchronized long take() {
      long now = System.nanoTime();
      tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }
  }
}
