package org.redress.cases;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The PostgreSQL server that {@code scripts/test.d/postgres.sh} started, for tests: it writes the
 * URL, user and password to the file named by the system property {@value #FILE}. Each test works
 * in a fresh schema of that database. Without the file the tests are skipped, unless the system
 * property {@value #REQUIRED} is true: then they fail, so that CI never skips them.
 */
final class TestPostgres {
  static final String FILE = "redress.postgres.file";
  static final String REQUIRED = "redress.postgres.required";
  private static final SecureRandom RANDOM = new SecureRandom();

  final String url;
  final String user;
  final String password;

  private TestPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The configured server, checked to answer, or null when none is configured and none is required.
   * Fails when one is required but none is configured, or when the configured one does not answer.
   */
  static TestPostgres find() {
    String why = missing();
    if (why != null) {
      if (Boolean.parseBoolean(System.getProperty(REQUIRED, "false"))) {
        fail(REQUIRED + "=true but " + why);
      }
      return null;
    }
    Path path = Path.of(System.getProperty(FILE));
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalStateException("failed to read " + path + ": " + e, e);
    }
    TestPostgres pg =
        new TestPostgres(p.getProperty("url"), p.getProperty("user"), p.getProperty("password"));
    if (pg.url == null || pg.user == null || pg.password == null) {
      fail(path + " lacks url, user or password");
    }
    try (Connection c = pg.connect()) {
      if (!c.isValid(5)) {
        fail("the PostgreSQL server configured in " + path + " does not answer at " + pg.url);
      }
    } catch (SQLException e) {
      fail(
          "the PostgreSQL server configured in "
              + path
              + " does not answer at "
              + pg.url
              + " (run scripts/test.d/postgres.sh again): "
              + e.getMessage());
    }
    return pg;
  }

  /** Skips the calling test, saying why, when {@link #find()} found no server. */
  static void assumeFound(TestPostgres pg) {
    assumeTrue(pg != null, () -> missing() + ": skipped");
  }

  private static String missing() {
    String file = System.getProperty(FILE, "");
    if (file.isBlank()) {
      return "no PostgreSQL server is configured (system property " + FILE + " is not set)";
    }
    if (!Files.isRegularFile(Path.of(file))) {
      return "no PostgreSQL server is configured ("
          + file
          + " does not exist; run"
          + " scripts/test.d/postgres.sh first in the same shell, as its server stops when the"
          + " process that ran it exits, or with `keep`)";
    }
    return null;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Creates a new empty schema and returns its name. */
  String createSchema() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    String name = "t_" + HexFormat.of().formatHex(b);
    executeUnchecked("CREATE SCHEMA " + name);
    return name;
  }

  /** Drops a schema and everything in it. */
  void dropSchema(String name) {
    executeUnchecked("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  /** The URL of the database with {@code schema} as its current schema. */
  String url(String schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private void executeUnchecked(String sql) {
    try {
      execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed to run " + sql + " at " + url + ": " + e, e);
    }
  }
}
