package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace with a {@value Workspace#DATABASE_SETTINGS} file keeps its database on the PostgreSQL
 * server it names, for every front end that opens the workspace by its folder; without it, SQLite.
 */
class DatabaseSettingsTest {
  static TestPostgres pg;
  @TempDir Path dir;
  String schema;

  @BeforeAll
  static void server() {
    pg = TestPostgres.find();
  }

  @AfterEach
  void drop() {
    if (schema != null) {
      pg.dropSchema(schema);
    }
  }

  private void settings(String text, String mode) throws IOException {
    Path f = dir.resolve(Workspace.DATABASE_SETTINGS);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
  }

  @Test
  void open_settingsFileNamesPostgres_workspaceUsesItAndNoSqliteFile() throws Exception {
    TestPostgres.assumeFound(pg);
    schema = pg.createSchema();
    settings(
        "# the NGO's server\nurl="
            + pg.url(schema)
            + "\nuser="
            + pg.user
            + "\npassword="
            + (pg.password == null ? "" : pg.password)
            + "\n",
        "rw-------");
    Workspace ws = Workspace.open(dir, Clock.systemUTC(), "tester");
    ws.banks().create("victim", 31, 50);
    assertThat(ws.database()).startsWith("jdbc:postgresql:");
    assertThat(dir.resolve(Workspace.DATABASE)).doesNotExist();
    // The same folder opened again sees the bank: it lives on the server.
    assertThat(Workspace.open(dir, Clock.systemUTC(), "tester").banks().list())
        .extracting(Bank::name)
        .containsExactly("victim");
  }

  @Test
  void open_settingsReadableByOthers_refusedInOneLine() throws Exception {
    settings("url=jdbc:postgresql://127.0.0.1:1/x\npassword=secret\n", "rw-r--r--");
    assertThatThrownBy(() -> Workspace.open(dir, Clock.systemUTC(), "tester"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("owner-only")
        .hasMessageNotContaining("secret");
    assertThat(dir.resolve(Workspace.DATABASE)).doesNotExist();
  }

  @Test
  void open_settingsWithoutUrlOrWithAnotherDatabase_refusedInOneLine() throws Exception {
    settings("user=redress\n", "rw-------");
    assertThatThrownBy(() -> Workspace.open(dir, Clock.systemUTC(), "tester"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("no url=");
    settings("url=jdbc:mysql://127.0.0.1/x\n", "rw-------");
    assertThatThrownBy(() -> Workspace.open(dir, Clock.systemUTC(), "tester"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("not a PostgreSQL JDBC URL");
    assertThat(dir.resolve(Workspace.DATABASE)).doesNotExist();
  }
}
