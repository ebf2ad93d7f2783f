package org.redress.cases;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A workspace directory and its database, created and migrated on first use: by default the SQLite
 * file {@code redress.db} in the directory; for a shared server, a PostgreSQL database given by its
 * JDBC URL, on the same migrations. Every database failure leaves as a {@link CasesException} with
 * a one-line message naming the database (a PostgreSQL URL without its password); a locked or
 * read-only database changes nothing.
 */
public final class Workspace implements AutoCloseable {
  /** File name of the SQLite database inside the workspace. */
  public static final String DATABASE = "redress.db";

  /**
   * A workspace's database settings file: when it exists, the workspace's database is the
   * PostgreSQL server it names ({@code url}, and optionally {@code user} and {@code password}, as
   * Java properties) instead of the SQLite file {@value #DATABASE}. Every front end opening the
   * workspace (the CLI, {@code redress serve}) then uses that server. It must be owner-only (it may
   * hold a password).
   */
  public static final String DATABASE_SETTINGS = "database.properties";

  /** How long a statement waits for a lock held by another process before it fails. */
  private static final int BUSY_TIMEOUT_MS = 3000;

  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  private static final Pattern URL_SECRETS =
      Pattern.compile("(?i)(?<=[?&;](?:ssl)?password=)[^&;]*|(?<=//)[^/@?]*(?=@)");

  private final Path dir;
  private final String database;
  private final Jdbi jdbi;
  private final Clock clock;
  private final String user;

  private Workspace(Path dir, String database, Jdbi jdbi, Clock clock, String user) {
    this.dir = dir;
    this.database = database;
    this.jdbi = jdbi;
    this.clock = clock;
    this.user = user;
  }

  /**
   * Opens the workspace at {@code dir} on its SQLite database {@value #DATABASE}, creating the
   * directory and database and applying pending migrations.
   *
   * @param dir the workspace directory
   * @param clock the time source for "added at" and "disabled until"
   * @param user the default "added by" name
   * @throws CasesException when the directory or database cannot be created, opened or migrated
   */
  public static Workspace open(Path dir, Clock clock, String user) {
    Path abs = createDirectory(dir);
    Path settings = abs.resolve(DATABASE_SETTINGS);
    if (Files.exists(settings, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      java.util.Properties p = databaseSettings(settings);
      try {
        return open(
            abs,
            p.getProperty("url").strip(),
            p.getProperty("user"),
            p.getProperty("password"),
            clock,
            user);
      } catch (IllegalArgumentException e) {
        throw new CasesException(settings + ": " + e.getMessage());
      }
    }
    Path db = abs.resolve(DATABASE);
    createOwnerOnly(db);
    SQLiteDataSource ds = sqlite(db, false);
    return open(abs, ds, ds.getUrl(), db.toString(), clock, user);
  }

  /**
   * A data source on the SQLite file {@code db}; with {@code immediate}, a transaction takes the
   * write lock when it begins (so no other process can change the file while it lasts).
   */
  static SQLiteDataSource sqlite(Path db, boolean immediate) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    // A page cache of up to 64 MiB per connection (SQLite's default is 2 MiB), filled only as
    // pages are touched: a bulk add inserts into the bank's unique index at random places, and
    // with the default cache a million-item add spends most of its time spilling and rereading
    // index pages. Journal mode and synchronous stay at SQLite's durable defaults.
    config.setCacheSize(-64 * 1024);
    if (immediate) {
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + db);
    return ds;
  }

  /** Reads {@value #DATABASE_SETTINGS}: a regular, owner-only file with a {@code url}. */
  static java.util.Properties databaseSettings(Path file) {
    try {
      if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new CasesException(file + ": the database settings must be a regular file");
      }
      java.util.Set<java.nio.file.attribute.PosixFilePermission> mode =
          Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      for (java.nio.file.attribute.PosixFilePermission bit : mode) {
        if (bit.name().startsWith("GROUP") || bit.name().startsWith("OTHERS")) {
          throw new CasesException(
              file
                  + ": the database settings may hold a password and must be owner-only"
                  + " (chmod 600)");
        }
      }
      java.util.Properties p = new java.util.Properties();
      try (java.io.Reader r =
          Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
        p.load(r);
      }
      String url = p.getProperty("url");
      if (url == null || url.isBlank()) {
        throw new CasesException(file + ": no url= line (jdbc:postgresql://HOST:PORT/DATABASE)");
      }
      return p;
    } catch (IOException e) {
      throw new CasesException(file + ": cannot read the database settings: " + e);
    } catch (IllegalArgumentException e) {
      throw new CasesException(file + ": bad database settings: " + e.getMessage());
    }
  }

  /**
   * Opens the workspace at {@code dir} on a PostgreSQL database, creating the directory (which
   * keeps everything but the database) and applying pending migrations to the database's current
   * schema (the URL's {@code currentSchema}, else the user's {@code search_path}). A statement that
   * waits more than three seconds for a lock fails, as on SQLite, unless the URL sets its own
   * {@code options}.
   *
   * @param dir the workspace directory
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param dbUser the database user, or null to take it from the URL
   * @param password the password, or null to take it from the URL (or for password-less logins)
   * @param clock the time source for "added at" and "disabled until"
   * @param user the default "added by" name
   * @throws IllegalArgumentException when the URL is not a valid PostgreSQL JDBC URL
   * @throws CasesException when the directory cannot be created, or the database cannot be reached
   *     or migrated; the message names the URL without its password
   */
  public static Workspace open(
      Path dir, String jdbcUrl, String dbUser, String password, Clock clock, String user) {
    PGSimpleDataSource ds = postgres(jdbcUrl, dbUser, password);
    return open(createDirectory(dir), ds, jdbcUrl, withoutPassword(jdbcUrl), clock, user);
  }

  /**
   * A data source on a PostgreSQL database (see {@link #open(Path, String, String, String, Clock,
   * String)}).
   *
   * @throws IllegalArgumentException when the URL is not a valid PostgreSQL JDBC URL
   */
  static PGSimpleDataSource postgres(String jdbcUrl, String dbUser, String password) {
    String shown = jdbcUrl == null ? null : withoutPassword(jdbcUrl);
    if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith(POSTGRES_PREFIX)) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL (" + POSTGRES_PREFIX + "//HOST:PORT/DATABASE): " + shown);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    try {
      ds.setURL(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad PostgreSQL JDBC URL: " + shown, e);
    }
    if (dbUser != null) {
      ds.setUser(dbUser);
    }
    if (password != null) {
      ds.setPassword(password);
    }
    if (ds.getOptions() == null) {
      ds.setOptions("-c lock_timeout=" + BUSY_TIMEOUT_MS);
    }
    return ds;
  }

  /** Creates the workspace folder (0700, with its parents) when missing; its absolute path. */
  static Path createDirectory(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      if (abs.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // Owner-only (docs/security.md): a new workspace and any parent made for it are 0700.
        Files.createDirectories(
            abs,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(abs);
      }
    } catch (IOException e) {
      throw new CasesException("failed to create workspace " + abs + ": " + e, e);
    }
    return abs;
  }

  /**
   * Creates an empty database file 0600 before SQLite opens it: SQLite gives its -journal, -wal and
   * -shm files the database file's mode, so none of them is readable by others either.
   */
  private static void createOwnerOnly(Path db) {
    if (Files.exists(db) || !db.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Files.createFile(
          db, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // another process made it first: SQLite opens it as it is
    } catch (IOException e) {
      throw new CasesException("failed to create database " + db + ": " + e, e);
    }
  }

  private static Workspace open(
      Path dir, DataSource ds, String url, String shown, Clock clock, String user) {
    try {
      migrate(ds, url);
    } catch (FlywayException e) {
      throw new CasesException("failed to open database " + shown + ": " + rootMessage(e), e);
    }
    String by = user == null || user.isBlank() ? "unknown" : user;
    return new Workspace(dir, shown, Jdbi.create(ds), clock, by);
  }

  /**
   * Applies the workspace's migrations (every one under {@code db/migration}) to a database.
   *
   * @throws FlywayException when a migration fails
   */
  static void migrate(DataSource ds, String url) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .placeholders(Map.of("id_pk", idPrimaryKey(url)))
        .load()
        .migrate();
  }

  /** A JDBC URL as messages show it: any password in it replaced by {@code ***}. */
  static String withoutPassword(String jdbcUrl) {
    return URL_SECRETS.matcher(jdbcUrl).replaceAll("***");
  }

  /**
   * The Flyway placeholder value for an auto-generated primary key on a JDBC URL's database. SQLite
   * uses its rowid; PostgreSQL an identity column.
   */
  static String idPrimaryKey(String jdbcUrl) {
    return jdbcUrl.toLowerCase(Locale.ROOT).startsWith(POSTGRES_PREFIX)
        ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        : "INTEGER PRIMARY KEY";
  }

  /** The workspace directory. */
  public Path dir() {
    return dir;
  }

  /**
   * The database as messages name it: the SQLite file, or the PostgreSQL JDBC URL without its
   * password.
   */
  public String database() {
    return database;
  }

  /** Banks and the allow list. */
  public BankStore banks() {
    return new BankStore(this);
  }

  /** Cases: their versioned (sealed) records, consents and files. */
  public CaseStore cases() {
    return new CaseStore(this);
  }

  /** Accounts, case access lists and the audit log (a workspace served with accounts). */
  public AccountStore accounts() {
    return new AccountStore(this);
  }

  /** Platform accounts, keys and the API audit log (issue 18). */
  public PlatformStore platforms() {
    return new PlatformStore(this);
  }

  /** The hash feed: shared banks, records, platform feedback (issue 18). */
  public FeedStore feed() {
    return new FeedStore(this);
  }

  /** The takedown tracker's notices and answers, by case id (issue 18). */
  public TakedownStore takedowns() {
    return new TakedownStore(this);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  Clock clock() {
    return clock;
  }

  String user() {
    return user;
  }

  /**
   * Runs {@code body} in one transaction; a JDBI failure becomes a {@link CasesException} saying it
   * failed to {@code verb} (see {@link #failure}). Every store's reads and writes go through here.
   */
  <T> T tx(String verb, HandleCallback<T, RuntimeException> body) {
    try {
      return jdbi.inTransaction(body);
    } catch (JdbiException e) {
      throw failure(verb, e);
    }
  }

  /** Turns a JDBI failure into a one-line message naming the database. */
  CasesException failure(String verb, JdbiException e) {
    String m = rootMessage(e);
    String low = m.toLowerCase(Locale.ROOT);
    if (low.contains("sqlite_busy")
        || low.contains("database is locked")
        || low.contains("lock timeout")) {
      return new CasesException(
          CasesException.Reason.DATABASE_LOCKED,
          "failed to "
              + verb
              + ": database "
              + database
              + " is locked by another process; nothing was changed",
          e,
          database);
    }
    if (low.contains("readonly") || low.contains("read-only") || low.contains("read only")) {
      return new CasesException(
          CasesException.Reason.DATABASE_READ_ONLY,
          "failed to " + verb + ": database " + database + " is read-only; nothing was changed",
          e,
          database);
    }
    return new CasesException("failed to " + verb + " in " + database + ": " + m, e);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    String m = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t instanceof SQLException && t.getMessage() != null) {
        m = t.getMessage();
      }
    }
    if (m == null) {
      m = e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Nothing to release: connections are opened per operation. */
  @Override
  public void close() {}
}
