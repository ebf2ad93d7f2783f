package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link AccountStoreTest} test on a real PostgreSQL server ({@link TestPostgres}), each in a
 * fresh schema, and two servers' workspaces over one database sharing the sign-in failures. Each
 * test is skipped when no server is configured, unless one is required.
 */
class PostgresAccountStoreTest extends AccountStoreTest {
  static TestPostgres pg;
  String schema;

  @BeforeAll
  static void server() {
    pg = TestPostgres.find();
  }

  @BeforeEach
  void createSchema() {
    TestPostgres.assumeFound(pg);
    schema = pg.createSchema();
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      pg.dropSchema(schema);
    }
  }

  @Override
  Workspace workspace() {
    return Workspace.open(dir, pg.url(schema), pg.user, pg.password, Clock.systemUTC(), "test");
  }

  @Test
  void loginFailures_twoWorkspaceFoldersOverOneDatabase_shareTheCount() {
    AccountStore one = store();
    AccountStore two =
        Workspace.open(
                dir.resolve("second-server"),
                pg.url(schema),
                pg.user,
                pg.password,
                Clock.systemUTC(),
                "test")
            .accounts();
    one.loginFailed("amy", "10.0.0.1", min(0), min(-15));
    two.loginFailed("amy", "10.0.0.2", min(1), min(-14));
    assertThat(one.loginFailures("amy", "10.0.0.2", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(2, 1));
    two.loginSucceeded("amy", min(-13));
    assertThat(one.loginFailures("amy", "10.0.0.1", min(-1)))
        .isEqualTo(new AccountStore.LoginFailures(0, 1));
  }
}
