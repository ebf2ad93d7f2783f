package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {
  @TempDir Path dir;

  private AccountStore store() {
    Clock c = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    return Workspace.open(dir, c, "test").accounts();
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
}
