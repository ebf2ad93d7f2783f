package org.redress.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Platform accounts: keys issued once and stored as their SHA-256 (a key is 32 random bytes, so a
 * fast digest is enough: there is nothing to guess), scopes, per-key rate limits and the audit log.
 */
public final class PlatformStore {
  /** Every key starts with this, so a leaked one is recognisable in logs and scanners. */
  public static final String KEY_PREFIX = "rdk_";

  /** The default rate limit, requests per second. */
  public static final int DEFAULT_RATE = 1000;

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Workspace ws;

  PlatformStore(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Issues a key for a new platform, or a new key for a revoked one (the old key stays invalid).
   *
   * @throws IllegalArgumentException for a bad name, no scope, or a rate outside 1..1000000
   * @throws CasesException when an active platform already has this name
   */
  public Platform.Issued add(String name, Set<PlatformScope> scopes, int ratePerSecond) {
    checkName(name);
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException("a platform needs at least one scope");
    }
    if (ratePerSecond < 1 || ratePerSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "rate must be in 1..1000000 requests per second, was " + ratePerSecond);
    }
    String key = newKey();
    String digest = digest(key);
    long now = ws.clock().millis();
    return ws.tx(
        "add platform " + name,
        h -> {
          Optional<Platform> old = find(h, name);
          if (old.isPresent() && old.get().active()) {
            throw new CasesException(
                CasesException.Reason.PLATFORM_EXISTS,
                "platform already exists: " + name + " (revoke it first to issue a new key)",
                null,
                name);
          }
          if (old.isPresent()) {
            h.createUpdate(
                    "UPDATE platform SET key_sha256 = :k, scopes = :s, rate_per_second = :r,"
                        + " created_at = :now, revoked_at = NULL WHERE name = :n")
                .bind("k", digest)
                .bind("s", PlatformScope.toList(scopes))
                .bind("r", ratePerSecond)
                .bind("now", now)
                .bind("n", name)
                .execute();
          } else {
            h.createUpdate(
                    "INSERT INTO platform (name, key_sha256, scopes, rate_per_second, created_at)"
                        + " VALUES (:n, :k, :s, :r, :now)")
                .bind("n", name)
                .bind("k", digest)
                .bind("s", PlatformScope.toList(scopes))
                .bind("r", ratePerSecond)
                .bind("now", now)
                .execute();
          }
          audit(h, name, "platform add", 0, "scopes " + PlatformScope.toList(scopes), now);
          return new Platform.Issued(find(h, name).orElseThrow(), key);
        });
  }

  /** Every platform, active or revoked, by name. */
  public List<Platform> list() {
    return ws.tx(
        "list platforms",
        h ->
            h.createQuery("SELECT * FROM platform ORDER BY name")
                .map((rs, ctx) -> platform(rs))
                .list());
  }

  /**
   * Revokes a platform's key at once.
   *
   * @throws CasesException when there is no such platform
   */
  public Platform revoke(String name) {
    long now = ws.clock().millis();
    return ws.tx(
        "revoke platform " + name,
        h -> {
          Platform p =
              find(h, name)
                  .orElseThrow(
                      () ->
                          new CasesException(
                              CasesException.Reason.NO_SUCH_PLATFORM,
                              "no such platform: " + name,
                              null,
                              name));
          if (p.active()) {
            h.createUpdate("UPDATE platform SET revoked_at = :now WHERE name = :n")
                .bind("now", now)
                .bind("n", name)
                .execute();
            audit(h, name, "platform revoke", 0, "key revoked", now);
          }
          return find(h, name).orElseThrow();
        });
  }

  /** The active platform whose key this is, if any (compared by digest). */
  public Optional<Platform> authenticate(String key) {
    if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 200) {
      return Optional.empty();
    }
    String d = digest(key);
    return ws.tx(
        "check a platform key",
        h ->
            h.createQuery("SELECT * FROM platform WHERE key_sha256 = :k AND revoked_at IS NULL")
                .bind("k", d)
                .map((rs, ctx) -> platform(rs))
                .findOne());
  }

  /** Appends to the audit log (texts are cut to their columns). */
  public void audit(String platform, String action, int status, String detail) {
    long now = ws.clock().millis();
    ws.tx(
        "write the audit log",
        h -> {
          audit(h, platform, action, status, detail, now);
          return null;
        });
  }

  /**
   * When each platform last called the API, from the audit log (lookups are written there as counts
   * once a minute, so the time can be up to a minute late); platforms that never called are absent.
   */
  public Map<String, Instant> lastUsed() {
    return ws.tx(
        "read when platforms last called",
        h -> {
          java.util.Map<String, Instant> out = new java.util.HashMap<>();
          h.createQuery(
                  "SELECT platform, MAX(at) AS last FROM platform_audit WHERE status > 0"
                      + " GROUP BY platform")
              .map((rs, ctx) -> Map.entry(rs.getString("platform"), rs.getLong("last")))
              .forEach(e -> out.put(e.getKey(), Instant.ofEpochMilli(e.getValue())));
          return out;
        });
  }

  /** The latest {@code limit} audit entries, newest first. */
  public List<Platform.AuditEntry> auditLog(int limit) {
    return ws.tx(
        "read the audit log",
        h ->
            h.createQuery("SELECT * FROM platform_audit ORDER BY id DESC")
                .setMaxRows(Math.max(1, limit))
                .map(
                    (rs, ctx) ->
                        new Platform.AuditEntry(
                            rs.getString("platform"),
                            Instant.ofEpochMilli(rs.getLong("at")),
                            rs.getString("action"),
                            rs.getInt("status"),
                            rs.getString("detail")))
                .list());
  }

  /** SHA-256 of a key, lowercase hex. */
  static String digest(String key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String newKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static void audit(
      Handle h, String platform, String action, int status, String detail, long at) {
    h.createUpdate(
            "INSERT INTO platform_audit (platform, at, action, status, detail)"
                + " VALUES (:p, :at, :a, :s, :d)")
        .bind("p", cut(platform, 100))
        .bind("at", at)
        .bind("a", cut(action, 200))
        .bind("s", status)
        .bind("d", cut(detail, 500))
        .execute();
  }

  private static String cut(String s, int max) {
    String v = s == null ? "" : s.replace('\0', ' ');
    return v.length() <= max ? v : v.substring(0, max);
  }

  private static Optional<Platform> find(Handle h, String name) {
    return h.createQuery("SELECT * FROM platform WHERE name = :n")
        .bind("n", name)
        .map((rs, ctx) -> platform(rs))
        .findOne();
  }

  private static Platform platform(ResultSet rs) throws SQLException {
    long rev = rs.getLong("revoked_at");
    Instant revoked = rs.wasNull() ? null : Instant.ofEpochMilli(rev);
    return new Platform(
        rs.getLong("id"),
        rs.getString("name"),
        PlatformScope.parseList(rs.getString("scopes")),
        rs.getInt("rate_per_second"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        revoked);
  }

  static void checkName(String name) {
    if (name == null || !BankStore.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "bad platform name \""
              + name
              + "\": use letters, digits, '.', '_' or '-', starting with a letter or digit, at"
              + " most 100 characters");
    }
  }
}
