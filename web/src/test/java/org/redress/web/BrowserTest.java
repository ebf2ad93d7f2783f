package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.redress.web.Chromium.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.redress.evidence.EvidenceStore;

/**
 * The workspace in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code scripts/test.d/browser.sh}): a case from creation to the spread report,
 * evidence and a package check, each page screenshotted under {@code target/screenshots} and
 * checked with axe-core (no serious or critical violation); hostile chat names and texts render as
 * text; quick exit leaves no history entry; Escape twice; the English switch.
 *
 * <p>Skipped when Chromium is missing, unless {@code -Dredress.browser.required=true}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private WorkspaceApp app;
  private WorkspaceApp accountsApp;
  private static final char[] ADMIN_PW = "the admin's long password".toCharArray();
  private ChromeDriver driver;
  private Path shots;
  private String axe;
  private String caseUrl;
  private final List<String> axeProblems = new ArrayList<>();

  @BeforeAll
  void start() throws IOException {
    boolean have = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!have) {
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
    // Served with accounts, as --bind does, but on loopback (tests bind 127.0.0.1 only).
    accountsApp =
        WorkspaceApp.builder(dir.resolve("ws-accounts"))
            .accounts(new org.redress.web.account.Passwords(1024, 1))
            .build();
    accountsApp.accounts().add("amy", "admin", ADMIN_PW);
    accountsApp.start("127.0.0.1", 0);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.close();
    }
    if (accountsApp != null) {
      accountsApp.close();
    }
  }

  @Test
  @Order(1)
  void withoutToken_pageIs401() {
    driver.get("http://127.0.0.1:" + app.port() + "/");
    assertThat(driver.getTitle()).isEqualTo("Redress");
    assertThat(h1()).isEqualTo(Messages.of("zh").t("error.unauthorized"));
    check("00-unauthorized");
  }

  @Test
  @Order(2)
  void newCase_fromTheCaseList() {
    driver.get(app.url());
    assertThat(driver.getCurrentUrl()).doesNotContain("token");
    check("01-cases");
    driver.findElement(By.id("new-case")).click();
    waitFor(() -> driver.getCurrentUrl().matches(".*/cases/[0-9]{8}-1$"));
    caseUrl = driver.getCurrentUrl();
    assertThat(driver.getTitle()).isEqualTo("Redress");
    check("02-case");
  }

  @Test
  @Order(3)
  void bank_fromAFolderOfPictures_registersFingerprintsAndShowsNoPicture() throws IOException {
    Path pictures = Fixtures.pictures(dir.resolve("her-pictures"), 3);
    driver.get(caseUrl + "/bank");
    driver.findElement(By.id("folder")).sendKeys(pictures.toString());
    driver.findElement(By.cssSelector("form[action$='/bank/files'] button")).click();
    waitFor(() -> !driver.findElements(By.id("bank-result")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#bank-items tbody tr"))).hasSize(6);
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    check("03-bank");
  }

  @Test
  @Order(4)
  void scan_ofAnExport_streamsProgressThenShowsTheReportWithHostileNamesAsText()
      throws IOException {
    Path export = Fixtures.export(dir.resolve("export"));
    driver.get(caseUrl + "/scans");
    check("04-scans");
    driver.findElement(By.id("paths")).sendKeys(export.toString());
    driver.findElement(By.id("start-scan")).click();
    waitFor(() -> !driver.findElements(By.id("report-summary")).isEmpty());
    assertThat(text("total-matched-items")).isEqualTo("1");
    assertThat(text("total-posts")).isEqualTo("2");
    assertThat(text("total-chats")).isEqualTo("1");
    assertThat(text("total-ads")).isEqualTo("2");
    assertNoAlert();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
    String table = driver.findElement(By.id("occurrence-table")).getText();
    assertThat(table).contains(Fixtures.HOSTILE_CHAT).contains(Fixtures.HOSTILE_SENDER);
    assertThat(driver.findElements(By.cssSelector("#chart-chat text")).get(0).getText())
        .startsWith("<script>");
    check("05-report");
  }

  @Test
  @Order(6)
  void report_filterBySignal_keepsItsRows() {
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-signal")))
        .selectByIndex(1);
    driver.findElement(By.cssSelector("form.filters button")).click();
    waitFor(() -> driver.getCurrentUrl().contains("signal="));
    assertThat(driver.findElements(By.cssSelector("#occurrence-table tbody tr"))).isNotEmpty();
  }

  @Test
  @Order(5)
  void scan_ofAnUploadedZip_showsTheSameTotals() throws IOException {
    Path zip = Fixtures.zip(Fixtures.export(dir.resolve("export-for-zip")), dir.resolve("e.zip"));
    driver.get(caseUrl + "/scans");
    driver.findElement(By.id("archive")).sendKeys(zip.toString());
    driver.findElement(By.id("upload-scan")).click();
    waitFor(() -> !driver.findElements(By.id("report-summary")).isEmpty());
    assertThat(text("total-matched-items")).isEqualTo("1");
    assertThat(text("total-posts")).isEqualTo("2");
    assertNoAlert();
  }

  @Test
  @Order(7)
  void englishSwitch_turnsThePageIntoEnglish() {
    String zh = h1();
    driver.findElement(By.id("lang-switch")).click();
    waitFor(() -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    assertThat(h1()).isEqualTo(Messages.of("en").t("report.title")).isNotEqualTo(zh);
    check("06-report-en");
    driver.findElement(By.id("lang-switch")).click();
    waitFor(() -> "zh-CN".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
  }

  @Test
  @Order(8)
  void plan_fromTheScansFacts_showsActionsInOrder() {
    driver.get(caseUrl + "/plan");
    assertThat(h1()).isEqualTo(Messages.of("zh").t("plan.title"));
    assertThat(driver.findElements(By.cssSelector("#plan-actions > li"))).isNotEmpty();
    check("07-plan");
  }

  @Test
  @Order(9)
  void evidence_andPackageCheck_showEachCheck() throws Exception {
    String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
    Path pkg = dir.resolve("package.zip");
    Path file = Fixtures.pictures(dir.resolve("evidence-files"), 1).resolve("picture-1.png");
    try (EvidenceStore store = EvidenceStore.builder(dir.resolve("ws")).open()) {
      store.add(caseId, org.redress.evidence.NewItem.of(file));
      store.checkpoint();
      store.export(caseId, List.of(), pkg, null);
    }
    driver.get(caseUrl + "/evidence");
    assertThat(driver.findElements(By.cssSelector("#evidence-items tbody tr"))).hasSize(1);
    check("08-evidence");
    driver.get("http://127.0.0.1:" + app.port() + "/verify");
    driver.findElement(By.id("package")).sendKeys(pkg.toString());
    driver.findElement(By.id("verify")).click();
    waitFor(() -> !driver.findElements(By.id("verify-result")).isEmpty());
    assertThat(driver.findElement(By.id("verify-result")).getAttribute("class")).isEqualTo("ok");
    assertThat(driver.findElements(By.cssSelector("#verify-checks tbody tr")).size())
        .isGreaterThan(3);
    check("09-verify");
    Path bad = dir.resolve("tampered.zip");
    Files.copy(pkg, bad, StandardCopyOption.REPLACE_EXISTING);
    byte[] b = Files.readAllBytes(bad);
    b[b.length / 2] ^= 0x55;
    Files.write(bad, b);
    driver.findElement(By.id("package")).sendKeys(bad.toString());
    driver.findElement(By.id("verify")).click();
    waitFor(() -> driver.findElement(By.id("verify-result")).getAttribute("class").equals("bad"));
  }

  @Test
  @Order(10)
  void quickExit_replacesThePageWithoutAHistoryEntryAndEndsTheSession() {
    driver.get(caseUrl);
    driver.get(caseUrl + "/scans");
    long before = history();
    driver.findElement(By.id("quick-exit")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("/exit"));
    assertThat(history()).isEqualTo(before);
    assertThat(driver.getTitle()).doesNotContain("Redress");
    check("10-exit");
    driver.navigate().back();
    waitFor(() -> driver.getCurrentUrl().equals(caseUrl));
    assertThat(h1()).isEqualTo(Messages.of("zh").t("error.unauthorized"));
  }

  @Test
  @Order(11)
  void escapeTwice_quickExits() {
    driver.get(app.url());
    waitFor(() -> !driver.getCurrentUrl().contains("token"));
    long before = history();
    new Actions(driver)
        .sendKeys(Keys.ESCAPE)
        .pause(Duration.ofMillis(200))
        .sendKeys(Keys.ESCAPE)
        .perform();
    waitFor(() -> driver.getCurrentUrl().endsWith("/exit"));
    assertThat(history()).isEqualTo(before);
  }

  @Test
  @Order(30)
  void interview_inChinese_asksOneQuestionAScreen_neverWhatTheScanProved() {
    driver.get(app.url(caseUrl.substring(caseUrl.indexOf("/cases/")) + "/interview"));
    org.redress.casework.Interview iv = org.redress.casework.Interview.standard();
    // The scan proved the dates: the first question is what happened, not when.
    assertThat(text("question"))
        .isEqualTo(iv.question("acts.covert_filming").orElseThrow().text().zh());
    assertThat(driver.findElement(By.id("unknown")).getText()).isEqualTo("不清楚");
    assertThat(driver.findElement(By.id("skip")).getText()).isEqualTo("跳过");
    check("20-interview-question");
    driver.findElement(By.cssSelector("label[for='v-true']")).click();
    driver.findElement(By.id("answer")).click();
    waitFor(
        () ->
            !text("question").equals(iv.question("acts.covert_filming").orElseThrow().text().zh()));
    String second = text("question");
    check("21-interview-next");
    driver.findElement(By.id("unknown")).click();
    waitFor(() -> !text("question").equals(second));
    String third = text("question");
    driver.findElement(By.id("skip")).click();
    waitFor(() -> !text("question").equals(third));
    // Back opens the answer before: the skipped one.
    driver.findElement(By.id("back")).click();
    waitFor(() -> text("question").equals(third));
    java.util.Set<String> seen = new java.util.HashSet<>(List.of(second, third));
    java.util.Set<String> proved =
        java.util.Set.of(
            iv.question("conduct.first_act").orElseThrow().text().zh(),
            iv.question("conduct.last_act").orElseThrow().text().zh(),
            iv.question("distribution.shared").orElseThrow().text().zh());
    assertThat(seen).noneMatch(proved::contains);
    driver.findElement(By.id("review")).click();
    waitFor(() -> !driver.findElements(By.id("answers")).isEmpty());
    String review = driver.findElement(By.id("answers")).getText();
    assertThat(review).contains("是").contains("不清楚").contains("已跳过");
    check("22-interview-review");
  }

  @Test
  @Order(31)
  void interview_englishSwitch_asksTheSameQuestionInEnglish() {
    driver.get(app.url(caseUrl.substring(caseUrl.indexOf("/cases/")) + "/interview"));
    String zh = text("question");
    driver.findElement(By.id("lang-switch")).click();
    waitFor(() -> driver.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
    org.redress.casework.Interview iv = org.redress.casework.Interview.standard();
    String en = text("question");
    assertThat(iv.questions()).anyMatch(q -> q.text().zh().equals(zh) && q.text().en().equals(en));
    assertThat(driver.findElement(By.id("unknown")).getText()).isEqualTo("I don't know");
    check("23-interview-question-en");
    driver.findElement(By.id("lang-switch")).click();
    waitFor(() -> driver.findElement(By.tagName("html")).getAttribute("lang").equals("zh-CN"));
  }

  @Test
  @Order(40)
  void login_withAccounts_wrongPasswordRefused_rightOneOpensTheCases() {
    driver.manage().deleteAllCookies();
    driver.get(accountsApp.plainUrl("/"));
    waitFor(() -> driver.getCurrentUrl().endsWith("/login"));
    check("30-login");
    driver.findElement(By.id("name")).sendKeys("amy");
    driver.findElement(By.id("password")).sendKeys("not her password");
    driver.findElement(By.id("login")).click();
    waitFor(() -> !driver.findElements(By.id("login-error")).isEmpty());
    check("31-login-failed");
    driver.findElement(By.id("password")).sendKeys(new String(ADMIN_PW));
    driver.findElement(By.id("login")).click();
    waitFor(() -> !driver.findElements(By.id("new-case")).isEmpty());
    assertThat(driver.findElement(By.id("logout-form")).getText()).contains("amy");
    driver.findElement(By.id("new-case")).click();
    waitFor(() -> driver.getCurrentUrl().matches(".*/cases/[0-9]{8}-1$"));
    driver.get(accountsApp.plainUrl("/admin/audit"));
    assertThat(driver.findElement(By.id("audit")).getText()).contains("amy").contains("登录");
    check("32-audit");
    driver.findElement(By.id("logout")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("/login"));
  }

  @Test
  @Order(41)
  void admin_addsAnAccountAndGrantsACase_andChangesHerPassword() {
    driver.manage().deleteAllCookies();
    driver.get(accountsApp.plainUrl("/login"));
    driver.findElement(By.id("name")).sendKeys("amy");
    driver.findElement(By.id("password")).sendKeys(new String(ADMIN_PW));
    driver.findElement(By.id("login")).click();
    waitFor(() -> !driver.findElements(By.id("admin-link")).isEmpty());
    driver.findElement(By.id("admin-link")).click();
    waitFor(() -> !driver.findElements(By.id("accounts")).isEmpty());
    driver.findElement(By.id("new-name")).sendKeys("bea");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-role")))
        .selectByValue("advocate");
    driver.findElement(By.id("new-password")).sendKeys("bea's long password");
    driver.findElement(By.id("add")).click();
    waitFor(() -> !driver.findElements(By.id("admin-notice")).isEmpty());
    assertThat(driver.findElement(By.id("accounts")).getText()).contains("bea");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("grant-account")))
        .selectByValue("bea");
    driver.findElement(By.id("grant")).click();
    waitFor(() -> driver.findElement(By.id("access")).getText().contains("bea"));
    check("33-admin-accounts");
    driver.findElement(By.id("password-link")).click();
    waitFor(() -> !driver.findElements(By.id("password-form")).isEmpty());
    driver.findElement(By.id("old")).sendKeys(new String(ADMIN_PW));
    driver.findElement(By.id("new")).sendKeys("amy's new long password");
    driver.findElement(By.id("again")).sendKeys("amy's new long password");
    driver.findElement(By.id("change")).click();
    waitFor(() -> !driver.findElements(By.id("password-done")).isEmpty());
    check("34-password");
    driver.findElement(By.id("logout")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("/login"));
  }

  @Test
  @Order(99)
  void axe_foundNoSeriousOrCriticalViolation() {
    assertThat(axeProblems).isEmpty();
  }

  private void check(String name) {
    screenshot(name);
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
    try {
      for (JsonNode v : JSON.readTree(s)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          axeProblems.add(
              name
                  + ": "
                  + impact
                  + " "
                  + v.path("id").asText()
                  + " "
                  + v.path("nodes").toString());
        }
      }
    } catch (IOException e) {
      axeProblems.add(name + ": " + e.getMessage());
    }
  }

  /** A screenshot of the whole page (the window made as tall as the page, then restored). */
  private void screenshot(String name) {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    long height =
        ((Number) driver.executeScript("return document.documentElement.scrollHeight;"))
            .longValue();
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                before.getWidth(),
                (int) Math.min(4000, Math.max(before.getHeight(), height + 140))));
    try {
      Files.write(
          shots.resolve(name + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  private long history() {
    return ((Number) driver.executeScript("return window.history.length;")).longValue();
  }

  private String h1() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private void assertNoAlert() {
    try {
      driver.switchTo().alert();
      fail("an alert opened: a hostile text ran as script");
    } catch (NoAlertPresentException expected) {
      // as it should be
    }
  }

  static File file(Path p) {
    return p.toFile();
  }
}
