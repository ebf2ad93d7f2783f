package org.redress.web.api;

import io.javalin.http.Context;
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
 * requests per second as the account allows, bursts up to the same number). Valid keys are
 * remembered for {@value #CACHE_NANOS} ns so that a lookup does not read the database; a revocation
 * made through this server takes effect at once, one made by another process within that time.
 */
final class PlatformGate {
  static final long CACHE_NANOS = 5_000_000_000L;

  private final PlatformStore store;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lookups = new ConcurrentHashMap<>();

  PlatformGate(PlatformStore store) {
    this.store = store;
  }

  /** How a family of endpoints carries the key. */
  enum Style {
    BEARER,
    STOPNCII
  }

  private record Cached(Platform platform, long until) {}

  /**
   * The platform calling, checked for the scope and the rate limit.
   *
   * @throws ApiException 401 without a valid key, 403 without the scope, 429 over the rate
   */
  Platform check(Context ctx, Style style, PlatformScope scope) {
    String key = key(ctx, style);
    Platform p = platform(key);
    if (p == null) {
      store.audit("-", action(ctx), 401, "no valid key");
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

  /** Writes the lookup counts since the last flush to the audit log. */
  void flush() {
    for (Map.Entry<String, AtomicLong> e : lookups.entrySet()) {
      long n = e.getValue().getAndSet(0);
      if (n > 0) {
        store.audit(e.getKey(), "lookups", 200, n + " lookup calls");
      }
    }
  }

  /** Forgets cached keys (after a revocation). */
  void forget() {
    cache.clear();
  }

  void audit(Platform p, Context ctx, int status, String detail) {
    store.audit(p.name(), action(ctx), status, detail);
  }

  private Platform platform(String key) {
    if (key == null) {
      return null;
    }
    long now = System.nanoTime();
    Cached c = cache.get(key);
    if (c != null && now - c.until() < 0) {
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
    cache.put(key, new Cached(p.get(), now + CACHE_NANOS));
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
