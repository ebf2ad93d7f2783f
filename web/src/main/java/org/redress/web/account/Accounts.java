package org.redress.web.account;

import java.util.List;
import java.util.Optional;
import org.redress.cases.AccountStore;

/**
 * The accounts of a served workspace: sign-in with Argon2id passwords, what each role may do, the
 * per-case access lists and the audit log. Roles: {@code admin} opens every case, manages accounts
 * and reads the audit log; {@code victim} and {@code advocate} open the cases on their access list
 * and may open new ones (which puts them on its list); {@code lawyer} opens the cases on its list
 * and may not open new ones (a lawyer is brought into a case).
 */
public final class Accounts {
  private final AccountStore store;
  private final Passwords passwords;
  private final LoginLimit limit;

  /** Accounts over a store, hashing with {@code passwords}. */
  public Accounts(AccountStore store, Passwords passwords) {
    this.store = store;
    this.passwords = passwords;
    this.limit = new LoginLimit(store, 5, java.time.Duration.ofMinutes(15));
  }

  /** A signed-in account: its name and role. */
  public record Who(String name, String role) {
    /** Whether this account is an administrator. */
    public boolean admin() {
      return "admin".equals(role);
    }
  }

  /**
   * Creates an account with a password.
   *
   * @throws IllegalArgumentException for a bad name or role, or a short password
   * @throws org.redress.cases.CasesException when the name is taken
   */
  public Who add(String name, String role, char[] password) {
    AccountStore.Account a = store.create(name, role, passwords.hash(password));
    return new Who(a.name(), a.role());
  }

  /** The account when the name and password match; the same time is spent when they do not. */
  public Optional<Who> signIn(String name, char[] password) {
    Optional<AccountStore.Account> a =
        name == null || name.length() > 64 ? Optional.empty() : store.find(name);
    boolean ok = passwords.verify(password, a.map(AccountStore.Account::passwordHash).orElse(null));
    return ok ? a.map(x -> new Who(x.name(), x.role())) : Optional.empty();
  }

  /** Whether some account is an administrator (serving with accounts needs one). */
  public boolean hasAdmin() {
    return store.hasAdmin();
  }

  /** Whether {@code who} may open case {@code caseId}. */
  public boolean mayOpen(Who who, String caseId) {
    return who.admin() || store.mayOpen(caseId, who.name());
  }

  /** Whether {@code who} may open a new case. */
  public boolean mayCreate(Who who) {
    return !"lawyer".equals(who.role());
  }

  /** Puts {@code account} on the case's access list. */
  public void grant(String caseId, String account, String by) {
    store.grant(caseId, account, by);
  }

  /** Every account, by name (no password hashes leave this class's callers' hands in pages). */
  public List<AccountStore.Account> list() {
    return store.list();
  }

  /** Takes {@code account} off the case's access list. */
  public void revoke(String caseId, String account) {
    store.revoke(caseId, account);
  }

  /** The accounts on the case's access list. */
  public List<String> access(String caseId) {
    return store.access(caseId);
  }

  /**
   * Changes {@code name}'s password when {@code old} is its current one.
   *
   * @return false (and nothing changed) when {@code old} is wrong
   * @throws IllegalArgumentException when the new password is too short
   */
  public boolean changePassword(String name, char[] old, char[] fresh) {
    Optional<AccountStore.Account> a = store.find(name);
    if (!passwords.verify(old, a.map(AccountStore.Account::passwordHash).orElse(null))) {
      return false;
    }
    store.setPassword(name, passwords.hash(fresh));
    return true;
  }

  /** Sign-in failures counted per account and per address, in the workspace database. */
  public LoginLimit limit() {
    return limit;
  }

  /** Appends a row to the audit log. */
  public void audit(String account, String action, String caseId, String detail) {
    store.audit(account, action, caseId, detail);
  }

  /** The newest audit rows. */
  public List<AccountStore.AuditRow> auditLog(int limit) {
    return store.auditLog(limit);
  }
}
