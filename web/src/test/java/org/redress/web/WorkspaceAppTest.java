package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.MovableClock;

/** The workspace over HTTP, without a browser: the gate, sessions, CSRF, headers, pages. */
class WorkspaceAppTest {
  @TempDir Path dir;
  private WorkspaceApp app;
  private MovableClock clock;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    clock = new MovableClock(Instant.parse("2026-03-01T02:00:00Z"));
    app = WorkspaceApp.builder(dir.resolve("ws")).clock(clock).build().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void anyPage_withoutToken_is401() throws Exception {
    for (String p : new String[] {"/", "/cases/x", "/verify", "/cases/x/scans"}) {
      HttpResponse<String> r = get(p, null);
      assertThat(r.statusCode()).as(p).isEqualTo(401);
      assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void token_wrong_is401() throws Exception {
    assertThat(get("/?token=" + "A".repeat(43), null).statusCode()).isEqualTo(401);
  }

  @Test
  void token_right_becomesStrictHttpOnlyCookieAndRedirectsWithoutToken() throws Exception {
    HttpResponse<String> r = get("/?token=" + app.token(), null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    assertThat(get("/", session(r)).statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswer_carriesNoStoreAndStrictCsp() throws Exception {
    String s = login();
    for (HttpResponse<String> r :
        java.util.List.of(get("/", s), get("/", null), get("/static/app.js", null))) {
      assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp)
          .contains("default-src 'none'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("http");
    }
  }

  @Test
  void page_titleSaysOnlyRedress() throws Exception {
    assertThat(get("/", login()).body()).contains("<title>Redress</title>");
  }

  @Test
  void post_withoutCsrfToken_isRefusedAndCreatesNothing() throws Exception {
    String s = login();
    assertThat(post("/cases", s, "").statusCode()).isEqualTo(403);
    assertThat(post("/cases", s, "_csrf=wrong").statusCode()).isEqualTo(403);
    assertThat(get("/", s).body()).doesNotContain("20260301-1");
  }

  @Test
  void post_withCsrfToken_createsCase() throws Exception {
    String s = login();
    String csrf = csrf(get("/", s).body());
    HttpResponse<String> r = post("/cases", s, "_csrf=" + csrf);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/cases/20260301-1");
    assertThat(get("/cases/20260301-1", s).statusCode()).isEqualTo(200);
  }

  @Test
  void post_fromOtherOrigin_isRefused() throws Exception {
    String s = login();
    String csrf = csrf(get("/", s).body());
    HttpRequest req =
        HttpRequest.newBuilder(uri("/cases"))
            .header("Cookie", s)
            .header("Origin", "http://evil.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  @Test
  void session_idleFor15Minutes_isLocked() throws Exception {
    String s = login();
    clock.advance(Duration.ofMinutes(14));
    assertThat(get("/", s).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    HttpResponse<String> r = get("/", s);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains(Messages.of("zh").t("error.locked"));
    assertThat(get("/", s).statusCode()).isEqualTo(401);
  }

  @Test
  void exit_endsSession() throws Exception {
    String s = login();
    assertThat(get("/exit", s).statusCode()).isEqualTo(200);
    assertThat(get("/", s).statusCode()).isEqualTo(401);
  }

  @Test
  void foreignHost_isRefused() throws Exception {
    try (Socket sock = new Socket("127.0.0.1", app.port())) {
      OutputStream out = sock.getOutputStream();
      out.write(
          ("GET /?token="
                  + app.token()
                  + " HTTP/1.1\r\nHost: attacker.example:"
                  + app.port()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = sock.getInputStream();
      String head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(head).startsWith("HTTP/1.1 400").doesNotContain("Set-Cookie");
    }
  }

  @Test
  void evidenceExport_withCsrf_downloadsAPackageThatVerifies() throws Exception {
    String s = login();
    String csrf = csrf(get("/", s).body());
    post("/cases", s, "_csrf=" + csrf);
    Path file = Fixtures.pictures(dir.resolve("files"), 1).resolve("picture-1.png");
    try (org.redress.evidence.EvidenceStore store =
        org.redress.evidence.EvidenceStore.builder(dir.resolve("ws")).open()) {
      store.add("20260301-1", org.redress.evidence.NewItem.of(file));
      store.checkpoint();
    }
    assertThat(post("/cases/20260301-1/evidence/export", s, "").statusCode()).isEqualTo(403);
    HttpRequest req =
        HttpRequest.newBuilder(uri("/cases/20260301-1/evidence/export"))
            .header("Cookie", s)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
            .build();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    Path pkg = dir.resolve("downloaded.zip");
    java.nio.file.Files.write(pkg, r.body());
    assertThat(org.redress.evidence.PackageVerifier.verify(pkg).ok()).isTrue();
  }

  @Test
  void english_switch_staysForTheSession() throws Exception {
    String s = login();
    assertThat(get("/?lang=en", s).body()).contains("<html lang=\"en\">").contains("New case");
    assertThat(get("/", s).body()).contains("New case").contains("中文");
  }

  @Test
  void start_onOtherThanLoopback_isRefused() {
    WorkspaceApp other = WorkspaceApp.builder(dir.resolve("ws2")).build();
    assertThatThrownBy(() -> other.start("0.0.0.0", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs accounts");
    other.close();
  }

  @Test
  void messages_haveTheSameKeysInBothLanguages() throws IOException {
    java.util.Properties zh = new java.util.Properties();
    java.util.Properties en = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/org/redress/web/messages_zh_CN.properties");
        var b = getClass().getResourceAsStream("/org/redress/web/messages_en.properties")) {
      zh.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
      en.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
    }
    assertThat(zh.keySet()).isEqualTo(en.keySet());
    for (Object k : zh.keySet()) {
      assertThat(zh.getProperty((String) k))
          .as("zh %s has no English word", k)
          .doesNotContainPattern("\\b(?!pdq\\b|http\\b|Esc\\b|SHA\\b)[A-Za-z]{3,}\\b");
    }
  }

  String login() throws Exception {
    return session(get("/?token=" + app.token(), null));
  }

  static String session(HttpResponse<String> r) {
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(uri(path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }
}
