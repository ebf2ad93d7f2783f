package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.web.account.Passwords;

/**
 * The accounts page and one's own password over HTTP (served with accounts on loopback): list, add,
 * grant and revoke a case, change a password only with the old one, and the sign-in limit (429 in
 * Chinese after five failures, in the audit log; kept across a restart; a database that cannot keep
 * it refuses every sign-in).
 */
class AdminPagesTest {
  private static final char[] ADMIN_PW = "correct horse battery".toCharArray();
  private static final String HOSTILE = "<b>x</b>";

  @TempDir Path dir;
  private WorkspaceApp app;
  private Http http;

  @BeforeEach
  void start() {
    app = WorkspaceApp.builder(dir.resolve("ws")).accounts(new Passwords(64, 1)).build();
    app.accounts().add("amy", "admin", ADMIN_PW);
    app.start("127.0.0.1", 0);
    http = new Http(app.port());
  }

  /** A new server over the same workspace, as after a restart. */
  private void restart() {
    app.close();
    app = WorkspaceApp.builder(dir.resolve("ws")).accounts(new Passwords(64, 1)).build();
    app.start("127.0.0.1", 0);
    http = new Http(app.port());
  }

  /** Runs SQL on the workspace's SQLite database, as another program could. */
  private void sql(String... statements) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws").resolve("redress.db"));
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> login(String name, String pw) throws Exception {
    HttpResponse<String> form = http.get("/login", null);
    return http.post(
        "/login",
        Http.cookie(form),
        "_csrf="
            + Http.csrf(form.body())
            + "&name="
            + Http.enc(name)
            + "&password="
            + Http.enc(pw));
  }

  private String session(String name, String pw) throws Exception {
    HttpResponse<String> r = login(name, pw);
    assertThat(r.statusCode()).as("sign in " + name).isEqualTo(303);
    return Http.cookie(r);
  }

  @Test
  void admin_addsAccountGrantsAndRevokesACase_andTheNewAccountOpensOnlyThen() throws Exception {
    String s = session("amy", new String(ADMIN_PW));
    String csrf = Http.csrf(http.get("/admin/accounts", s).body());
    String caseId =
        http.post("/cases", s, "_csrf=" + csrf)
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .substring("/cases/".length());
    HttpResponse<String> added =
        http.post(
            "/admin/accounts",
            s,
            "_csrf="
                + csrf
                + "&name=bea&role=advocate&password="
                + Http.enc("bea's long password"));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("账户已添加").contains("<td>bea</td>").contains("援助人员");
    // A bad name is refused, and what it holds is escaped.
    HttpResponse<String> bad =
        http.post(
            "/admin/accounts",
            s,
            "_csrf=" + csrf + "&name=" + Http.enc(HOSTILE) + "&role=advocate&password=x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain(HOSTILE);

    String bea = session("bea", "bea's long password");
    assertThat(http.get("/cases/" + caseId, bea).statusCode()).isEqualTo(403);
    http.post(
        "/admin/access", s, "_csrf=" + csrf + "&case=" + caseId + "&account=bea&action=grant");
    assertThat(http.get("/cases/" + caseId, bea).statusCode()).isEqualTo(200);
    assertThat(http.get("/admin/accounts", s).body()).contains("name=\"account\" value=\"bea\"");
    http.post(
        "/admin/access", s, "_csrf=" + csrf + "&case=" + caseId + "&account=bea&action=revoke");
    assertThat(http.get("/cases/" + caseId, bea).statusCode()).isEqualTo(403);
    // Not an admin: the page is refused; without a CSRF token nothing changes.
    assertThat(http.get("/admin/accounts", bea).statusCode()).isEqualTo(403);
    assertThat(http.post("/admin/accounts", s, "name=eve&role=admin&password=x").statusCode())
        .isEqualTo(403);
    assertThat(http.get("/admin/audit", s).body())
        .contains("添加账户")
        .contains("允许打开案件")
        .contains("取消案件权限");
  }

  @Test
  void ownPassword_changesOnlyWithTheOldOne() throws Exception {
    String s = session("amy", new String(ADMIN_PW));
    String csrf = Http.csrf(http.get("/account/password", s).body());
    String fresh = "a brand new passphrase";
    HttpResponse<String> wrong =
        http.post(
            "/account/password",
            s,
            "_csrf="
                + csrf
                + "&old=nope&password="
                + Http.enc(fresh)
                + "&again="
                + Http.enc(fresh));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("现在的密码不对");
    HttpResponse<String> ok =
        http.post(
            "/account/password",
            s,
            "_csrf="
                + csrf
                + "&old="
                + Http.enc(new String(ADMIN_PW))
                + "&password="
                + Http.enc(fresh)
                + "&again="
                + Http.enc(fresh));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("密码已修改");
    assertThat(login("amy", new String(ADMIN_PW)).statusCode()).isEqualTo(401);
    assertThat(login("amy", fresh).statusCode()).isEqualTo(303);
  }

  @Test
  void login_fiveFailures_sixthIs429InChinese_evenWithTheRightPassword_andAudited()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(login("amy", "wrong guess " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> r = login("amy", new String(ADMIN_PW));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("登录失败次数太多，请 15 分钟后再试");
    // Per address too: another account from the same address is refused as well.
    assertThat(login("someone", "whatever").statusCode()).isEqualTo(429);
    assertThat(app.accounts().auditLog(50))
        .anyMatch(row -> row.action().equals("login_throttled") && row.account().equals("amy"));
  }

  @Test
  void login_fiveFailures_thenARestart_sixthIsStill429() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(login("amy", "wrong guess " + i).statusCode()).isEqualTo(401);
    }
    restart();
    HttpResponse<String> r = login("amy", new String(ADMIN_PW));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("登录失败次数太多，请 15 分钟后再试");
  }

  @Test
  void login_databaseCannotKeepTheLimit_isRefused503InChinese_evenWithTheRightPassword()
      throws Exception {
    assertThat(login("amy", "first wrong guess").statusCode()).isEqualTo(401);
    // Then the table refuses every insert and update (another program, a full disk, a lock).
    sql(
        "CREATE TRIGGER no_failure BEFORE INSERT ON login_failure"
            + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
        "CREATE TRIGGER no_clear BEFORE UPDATE ON login_failure"
            + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    HttpResponse<String> wrong = login("amy", "wrong guess");
    assertThat(wrong.statusCode()).isEqualTo(503);
    assertThat(wrong.body()).contains("现在无法登录：工作区的数据库记不下登录尝试");
    HttpResponse<String> right = login("amy", new String(ADMIN_PW));
    assertThat(right.statusCode()).isEqualTo(503);
    assertThat(right.body()).contains("现在无法登录");
    // No signed-in session is made (a sign-in would set a new session cookie and redirect).
    assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(right.headers().firstValue("Location")).isEmpty();
    // Nor when the failures cannot even be read.
    sql("DROP TABLE login_failure");
    assertThat(login("amy", new String(ADMIN_PW)).statusCode()).isEqualTo(503);
  }
}
