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
 * The dossiers pages in headless Chromium: the index and a build, each screenshotted under {@code
 * target/screenshots} and checked with axe-core (no serious or critical violation); a hostile
 * sender id renders as text and runs nothing.
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
    app = WorkspaceApp.builder(dir.resolve("ws")).build().start("127.0.0.1", 0);
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
  void index_andBuild_areAccessibleAndEscapeWhatTheyShow() throws IOException {
    driver.get(app.url("/dossiers"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo(Messages.of("zh").t("dossier.title"));
    List<String> problems = new ArrayList<>(check("60-dossiers"));

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
