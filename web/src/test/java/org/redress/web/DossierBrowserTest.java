package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dossiers pages in headless Chromium over a workspace holding the five generated victims
 * ({@link org.redress.testing.FiveVictims}, scanned into five consenting cases): the index lists
 * the shared chat, its dossier shows the planted totals, the victims by pseudonym and every post;
 * each page screenshotted under {@code target/screenshots} and checked with axe-core (no serious or
 * critical violation); a hostile sender id renders as text and runs nothing.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private WorkspaceApp app;
  private ChromeDriver driver;
  private Path shots;
  private String axe;
  private org.redress.testing.FiveVictims five;

  @BeforeAll
  void start() throws IOException {
    if (!Files.isExecutable(Chromium.BINARY) || !Files.isExecutable(Chromium.DRIVER)) {
      if (Boolean.getBoolean("redress.browser.required")) {
        fail("Chromium and chromedriver are required: run scripts/test.d/browser.sh");
      }
      Assumptions.abort("no Chromium: run scripts/test.d/browser.sh");
    }
    try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    shots = Path.of(System.getProperty("redress.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-03-20T02:00:00Z"), java.time.ZoneOffset.UTC);
    try {
      five = FiveVictimsWorkspace.load(dir.resolve("ws"), dir.resolve("gen"), clock);
    } catch (Exception e) {
      throw new IOException("failed to make the five victims' workspace: " + e, e);
    }
    app = WorkspaceApp.builder(dir.resolve("ws")).clock(clock).build().start("127.0.0.1", 0);
    driver = Chromium.start(Chromium.options(dir), Duration.ofSeconds(60), Duration.ofSeconds(60));
    driver.get(app.url());
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
  void build_fiveVictims_showsThePlantedTotalsAndEveryPost() throws IOException {
    Messages zh = Messages.of("zh");
    driver.get(app.url("/dossiers"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(zh.t("dossier.title"));
    String chat = Long.toString(org.redress.testing.FiveVictims.CHAT_ID);
    // The shared chat, seen in all five cases (the HTML exports joined by its name).
    assertThat(driver.findElement(By.id("dossier-index")).getText())
        .contains(chat, org.redress.testing.FiveVictims.CHAT_NAME);
    List<String> problems = new ArrayList<>(check("60-dossiers"));

    Chromium.clickAndWait(driver, By.linkText(chat));

    org.redress.testing.FiveVictims.Totals t = five.totals();
    assertThat(cell("dossier.t.posts")).isEqualTo(Long.toString(t.posts()));
    assertThat(cell("dossier.t.files")).isEqualTo(Long.toString(t.files()));
    assertThat(cell("dossier.t.images")).isEqualTo(Long.toString(t.images()));
    assertThat(cell("dossier.t.videos")).isEqualTo("0");
    assertThat(cell("dossier.t.sha")).isEqualTo(Long.toString(t.sha256()));
    assertThat(cell("dossier.t.victims")).isEqualTo(Long.toString(t.victims()));
    assertThat(cell("dossier.t.trade")).isEqualTo(Long.toString(t.ads()));
    assertThat(driver.findElements(By.cssSelector("#dossier-victims tbody tr")))
        .extracting(e -> e.findElement(By.tagName("td")).getText())
        .containsExactly(
            zh.t("dossier.victim", "A"),
            zh.t("dossier.victim", "B"),
            zh.t("dossier.victim", "C"),
            zh.t("dossier.victim", "D"),
            zh.t("dossier.victim", "E"));
    assertThat(driver.findElement(By.id("dossier-posts-shown")).getText())
        .isEqualTo(zh.t("dossier.posts.shown", 1, t.posts(), t.posts()));
    assertThat(driver.findElements(By.cssSelector("#dossier-posts tbody tr")))
        .hasSize((int) t.posts());
    // No case id on the page: victims are pseudonyms only.
    String body = driver.findElement(By.tagName("body")).getText();
    for (String caseId : org.redress.testing.FiveVictims.CASES) {
      assertThat(body).doesNotContain(caseId);
    }
    problems.addAll(check("62-dossier-five-victims"));
    assertThat(problems).isEmpty();
  }

  /** The value beside a totals row's heading. */
  private String cell(String key) {
    for (var row : driver.findElements(By.cssSelector("#dossier-totals tr"))) {
      if (row.findElement(By.tagName("th")).getText().equals(Messages.of("zh").t(key))) {
        return row.findElement(By.tagName("td")).getText();
      }
    }
    throw new AssertionError("no totals row " + key);
  }

  @Test
  void build_hostileSenderId_isAccessibleAndEscaped() throws IOException {
    List<String> problems = new ArrayList<>();

    String hostile = "x\"><img src=x onerror=alert('sender')>";
    // The session is open: no launch token (its redirect keeps only the path).
    String base = app.url("/").substring(0, app.url("/").indexOf("/?token="));
    driver.get(
        base + "/dossiers/build?sender=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("onerror=alert");
    assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    try {
      driver.switchTo().alert();
      fail("a script ran from the sender id");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    assertThat(driver.findElement(By.id("dossier-totals")).getText())
        .contains(Messages.of("zh").t("dossier.t.files"));
    assertThat(driver.findElement(By.id("dossier-papers")).getText())
        .isEqualTo(Messages.of("zh").t("dossier.papers.make"));
    problems.addAll(check("61-dossier-build"));
    assertThat(problems).isEmpty();
  }

  /** A screenshot, then axe-core's serious and critical violations. */
  private List<String> check(String name) throws IOException {
    Files.write(shots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.executeScript(axe);
    String s =
        String.valueOf(
            driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                    + ".catch(function (e) { done('error: ' + e); });"));
    List<String> out = new ArrayList<>();
    if (s.startsWith("error")) {
      out.add(name + ": " + s);
      return out;
    }
    for (JsonNode v : JSON.readTree(s)) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        out.add(name + ": " + impact + " " + v.path("id").asText() + " " + v.path("nodes"));
      }
    }
    return out;
  }
}
