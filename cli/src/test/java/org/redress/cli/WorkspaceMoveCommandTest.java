package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redress workspace move-db} on a workspace made through the commands (a case with sealed
 * facts and consent, banks, the allow list, an account with access, a platform, takedown notices
 * and answers, sealed evidence), moved to the PostgreSQL server of {@code
 * scripts/test.d/postgres.sh}, then read through {@code database.properties} by the same commands
 * with the same output; the failures leave the SQLite workspace in use and unchanged. Every line is
 * Chinese under {@code REDRESS_LANG=zh}. Skipped without a server unless {@code
 * redress.postgres.required} is true.
 */
class WorkspaceMoveCommandTest {
  static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @TempDir Path tmp;
  Path ws;
  Path image;
  Properties pg;
  final List<String> schemas = new ArrayList<>();
  InputStream stdin;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    System.setProperty("redress.now", "2026-12-07T02:00:00Z");
    stdin = System.in;
    ws = tmp.resolve("ws");
    pg = server();
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
      }
    }
    image = tmp.resolve("g1.png");
    ImageIO.write(img, "png", image.toFile());
  }

  @AfterEach
  void tearDown() throws Exception {
    System.clearProperty("redress.now");
    System.setIn(stdin);
    for (String s : schemas) {
      sql("DROP SCHEMA IF EXISTS " + s + " CASCADE");
    }
  }

  /** The server of scripts/test.d/postgres.sh, or null (then the test is skipped or fails). */
  private static Properties server() throws Exception {
    String file = System.getProperty("redress.postgres.file", "");
    if (file.isBlank() || !Files.isRegularFile(Path.of(file))) {
      if (Boolean.parseBoolean(System.getProperty("redress.postgres.required", "false"))) {
        fail("redress.postgres.required=true but there is no " + file);
      }
      return null;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private void sql(String statement) throws Exception {
    if (pg == null) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                pg.getProperty("url"), pg.getProperty("user"), pg.getProperty("password"));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** A new empty schema; the URL that names it. */
  private String newTarget() throws Exception {
    byte[] b = new byte[8];
    new SecureRandom().nextBytes(b);
    String name = "m_" + HexFormat.of().formatHex(b);
    sql("CREATE SCHEMA " + name);
    schemas.add(name);
    return pg.getProperty("url") + "?currentSchema=" + name;
  }

  private Path passwordFile(String password) throws Exception {
    Path f = Files.createTempFile(tmp, "pw-", ".txt");
    Files.writeString(f, password + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  private static Run run(String lang, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(o), new PrintWriter(e), Map.of(UiLang.ENV, lang));
    return new Run(code, o.toString(), e.toString());
  }

  private Run ws(String lang, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--workspace";
    all[args.length + 1] = ws.toString();
    return run(lang, all);
  }

  private Run ok(String... args) {
    Run r = ws("en", args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return r;
  }

  /** A workspace made through the commands, as a case worker would. */
  private void makeWorkspace() throws Exception {
    Path facts = tmp.resolve("f1.yaml");
    Files.writeString(
        facts,
        "schema: redress/case-facts@1\n"
            + "conduct: {first_act: 2026-02-01}\n"
            + "acts: {covert_filming: true}\n",
        StandardCharsets.UTF_8);
    ok("case", "create", "a1");
    ok("facts", "set", "a1", facts.toString());
    ok("case", "consent", "a1", "--dossiers", "yes");
    ok("bank", "create", "b1");
    ok("bank", "add", "b1", image.toString());
    ok("bank", "add-hash", "b1", "pdq:" + PDQ, "--label", "照片二");
    ok("allow", "add", "pdq:" + "f".repeat(64), "--label", "flat");
    System.setIn(new ByteArrayInputStream("long enough password\n".getBytes(UTF_8)));
    ok("account", "add", "n1", "--role", "lawyer");
    ok("account", "grant", "n1", "a1");
    ok("platform", "add", "w1");
    ok("takedown", "notice", "a1", "--platform", "w1", "--sent", "2026-03-01");
    ok("takedown", "answer", "a1", "--platform", "w1", "--kind", "blocked");
    ok("evidence", "add", "--case", "a1", image.toString());
  }

  private static final java.nio.charset.Charset UTF_8 = StandardCharsets.UTF_8;

  /** What the commands show of the workspace's database. */
  private Map<String, String> views() {
    Map<String, String> v = new LinkedHashMap<>();
    for (String[] args :
        List.of(
            new String[] {"case", "list"},
            new String[] {"case", "show", "a1"},
            new String[] {"facts", "show", "a1"},
            new String[] {"facts", "history", "a1"},
            new String[] {"bank", "list"},
            new String[] {"bank", "show", "b1"},
            new String[] {"match", "--bank", "b1", image.toString()},
            new String[] {"allow", "list"},
            new String[] {"account", "list"},
            new String[] {"platform", "list"},
            new String[] {"takedown", "list", "a1"},
            new String[] {"evidence", "list", "--case", "a1"})) {
      Run r = ok(args);
      v.put(String.join(" ", args), r.out());
    }
    return v;
  }

  /** English words in Chinese output, once the test's own values are taken out. */
  private List<String> english(Run r, String url) {
    return ChineseOutputATest.english(
        r.out() + "\n" + r.err(),
        List.of(
            url,
            ws.toString(),
            tmp.toString(),
            "redress.db.moved-20261207",
            "database.properties.moved-20261207"));
  }

  @Test
  void moveDb_aWorkspaceMadeByTheCommands_readsTheSameThroughDatabaseProperties() throws Exception {
    assumeTrue(pg != null, "no PostgreSQL server configured: skipped");
    makeWorkspace();
    Map<String, String> before = views();
    assertThat(before.get("facts show a1")).contains("covert_filming: true");
    String url = newTarget();
    Path pw = passwordFile(pg.getProperty("password"));

    Run r =
        ws(
            "zh",
            "workspace",
            "move-db",
            "--to",
            url,
            "--user",
            pg.getProperty("user"),
            "--password-file",
            pw.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("已复制表 `bank_item`").contains("行数和校验和全部一致");
    assertThat(english(r, url)).as(r.out()).isEmpty();
    assertThat(r.out() + r.err()).doesNotContain(pg.getProperty("password"));
    assertThat(ws.resolve("database.properties")).exists();
    assertThat(ws.resolve("redress.db")).doesNotExist();
    assertThat(ws.resolve("redress.db.moved-20261207")).exists();

    Map<String, String> after = views();
    assertThat(after).isEqualTo(before);
    // New work lands on the server.
    ok("case", "create", "a2");
    assertThat(ok("case", "list").out()).contains("a2");
    assertThat(ws.resolve("redress.db")).doesNotExist();
    Map<String, String> onServer = views();

    // And back: a new SQLite file, the same views, the settings kept.
    Run usage = ws("zh", "workspace", "move-db", "--to", "sqlite", "--user", "x");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(english(usage, url)).as(usage.err()).isEmpty();
    Run back = ws("zh", "workspace", "move-db", "--to", "sqlite");

    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.out())
        .contains("已复制表 `case_file`")
        .contains("行数和校验和全部一致")
        .contains("工作区现在使用本机数据库文件");
    assertThat(english(back, url)).as(back.out()).isEmpty();
    assertThat(back.out() + back.err()).doesNotContain(pg.getProperty("password"));
    assertThat(ws.resolve("database.properties")).doesNotExist();
    assertThat(ws.resolve("database.properties.moved-20261207")).exists();
    assertThat(ws.resolve("redress.db")).exists();
    assertThat(views()).isEqualTo(onServer);
    Run again = ws("en", "workspace", "move-db", "--to", "sqlite");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already the SQLite file").contains("nothing was changed");
  }

  private void assertStillOnSqlite(Map<String, String> before) {
    assertThat(ws.resolve("database.properties")).doesNotExist();
    assertThat(ws.resolve("redress.db")).exists();
    assertThat(views()).isEqualTo(before);
  }

  @Test
  void moveDb_targetNotEmptyWrongPasswordOrNoServer_oneLineExit1AndSqliteStillInUse()
      throws Exception {
    assumeTrue(pg != null, "no PostgreSQL server configured: skipped");
    makeWorkspace();
    Map<String, String> before = views();
    String user = pg.getProperty("user");
    String full = newTarget();
    Path other = tmp.resolve("other");
    Path good = passwordFile(pg.getProperty("password"));
    Run first = run("en", "case", "create", "theirs", "--workspace", other.toString());
    assertThat(first.code()).isZero();
    assertThat(
            run(
                    "en",
                    "workspace",
                    "move-db",
                    "--to",
                    full,
                    "--user",
                    user,
                    "--password-file",
                    good.toString(),
                    "--workspace",
                    other.toString())
                .code())
        .isZero();
    Path wrong = passwordFile("not-the-password-4711");
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("already holds data (table", List.of(full, user, good.toString()));
    cases.put("refused the login", List.of(newTarget(), user, wrong.toString()));
    cases.put(
        "cannot reach", List.of("jdbc:postgresql://127.0.0.1:1/redress", user, good.toString()));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      List<String> a = c.getValue();
      String[] args = {
        "workspace", "move-db", "--to", a.get(0), "--user", a.get(1), "--password-file", a.get(2)
      };
      Run en = ws("en", args);
      Run zh = ws("zh", args);
      assertThat(en.code()).as(c.getKey() + ": " + en.err()).isEqualTo(1);
      assertThat(zh.code()).as(c.getKey() + ": " + zh.err()).isEqualTo(1);
      assertThat(en.err().lines()).as(c.getKey()).hasSize(1);
      assertThat(en.err()).contains(c.getKey()).contains("nothing was changed");
      assertThat(zh.err().lines()).as(c.getKey()).hasSize(1);
      assertThat(zh.err()).contains("未做任何更改");
      assertThat(english(zh, a.get(0))).as(zh.err()).isEmpty();
      assertThat(en.err() + zh.err()).doesNotContain("4711");
      assertStillOnSqlite(before);
    }
    assertThat(
            ws(
                    "en",
                    "workspace",
                    "move-db",
                    "--to",
                    full,
                    "--user",
                    user,
                    "--password-file",
                    good.toString())
                .err())
        .contains("already holds data (table");
    Run noPassword = ws("en", "workspace", "move-db", "--to", newTarget(), "--user", user);
    assertThat(noPassword.code()).isEqualTo(1);
    assertThat(noPassword.err()).contains("refused the login");
    assertStillOnSqlite(before);
  }

  @Test
  void moveDb_whileServeRunsOnTheWorkspace_oneLineExit1InBothLanguagesAndNothingChanged()
      throws Exception {
    ok("case", "create", "a1");
    ok("bank", "create", "b1");
    byte[] db = Files.readAllBytes(ws.resolve("redress.db"));
    // An empty schema when there is a server, so that only the running server stops the move.
    String url = pg != null ? newTarget() : "jdbc:postgresql://127.0.0.1:1/redress";
    String user = pg != null ? pg.getProperty("user") : "u";
    Path pw = passwordFile(pg != null ? pg.getProperty("password") : "none-4711");
    String[] move = {
      "workspace", "move-db", "--to", url, "--user", user, "--password-file", pw.toString()
    };
    StringWriter serveOut = new StringWriter();
    java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
    ServeCommand.stopSignal = stop;
    java.util.concurrent.atomic.AtomicInteger served =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    Thread serve =
        new Thread(
            () ->
                served.set(
                    Main.run(
                        new String[] {"serve", "--no-open", "--workspace", ws.toString()},
                        new PrintWriter(serveOut),
                        new PrintWriter(new StringWriter()),
                        Map.of(UiLang.ENV, "en"))));
    serve.start();
    try {
      long end = System.nanoTime() + 60_000_000_000L;
      while (!serveOut.toString().contains("http://127.0.0.1:") && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertThat(serveOut.toString()).contains("http://127.0.0.1:");

      Run en = ws("en", move);
      Run zh = ws("zh", move);

      assertThat(en.code()).as(en.err()).isEqualTo(1);
      assertThat(zh.code()).as(zh.err()).isEqualTo(1);
      assertThat(en.err().lines()).hasSize(1);
      assertThat(en.err())
          .contains("redress serve is running on workspace")
          .contains("nothing was changed");
      assertThat(zh.err().lines()).hasSize(1);
      assertThat(zh.err()).contains("正由 `redress serve` 使用").contains("未做任何更改");
      assertThat(english(zh, url)).as(zh.err()).isEmpty();
      assertThat(en.out() + zh.out()).isEmpty();
      assertThat(ws.resolve("database.properties")).doesNotExist();
      assertThat(Files.readAllBytes(ws.resolve("redress.db"))).isEqualTo(db);
    } finally {
      stop.countDown();
      serve.join(30_000);
      ServeCommand.stopSignal = null;
    }
    assertThat(served.get()).isZero();
    // Stopped: the lock is gone, and the move goes on to the target.
    Run after = ws("en", move);
    if (pg != null) {
      assertThat(after.code()).as(after.err()).isZero();
      assertThat(ws.resolve("database.properties")).exists();
    } else {
      assertThat(after.err()).contains("cannot reach").doesNotContain("redress serve");
    }
  }

  @Test
  void moveDb_badUsage_exit2InBothLanguages() {
    for (String lang : List.of("en", "zh")) {
      Run pwInUrl =
          ws(lang, "workspace", "move-db", "--to", "jdbc:postgresql://h/d?password=hunter2");
      assertThat(pwInUrl.code()).isEqualTo(2);
      assertThat(pwInUrl.err()).doesNotContain("hunter2").contains("--password-file");
      Run notPg = ws(lang, "workspace", "move-db", "--to", "jdbc:mysql://h/d");
      assertThat(notPg.code()).isEqualTo(2);
      Run noTo = ws(lang, "workspace", "move-db");
      assertThat(noTo.code()).isEqualTo(2);
      Run none = run(lang, "workspace");
      assertThat(none.code()).isEqualTo(2);
      if (lang.equals("zh")) {
        for (Run r : List.of(pwInUrl, notPg, noTo, none)) {
          assertThat(english(r, "jdbc:postgresql://h/d?password=hunter2")).as(r.err()).isEmpty();
        }
      }
    }
    assertThat(ws.resolve("redress.db")).doesNotExist();
  }
}
