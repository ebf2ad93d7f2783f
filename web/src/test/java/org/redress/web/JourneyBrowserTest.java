package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.redress.web.Chromium.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
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
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.evidence.PackageVerifier;
import org.redress.evidence.Verification;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;

/**
 * The whole journey in Chinese, in one browser session, as a victim or her advocate walks it: a new
 * case → the interview (a few answers, which become versions of the case's sealed facts) → her
 * pictures from a folder (hashed on the server) → a scan of an export with its progress → the
 * report page, whose totals equal the stored JSON report of the same scan read by the report module
 * → evidence preserved, the package downloaded, uploaded back and every check shown → the action
 * plan → every document drafted, downloaded and opened (each DOCX parses with POI, each PDF's text
 * holds her case number). A screenshot of each page goes to {@code target/journey}, and axe-core
 * finds no serious or critical violation on any.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyBrowserTest {

  /** Posts in the export: enough pictures that the scan's progress is on screen for a while. */
  private static final int PHOTOS = 160;

  @TempDir static Path dir;
  private WorkspaceApp app;
  private ChromeDriver driver;
  private Path shots;
  private String axe;
  private final List<String> axeProblems = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    if (!Files.isExecutable(Chromium.BINARY) || !Files.isExecutable(Chromium.DRIVER)) {
      if (Boolean.getBoolean("redress.browser.required")) {
        fail("Chromium and chromedriver are required: run scripts/test.d/browser.sh");
      }
      Assumptions.abort("no Chromium: run scripts/test.d/browser.sh");
    }
    try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    shots =
        Files.createDirectories(Path.of(System.getProperty("redress.journey", "target/journey")));
    app = WorkspaceApp.builder(dir.resolve("ws")).build().start("127.0.0.1", 0);
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
  void journey_newCaseToFiledPapers_inChinese() throws Exception {
    Path ws = dir.resolve("ws");
    // A new case.
    driver.get(app.url());
    shot("01-cases");
    driver.findElement(By.id("new-case")).click();
    waitFor(() -> driver.getCurrentUrl().matches(".*/cases/[0-9]{8}-1$"));
    String caseUrl = driver.getCurrentUrl();
    String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
    shot("02-case");

    // The interview: two days, a yes, an "I don't know"; the answers are facts versions.
    driver.get(caseUrl + "/interview");
    assertThat(h1()).isEqualTo(zh("conduct.first_act"));
    shot("03-interview");
    answerDate("2026-02-01");
    waitFor(() -> h1().equals(zh("conduct.last_act")));
    answerDate("2026-02-20");
    waitFor(() -> h1().equals(zh("acts.covert_filming")));
    driver.findElement(By.cssSelector("label[for='v-true']")).click();
    driver.findElement(By.id("answer")).click();
    waitFor(() -> !h1().equals(zh("acts.covert_filming")));
    String fourth = h1();
    shot("04-interview-next");
    driver.findElement(By.id("unknown")).click();
    waitFor(() -> !h1().equals(fourth));
    driver.findElement(By.id("review")).click();
    waitFor(() -> !driver.findElements(By.id("answers")).isEmpty());
    assertThat(driver.findElement(By.id("answers")).getText())
        .contains("2026-02-01")
        .contains("不清楚");
    shot("05-interview-review");
    Cases cases = Casework.builder(ws).build().cases();
    assertThat(cases.history(caseId, Cases.FACTS))
        .hasSize(3)
        .allSatisfy(
            v -> {
              assertThat(v.author()).isEqualTo("本地用户");
              assertThat(v.note()).isEqualTo("interview");
            });

    // Her pictures, hashed on the server from a folder on this computer.
    Path pictures = Fixtures.pictures(dir.resolve("her-pictures"), 3);
    driver.get(caseUrl + "/bank");
    driver.findElement(By.id("folder")).sendKeys(pictures.toString());
    driver.findElement(By.cssSelector("form[action$='/bank/files'] button")).click();
    waitFor(() -> !driver.findElements(By.id("bank-result")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#bank-items tbody tr"))).isNotEmpty();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    shot("06-bank");

    // A scan of the export, its progress streamed, then the report.
    Path export = export(dir.resolve("export"));
    driver.get(caseUrl + "/scans");
    driver.findElement(By.id("paths")).sendKeys(export.toString());
    driver.findElement(By.id("start-scan")).click();
    waitFor(
        () ->
            !driver.findElements(By.id("scan-bar")).isEmpty()
                || !driver.findElements(By.id("report-summary")).isEmpty());
    boolean sawProgress = !driver.findElements(By.id("scan-bar")).isEmpty();
    if (sawProgress) {
      shot("07-scan-progress");
    }
    assertThat(sawProgress).as("the scan's progress was shown").isTrue();
    waitFor(() -> !driver.findElements(By.id("report-summary")).isEmpty());
    shot("08-report");
    String scanId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
    SpreadReport.Totals t =
        ReportJson.read(ws.resolve("cases/" + caseId + "/scans/" + scanId + "/report.json"))
            .totals();
    assertThat(figure("total-matched-items")).isEqualTo(t.matchedItems()).isEqualTo(3);
    assertThat(figure("total-posts")).isEqualTo(t.postsWithMatches()).isEqualTo(9);
    assertThat(figure("total-chats")).isEqualTo(t.chatsInvolved());
    assertThat(figure("total-senders")).isEqualTo(t.sendersInvolved());
    assertThat(figure("total-ads")).isEqualTo(t.adPosts());
    assertThat(figure("total-checked")).isEqualTo(t.mediaChecked()).isEqualTo(PHOTOS);

    // Evidence: preserve the matches, download the package, upload it back, every check shown.
    driver.get(caseUrl + "/evidence");
    driver.findElement(By.id("preserve")).click();
    waitFor(() -> !driver.findElements(By.cssSelector("#evidence-items tbody tr")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#evidence-items tbody tr"))).hasSize(10);
    shot("09-evidence");
    String csrf =
        driver
            .findElement(By.cssSelector("form[action$='/evidence/export'] input[type=hidden]"))
            .getAttribute("value");
    String cookies =
        driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    HttpResponse<byte[]> pkg =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(caseUrl + "/evidence/export"))
                    .header("Cookie", cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + Http.enc(csrf)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pkg.statusCode()).isEqualTo(200);
    Path zip = Files.write(dir.resolve("evidence-" + caseId + ".zip"), pkg.body());
    Verification expected = PackageVerifier.verify(zip);
    assertThat(expected.ok()).isTrue();
    driver.get(app.plainUrl("/verify"));
    driver.findElement(By.id("package")).sendKeys(zip.toString());
    driver.findElement(By.id("verify")).click();
    waitFor(() -> !driver.findElements(By.id("verify-result")).isEmpty());
    assertThat(driver.findElement(By.id("verify-result")).getAttribute("class")).isEqualTo("ok");
    assertThat(driver.findElements(By.cssSelector("#verify-checks tbody tr")))
        .hasSize(expected.checks().size());
    shot("10-verify");

    // The action plan.
    driver.get(caseUrl + "/plan");
    assertThat(driver.findElements(By.cssSelector("#plan-actions > li"))).isNotEmpty();
    shot("11-plan");

    // Every document, drafted, downloaded and opened.
    driver.get(caseUrl + "/documents");
    driver.findElement(By.id("generate")).click();
    long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (driver.findElements(By.cssSelector("#document-files a.download")).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("no documents listed after drafting");
      }
      Thread.sleep(200);
    }
    shot("12-documents");
    List<String> hrefs =
        driver.findElements(By.cssSelector("#document-files a.download")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(hrefs).anyMatch(h -> h.endsWith(".docx")).anyMatch(h -> h.endsWith(".pdf"));
    int docx = 0;
    int pdf = 0;
    for (String h : hrefs) {
      byte[] b = get(h, cookies);
      if (h.endsWith(".docx")) {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(b))) {
          assertThat(
                  d.getParagraphs().stream()
                      .map(XWPFParagraph::getText)
                      .collect(Collectors.joining()))
              .as(h)
              .isNotBlank();
        }
        docx++;
      } else if (h.endsWith(".pdf")) {
        try (PDDocument p = Loader.loadPDF(b)) {
          assertThat(new PDFTextStripper().getText(p)).as(h).contains(caseId);
        }
        pdf++;
      } else {
        fail("a download that is neither DOCX nor PDF: " + h);
      }
    }
    assertThat(docx).isEqualTo(pdf).isEqualTo(hrefs.size() / 2);
    assertThat(axeProblems).isEmpty();
  }

  /** An export of one chat: her three pictures posted three times each, and other pictures. */
  private static Path export(Path parent) throws IOException {
    Path export = parent.resolve("ChatExport_2026-03-01");
    Path photos = Files.createDirectories(export.resolve("photos"));
    StringBuilder messages = new StringBuilder();
    long t0 = 1_770_112_245L;
    for (int i = 1; i <= PHOTOS; i++) {
      int seed = i <= 9 ? 1 + (i - 1) % 3 : 1000 + i;
      ImageIO.write(Fixtures.picture(seed), "png", photos.resolve("photo_" + i + ".png").toFile());
      long at = t0 + 3600L * 7 * i;
      messages
          .append(i == 1 ? "" : ",\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"id\": %d, \"type\": \"message\", \"date\": \"%s\", \"date_unixtime\":"
                      + " \"%d\", \"from\": \"成员%d\", \"from_id\": \"user%d\", \"photo\":"
                      + " \"photos/photo_%d.png\", \"width\": 320, \"height\": 240, \"text\":"
                      + " \"%s\"}",
                  i,
                  java.time.LocalDateTime.ofEpochSecond(at, 0, java.time.ZoneOffset.ofHours(8)),
                  at,
                  i % 5,
                  6_000_000_000L + i % 5,
                  i,
                  i % 20 == 0 ? "出售针孔摄像头 私聊" : "风景"));
    }
    String json =
        "{\"name\": \"同城交流群\", \"type\": \"public_supergroup\", \"id\": 1700000999,"
            + " \"messages\": [\n"
            + messages
            + "\n]}\n";
    Files.writeString(export.resolve("result.json"), json, StandardCharsets.UTF_8);
    return export;
  }

  private void answerDate(String day) {
    WebElement v = driver.findElement(By.id("value"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", v, day);
    driver.findElement(By.id("answer")).click();
  }

  private static String zh(String fact) {
    return org.redress.casework.Interview.standard().question(fact).orElseThrow().text().zh();
  }

  private String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private long figure(String id) {
    return Long.parseLong(driver.findElement(By.id(id)).getText().strip());
  }

  private static byte[] get(String url, String cookies) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    return r.body();
  }

  /** A screenshot of the whole page, then axe-core on it. */
  private void shot(String name) throws IOException {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    long height =
        ((Number) driver.executeScript("return document.documentElement.scrollHeight;"))
            .longValue();
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                before.getWidth(), (int) Math.min(4000, Math.max(before.getHeight(), height))));
    Files.write(shots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(before);
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    Object out =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
    String s = String.valueOf(out);
    if (s.startsWith("error")) {
      axeProblems.add(name + ": " + s);
      return;
    }
    for (JsonNode v : new ObjectMapper().readTree(s)) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        axeProblems.add(name + ": " + impact + " " + v.path("id").asText());
      }
    }
  }
}
