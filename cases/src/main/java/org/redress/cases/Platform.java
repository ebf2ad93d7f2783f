package org.redress.cases;

import java.time.Instant;
import java.util.Set;

/**
 * A platform's account: who may call the API, for what, how often. Its key is never stored.
 *
 * @param id database id
 * @param name unique name (letters, digits, '.', '_', '-')
 * @param scopes what the key may do
 * @param ratePerSecond requests per second the key may make (bursts up to the same number)
 * @param createdAt when the current key was issued
 * @param revokedAt when the key was revoked, or null while it is valid
 */
public record Platform(
    long id,
    String name,
    Set<PlatformScope> scopes,
    int ratePerSecond,
    Instant createdAt,
    Instant revokedAt) {
  public Platform {
    scopes = Set.copyOf(scopes);
  }

  /** Whether the key is still valid. */
  public boolean active() {
    return revokedAt == null;
  }

  /**
   * A platform with the key just issued: the only moment the key exists outside the caller.
   *
   * @param platform the account
   * @param key the key, to hand to the platform once
   */
  public record Issued(Platform platform, String key) {
    @Override
    public String toString() {
      return "Issued[" + platform.name() + ", key=***]";
    }
  }

  /**
   * One line of the audit log.
   *
   * @param platform the platform's name (or "-" for an unknown key)
   * @param at when
   * @param action the method and path, or the command
   * @param status the HTTP status answered (0 for a command)
   * @param detail what was done, without any hash owner's name
   */
  public record AuditEntry(String platform, Instant at, String action, int status, String detail) {}
}
