package org.redress.cases;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts of a served workspace, per-case access lists and the audit log, in the workspace
 * database. Stores a password only as the hash string it is given (Argon2id, made by the web
 * layer); never sees a password. Every method runs in one transaction.
 */
public final class AccountStore {
  /** Account names: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64. */
  public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

  /** The roles an account may have. */
  public static final List<String> ROLES = List.of("victim", "advocate", "lawyer", "admin");

  private final Workspace ws;

  AccountStore(Workspace ws) {
    this.ws = ws;
  }

  /**
   * One account.
   *
   * @param name the login name
   * @param role one of {@link #ROLES}
   * @param passwordHash the password's hash string
   * @param created when it was made
   */
  public record Account(String name, String role, String passwordHash, Instant created) {
    /** Never prints the hash. */
    @Override
    public String toString() {
      return "Account[" + name + ", " + role + "]";
    }
  }

  /**
   * One row of the audit log.
   *
   * @param at when
   * @param account who
   * @param action {@code open}, {@code export}, {@code login}, {@code login_refused}, …
   * @param caseId the case, or null
   * @param detail the path or what was exported, or null
   */
  public record AuditRow(Instant at, String account, String action, String caseId, String detail) {}

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException for a bad name or role, or an empty hash
   * @throws CasesException when the name is taken
   */
  public Account create(String name, String role, String passwordHash) {
    checkName(name);
    checkRole(role);
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException("password hash must not be empty");
    }
    return ws.tx(
        "create account " + name,
        h -> {
          if (find(h, name).isPresent()) {
            throw new CasesException(
                CasesException.Reason.ACCOUNT_EXISTS,
                "account already exists: " + name,
                null,
                name);
          }
          long now = ws.clock().millis();
          h.createUpdate(
                  "INSERT INTO account (name, role, password_hash, created_at)"
                      + " VALUES (:n, :r, :p, :t)")
              .bind("n", name)
              .bind("r", role)
              .bind("p", passwordHash)
              .bind("t", now)
              .execute();
          return new Account(name, role, passwordHash, Instant.ofEpochMilli(now));
        });
  }

  /** The account with this name, if any. */
  public Optional<Account> find(String name) {
    return ws.tx("read account " + name, h -> find(h, name));
  }

  /** Every account, by name. */
  public List<Account> list() {
    return ws.tx(
        "list accounts",
        h ->
            h.createQuery("SELECT name, role, password_hash, created_at FROM account ORDER BY name")
                .map(
                    (rs, c) ->
                        new Account(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))))
                .list());
  }

  /** Whether some account has the role {@code admin}. */
  public boolean hasAdmin() {
    return ws.tx(
        "count admins",
        h ->
            h.createQuery("SELECT COUNT(*) FROM account WHERE role = 'admin'")
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /**
   * Replaces an account's password hash.
   *
   * @throws CasesException when there is no such account
   */
  public void setPassword(String name, String passwordHash) {
    ws.tx(
        "change the password of " + name,
        h -> {
          int n =
              h.createUpdate("UPDATE account SET password_hash = :p WHERE name = :n")
                  .bind("p", passwordHash)
                  .bind("n", name)
                  .execute();
          if (n == 0) {
            throw new CasesException(
                CasesException.Reason.NO_SUCH_ACCOUNT, "no such account: " + name, null, name);
          }
          return n;
        });
  }

  /**
   * Puts an account on a case's access list (nothing when it is there already).
   *
   * @throws CasesException when there is no such account
   */
  public void grant(String caseId, String account, String by) {
    ws.tx(
        "grant " + account + " access to case " + caseId,
        h -> {
          if (find(h, account).isEmpty()) {
            throw new CasesException(
                CasesException.Reason.NO_SUCH_ACCOUNT,
                "no such account: " + account,
                null,
                account);
          }
          long have =
              h.createQuery("SELECT COUNT(*) FROM case_access WHERE case_id = :c AND account = :a")
                  .bind("c", caseId)
                  .bind("a", account)
                  .mapTo(Long.class)
                  .one();
          if (have == 0) {
            h.createUpdate(
                    "INSERT INTO case_access (case_id, account, granted_by, granted_at)"
                        + " VALUES (:c, :a, :b, :t)")
                .bind("c", caseId)
                .bind("a", account)
                .bind("b", by)
                .bind("t", ws.clock().millis())
                .execute();
          }
          return have;
        });
  }

  /** Takes an account off a case's access list. */
  public void revoke(String caseId, String account) {
    ws.tx(
        "revoke " + account + " from case " + caseId,
        h ->
            h.createUpdate("DELETE FROM case_access WHERE case_id = :c AND account = :a")
                .bind("c", caseId)
                .bind("a", account)
                .execute());
  }

  /** Whether the account is on the case's access list. */
  public boolean mayOpen(String caseId, String account) {
    return ws.tx(
        "read the access list of case " + caseId,
        h ->
            h.createQuery("SELECT COUNT(*) FROM case_access WHERE case_id = :c AND account = :a")
                    .bind("c", caseId)
                    .bind("a", account)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /** The accounts on a case's access list, by name. */
  public List<String> access(String caseId) {
    return ws.tx(
        "read the access list of case " + caseId,
        h ->
            h.createQuery("SELECT account FROM case_access WHERE case_id = :c ORDER BY account")
                .bind("c", caseId)
                .mapTo(String.class)
                .list());
  }

  /**
   * Appends a row to the audit log (the account cut to 64 characters, as a refused sign-in may give
   * a longer name; the detail to 500).
   */
  public void audit(String account, String action, String caseId, String detail) {
    String d = detail == null ? null : detail.substring(0, Math.min(500, detail.length()));
    String who = account == null ? null : cut(account);
    ws.tx(
        "write the audit log",
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log (at, account, action, case_id, detail)"
                        + " VALUES (:t, :a, :x, :c, :d)")
                .bind("t", ws.clock().millis())
                .bind("a", who)
                .bind("x", action)
                .bind("c", caseId)
                .bind("d", d)
                .execute());
  }

  /** The newest {@code limit} rows of the audit log, newest first. */
  public List<AuditRow> auditLog(int limit) {
    return ws.tx(
        "read the audit log",
        h ->
            h.createQuery(
                    "SELECT at, account, action, case_id, detail FROM audit_log"
                        + " ORDER BY at DESC, id DESC LIMIT :n")
                .bind("n", limit)
                .map(
                    (rs, c) ->
                        new AuditRow(
                            Instant.ofEpochMilli(rs.getLong(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }

  /**
   * Failed sign-ins within a window.
   *
   * @param account the failures for the account name that still count for it (a success since
   *     cleared the others)
   * @param address the failures from the client address
   */
  public record LoginFailures(int account, int address) {}

  /**
   * Records a failed sign-in for the account name as entered from {@code address} at {@code at}
   * (names and addresses longer than 64 characters are kept cut to their first 64), and deletes
   * every failure at or before {@code forgetUpTo}. Never given a password.
   *
   * @throws CasesException when the database cannot be written; nothing is recorded then
   */
  public void loginFailed(String account, String address, Instant at, Instant forgetUpTo) {
    ws.tx(
        "record a failed sign-in",
        h -> {
          forget(h, forgetUpTo);
          return h.createUpdate(
                  "INSERT INTO login_failure (account, address, at, account_cleared)"
                      + " VALUES (:a, :ip, :t, 0)")
              .bind("a", cut(account))
              .bind("ip", cut(address))
              .bind("t", at.toEpochMilli())
              .execute();
        });
  }

  /**
   * The failed sign-ins later than {@code after} for the account name as entered and from the
   * address (both compared as {@link #loginFailed} keeps them).
   *
   * @throws CasesException when the database cannot be read
   */
  public LoginFailures loginFailures(String account, String address, Instant after) {
    long from = after.toEpochMilli();
    return ws.tx(
        "count failed sign-ins",
        h -> {
          long a =
              h.createQuery(
                      "SELECT COUNT(*) FROM login_failure"
                          + " WHERE account = :a AND at > :from AND account_cleared = 0")
                  .bind("a", cut(account))
                  .bind("from", from)
                  .mapTo(Long.class)
                  .one();
          long ip =
              h.createQuery("SELECT COUNT(*) FROM login_failure WHERE address = :ip AND at > :from")
                  .bind("ip", cut(address))
                  .bind("from", from)
                  .mapTo(Long.class)
                  .one();
          return new LoginFailures(
              (int) Math.min(a, Integer.MAX_VALUE), (int) Math.min(ip, Integer.MAX_VALUE));
        });
  }

  /**
   * After a successful sign-in: the account's failures no longer count for the account (they still
   * count for their addresses); deletes every failure at or before {@code forgetUpTo}.
   *
   * @throws CasesException when the database cannot be written; nothing is changed then
   */
  public void loginSucceeded(String account, Instant forgetUpTo) {
    ws.tx(
        "clear the failed sign-ins of " + account,
        h -> {
          forget(h, forgetUpTo);
          return h.createUpdate(
                  "UPDATE login_failure SET account_cleared = 1"
                      + " WHERE account = :a AND account_cleared = 0")
              .bind("a", cut(account))
              .execute();
        });
  }

  private static int forget(org.jdbi.v3.core.Handle h, Instant upTo) {
    return h.createUpdate("DELETE FROM login_failure WHERE at <= :t")
        .bind("t", upTo.toEpochMilli())
        .execute();
  }

  /** The first 64 characters (code points, as PostgreSQL counts them) of {@code s}. */
  private static String cut(String s) {
    return s.codePointCount(0, s.length()) <= 64 ? s : s.substring(0, s.offsetByCodePoints(0, 64));
  }

  private static Optional<Account> find(org.jdbi.v3.core.Handle h, String name) {
    return h.createQuery(
            "SELECT name, role, password_hash, created_at FROM account WHERE name = :n")
        .bind("n", name)
        .map(
            (rs, c) ->
                new Account(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .findOne();
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "bad account name \""
              + name
              + "\": use letters, digits, '.', '_' or '-', starting with a letter or digit, at most"
              + " 64 characters");
    }
  }

  private static void checkRole(String role) {
    if (!ROLES.contains(role == null ? "" : role.toLowerCase(Locale.ROOT))
        || !role.equals(role.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("bad role \"" + role + "\": one of " + ROLES);
    }
  }
}
