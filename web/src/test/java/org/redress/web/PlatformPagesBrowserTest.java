package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.cases.TakedownStore;
import org.redress.cases.Workspace;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.casework.Takedowns;
import org.redress.phash.Pdq;

/**
 * The platform pages in headless Chromium with {@code --api}: an admin issues a platform key (shown
 * once, then never again), the key works against the API, her bank is shared only with her consent,
 * the platform's {@code Blocked} feedback lands in the takedown tracker beside the notice with the
 * resulting dates, untrusted notice references stay text, revoking refuses the key at once, and
 * unsharing withdraws her records; screenshots under {@code target/screenshots}, axe-core without
 * serious or critical violations, Chinese first with the English switch.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformPagesBrowserTest {
  private static final String CASE = "case-18";
  private static final ObjectMapper JSON = new ObjectMapper();
  // 10:00 on 1 March 2026 in Beijing.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private WorkspaceApp app;
  private ChromeDriver driver;
  private Workspace ws;
  private Pdq hash;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    if (!Files.isExecutable(Chromium.BINARY) || !Files.isExecutable(Chromium.DRIVER)) {
      if (Boolean.getBoolean("redress.browser.required")) {
        fail("Chromium and chromedriver are required: run scripts/test.d/browser.sh");
      }
      Assumptions.abort("no Chromium: run scripts/test.d/browser.sh");
    }
    Path root = dir.resolve("ws");
    Cases cases = Casework.builder(root).user("advocate").build().cases();
    Cases.CaseInfo c = cases.create(CASE).orElseThrow();
    ws = Workspace.open(root, CLOCK, "tester");
    long[] w = new Random(18).longs(4).toArray();
    hash = Pdq.fromLongs(w);
    ws.banks().add(c.bank(), List.of(new NewItem(HashValue.pdq(hash, 100), "p1", null, null)));
    new Takedowns(ws.takedowns())
        .recordNotice(
            new TakedownStore.NewNotice(
                CASE,
                "acme",
                LocalDate.of(2026, 2, 20),
                List.of("https://acme.example/p/1?<b>bold</b>"),
                List.of(hash.toString()),
                null));
    app = WorkspaceApp.builder(root).clock(CLOCK).api(true).build().start("127.0.0.1", 0);
    driver = Chromium.start(Chromium.options(dir), Duration.ofSeconds(120), Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void platformKeys_shareFeedbackRevoke_wholeRound() throws Exception {
    Messages zh = Messages.of("zh");
    driver.get(app.url("/admin/platforms"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(zh.t("platforms.title"));
    assertThat(driver.findElements(By.id("no-platforms"))).hasSize(1);
    check("18-platforms-empty");

    // Issue a key: shown once.
    driver.findElement(By.id("platform-name")).sendKeys("acme");
    WebElement rate = driver.findElement(By.id("platform-rate"));
    rate.clear();
    rate.sendKeys("500");
    Chromium.clickAndWait(driver, By.id("add-platform-submit"));
    String key = driver.findElement(By.id("issued-key")).getAttribute("value");
    assertThat(key).startsWith("rdk_").hasSizeGreaterThan(40);
    check("18-platforms-issued");
    assertThat(api("GET", "/c/banks", key, null).statusCode()).isEqualTo(200);
    driver.get(app.plainUrl("/admin/platforms"));
    assertThat(driver.findElements(By.id("issued"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(key);
    WebElement row = driver.findElement(By.cssSelector("tr[data-platform='acme']"));
    assertThat(row.getText())
        .contains(zh.t("platforms.active"))
        .contains(zh.t("platforms.rate", 500))
        .contains(zh.t("platforms.scope.feed"))
        .contains("2026-03-01");
    // The same store as `redress platform list`.
    assertThat(ws.platforms().list())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("acme"));

    // Her bank is shared only with her consent.
    driver.get(app.plainUrl("/cases/" + CASE + "/takedowns"));
    assertThat(driver.findElement(By.id("share-state")).getText())
        .isEqualTo(zh.t("share.state.off"));
    assertThat(feed(key).get("count").asInt()).isZero();
    driver.findElement(By.id("share-consent")).click();
    Chromium.clickAndWait(driver, By.id("share-submit"));
    assertThat(driver.findElement(By.id("share-state")).getText()).contains("RD-");
    JsonNode records = feed(key).get("hashRecords");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("hashValue").asText()).isEqualTo(hash.toString());
    assertThat(records.get(0).toString()).doesNotContain(CASE);

    // The platform blocks it: its feedback lands in the tracker with the dates.
    String fb =
        "{\"count\":1,\"hashFeedbacks\":[{\"hashValue\":\""
            + hash
            + "\",\"feedbackValue\":\"Blocked\",\"tags\":[]}]}";
    assertThat(api("POST", "/v1/SubmitFeedback", key, fb).statusCode()).isEqualTo(200);
    driver.get(app.plainUrl("/cases/" + CASE + "/takedowns"));
    String card = driver.findElement(By.id("takedown-platforms")).getText();
    assertThat(card)
        .contains("acme")
        .contains(zh.t("takedown.first_notice", "2026-02-20", 9))
        .contains(zh.t("takedown.blocked_on", "2026-03-01"))
        .contains(zh.t("takedown.kind.BLOCKED"))
        .contains(zh.t("takedown.source.FEEDBACK"))
        .contains("https://acme.example/p/1?<b>bold</b>");
    assertThat(driver.findElements(By.cssSelector("#takedown-platforms b"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#takedown-platforms .bad"))).isEmpty();
    check("18-takedowns");
    driver.get(app.plainUrl("/cases/" + CASE + "/takedowns?lang=en"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo(Messages.of("en").t("takedown.title"));
    assertThat(driver.findElement(By.id("takedown-platforms")).getText())
        .contains(Messages.of("en").t("takedown.blocked_on", "2026-03-01"));
    check("18-takedowns-en");
    driver.get(app.plainUrl("/cases/" + CASE + "/takedowns?lang=zh"));

    // Revoking refuses the key at once.
    driver.get(app.plainUrl("/admin/platforms"));
    Chromium.clickAndWait(driver, By.cssSelector("tr[data-platform='acme'] button.revoke"));
    assertThat(driver.findElement(By.id("revoked")).getText()).contains("acme");
    assertThat(driver.findElement(By.cssSelector("tr[data-platform='acme'] .state")).getText())
        .isNotEqualTo(zh.t("platforms.active"))
        .contains("2026-03-01");
    assertThat(api("GET", "/c/banks", key, null).statusCode()).isEqualTo(401);
    check("18-platforms-revoked");

    // Withdrawing her consent withdraws her records from the feed.
    driver.get(app.plainUrl("/cases/" + CASE + "/takedowns"));
    Chromium.clickAndWait(driver, By.id("unshare"));
    assertThat(driver.findElement(By.id("share-state")).getText()).contains("2026-03-01");
    String reader =
        ws.platforms()
            .add("reader", java.util.EnumSet.allOf(org.redress.cases.PlatformScope.class), 100)
            .key();
    JsonNode after = feed(reader).get("hashRecords");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("hashStatus").asText()).isEqualTo("Withdrawn");
  }

  private JsonNode feed(String key) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(app.plainUrl("/v1/FetchHashes")))
                .header("x-functions-key", key)
                .header("Ocp-Apim-Subscription-Key", key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> api(String method, String path, String key, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.plainUrl(path)));
    if (path.startsWith("/v1/")) {
      b.header("x-functions-key", key).header("Ocp-Apim-Subscription-Key", key);
    } else {
      b.header("Authorization", "Bearer " + key);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void check(String name) throws IOException {
    Path shots = Path.of(System.getProperty("redress.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    Files.write(shots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    String axe;
    try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object out =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
    List<String> problems = new ArrayList<>();
    for (JsonNode v : JSON.readTree(String.valueOf(out))) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        problems.add(impact + " " + v.path("id").asText() + " " + v.path("nodes"));
      }
    }
    assertThat(problems).as(name).isEmpty();
  }
}
