package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.util.stream.Collectors;
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
import org.redress.evidence.EvidenceStore;

/**
 * The documents page in headless Chromium: a case with stored (sealed) facts, drafting every
 * document through casework, downloading a DOCX (it parses) and a PDF (its text holds the case
 * number), each placeholder linked to the interview question; screenshot under {@code
 * target/screenshots}, axe-core without serious or critical violations.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsBrowserTest {
  private static final String CASE = "case-77";
  private static final String FACTS =
      "schema: redress/case-facts@1\n"
          + "conduct: {first_act: 2026-01-20}\n"
          + "acts: {covert_filming: true}\n"
          + "distribution: {shared: true, online: true, counts: {images: 3}}\n";

  @TempDir static Path dir;
  private WorkspaceApp app;
  private ChromeDriver driver;

  @BeforeAll
  void start() throws Exception {
    if (!Files.isExecutable(Chromium.BINARY) || !Files.isExecutable(Chromium.DRIVER)) {
      if (Boolean.getBoolean("redress.browser.required")) {
        fail("Chromium and chromedriver are required: run scripts/test.d/browser.sh");
      }
      Assumptions.abort("no Chromium: run scripts/test.d/browser.sh");
    }
    Path ws = dir.resolve("ws");
    Cases cases = Casework.builder(ws).user("advocate").build().cases();
    cases.create(CASE);
    try (EvidenceStore locker = EvidenceStore.builder(ws).open()) {
      cases.putFacts(CASE, FACTS, "intake.yaml", locker);
    }
    app = WorkspaceApp.builder(ws).build().start("127.0.0.1", 0);
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
  void documents_generateAndDownload_docxParsesPdfHoldsCaseNumberGapsLinkToInterview()
      throws Exception {
    driver.get(app.url("/cases/" + CASE + "/documents"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo(Messages.of("zh").t("documents.title"));
    assertThat(driver.findElements(By.cssSelector("#document-files"))).isEmpty();
    driver.findElement(By.id("generate")).click();
    long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (driver.findElements(By.cssSelector("#document-files a.download")).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("no documents listed after drafting: " + driver.getPageSource());
      }
      Thread.sleep(200);
    }
    List<WebElement> links = driver.findElements(By.cssSelector("#document-files a.download"));
    List<String> hrefs = links.stream().map(a -> a.getAttribute("href")).toList();
    assertThat(hrefs).anyMatch(h -> h.endsWith(".zh.docx")).anyMatch(h -> h.endsWith(".zh.pdf"));

    List<String> questions =
        driver.findElements(By.cssSelector("#document-gaps a.gap-question")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(questions)
        .contains(
            app.url("/cases/" + CASE + "/interview?path=parties.victim.name")
                .replaceAll("[?&]token=[^&]*", ""));
    check("11-documents");

    String cookies =
        driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    String docx =
        hrefs.stream().filter(h -> h.endsWith("police-report.zh.docx")).findFirst().orElseThrow();
    byte[] d = get(docx, cookies);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(d))) {
      String text =
          doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining());
      assertThat(text).contains("报案");
    }
    String pdf =
        hrefs.stream().filter(h -> h.endsWith("police-report.zh.pdf")).findFirst().orElseThrow();
    try (PDDocument p = Loader.loadPDF(get(pdf, cookies))) {
      assertThat(new PDFTextStripper().getText(p)).contains(CASE);
    }
    // A file the case does not hold is not served.
    HttpResponse<byte[]> other =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(pdf.replace("police-report", "no-such-kind")))
                    .header("Cookie", cookies)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(other.statusCode()).isEqualTo(404);
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

  private void check(String name) throws IOException {
    Path shots = Path.of(System.getProperty("redress.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
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
    for (JsonNode v : new ObjectMapper().readTree(String.valueOf(out))) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        problems.add(impact + " " + v.path("id").asText() + " " + v.path("nodes"));
      }
    }
    assertThat(problems).isEmpty();
  }
}
