package org.redress.cases;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Moves a workspace's database from its SQLite file {@value Workspace#DATABASE} to a PostgreSQL
 * database, for an organisation that started on a laptop and now serves the workspace from a
 * server. Generic over the schema: every table of the migrated SQLite database is copied, so a
 * table a later migration adds is moved without a change here.
 *
 * <p>The steps, in order; until the last two, the SQLite file stays the workspace's database and a
 * failure changes nothing in the workspace:
 *
 * <ol>
 *   <li>refuse a workspace that already has {@value Workspace#DATABASE_SETTINGS} or no SQLite file;
 *   <li>take the workspace's {@link ServeLock} alone, to the end: refuse while {@code redress
 *       serve} runs on the workspace (it holds the lock), and keep a server from starting;
 *   <li>migrate the SQLite file to the current schema, then hold its write lock (a SQLite {@code
 *       BEGIN IMMEDIATE}) to the end, so that no other process changes it while it is copied;
 *   <li>connect to the target; refuse it when any table of its current schema holds a row;
 *   <li>migrate the target with the same migrations; check it has the same tables and columns;
 *   <li>in one transaction on the target: copy each table's rows, parents before children (foreign
 *       keys), each value by the target column's type (binary as bytes, byte for byte); read every
 *       table back and compare its row count and checksum with the source's; set each identity or
 *       serial sequence past the copied ids; commit;
 *   <li>write {@value Workspace#DATABASE_SETTINGS} (0600, written to a temporary file, synced and
 *       linked into place, so it appears whole or not at all): from here on the workspace is on
 *       PostgreSQL;
 *   <li>rename the SQLite file to {@code redress.db.moved-YYYYMMDD} (kept for a roll-back).
 * </ol>
 *
 * <p>The checksum of a table is the sum modulo 2<sup>256</sup> of the SHA-256 of each row's values
 * in a typed, length-prefixed encoding, so it does not depend on the order in which the two
 * databases return rows (PostgreSQL's text collation differs from SQLite's).
 */
public final class DatabaseMove {
  /** The suffix of the kept SQLite file, before the date. */
  public static final String MOVED_SUFFIX = ".moved-";

  private static final String HISTORY = "flyway_schema_history";
  private static final int BATCH = 1000;
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

  private DatabaseMove() {}

  /**
   * Where to move: a PostgreSQL JDBC URL (which must not carry a password), a user and a password.
   * Its text form never shows the password.
   *
   * @param url the {@code jdbc:postgresql:} URL
   * @param user the database user, or null to take it from the URL
   * @param password the password, or null for a login without one
   */
  public record Target(String url, String user, String password) {
    /**
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or carries a
     *     password (a password belongs in a file, never on a command line)
     */
    public Target {
      if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): "
                + (url == null ? null : Workspace.withoutPassword(url)));
      }
      if (!Workspace.withoutPassword(url).equals(url)) {
        throw new IllegalArgumentException(
            "the URL carries a password; give it in a password file instead: "
                + Workspace.withoutPassword(url));
      }
    }

    @Override
    public String toString() {
      return url + (user == null ? "" : " as " + user) + (password == null ? "" : " (password)");
    }
  }

  /**
   * One table as copied and checked.
   *
   * @param name the table
   * @param rows its rows, equal in both databases
   * @param checksum its checksum (hex), equal in both databases
   */
  public record Table(String name, long rows, String checksum) {}

  /**
   * A finished move.
   *
   * @param target the target URL
   * @param tables every table, in the order copied
   * @param settings the database settings file written
   * @param keptSqlite where the SQLite file is kept
   * @param renamed false when the SQLite file could not be renamed (it stays at its name, unused)
   */
  public record Result(
      String target, List<Table> tables, Path settings, Path keptSqlite, boolean renamed) {
    /** The rows of every table. */
    public long rows() {
      return tables.stream().mapToLong(Table::rows).sum();
    }
  }

  /**
   * Moves the workspace at {@code dir} to the target (see the class comment).
   *
   * @param dir the workspace directory
   * @param target where to
   * @param clock gives the date in the kept SQLite file's name (in the clock's zone)
   * @param progress told each table once it is copied (before the checks)
   * @return what was moved
   * @throws CasesException with a {@code MOVE_*} reason when the move is refused or fails ({@link
   *     CasesException.Reason#MOVE_SERVING} while {@code redress serve} runs on the workspace); the
   *     workspace is then unchanged, still on its SQLite file
   */
  public static Result move(Path dir, Target target, Clock clock, Consumer<Table> progress) {
    Path abs = dir.toAbsolutePath().normalize();
    Path settings = abs.resolve(Workspace.DATABASE_SETTINGS);
    if (Files.exists(settings, LinkOption.NOFOLLOW_LINKS)) {
      throw new CasesException(
          CasesException.Reason.MOVE_ALREADY_MOVED,
          "the workspace already has "
              + settings
              + " (its database is not the SQLite file); nothing was changed",
          null,
          settings);
    }
    Path db = abs.resolve(Workspace.DATABASE);
    if (!Files.isRegularFile(db, LinkOption.NOFOLLOW_LINKS)) {
      throw new CasesException(
          CasesException.Reason.MOVE_NO_SQLITE,
          "no SQLite database to move: " + db + " does not exist",
          null,
          db);
    }
    // No server may run beside the move, nor start during it (it would keep using the SQLite file).
    ServeLock alone = ServeLock.alone(abs);
    try {
      return moveAlone(abs, db, settings, target, clock, progress);
    } finally {
      alone.close();
    }
  }

  private static Result moveAlone(
      Path abs, Path db, Path settings, Target target, Clock clock, Consumer<Table> progress) {
    // Brings the file to the current schema, as any command opening the workspace would.
    Workspace.open(abs, clock, "redress").close();
    SQLiteDataSource sqlite = Workspace.sqlite(db, true);
    Result result;
    try (Connection src = sqlite.getConnection()) {
      src.setAutoCommit(false);
      try (Statement s = src.createStatement()) {
        // Takes the write lock now (the transaction begins IMMEDIATE), before anything is read.
        s.executeQuery("SELECT count(*) FROM sqlite_master").close();
      } catch (SQLException e) {
        throw failed(target.url(), db, "lock the SQLite database", e);
      }
      result = copy(src, db, settings, target, clock, progress);
      src.rollback(); // nothing was written to it
    } catch (SQLException e) {
      throw failed(target.url(), db, "open the SQLite database", e);
    }
    return result;
  }

  /**
   * A finished move back to SQLite.
   *
   * @param from the PostgreSQL database moved from (its URL without a password), left as it was
   * @param tables every table, in the order copied
   * @param sqlite the workspace's new SQLite file
   * @param keptSettings where the PostgreSQL settings file is kept (for a move forward again)
   */
  public record BackResult(String from, List<Table> tables, Path sqlite, Path keptSettings) {
    /** The rows of every table. */
    public long rows() {
      return tables.stream().mapToLong(Table::rows).sum();
    }
  }

  /**
   * Moves the workspace at {@code dir} back from its PostgreSQL database to a new SQLite file: the
   * way forward in reverse, and the PostgreSQL database is only read.
   *
   * <ol>
   *   <li>refuse a workspace without {@value Workspace#DATABASE_SETTINGS} (it is on SQLite) or with
   *       a file at {@value Workspace#DATABASE} (it would be overwritten);
   *   <li>take the {@link ServeLock} alone, to the end (refused while {@code redress serve} runs on
   *       the workspace);
   *   <li>migrate the PostgreSQL database to the current schema, as any command opening the
   *       workspace would; make a new SQLite file (0600) under a temporary name and migrate it;
   *   <li>lock every table of the server's current schema against writers ({@code SHARE} mode,
   *       waiting at most 10 seconds), so that no other server's write is lost, and read them in
   *       one snapshot;
   *   <li>in one SQLite transaction: copy each table, parents first, read it back and compare its
   *       row count and checksum with the server's; commit;
   *   <li>link the new file to {@value Workspace#DATABASE} (which fails if the name was taken);
   *   <li>rename {@value Workspace#DATABASE_SETTINGS} to {@code
   *       database.properties.moved-YYYYMMDD}: from here on the workspace is on SQLite.
   * </ol>
   *
   * @param dir the workspace directory
   * @param clock gives the date in the kept settings file's name
   * @param progress told each table once it is copied (before the checks)
   * @return what was moved
   * @throws CasesException with a {@code MOVE_*} reason when the move is refused or fails; the
   *     workspace is then unchanged, still on PostgreSQL, and the server's data as it was
   */
  public static BackResult back(Path dir, Clock clock, Consumer<Table> progress) {
    Path abs = dir.toAbsolutePath().normalize();
    Path settings = abs.resolve(Workspace.DATABASE_SETTINGS);
    Path db = abs.resolve(Workspace.DATABASE);
    if (!Files.exists(settings, LinkOption.NOFOLLOW_LINKS)) {
      throw new CasesException(
          CasesException.Reason.MOVE_NOT_MOVED,
          "the workspace has no "
              + settings
              + ": its database is already the SQLite file; nothing was changed",
          null,
          settings);
    }
    if (Files.exists(db, LinkOption.NOFOLLOW_LINKS)) {
      throw new CasesException(
          CasesException.Reason.MOVE_SQLITE_EXISTS,
          "there is already a file "
              + db
              + " (unused while the workspace is on PostgreSQL); move it away first; nothing was"
              + " changed",
          null,
          db);
    }
    ServeLock alone = ServeLock.alone(abs);
    try {
      return backAlone(abs, settings, db, clock, progress);
    } finally {
      alone.close();
    }
  }

  private static BackResult backAlone(
      Path abs, Path settings, Path db, Clock clock, Consumer<Table> progress) {
    Properties p = Workspace.databaseSettings(settings);
    String url = p.getProperty("url").strip();
    String shown = Workspace.withoutPassword(url);
    // Brings the server's database to the current schema, as any command opening the workspace
    // would.
    Workspace.open(abs, clock, "redress").close();
    PGSimpleDataSource pg =
        Workspace.postgres(url, p.getProperty("user"), p.getProperty("password"));
    Path tmp = null;
    List<Table> copied;
    try {
      tmp =
          Files.createTempFile(
              abs,
              "." + Workspace.DATABASE + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      copied = copyBack(pg, tmp, db, shown, progress);
      Files.createLink(db, tmp);
      Files.delete(tmp);
      tmp = null;
      syncDirectory(abs);
    } catch (IOException e) {
      throw failed(db.toString(), shown, "write " + db, e);
    } finally {
      if (tmp != null) {
        for (String side : List.of("", "-journal", "-wal", "-shm")) {
          try {
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + side));
          } catch (IOException ignored) {
            // an owner-only temporary file nothing reads
          }
        }
      }
    }
    Path kept = keptName(settings, clock);
    try {
      Files.move(settings, kept);
      syncDirectory(abs);
    } catch (IOException e) {
      try {
        Files.delete(db);
      } catch (IOException ignored) {
        // unused while the settings file stays
      }
      throw failed(db.toString(), shown, "rename " + settings, e);
    }
    return new BackResult(shown, List.copyOf(copied), db, kept);
  }

  /**
   * Copies the server's tables into the new SQLite file {@code tmp}, checked, in one transaction.
   */
  private static List<Table> copyBack(
      PGSimpleDataSource pg, Path tmp, Path db, String shown, Consumer<Table> progress) {
    String to = db.toString();
    SQLiteDataSource sqlite = Workspace.sqlite(tmp, false);
    try {
      Workspace.migrate(sqlite, sqlite.getUrl());
    } catch (FlywayException e) {
      throw failed(to, shown, "migrate the new SQLite database", e);
    }
    try (Connection src = pg.getConnection();
        Connection dst = sqlite.getConnection()) {
      src.setAutoCommit(false);
      src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      List<String> tables = sourceTables(dst);
      // Before any read, so the snapshot holds every write the lock waited for.
      try (Statement s = src.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '10s'");
        StringBuilder names = new StringBuilder();
        for (String t : tables) {
          names.append(names.length() == 0 ? "" : ", ").append(quote(t));
        }
        s.execute("LOCK TABLE " + names + " IN SHARE MODE");
      }
      Map<String, List<Column>> columns = targetColumns(src, tables, to, shown);
      List<String> order = parentsFirst(src, tables);
      dst.setAutoCommit(false);
      try {
        List<Table> copied = copyAndCheck(src, dst, order, columns, TO_SQLITE, progress, to, shown);
        dst.commit();
        return copied;
      } catch (SQLException | RuntimeException e) {
        rollback(dst);
        throw e;
      } finally {
        rollback(src); // it only read
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw failed(to, shown, "copy the tables", e);
    }
  }

  private static Result copy(
      Connection src,
      Path db,
      Path settings,
      Target target,
      Clock clock,
      Consumer<Table> progress) {
    String url = target.url();
    PGSimpleDataSource pg;
    try {
      pg = Workspace.postgres(url, target.user(), target.password());
    } catch (IllegalArgumentException e) {
      throw new CasesException(
          CasesException.Reason.MOVE_FAILED,
          e.getMessage() + "; nothing was changed, the workspace still uses " + db,
          e,
          url,
          db);
    }
    List<String> tables;
    try {
      tables = sourceTables(src);
    } catch (SQLException e) {
      throw failed(target.url(), db, "read the SQLite tables", e);
    }
    List<Table> copied = new ArrayList<>();
    try (Connection dst = connect(pg, target, db)) {
      refuseData(dst, target, db);
      try {
        Workspace.migrate(pg, url);
      } catch (FlywayException e) {
        throw failed(target.url(), db, "migrate the target", e);
      }
      Map<String, List<Column>> columns = targetColumns(dst, tables, url, db);
      List<String> order = parentsFirst(dst, tables);
      dst.setAutoCommit(false);
      try {
        copied.addAll(copyAndCheck(src, dst, order, columns, FROM_SQLITE, progress, url, db));
        for (String t : order) {
          setSequences(dst, t, columns.get(t));
        }
        dst.commit();
      } catch (IllegalArgumentException e) {
        rollback(dst);
        throw failed(target.url(), db, "copy the tables", e);
      } catch (SQLException | RuntimeException e) {
        rollback(dst);
        throw e;
      }
    } catch (SQLException e) {
      throw failed(target.url(), db, "copy the tables", e);
    }
    writeSettings(settings, target, db, clock);
    Path kept = keptName(db, clock);
    boolean renamed = rename(db, kept);
    return new Result(url, List.copyOf(copied), settings, renamed ? kept : db, renamed);
  }

  /** The tables of the SQLite database, without SQLite's and Flyway's own. */
  static List<String> sourceTables(Connection src) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = src.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rs.next()) {
        String name = rs.getString(1);
        if (!name.equalsIgnoreCase(HISTORY)) {
          out.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static Connection connect(PGSimpleDataSource pg, Target target, Path db) {
    try {
      return pg.getConnection();
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String shown = target.url();
      // 28xxx: authentication failed; 08004: the server asked for a password none was given.
      if (state.startsWith("28") || state.equals("08004")) {
        return fail(
            CasesException.Reason.MOVE_TARGET_LOGIN,
            "the PostgreSQL server at "
                + shown
                + " refused the login"
                + (target.user() == null ? "" : " of " + target.user())
                + " ("
                + Workspace.rootMessage(e)
                + "); nothing was changed, the workspace still uses "
                + db,
            e,
            shown,
            db);
      }
      return fail(
          CasesException.Reason.MOVE_TARGET_UNREACHABLE,
          "cannot reach the PostgreSQL server at "
              + shown
              + " ("
              + Workspace.rootMessage(e)
              + "); nothing was changed, the workspace still uses "
              + db,
          e,
          shown,
          db);
    }
  }

  private static <T> T fail(
      CasesException.Reason reason, String message, Throwable cause, Object... values) {
    throw new CasesException(reason, message, cause, values);
  }

  /** Refuses a target whose current schema has a table with a row (Flyway's history aside). */
  private static void refuseData(Connection dst, Target target, Path db) throws SQLException {
    String schema = currentSchema(dst, target.url(), db);
    for (String t : schemaTables(dst, schema)) {
      if (t.equalsIgnoreCase(HISTORY)) {
        continue;
      }
      try (Statement s = dst.createStatement();
          ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(t) + ")")) {
        if (rs.next() && rs.getBoolean(1)) {
          throw new CasesException(
              CasesException.Reason.MOVE_TARGET_NOT_EMPTY,
              "the target "
                  + target.url()
                  + " already holds data (table "
                  + t
                  + " has rows); move only into an empty database or schema; nothing was"
                  + " changed, the workspace still uses "
                  + db,
              null,
              target.url(),
              t,
              db);
        }
      }
    }
  }

  private static String currentSchema(Connection pg, String to, Object uses) throws SQLException {
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      String schema = rs.next() ? rs.getString(1) : null;
      if (schema == null) {
        throw new CasesException(
            CasesException.Reason.MOVE_FAILED,
            "the PostgreSQL database of "
                + to
                + " has no current schema (none of its search_path exists); nothing was changed,"
                + " the workspace still uses "
                + uses,
            null,
            to,
            uses);
      }
      return schema;
    }
  }

  private static List<String> schemaTables(Connection dst, String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        dst.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** A column of the target and the type its values are copied as. */
  record Column(String name, Kind kind) {}

  /** How a column's values are read, written and encoded for the checksum. */
  enum Kind {
    INTEGER,
    TEXT,
    BYTES,
    BOOLEAN,
    DOUBLE,
    DECIMAL
  }

  private static Kind kind(String pgType) {
    return switch (pgType) {
      case "bigint", "integer", "smallint" -> Kind.INTEGER;
      case "character varying", "text", "character" -> Kind.TEXT;
      case "bytea" -> Kind.BYTES;
      case "boolean" -> Kind.BOOLEAN;
      case "double precision", "real" -> Kind.DOUBLE;
      case "numeric" -> Kind.DECIMAL;
      default -> null;
    };
  }

  /**
   * The target's columns of each source table; fails when the target's tables or columns differ
   * from the source's, or a column has a type this move cannot copy exactly.
   */
  private static Map<String, List<Column>> targetColumns(
      Connection dst, List<String> tables, String to, Object uses) throws SQLException {
    String schema = currentSchema(dst, to, uses);
    Set<String> theirs = new TreeSet<>();
    for (String t : schemaTables(dst, schema)) {
      if (!t.equalsIgnoreCase(HISTORY)) {
        theirs.add(t.toLowerCase(Locale.ROOT));
      }
    }
    if (!theirs.equals(new TreeSet<>(tables))) {
      throw schemaDiffers(to, uses, "tables " + theirs + ", the SQLite database " + tables);
    }
    Map<String, List<Column>> out = new LinkedHashMap<>();
    for (String t : tables) {
      List<Column> cols = new ArrayList<>();
      try (PreparedStatement ps =
          dst.prepareStatement(
              "SELECT column_name, data_type FROM information_schema.columns"
                  + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
        ps.setString(1, schema);
        ps.setString(2, t);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String name = rs.getString(1);
            Kind k = kind(rs.getString(2));
            if (k == null) {
              throw schemaDiffers(
                  to, uses, "column " + t + "." + name + " has type " + rs.getString(2));
            }
            cols.add(new Column(name, k));
          }
        }
      }
      out.put(t, List.copyOf(cols));
    }
    return out;
  }

  private static CasesException schemaDiffers(String to, Object uses, String what) {
    return new CasesException(
        CasesException.Reason.MOVE_FAILED,
        "the target's schema after migrating differs from the workspace's ("
            + what
            + "); nothing was changed, the workspace still uses "
            + uses,
        null,
        to,
        uses);
  }

  /** The tables in an order where each comes after the tables its foreign keys name. */
  private static List<String> parentsFirst(Connection dst, List<String> tables)
      throws SQLException {
    String schema = dst.getSchema();
    DatabaseMetaData md = dst.getMetaData();
    Map<String, Set<String>> parents = new TreeMap<>();
    for (String t : tables) {
      Set<String> ps = new TreeSet<>();
      try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
        while (rs.next()) {
          String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!p.equals(t) && tables.contains(p)) {
            ps.add(p);
          }
        }
      }
      parents.put(t, ps);
    }
    List<String> order = new ArrayList<>();
    while (order.size() < tables.size()) {
      String next = null;
      for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
        if (!order.contains(e.getKey()) && order.containsAll(e.getValue())) {
          next = e.getKey();
          break;
        }
      }
      if (next == null) {
        throw new IllegalStateException("foreign keys form a cycle among " + parents);
      }
      order.add(next);
    }
    return order;
  }

  /** Reads a value of a column as its kind, for the checksum (and for writing). */
  @FunctionalInterface
  private interface Reader {
    Object read(ResultSet rs, int i, Column c, String table) throws SQLException;
  }

  /** Writes a value of a column's kind. */
  @FunctionalInterface
  private interface Binder {
    void write(PreparedStatement ps, int i, Object v, Kind k) throws SQLException;
  }

  /**
   * One direction: how values are read from the source, written to and read back from the target.
   */
  private record Way(Reader source, Binder target, Reader back) {}

  private static final Way FROM_SQLITE =
      new Way(
          (rs, i, c, t) -> fromSqlite(rs.getObject(i), c, t),
          DatabaseMove::bind,
          (rs, i, c, t) -> fromPostgres(rs, i, c.kind()));

  private static final Way TO_SQLITE =
      new Way(
          (rs, i, c, t) -> fromPostgres(rs, i, c.kind()),
          DatabaseMove::bindSqlite,
          (rs, i, c, t) -> fromSqlite(rs.getObject(i), c, t));

  /**
   * Copies each table in order (inside the target's open transaction), then reads each back from
   * the target and compares its row count and checksum with the source's.
   */
  private static List<Table> copyAndCheck(
      Connection src,
      Connection dst,
      List<String> order,
      Map<String, List<Column>> columns,
      Way way,
      Consumer<Table> progress,
      String to,
      Object uses)
      throws SQLException {
    List<Table> copied = new ArrayList<>();
    for (String t : order) {
      Table done = copyTable(src, dst, t, columns.get(t), way);
      copied.add(done);
      progress.accept(done);
    }
    for (Table t : copied) {
      Table back = readBack(dst, t.name(), columns.get(t.name()), way.back());
      if (back.rows() != t.rows() || !back.checksum().equals(t.checksum())) {
        throw new CasesException(
            CasesException.Reason.MOVE_MISMATCH,
            String.format(
                Locale.ROOT,
                "table %s differs after copying (%d rows, checksum %s; read back %d rows,"
                    + " checksum %s); nothing was changed, the workspace still uses %s",
                t.name(),
                t.rows(),
                t.checksum(),
                back.rows(),
                back.checksum(),
                uses),
            null,
            t.name(),
            to,
            uses);
      }
    }
    return copied;
  }

  private static Table copyTable(
      Connection src, Connection dst, String table, List<Column> cols, Way way)
      throws SQLException {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (Column c : cols) {
      names.append(names.length() == 0 ? "" : ", ").append(quote(c.name()));
      marks.append(marks.length() == 0 ? "?" : ", ?");
    }
    Checksum sum = new Checksum();
    try (Statement s = src.createStatement();
        PreparedStatement ins =
            dst.prepareStatement(
                "INSERT INTO " + quote(table) + " (" + names + ") VALUES (" + marks + ")")) {
      s.setFetchSize(BATCH); // streams from PostgreSQL (in a transaction)
      try (ResultSet rs = s.executeQuery("SELECT " + names + " FROM " + quote(table))) {
        int pending = 0;
        while (rs.next()) {
          Object[] row = new Object[cols.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = way.source().read(rs, i + 1, cols.get(i), table);
            way.target().write(ins, i + 1, row[i], cols.get(i).kind());
          }
          sum.add(row);
          ins.addBatch();
          if (++pending == BATCH) {
            ins.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          ins.executeBatch();
        }
      }
    }
    return sum.table(table);
  }

  /** A SQLite value as the target column's kind; fails on a value of another type. */
  private static Object fromSqlite(Object v, Column c, String table) {
    if (v == null) {
      return null;
    }
    Object out =
        switch (c.kind()) {
          case INTEGER ->
              v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
          case TEXT -> v instanceof String ? v : null;
          case BYTES -> v instanceof byte[] ? v : null;
          case BOOLEAN -> v instanceof Integer i && (i == 0 || i == 1) ? i == 1 : null;
          case DOUBLE -> v instanceof Number n ? n.doubleValue() : null;
          case DECIMAL -> v instanceof Number || v instanceof String ? decimal(v.toString()) : null;
        };
    if (out == null) {
      throw new IllegalArgumentException(
          "table "
              + table
              + " column "
              + c.name()
              + " holds a "
              + v.getClass().getSimpleName()
              + " where PostgreSQL expects "
              + c.kind().name().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static BigDecimal decimal(String s) {
    try {
      return new BigDecimal(s).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void bind(PreparedStatement ps, int i, Object v, Kind k) throws SQLException {
    if (v == null) {
      ps.setNull(
          i,
          switch (k) {
            case INTEGER -> java.sql.Types.BIGINT;
            case TEXT -> java.sql.Types.VARCHAR;
            case BYTES -> java.sql.Types.BINARY;
            case BOOLEAN -> java.sql.Types.BOOLEAN;
            case DOUBLE -> java.sql.Types.DOUBLE;
            case DECIMAL -> java.sql.Types.NUMERIC;
          });
      return;
    }
    switch (k) {
      case INTEGER -> ps.setLong(i, (Long) v);
      case TEXT -> ps.setString(i, (String) v);
      case BYTES -> ps.setBytes(i, (byte[]) v);
      case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
      case DOUBLE -> ps.setDouble(i, (Double) v);
      case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
    }
  }

  /**
   * Writes a value to SQLite as SQLite-made rows hold it (a boolean as 0 or 1, a decimal as text).
   */
  private static void bindSqlite(PreparedStatement ps, int i, Object v, Kind k)
      throws SQLException {
    if (v instanceof Boolean b) {
      ps.setInt(i, b ? 1 : 0);
    } else if (v instanceof BigDecimal d) {
      ps.setString(i, d.toPlainString());
    } else {
      bind(ps, i, v, k);
    }
  }

  /** Reads a copied table back from the target (inside the copy's transaction). */
  private static Table readBack(Connection dst, String table, List<Column> cols, Reader read)
      throws SQLException {
    StringBuilder names = new StringBuilder();
    for (Column c : cols) {
      names.append(names.length() == 0 ? "" : ", ").append(quote(c.name()));
    }
    Checksum sum = new Checksum();
    try (Statement s = dst.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT " + names + " FROM " + quote(table))) {
        while (rs.next()) {
          Object[] row = new Object[cols.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = read.read(rs, i + 1, cols.get(i), table);
          }
          sum.add(row);
        }
      }
    }
    return sum.table(table);
  }

  private static Object fromPostgres(ResultSet rs, int i, Kind k) throws SQLException {
    Object v =
        switch (k) {
          case INTEGER -> rs.getLong(i);
          case TEXT -> rs.getString(i);
          case BYTES -> rs.getBytes(i);
          case BOOLEAN -> rs.getBoolean(i);
          case DOUBLE -> rs.getDouble(i);
          case DECIMAL ->
              rs.getBigDecimal(i) == null ? null : rs.getBigDecimal(i).stripTrailingZeros();
        };
    return rs.wasNull() ? null : v;
  }

  /** Sets each sequence behind a column of the table (identity or serial) past its largest id. */
  private static void setSequences(Connection dst, String table, List<Column> cols)
      throws SQLException {
    for (Column c : cols) {
      if (c.kind() != Kind.INTEGER) {
        continue;
      }
      String seq;
      try (PreparedStatement ps =
          dst.prepareStatement(
              "SELECT pg_get_serial_sequence(format('%I.%I', current_schema(), ?::text), ?::text)")) {
        ps.setString(1, table);
        ps.setString(2, c.name());
        try (ResultSet rs = ps.executeQuery()) {
          seq = rs.next() ? rs.getString(1) : null;
        }
      }
      if (seq == null) {
        continue;
      }
      try (PreparedStatement ps =
          dst.prepareStatement(
              "SELECT setval(?::regclass, COALESCE((SELECT max("
                  + quote(c.name())
                  + ") FROM "
                  + quote(table)
                  + "), 0) + 1, false)")) {
        ps.setString(1, seq);
        ps.executeQuery().close();
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // closing the connection rolls back too
    }
  }

  /** A failure to {@code verb} on the way {@code to} somewhere, while the workspace still uses… */
  private static CasesException failed(String to, Object uses, String verb, Exception e) {
    if (e instanceof CasesException c) {
      return c;
    }
    return new CasesException(
        CasesException.Reason.MOVE_FAILED,
        "failed to "
            + verb
            + " ("
            + to
            + "): "
            + Workspace.rootMessage(e)
            + "; nothing was changed, the workspace still uses "
            + uses,
        e,
        to,
        uses);
  }

  /**
   * Writes the settings file whole or not at all: a temporary file (0600) in the same folder,
   * synced, linked to its name (which fails if the name exists), the folder synced.
   */
  private static void writeSettings(Path settings, Target target, Path db, Clock clock) {
    Properties p = new Properties();
    p.setProperty("url", target.url());
    if (target.user() != null) {
      p.setProperty("user", target.user());
    }
    if (target.password() != null) {
      p.setProperty("password", target.password());
    }
    StringWriter body = new StringWriter();
    try {
      p.store(body, null);
    } catch (IOException e) {
      throw new IllegalStateException("failed to format the settings", e);
    }
    StringBuilder text = new StringBuilder();
    text.append("# Written by `redress workspace move-db` on ")
        .append(LocalDate.now(clock))
        .append(": the workspace's database. The SQLite file it replaced is kept beside it.\n");
    for (String line : body.toString().split("\n", -1)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        text.append(line.strip()).append('\n');
      }
    }
    Path dir = settings.getParent();
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              dir,
              "." + Workspace.DATABASE_SETTINGS,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          Writer w =
              java.nio.channels.Channels.newWriter(ch, StandardCharsets.UTF_8.newEncoder(), -1)) {
        w.write(text.toString());
        w.flush();
        ch.force(true);
      }
      Files.createLink(settings, tmp);
      Files.delete(tmp);
      tmp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new CasesException(
          CasesException.Reason.MOVE_FAILED,
          "failed to write "
              + settings
              + ": "
              + e
              + "; the data was copied to "
              + target.url()
              + " but nothing was changed in the workspace, which still uses "
              + db,
          e,
          target.url(),
          db);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temporary file, owner-only; nothing reads it
        }
      }
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // not every file system syncs a directory; the link is made either way
    }
  }

  /** {@code redress.db.moved-YYYYMMDD}, with {@code -2}, {@code -3}… when that name is taken. */
  static Path keptName(Path db, Clock clock) {
    String base =
        db.getFileName()
            + MOVED_SUFFIX
            + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    Path p = db.resolveSibling(base);
    for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
      p = db.resolveSibling(base + "-" + i);
    }
    return p;
  }

  /** Renames the SQLite file and any journal beside it; false when the file could not be. */
  private static boolean rename(Path db, Path kept) {
    try {
      Files.move(db, kept);
    } catch (IOException e) {
      return false;
    }
    for (String side : List.of("-journal", "-wal", "-shm")) {
      Path from = db.resolveSibling(db.getFileName() + side);
      if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.move(from, kept.resolveSibling(kept.getFileName() + side));
        } catch (IOException ignored) {
          // left at its name; SQLite deletes a stale journal of a file that no longer exists
        }
      }
    }
    return true;
  }

  /** An order-free checksum of rows: the sum modulo 2^256 of each row's SHA-256. */
  static final class Checksum {
    private final MessageDigest sha;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    Checksum() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no SHA-256", e);
      }
    }

    void add(Object[] row) {
      for (Object v : row) {
        if (v == null) {
          sha.update((byte) 'N');
        } else if (v instanceof Long l) {
          sha.update((byte) 'I');
          sha.update(ByteBuffer.allocate(8).putLong(l).array());
        } else if (v instanceof String s) {
          field('T', s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
          field('B', b);
        } else if (v instanceof Boolean b) {
          sha.update((byte) (b ? 'Y' : 'F'));
        } else if (v instanceof Double d) {
          sha.update((byte) 'D');
          sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToLongBits(d)).array());
        } else {
          field('M', ((BigDecimal) v).toPlainString().getBytes(StandardCharsets.US_ASCII));
        }
      }
      sum = sum.add(new BigInteger(1, sha.digest())).mod(MOD);
      rows++;
    }

    private void field(char tag, byte[] bytes) {
      sha.update((byte) tag);
      sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha.update(bytes);
    }

    Table table(String name) {
      byte[] b = sum.toByteArray();
      byte[] fixed = new byte[32];
      int n = Math.min(b.length, 32);
      System.arraycopy(b, b.length - n, fixed, 32 - n, n);
      return new Table(name, rows, HexFormat.of().formatHex(fixed));
    }
  }
}
