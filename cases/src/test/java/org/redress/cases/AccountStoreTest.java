package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {
  @TempDir Path dir;

  /** The workspace under test, opened again on each call (on SQLite here). */
  Workspace workspace() {
    Clock c = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    return Workspace.open(dir, c, "test");
  }

  AccountStore store() {
    return workspace().accounts();
  }

  @Test
  void create_thenFind_keepsRoleAndHash() {
    AccountStore s = store();
    assertThat(s.hasAdmin()).isFalse();
    s.create("amy", "admin", "$argon2id$x");
    assertThat(s.find("amy").orElseThrow().role()).isEqualTo("admin");
    assertThat(s.find("amy").orElseThrow().toString()).doesNotContain("argon2");
    assertThat(s.hasAdmin()).isTrue();
    assertThatThrownBy(() -> s.create("amy", "victim", "h")).hasMessageContaining("amy");
  }

  @Test
  void create_badRoleOrName_isRefusedNamingIt() {
    AccountStore s = store();
    assertThatThrownBy(() -> s.create("bo", "boss", "h")).hasMessageContaining("boss");
    assertThatThrownBy(() -> s.create("a b", "victim", "h")).hasMessageContaining("a b");
  }

  @Test
  void grant_thenRevoke_changesTheAccessList() {
    AccountStore s = store();
    s.create("li", "lawyer", "h");
    assertThat(s.mayOpen("20261206-1", "li")).isFalse();
    s.grant("20261206-1", "li", "amy");
    s.grant("20261206-1", "li", "amy");
    assertThat(s.mayOpen("20261206-1", "li")).isTrue();
    assertThat(s.access("20261206-1")).containsExactly("li");
    s.revoke("20261206-1", "li");
    assertThat(s.mayOpen("20261206-1", "li")).isFalse();
    assertThatThrownBy(() -> s.grant("x", "nobody", "amy")).hasMessageContaining("nobody");
  }

  @Test
  void audit_rowsAreKeptNewestFirst() {
    AccountStore s = store();
    s.audit("li", "open", "20261206-1", "/cases/20261206-1");
    s.audit("li", "export", "20261206-1", "/cases/20261206-1/evidence/export");
    assertThat(s.auditLog(10))
        .extracting(AccountStore.AuditRow::action)
        .containsExactly("export", "open");
  }

  static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

  static Instant min(int m) {
    return T0.plus(m, ChronoUnit.MINUTES);
  }

  @Test
  void loginFailures_countOnlyLaterThanTheGivenTime_perAccountAndPerAddress() {
    AccountStore s = store();
    s.loginFailed("amy", "10.0.0.1", min(0), min(-15));
    s.loginFailed("amy", "10.0.0.2", min(1), min(-14));
    s.loginFailed("bo", "10.0.0.1", min(2), min(-13));
    assertThat(s.loginFailures("amy", "10.0.0.1", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(2, 2));
    // Strictly later: the failure at minute 0 no longer counts after minute 0.
    assertThat(s.loginFailures("amy", "10.0.0.1", min(0)))
        .isEqualTo(new AccountStore.LoginFailures(1, 1));
    assertThat(s.loginFailures("cy", "10.0.0.9", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(0, 0));
  }

  @Test
  void loginSucceeded_clearsTheAccountsCount_notTheAddresses() {
    AccountStore s = store();
    s.loginFailed("amy", "10.0.0.1", min(0), min(-15));
    s.loginFailed("amy", "10.0.0.1", min(1), min(-14));
    s.loginSucceeded("amy", min(-13));
    assertThat(s.loginFailures("amy", "10.0.0.1", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(0, 2));
    s.loginFailed("amy", "10.0.0.1", min(3), min(-12));
    assertThat(s.loginFailures("amy", "10.0.0.1", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(1, 3));
  }

  @Test
  void loginFailed_deletesFailuresAtOrBeforeTheForgetTime() {
    AccountStore s = store();
    s.loginFailed("amy", "10.0.0.1", min(0), min(-15));
    s.loginFailed("bo", "10.0.0.2", min(1), min(-14));
    s.loginFailed("cy", "10.0.0.3", min(16), min(1));
    assertThat(rows()).containsExactly("cy 10.0.0.3");
    s.loginSucceeded("dan", min(16));
    assertThat(rows()).isEmpty();
  }

  @Test
  void loginFailed_survivesReopeningTheWorkspace() {
    store().loginFailed("amy", "10.0.0.1", min(0), min(-15));
    assertThat(store().loginFailures("amy", "10.0.0.1", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(1, 1));
  }

  @Test
  void loginFailed_longNameAndAddress_areKeptCutTo64Characters() {
    AccountStore s = store();
    String name = "名".repeat(64);
    s.loginFailed(name + "x", "a".repeat(70), min(0), min(-15));
    assertThat(s.loginFailures(name + "y", "a".repeat(64), min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(1, 1));
    assertThat(s.loginFailures(name.substring(1), "a".repeat(63), min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(0, 0));
    s.audit(name + "x", "login_refused", null, null);
    assertThat(s.auditLog(1).get(0).account()).isEqualTo(name);
  }

  private java.util.List<String> rows() {
    return workspace()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT account, address FROM login_failure ORDER BY at")
                    .map((rs, c) -> rs.getString(1) + " " + rs.getString(2))
                    .list());
  }
}
