package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStoreTest {
  @TempDir Path dir;

  private Workspace ws() {
    return Workspace.open(
        dir, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC), "t");
  }

  @Test
  void add_keyIsShownOnce_andStoredOnlyAsDigest() throws Exception {
    Workspace ws = ws();
    Platform.Issued i = ws.platforms().add("acme", EnumSet.of(PlatformScope.FEED), 5);
    assertThat(i.key()).startsWith("rdk_").hasSizeGreaterThan(40);
    assertThat(i.toString()).doesNotContain(i.key());
    byte[] db = Files.readAllBytes(dir.resolve(Workspace.DATABASE));
    assertThat(new String(db, StandardCharsets.ISO_8859_1))
        .doesNotContain(i.key())
        .contains(PlatformStore.digest(i.key()));
    assertThat(ws.platforms().authenticate(i.key()))
        .get()
        .extracting(Platform::name)
        .isEqualTo("acme");
    assertThat(ws.platforms().authenticate(i.key() + "x")).isEmpty();
  }

  @Test
  void revoke_thenAddAgain_issuesANewKeyAndTheOldStaysInvalid() {
    Workspace ws = ws();
    String old = ws.platforms().add("acme", EnumSet.allOf(PlatformScope.class), 5).key();
    assertThatThrownBy(() -> ws.platforms().add("acme", EnumSet.of(PlatformScope.FEED), 5))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("already exists");
    ws.platforms().revoke("acme");
    assertThat(ws.platforms().authenticate(old)).isEmpty();
    String fresh = ws.platforms().add("acme", EnumSet.of(PlatformScope.FEED), 5).key();
    assertThat(ws.platforms().authenticate(fresh)).isPresent();
    assertThat(ws.platforms().authenticate(old)).isEmpty();
    assertThat(ws.platforms().auditLog(10))
        .extracting(Platform.AuditEntry::action)
        .contains("platform add", "platform revoke");
  }

  @Test
  void lastUsed_callsCount_commandsDoNot() {
    Workspace ws = ws();
    ws.platforms().add("acme", EnumSet.allOf(PlatformScope.class), 5);
    ws.platforms().add("quiet", EnumSet.of(PlatformScope.FEED), 5);
    assertThat(ws.platforms().lastUsed()).isEmpty();
    ws.platforms().audit("acme", "GET /c/banks", 200, "listed banks");
    assertThat(ws.platforms().lastUsed()).containsOnlyKeys("acme");
  }

  @Test
  void parseList_unknownScope_namesIt() {
    assertThatThrownBy(() -> PlatformScope.parseList("feed,teleport"))
        .hasMessageContaining("teleport");
    assertThat(PlatformScope.parseList("all")).hasSize(4);
  }
}
