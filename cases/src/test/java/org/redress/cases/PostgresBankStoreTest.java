package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link BankStoreTest} test, on a real PostgreSQL server ({@link TestPostgres}), each in a
 * fresh schema; the tests that are about SQLite files are replaced by their PostgreSQL
 * counterparts. Each test is skipped when no server is configured, unless one is required.
 */
class PostgresBankStoreTest extends BankStoreTest {
  static TestPostgres pg;
  String schema;
  String secondSchema;

  @BeforeAll
  static void server() {
    pg = TestPostgres.find();
  }

  @BeforeEach
  @Override
  void open() {
    TestPostgres.assumeFound(pg);
    schema = pg.createSchema();
    store = open(Clock.fixed(T0, ZoneOffset.UTC), "tester").banks();
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      pg.dropSchema(schema);
    }
    if (secondSchema != null) {
      pg.dropSchema(secondSchema);
    }
  }

  @Override
  BankStore secondStore() {
    secondSchema = pg.createSchema();
    return Workspace.open(
            dir.resolve("second"),
            pg.url(secondSchema),
            pg.user,
            pg.password,
            Clock.fixed(T0, ZoneOffset.UTC),
            "tester")
        .banks();
  }

  @Override
  void execute(String sql) throws Exception {
    pg.execute("SET search_path TO " + schema + "; " + sql);
  }

  @Override
  void failInsertsLabelled(String label) throws Exception {
    pg.execute(
        "CREATE FUNCTION "
            + schema
            + ".fail_on_label() RETURNS trigger AS $$ BEGIN"
            + " IF NEW.label = '"
            + label
            + "' THEN RAISE EXCEPTION 'injected failure'; END IF;"
            + " RETURN NEW; END $$ LANGUAGE plpgsql");
    pg.execute(
        "CREATE TRIGGER fail_on_label BEFORE INSERT ON "
            + schema
            + ".bank_item"
            + " FOR EACH ROW EXECUTE FUNCTION "
            + schema
            + ".fail_on_label()");
  }

  private Workspace open(Clock clock, String user) {
    return Workspace.open(dir, pg.url(schema), pg.user, pg.password, clock, user);
  }

  @Test
  @Override
  void open_freshDirectory_createsMigratedDatabaseThatKeepsDataAcrossOpens() {
    store.create("victim", 31, 50);
    assertThat(dir.resolve(Workspace.DATABASE)).doesNotExist();
    BankStore again = open(Clock.systemUTC(), "x").banks();
    assertThat(again.list()).extracting(Bank::name).containsExactly("victim");
  }

  @Test
  void open_migrations_useIdentityKeysAndBigintTimes() throws Exception {
    try (Connection c = pg.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name, data_type, is_identity"
                    + " FROM information_schema.columns WHERE table_schema = '"
                    + schema
                    + "'"
                    + " AND column_name IN ('id', 'created_at', 'added_at') ORDER BY 1, 2")) {
      StringBuilder got = new StringBuilder();
      while (rs.next()) {
        got.append(rs.getString(1))
            .append('.')
            .append(rs.getString(2))
            .append(' ')
            .append(rs.getString(3))
            .append(' ')
            .append(rs.getString(4))
            .append('\n');
      }
      // Every migration's tables, the banks' and the later ones (cases, accounts, platforms):
      // ids are identity bigints, times bigints.
      assertThat(got.toString().lines())
          .contains(
              "allow_entry.added_at bigint NO",
              "allow_entry.id bigint YES",
              "bank.created_at bigint NO",
              "bank.id bigint YES",
              "bank_item.added_at bigint NO",
              "bank_item.id bigint YES");
      assertThat(got.toString().lines())
          .hasSizeGreaterThan(6)
          .allSatisfy(
              l -> assertThat(l).matches("[a-z_]+\\.(id bigint YES|(created|added)_at bigint NO)"));
    }
  }

  @Test
  @Override
  void add_whileAnotherProcessHoldsTheLock_failsWithOneLineAndChangesNothing() throws Exception {
    store.create("victim", 31, 50);
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      // Were the workspace to wait for locks forever, the server ends this session after 20 s:
      // the test then fails instead of hanging.
      s.execute("SET idle_in_transaction_session_timeout = 20000");
      c.setAutoCommit(false);
      s.execute("LOCK TABLE " + schema + ".bank_item IN EXCLUSIVE MODE");
      assertThatThrownBy(() -> store.add("victim", List.of(newItem("pdq:" + PDQ_A, "a"))))
          .isInstanceOf(CasesException.class)
          .hasMessageContaining("locked")
          .hasMessageContaining(pg.url(schema))
          .hasMessageNotContaining("\n");
      c.rollback();
    }
    assertThat(store.items("victim")).isEmpty();
  }

  @Test
  void add_databaseRefusesOneItem_storesNoneAndNamesTheUrlNotThePassword() throws Exception {
    store.create("victim", 31, 0);
    pg.execute(
        "ALTER TABLE "
            + schema
            + ".bank_item ADD CONSTRAINT no_poison"
            + " CHECK (label <> 'poison')");
    assertThatThrownBy(
            () ->
                store.add(
                    "victim",
                    List.of(
                        newItem("pdq:" + PDQ_A, "fine"),
                        newItem("md5:" + "ab".repeat(16), "poison"))))
        .isInstanceOf(CasesException.class)
        .hasMessageStartingWith("failed to add to bank victim in " + pg.url(schema) + ": ")
        .hasMessageContaining("no_poison")
        .hasMessageNotContaining(pg.password)
        .hasMessageNotContaining("\n");
    assertThat(store.items("victim")).isEmpty();
  }

  @Test
  void open_wrongPassword_failsNamingTheUrlButNotThePassword() {
    String wrong = "not-" + pg.password;
    assertThatThrownBy(
            () -> Workspace.open(dir, pg.url(schema), pg.user, wrong, Clock.systemUTC(), "u"))
        .isInstanceOf(CasesException.class)
        .hasMessageStartingWith("failed to open database " + pg.url(schema) + ": ")
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining("\n");
  }

  @Test
  void open_passwordInUrl_isLeftOutOfMessages() {
    String url = pg.url(schema) + "&password=sesame";
    assertThatThrownBy(() -> Workspace.open(dir, url, pg.user, null, Clock.systemUTC(), "u"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("sesame");
  }

  @Test
  @Override
  void open_unwritableLocation_failsWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(
            () ->
                Workspace.open(file, pg.url(schema), pg.user, pg.password, Clock.systemUTC(), "u"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("not-a-dir");
  }

  private static NewItem newItem(String tagged, String label) {
    return new NewItem(HashValue.parseTagged(tagged), label, null, null);
  }
}
