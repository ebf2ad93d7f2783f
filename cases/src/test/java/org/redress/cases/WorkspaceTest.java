package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a workspace without a database server; {@link PostgresBankStoreTest} has the rest. */
class WorkspaceTest {
  @TempDir Path dir;

  @Test
  void open_sqlite_keepsDurableDefaultsWithALargerPageCache() {
    Workspace ws = Workspace.open(dir, Clock.systemUTC(), "u");
    List<String> pragmas =
        ws.jdbi()
            .withHandle(
                h ->
                    List.of(
                        h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                        h.createQuery("PRAGMA synchronous").mapTo(String.class).one(),
                        h.createQuery("PRAGMA cache_size").mapTo(String.class).one()));
    assertThat(pragmas).containsExactly("delete", "2", "-65536");
  }

  @Test
  void withoutPassword_passwordParametersAndUserInfo_masked() {
    assertThat(Workspace.withoutPassword("jdbc:postgresql://h:5432/db?user=u&password=s3cret"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***");
    assertThat(Workspace.withoutPassword("jdbc:postgresql://h/db?PASSWORD=a&sslpassword=b&x=1"))
        .isEqualTo("jdbc:postgresql://h/db?PASSWORD=***&sslpassword=***&x=1");
    assertThat(Workspace.withoutPassword("jdbc:postgresql://u:s3cret@h/db"))
        .isEqualTo("jdbc:postgresql://***@h/db");
    assertThat(Workspace.withoutPassword("jdbc:postgresql://h/db?currentSchema=s"))
        .isEqualTo("jdbc:postgresql://h/db?currentSchema=s");
  }

  @Test
  void open_notAPostgresUrl_throwsNamingItWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                Workspace.open(
                    dir, "jdbc:mysql://h/db?password=s3cret", "u", "p", Clock.systemUTC(), "u"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://h/db?password=***")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void open_badPostgresUrl_throwsNamingItWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                Workspace.open(
                    dir,
                    "jdbc:postgresql://h:port/db?password=s3cret",
                    "u",
                    "p",
                    Clock.systemUTC(),
                    "u"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad PostgreSQL JDBC URL: jdbc:postgresql://h:port/db?password=***");
  }

  @Test
  void open_unreachableServer_failsWithOneLineNamingTheUrl() {
    String url = "jdbc:postgresql://127.0.0.1:1/db?connectTimeout=2";
    assertThatThrownBy(() -> Workspace.open(dir, url, "u", "s3cret", Clock.systemUTC(), "u"))
        .isInstanceOf(CasesException.class)
        .hasMessageStartingWith("failed to open database " + url + ": ")
        .hasMessageNotContaining("s3cret")
        .hasMessageNotContaining("\n");
  }
}
