package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cases.AccountStore;
import org.redress.web.account.Passwords;

/** Serving with accounts (forced on loopback): sign-in, roles, access lists, audit rows. */
class AccountsTest {
  private static final char[] ADMIN_PW = "correct horse battery".toCharArray();
  private static final char[] VICTIM_PW = "her own long password".toCharArray();
  private static final char[] LAWYER_PW = "the lawyer's password".toCharArray();

  @TempDir Path dir;
  private WorkspaceApp app;
  private Http http;

  @BeforeEach
  void start() {
    app = build();
    app.accounts().add("amy", "admin", ADMIN_PW);
    app.accounts().add("wen", "victim", VICTIM_PW);
    app.accounts().add("liu", "lawyer", LAWYER_PW);
    app.start("127.0.0.1", 0);
    http = new Http(app.port());
  }

  private WorkspaceApp build() {
    return WorkspaceApp.builder(dir.resolve("ws"))
        .clock(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC))
        .accounts(new Passwords(64, 1))
        .build();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String signIn(String name, char[] pw) throws Exception {
    HttpResponse<String> form = http.get("/login", null);
    String pre = Http.cookie(form);
    HttpResponse<String> r =
        http.post(
            "/login",
            pre,
            "_csrf="
                + Http.csrf(form.body())
                + "&name="
                + name
                + "&password="
                + Http.enc(new String(pw)));
    assertThat(r.statusCode()).as("sign in " + name).isEqualTo(303);
    String s = Http.cookie(r);
    assertThat(s).isNotEqualTo(pre);
    return s;
  }

  @Test
  void start_withoutAdminAccount_isRefused() {
    try (WorkspaceApp other =
        WorkspaceApp.builder(dir.resolve("empty")).accounts(new Passwords(64, 1)).build()) {
      assertThatThrownBy(() -> other.start("127.0.0.1", 0))
          .isInstanceOf(WorkspaceApp.NoAdminException.class)
          .hasMessageContaining("redress account add");
    }
  }

  @Test
  void start_otherThanLoopbackWithoutAccounts_isRefused() {
    try (WorkspaceApp other = WorkspaceApp.builder(dir.resolve("x")).build()) {
      assertThatThrownBy(() -> other.start("0.0.0.0", 0)).hasMessageContaining("accounts");
    }
  }

  @Test
  void anyPage_notSignedIn_goesToLogin_andTheLaunchTokenOpensNothing() throws Exception {
    for (String p : new String[] {"/", "/cases/x", "/?token=" + app.token()}) {
      HttpResponse<String> r = http.get(p, null);
      assertThat(r.statusCode()).as(p).isEqualTo(303);
      assertThat(r.headers().firstValue("Location")).hasValue("/login");
    }
    assertThat(http.post("/cases", null, "").statusCode()).isEqualTo(401);
  }

  @Test
  void login_wrongPassword_isRefusedAndAudited() throws Exception {
    HttpResponse<String> form = http.get("/login", null);
    String pre = Http.cookie(form);
    String csrf = Http.csrf(form.body());
    HttpResponse<String> r =
        http.post("/login", pre, "_csrf=" + csrf + "&name=wen&password=wrong+password+here");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains(Messages.of("zh").t("login.failed"));
    HttpResponse<String> nobody =
        http.post("/login", pre, "_csrf=" + csrf + "&name=nobody&password=wrong+password+here");
    assertThat(nobody.statusCode()).isEqualTo(401);
    // The pre-login session still opens nothing.
    assertThat(http.get("/", pre).statusCode()).isEqualTo(303);
    assertThat(app.accounts().auditLog(10))
        .extracting(AccountStore.AuditRow::action, AccountStore.AuditRow::account)
        .contains(
            org.assertj.core.groups.Tuple.tuple("login_refused", "wen"),
            org.assertj.core.groups.Tuple.tuple("login_refused", "nobody"));
  }

  @Test
  void login_withoutCsrf_isRefused() throws Exception {
    HttpResponse<String> form = http.get("/login", null);
    HttpResponse<String> r =
        http.post(
            "/login", Http.cookie(form), "name=wen&password=" + Http.enc(new String(VICTIM_PW)));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void caseOpenedByVictim_isHers_lawyerGets403UntilGranted_auditRowsWritten() throws Exception {
    String wen = signIn("wen", VICTIM_PW);
    HttpResponse<String> made =
        http.post("/cases", wen, "_csrf=" + Http.csrf(http.get("/", wen).body()));
    assertThat(made.statusCode()).isEqualTo(303);
    String path = made.headers().firstValue("Location").orElseThrow();
    String id = path.substring("/cases/".length());
    assertThat(http.get(path, wen).statusCode()).isEqualTo(200);

    String liu = signIn("liu", LAWYER_PW);
    assertThat(http.get(path, liu).statusCode()).isEqualTo(403);
    assertThat(http.get(path + "/plan", liu).statusCode()).isEqualTo(403);
    assertThat(http.get("/", liu).body()).doesNotContain(id);
    assertThat(
            http.post("/cases", liu, "_csrf=" + Http.csrf(http.get("/", liu).body())).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/admin/audit", liu).statusCode()).isEqualTo(403);

    app.accounts().grant(id, "liu", "amy");
    assertThat(http.get(path, liu).statusCode()).isEqualTo(200);
    assertThat(http.get("/", liu).body()).contains(id);

    String amy = signIn("amy", ADMIN_PW);
    assertThat(http.get(path, amy).statusCode()).isEqualTo(200);
    HttpResponse<String> audit = http.get("/admin/audit", amy);
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(app.accounts().auditLog(100))
        .extracting(
            AccountStore.AuditRow::account,
            AccountStore.AuditRow::action,
            AccountStore.AuditRow::caseId)
        .contains(
            org.assertj.core.groups.Tuple.tuple("wen", "open", id),
            org.assertj.core.groups.Tuple.tuple("liu", "refused", id),
            org.assertj.core.groups.Tuple.tuple("liu", "open", id),
            org.assertj.core.groups.Tuple.tuple("amy", "open", id),
            org.assertj.core.groups.Tuple.tuple("wen", "login", null));
    assertThat(audit.body()).contains("wen").contains(Messages.of("zh").t("audit.action.open"));
  }

  @Test
  void export_isAuditedAsExport() throws Exception {
    String wen = signIn("wen", VICTIM_PW);
    HttpResponse<String> made =
        http.post("/cases", wen, "_csrf=" + Http.csrf(http.get("/", wen).body()));
    String path = made.headers().firstValue("Location").orElseThrow();
    String csrf = Http.csrf(http.get(path, wen).body());
    http.post(path + "/evidence/export", wen, "_csrf=" + csrf);
    assertThat(app.accounts().auditLog(100))
        .extracting(AccountStore.AuditRow::action, AccountStore.AuditRow::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple("export", "POST " + path + "/evidence/export"));
  }

  @Test
  void logout_endsTheSession() throws Exception {
    String wen = signIn("wen", VICTIM_PW);
    String csrf = Http.csrf(http.get("/", wen).body());
    assertThat(http.post("/logout", wen, "_csrf=" + csrf).statusCode()).isEqualTo(303);
    assertThat(http.get("/", wen).headers().firstValue("Location")).hasValue("/login");
  }
}
