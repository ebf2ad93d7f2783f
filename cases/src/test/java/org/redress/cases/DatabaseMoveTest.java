package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatabaseMove} on a real PostgreSQL server ({@link TestPostgres}), each test in fresh
 * schemas: every table of a filled SQLite workspace arrives whole; the failures leave the SQLite
 * workspace as it was.
 */
class DatabaseMoveTest {
  static final String PDQ_A = BankStoreTest.PDQ_A;
  static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneId.of("Asia/Shanghai"));

  static TestPostgres pg;
  @TempDir Path dir;
  final List<String> schemas = new ArrayList<>();

  @BeforeAll
  static void server() {
    pg = TestPostgres.find();
  }

  @AfterEach
  void drop() {
    for (String s : schemas) {
      pg.dropSchema(s);
    }
  }

  private String schema() {
    String s = pg.createSchema();
    schemas.add(s);
    return s;
  }

  private DatabaseMove.Target target(String schema) {
    return new DatabaseMove.Target(pg.url(schema), pg.user, pg.password);
  }

  /** A workspace with rows in every table: through the stores, then generically for the rest. */
  static Workspace filled(Path ws) throws Exception {
    Workspace w = Workspace.open(ws, CLOCK, "tester");
    BankStore banks = w.banks();
    banks.create("case-a", 31, 50);
    banks.create("日本語-银行", 20, 0);
    banks.add(
        "case-a",
        List.of(
            new NewItem(HashValue.parse("pdq", PDQ_A), "photo 1 “quoted”", "case-a", "tester"),
            new NewItem(
                HashValue.parse("md5", "0123456789abcdef0123456789abcdef"), "video", null, "x")));
    banks.allow(HashValue.parse("pdq", BankStoreTest.PDQ_B), 10, "flat grey", "tester");
    CaseStore cases = w.cases();
    cases.create("case-a", "case-a", "tester");
    byte[] sealed = new byte[300];
    for (int i = 0; i < sealed.length; i++) {
      sealed[i] = (byte) i;
    }
    cases.addVersion("case-a", "facts", sealed, "tester", "第一版");
    cases.addVersion("case-a", "facts", new byte[] {1, 2, 3}, "tester", "second");
    cases.consent("case-a", "dossier", true, "tester");
    cases.addArtifact("case-a", "document", "cases/case-a/documents/x.pdf", "报案材料", "tester");
    AccountStore accounts = w.accounts();
    accounts.create("liu", "advocate", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    accounts.grant("case-a", "liu", "admin");
    accounts.audit("liu", "open", "case-a", "/cases/case-a");
    w.platforms().add("weibo", EnumSet.allOf(PlatformScope.class), 100);
    w.platforms().audit("weibo", "GET /feed", 200, "");
    w.feed().share("case-a", "case-a");
    w.takedowns()
        .addNotice(
            new TakedownStore.NewNotice(
                "case-a",
                "weibo",
                LocalDate.of(2026, 12, 1),
                List.of("https://example.org/p/1"),
                List.of(PDQ_A),
                null));
    w.takedowns()
        .addAnswer(
            new TakedownStore.NewAnswer(
                "case-a",
                "weibo",
                LocalDate.of(2026, 12, 2),
                TakedownStore.AnswerKind.BLOCKED,
                TakedownStore.Source.HAND,
                PDQ_A,
                "已删除",
                null));
    try (Connection c = sqlite(ws)) {
      fillEmptyTables(c);
    }
    return w;
  }

  static Connection sqlite(Path ws) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Workspace.DATABASE));
  }

  /**
   * Puts one row into every table that has none, made from its columns' declared types and its
   * foreign keys (a parent table's first row): so a table a later migration adds is covered too.
   */
  static void fillEmptyTables(Connection c) throws SQLException {
    List<String> tables = tables(c);
    for (int round = 0; round < tables.size(); round++) {
      for (String t : tables) {
        if (count(c, t) > 0) {
          continue;
        }
        Map<String, String[]> fks = new TreeMap<>();
        boolean ready = true;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(\"" + t + "\")")) {
          while (rs.next()) {
            String parent = rs.getString("table");
            fks.put(rs.getString("from"), new String[] {parent, rs.getString("to")});
            ready &= count(c, parent) > 0;
          }
        }
        if (!ready) {
          continue;
        }
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
          while (rs.next()) {
            String col = rs.getString("name");
            String type = rs.getString("type").toUpperCase(java.util.Locale.ROOT);
            names.add(col);
            if (fks.containsKey(col)) {
              String[] p = fks.get(col);
              values.add(first(c, p[0], p[1]));
            } else if (type.contains("INT")) {
              values.add(7L);
            } else if (type.contains("BLOB")) {
              values.add(new byte[] {0, (byte) 0xff, 0x7f});
            } else if (type.contains("REAL") || type.contains("DOUB")) {
              values.add(1.5d);
            } else {
              values.add("x-" + col);
            }
          }
        }
        String sql =
            "INSERT INTO \""
                + t
                + "\" (\""
                + String.join("\", \"", names)
                + "\") VALUES ("
                + "?, ".repeat(names.size() - 1)
                + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
          }
          ps.executeUpdate();
        }
      }
    }
  }

  /** The SQLite tables, listed here (not by the code under test), without Flyway's history. */
  static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        String t = rs.getString(1);
        if (!t.startsWith("sqlite_") && !t.equals("flyway_schema_history")) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Object first(Connection c, String table, String col) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"" + col + "\" FROM \"" + table + "\" LIMIT 1")) {
      rs.next();
      return rs.getObject(1);
    }
  }

  /** Every row of a table as sorted text "column=value;…", binary values as hex. */
  static List<String> rows(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          String text = v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : "" + v;
          row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), text);
        }
        out.add(row.toString());
      }
    }
    out.sort(null);
    return out;
  }

  /** Every table's rows, by table. */
  static Map<String, List<String>> dump(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String t : tables(c)) {
      out.put(t, rows(c, t));
    }
    return out;
  }

  @Test
  void move_everyTableHoldsRows_eachArrivesWholeAndTheWorkspaceOpensOnPostgres() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws);
    Map<String, List<String>> before;
    try (Connection c = sqlite(ws)) {
      before = dump(c);
    }
    // The premise of the test: every table of the schema has a row (none can be skipped unseen).
    assertThat(before).isNotEmpty();
    before.forEach((t, rows) -> assertThat(rows).as("rows of " + t).isNotEmpty());
    List<String> told = new ArrayList<>();
    String schema = schema();

    DatabaseMove.Result r =
        DatabaseMove.move(ws, target(schema), CLOCK, t -> told.add(t.name() + ":" + t.rows()));

    assertThat(r.tables()).extracting(DatabaseMove.Table::name).hasSameElementsAs(before.keySet());
    assertThat(told).hasSize(before.size());
    Map<String, List<String>> after = new TreeMap<>();
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      for (String t : before.keySet()) {
        after.put(t, rows(c, t));
      }
    }
    for (String t : before.keySet()) {
      assertThat(after.get(t)).as("table " + t).isEqualTo(before.get(t));
    }
    // Foreign keys: a parent is copied before its children.
    List<String> order = r.tables().stream().map(DatabaseMove.Table::name).toList();
    assertThat(order.indexOf("bank")).isLessThan(order.indexOf("bank_item"));
    assertThat(order.indexOf("case_file")).isLessThan(order.indexOf("case_record"));
    assertThat(order.indexOf("account")).isLessThan(order.indexOf("case_access"));

    Path settings = ws.resolve(Workspace.DATABASE_SETTINGS);
    assertThat(Files.getPosixFilePermissions(settings))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Properties p = new Properties();
    try (var rd = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
      p.load(rd);
    }
    assertThat(p.getProperty("url")).isEqualTo(pg.url(schema));
    assertThat(p.getProperty("user")).isEqualTo(pg.user);
    assertThat(p.getProperty("password")).isEqualTo(pg.password);
    assertThat(ws.resolve(Workspace.DATABASE)).doesNotExist();
    assertThat(r.keptSqlite()).isEqualTo(ws.resolve("redress.db.moved-20261207")).exists();
    assertThat(r.renamed()).isTrue();
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + r.keptSqlite().toAbsolutePath())) {
      assertThat(dump(c)).isEqualTo(before);
    }

    Workspace moved = Workspace.open(ws, CLOCK, "tester");
    assertThat(moved.database()).startsWith("jdbc:postgresql:");
    assertThat(moved.cases().list()).extracting(CaseStore.CaseRow::name).contains("case-a");
    assertThat(moved.cases().latest("case-a", "facts").orElseThrow().sealed())
        .containsExactly(1, 2, 3);
    assertThat(moved.banks().items("case-a")).hasSize(2);
    // Sequences were set past the copied ids: new rows get new ids.
    long maxItem = moved.banks().items("case-a").stream().mapToLong(Item::id).max().orElseThrow();
    moved.banks().create("after-move", 31, 50);
    AddReport added =
        moved
            .banks()
            .add(
                "case-a",
                List.of(
                    new NewItem(
                        HashValue.parse("md5", "fedcba9876543210fedcba9876543210"),
                        "new",
                        null,
                        "t")));
    assertThat(added.count(AddReport.Status.ADDED)).isEqualTo(1);
    assertThat(moved.banks().items("case-a").stream().mapToLong(Item::id).max().orElseThrow())
        .isGreaterThan(maxItem);
    moved.cases().create("case-b", "after-move", "tester");
    moved.accounts().audit("liu", "open", "case-b", "/");
  }

  @Test
  void move_aTableNoMigrationKnows_isCopiedWithItsBytesAndIdentity() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    Workspace.open(ws, CLOCK, "tester").banks().create("b", 31, 50);
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    try (Connection c = sqlite(ws);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE zz_later (id INTEGER PRIMARY KEY, data BLOB, note TEXT)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO zz_later VALUES (?, ?, ?)")) {
        ps.setLong(1, 41);
        ps.setBytes(2, all);
        ps.setString(3, "全部字节");
        ps.executeUpdate();
        ps.setLong(1, 42);
        ps.setNull(2, java.sql.Types.BLOB);
        ps.setNull(3, java.sql.Types.VARCHAR);
        ps.executeUpdate();
      }
    }
    String schema = schema();
    // The target has the same migrations and the same later table, all empty.
    Workspace.open(dir.resolve("other"), pg.url(schema), pg.user, pg.password, CLOCK, "t");
    pg.execute(
        "CREATE TABLE "
            + schema
            + ".zz_later (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, data BYTEA,"
            + " note TEXT)");

    DatabaseMove.move(ws, target(schema), CLOCK, t -> {});

    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      try (ResultSet rs = s.executeQuery("SELECT id, data, note FROM zz_later ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(2)).isEqualTo(all);
        assertThat(rs.getString(3)).isEqualTo("全部字节");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(2)).isNull();
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs =
          s.executeQuery("INSERT INTO zz_later (note) VALUES ('next') RETURNING id")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(43);
      }
    }
  }

  /** The SQLite workspace after a refused or failed move: unchanged, and still usable. */
  private static void assertUnchanged(Path ws, Map<String, List<String>> before) throws Exception {
    assertThat(ws.resolve(Workspace.DATABASE_SETTINGS)).doesNotExist();
    assertThat(ws.resolve(Workspace.DATABASE)).exists();
    try (Connection c = sqlite(ws)) {
      assertThat(dump(c)).isEqualTo(before);
    }
    Workspace w = Workspace.open(ws, CLOCK, "tester");
    assertThat(w.database()).endsWith(Workspace.DATABASE);
    w.banks().create("still-usable", 31, 50);
  }

  private static Map<String, List<String>> dumpOf(Path ws) throws SQLException {
    try (Connection c = sqlite(ws)) {
      return dump(c);
    }
  }

  @Test
  void move_targetHoldsRedressData_refusedAndTheSqliteWorkspaceIsUnchanged() throws Exception {
    TestPostgres.assumeFound(pg);
    String schema = schema();
    Workspace.open(dir.resolve("first"), pg.url(schema), pg.user, pg.password, CLOCK, "t")
        .banks()
        .create("theirs", 31, 50);
    Path ws = dir.resolve("ws");
    filled(ws);
    Map<String, List<String>> before = dumpOf(ws);

    assertThatThrownBy(() -> DatabaseMove.move(ws, target(schema), CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("already holds data (table bank has rows)")
        .hasMessageContaining("nothing was changed")
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_TARGET_NOT_EMPTY));
    assertUnchanged(ws, before);
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      assertThat(rows(c, "bank")).hasSize(1);
    }
  }

  @Test
  void move_wrongPassword_refusedWithoutThePasswordAndTheWorkspaceIsUnchanged() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws);
    Map<String, List<String>> before = dumpOf(ws);
    DatabaseMove.Target wrong =
        new DatabaseMove.Target(pg.url(schema()), pg.user, "not-the-password-4711");

    assertThatThrownBy(() -> DatabaseMove.move(ws, wrong, CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageNotContaining("4711")
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_TARGET_LOGIN));
    assertThat(wrong.toString()).doesNotContain("4711");
    assertUnchanged(ws, before);
  }

  @Test
  void move_unreachableHost_failsInOneLineAndTheWorkspaceIsUnchanged() throws Exception {
    Path ws = dir.resolve("ws");
    filled(ws);
    Map<String, List<String>> before = dumpOf(ws);
    DatabaseMove.Target nowhere =
        new DatabaseMove.Target("jdbc:postgresql://127.0.0.1:1/redress", "u", "secret-99");

    assertThatThrownBy(() -> DatabaseMove.move(ws, nowhere, CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("cannot reach the PostgreSQL server at")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("secret-99")
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_TARGET_UNREACHABLE));
    assertUnchanged(ws, before);
  }

  @Test
  void move_aValueOfTheWrongType_rolledBackOnTheTargetAndAFixedRetrySucceeds() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws);
    // SQLite keeps text in an integer column; PostgreSQL cannot.
    try (Connection c = sqlite(ws);
        Statement s = c.createStatement()) {
      s.execute("UPDATE bank SET threshold = 'thirty' WHERE name = 'case-a'");
    }
    Map<String, List<String>> before = dumpOf(ws);
    String schema = schema();

    assertThatThrownBy(() -> DatabaseMove.move(ws, target(schema), CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("column threshold holds a String")
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_FAILED));
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      for (String t : before.keySet()) {
        assertThat(rows(c, t)).as("rolled back: " + t).isEmpty();
      }
    }
    assertThat(ws.resolve(Workspace.DATABASE_SETTINGS)).doesNotExist();
    try (Connection c = sqlite(ws)) {
      assertThat(dump(c)).isEqualTo(before);
      c.createStatement().execute("UPDATE bank SET threshold = 30 WHERE name = 'case-a'");
    }

    DatabaseMove.Result r = DatabaseMove.move(ws, target(schema), CLOCK, t -> {});
    assertThat(r.rows()).isGreaterThan(10);
    assertThat(Workspace.open(ws, CLOCK, "t").banks().get("case-a").threshold()).isEqualTo(30);
  }

  @Test
  void move_whileCopying_anotherWriterIsLockedOut() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws);
    List<String> refused = new ArrayList<>();
    DatabaseMove.move(
        ws,
        target(schema()),
        CLOCK,
        t -> {
          if (refused.isEmpty()) {
            try (Connection c = sqlite(ws);
                Statement s = c.createStatement()) {
              s.execute("PRAGMA busy_timeout = 100");
              s.execute("INSERT INTO audit_log (at, account, action) VALUES (1, 'x', 'late')");
              refused.add("written");
            } catch (SQLException e) {
              refused.add(e.getMessage());
            }
          }
        });
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0)).containsIgnoringCase("locked");
  }

  @Test
  void move_whileRedressServeRunsInAnotherProcess_refusedAndNothingChanged() throws Exception {
    Path ws = dir.resolve("ws");
    filled(ws).close();
    Map<String, List<String>> before = dumpOf(ws);
    byte[] bytes = Files.readAllBytes(ws.resolve(Workspace.DATABASE));
    // An empty schema when there is a server, so that only the running server stops the move.
    String schema = pg != null ? schema() : null;
    DatabaseMove.Target to =
        schema != null
            ? target(schema)
            : new DatabaseMove.Target("jdbc:postgresql://127.0.0.1:1/redress", "u", null);

    try (ServeLockHolder.Held server = ServeLockHolder.start("serve", ws)) {
      assertThat(server.said()).isEqualTo("held");
      assertThatThrownBy(() -> DatabaseMove.move(ws, to, CLOCK, t -> {}))
          .isInstanceOf(CasesException.class)
          .hasMessageContaining("redress serve is running on workspace")
          .hasMessageContaining("nothing was changed")
          .hasMessageNotContaining("\n")
          .satisfies(
              e ->
                  assertThat(((CasesException) e).reason())
                      .isEqualTo(CasesException.Reason.MOVE_SERVING));
    }
    assertThat(Files.readAllBytes(ws.resolve(Workspace.DATABASE))).isEqualTo(bytes);
    if (schema != null) {
      try (Connection c = pg.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                      + schema
                      + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("tables in the target").isZero();
      }
    }
    assertUnchanged(ws, before);
    if (schema != null) {
      // The server has stopped: the same move now goes through.
      assertThat(DatabaseMove.move(ws, to, CLOCK, t -> {}).rows()).isGreaterThan(10);
    }
  }

  /** Every row of every table of the server's schema (Flyway's history aside). */
  private static Map<String, List<String>> dumpPostgres(String schema) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                  + schema
                  + "' AND table_name <> 'flyway_schema_history'")) {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        for (String t : names) {
          out.put(t, rows(c, t));
        }
      }
    }
    return out;
  }

  @Test
  void back_aMovedWorkspaceWithNewWork_everyTableArrivesWholeAndTheServerIsUntouched()
      throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws).close();
    String schema = schema();
    DatabaseMove.move(ws, target(schema), CLOCK, t -> {});
    // Work done on the server after the move comes back too.
    Workspace onServer = Workspace.open(ws, CLOCK, "tester");
    onServer.cases().create("case-b", "case-a", "tester");
    onServer.cases().consent("case-b", "dossier", true, "tester");
    onServer.banks().create("on-server", 31, 50);
    Map<String, List<String>> server = dumpPostgres(schema);
    server.forEach((t, rows) -> assertThat(rows).as("rows of " + t).isNotEmpty());
    Path settings = ws.resolve(Workspace.DATABASE_SETTINGS);
    byte[] settingsBytes = Files.readAllBytes(settings);
    List<String> told = new ArrayList<>();

    DatabaseMove.BackResult r = DatabaseMove.back(ws, CLOCK, t -> told.add(t.name()));

    assertThat(r.tables()).extracting(DatabaseMove.Table::name).hasSameElementsAs(server.keySet());
    assertThat(told).hasSameElementsAs(server.keySet());
    assertThat(r.from()).isEqualTo(pg.url(schema));
    assertThat(r.sqlite()).isEqualTo(ws.resolve(Workspace.DATABASE));
    assertThat(dumpOf(ws)).isEqualTo(server);
    assertThat(dumpPostgres(schema)).as("the server's data, only read").isEqualTo(server);
    assertThat(settings).doesNotExist();
    assertThat(r.keptSettings())
        .isEqualTo(ws.resolve("database.properties.moved-20261207"))
        .hasBinaryContent(settingsBytes);
    assertThat(Files.getPosixFilePermissions(r.sqlite()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var files = Files.list(ws)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    Workspace back = Workspace.open(ws, CLOCK, "tester");
    assertThat(back.database()).endsWith(Workspace.DATABASE);
    assertThat(back.cases().list())
        .extracting(CaseStore.CaseRow::name)
        .contains("case-a", "case-b");
    assertThat(back.cases().consents("case-b", "dossier")).hasSize(1);
    assertThat(back.cases().latest("case-a", "facts").orElseThrow().sealed())
        .containsExactly(1, 2, 3);
    // New rows get new ids on SQLite.
    long maxItem = back.banks().items("case-a").stream().mapToLong(Item::id).max().orElseThrow();
    back.banks()
        .add(
            "case-a",
            List.of(
                new NewItem(
                    HashValue.parse("md5", "fedcba9876543210fedcba9876543210"), "n", null, "t")));
    assertThat(back.banks().items("case-a").stream().mapToLong(Item::id).max().orElseThrow())
        .isGreaterThan(maxItem);
  }

  @Test
  void back_refusedOnSqliteWithAFileInTheWayOrWhileServing_andNothingChanges() throws Exception {
    Path ws = dir.resolve("ws");
    filled(ws).close();
    assertThatThrownBy(() -> DatabaseMove.back(ws, CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("already the SQLite file")
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_NOT_MOVED));
    TestPostgres.assumeFound(pg);
    String schema = schema();
    DatabaseMove.move(ws, target(schema), CLOCK, t -> {});
    Map<String, List<String>> server = dumpPostgres(schema);
    Path settings = ws.resolve(Workspace.DATABASE_SETTINGS);
    byte[] settingsBytes = Files.readAllBytes(settings);

    Files.writeString(ws.resolve(Workspace.DATABASE), "not mine");
    assertThatThrownBy(() -> DatabaseMove.back(ws, CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_SQLITE_EXISTS));
    assertThat(ws.resolve(Workspace.DATABASE)).hasContent("not mine");
    Files.delete(ws.resolve(Workspace.DATABASE));

    try (ServeLockHolder.Held server2 = ServeLockHolder.start("serve", ws)) {
      assertThat(server2.said()).isEqualTo("held");
      assertThatThrownBy(() -> DatabaseMove.back(ws, CLOCK, t -> {}))
          .isInstanceOf(CasesException.class)
          .satisfies(
              e ->
                  assertThat(((CasesException) e).reason())
                      .isEqualTo(CasesException.Reason.MOVE_SERVING));
    }
    assertThat(settings).hasBinaryContent(settingsBytes);
    assertThat(ws.resolve(Workspace.DATABASE)).doesNotExist();
    assertThat(dumpPostgres(schema)).isEqualTo(server);
    assertThat(Workspace.open(ws, CLOCK, "t").database()).startsWith("jdbc:postgresql:");
  }

  @Test
  void back_aServerValueSqliteCannotCheck_failsAndTheWorkspaceStaysOnTheServer() throws Exception {
    TestPostgres.assumeFound(pg);
    Path ws = dir.resolve("ws");
    filled(ws).close();
    String schema = schema();
    DatabaseMove.move(ws, target(schema), CLOCK, t -> {});
    // A column the SQLite migrations do not have: the schemas differ, the move back is refused.
    try (Connection c = pg.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      s.execute("ALTER TABLE bank ADD COLUMN extra TEXT");
    }
    Map<String, List<String>> server = dumpPostgres(schema);
    Path settings = ws.resolve(Workspace.DATABASE_SETTINGS);

    assertThatThrownBy(() -> DatabaseMove.back(ws, CLOCK, t -> {}))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("nothing was changed, the workspace still uses " + pg.url(schema))
        .hasMessageNotContaining(pg.password)
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_FAILED));
    assertThat(settings).exists();
    assertThat(ws.resolve(Workspace.DATABASE)).doesNotExist();
    try (var files = Files.list(ws)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(dumpPostgres(schema)).isEqualTo(server);
  }

  @Test
  void move_settingsAlreadyThere_refused() throws Exception {
    Path ws = dir.resolve("ws");
    filled(ws);
    Files.writeString(ws.resolve(Workspace.DATABASE_SETTINGS), "url=jdbc:postgresql://h/d\n");
    assertThatThrownBy(
            () ->
                DatabaseMove.move(
                    ws,
                    new DatabaseMove.Target("jdbc:postgresql://127.0.0.1:1/x", null, null),
                    CLOCK,
                    t -> {}))
        .isInstanceOf(CasesException.class)
        .satisfies(
            e ->
                assertThat(((CasesException) e).reason())
                    .isEqualTo(CasesException.Reason.MOVE_ALREADY_MOVED));
    assertThat(ws.resolve(Workspace.DATABASE)).exists();
  }

  @Test
  void target_urlWithAPassword_refused() {
    assertThatThrownBy(
            () -> new DatabaseMove.Target("jdbc:postgresql://h/d?password=hunter2", "u", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> new DatabaseMove.Target("jdbc:sqlite:x.db", "u", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksum_rowOrder_doesNotMatterButAValueDoes() {
    DatabaseMove.Checksum a = new DatabaseMove.Checksum();
    a.add(new Object[] {1L, "x", new byte[] {1}});
    a.add(new Object[] {2L, null, new byte[] {2}});
    DatabaseMove.Checksum b = new DatabaseMove.Checksum();
    b.add(new Object[] {2L, null, new byte[] {2}});
    b.add(new Object[] {1L, "x", new byte[] {1}});
    DatabaseMove.Checksum c = new DatabaseMove.Checksum();
    c.add(new Object[] {2L, null, new byte[] {3}});
    c.add(new Object[] {1L, "x", new byte[] {1}});
    assertThat(a.table("t")).isEqualTo(b.table("t"));
    assertThat(c.table("t").checksum()).isNotEqualTo(a.table("t").checksum());
    // "ab" + "c" and "a" + "bc" differ: values are length-prefixed.
    DatabaseMove.Checksum d = new DatabaseMove.Checksum();
    d.add(new Object[] {"ab", "c"});
    DatabaseMove.Checksum e = new DatabaseMove.Checksum();
    e.add(new Object[] {"a", "bc"});
    assertThat(d.table("t").checksum()).isNotEqualTo(e.table("t").checksum());
  }
}
