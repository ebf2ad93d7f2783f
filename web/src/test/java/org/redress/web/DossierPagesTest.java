package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The dossiers pages: only advocates, lawyers and administrators; every value escaped. */
class DossierPagesTest {
  private static final char[] VICTIM_PW = "her own long password".toCharArray();
  private static final char[] LAWYER_PW = "the lawyer's password".toCharArray();

  @TempDir Path dir;
  private WorkspaceApp app;
  private Http http;

  @BeforeEach
  void start() {
    app =
        WorkspaceApp.builder(dir.resolve("ws"))
            .clock(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC))
            .accounts(new Passwords(64, 1))
            .build();
    app.accounts().add("amy", "admin", "correct horse battery".toCharArray());
    app.accounts().add("wen", "victim", VICTIM_PW);
    app.accounts().add("liu", "lawyer", LAWYER_PW);
    app.start("127.0.0.1", 0);
    http = new Http(app.port());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String signIn(String name, char[] pw) throws Exception {
    HttpResponse<String> form = http.get("/login", null);
    HttpResponse<String> r =
        http.post(
            "/login",
            Http.cookie(form),
            "_csrf="
                + Http.csrf(form.body())
                + "&name="
                + name
                + "&password="
                + Http.enc(new String(pw)));
    assertThat(r.statusCode()).isEqualTo(303);
    return Http.cookie(r);
  }

  @Test
  void dossiers_victimRole_isRefusedAndAudited() throws Exception {
    String wen = signIn("wen", VICTIM_PW);
    assertThat(http.get("/dossiers", wen).statusCode()).isEqualTo(403);
    assertThat(http.get("/dossiers/build?chat=1", wen).statusCode()).isEqualTo(403);
    assertThat(app.accounts().auditLog(50))
        .extracting(AccountStore.AuditRow::account, AccountStore.AuditRow::action)
        .contains(org.assertj.core.groups.Tuple.tuple("wen", "refused"));
  }

  @Test
  void dossiers_lawyer_seesTheIndexAndABuild() throws Exception {
    String liu = signIn("liu", LAWYER_PW);
    HttpResponse<String> index = http.get("/dossiers", liu);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains(Messages.of("zh").t("dossier.none"));
    HttpResponse<String> build = http.get("/dossiers/build?chat=1700000999", liu);
    assertThat(build.statusCode()).isEqualTo(200);
    assertThat(build.body())
        .contains("1700000999", "id=\"dossier-totals\"", "dossier-papers")
        .doesNotContain("chat:1700000999")
        .contains(Messages.of("zh").t("dossier.advice"));
  }

  @Test
  void build_hostileSender_isEscaped() throws Exception {
    String liu = signIn("liu", LAWYER_PW);
    HttpResponse<String> build =
        http.get("/dossiers/build?sender=" + Http.enc("x\"><script>alert(1)</script>"), liu);
    assertThat(build.statusCode()).isEqualTo(200);
    assertThat(build.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
  }

  @Test
  void build_noTarget_isABadRequest() throws Exception {
    String liu = signIn("liu", LAWYER_PW);
    assertThat(http.get("/dossiers/build", liu).statusCode()).isEqualTo(400);
    assertThat(http.get("/dossiers/build?chat=1&sender=2", liu).statusCode()).isEqualTo(400);
  }
}
