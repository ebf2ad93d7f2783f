package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.redress.web.Chromium.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.redress.casework.HashList;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.SampleVideo;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqHasher;
import org.redress.phash.ReferenceResize;
import org.redress.testing.Vectors;
import org.redress.web.hash.HasherPage;

/**
 * The {@code /hash} page in headless Chromium (issue 15): the WebAssembly build of phash gives the
 * JVM's hashes bit for bit on the JVM's decodes of every vector image; the browser's own decodes
 * land within 8 bits of the CLI's; and while 20 pictures and a video are hashed and added to a
 * bank, no request carries any 32-byte run of their bytes, fewer than 2 KiB go out per file, and no
 * Content Security Policy violation is reported. The self-contained hasher file hashes offline.
 *
 * <p>Skipped when Chromium is missing, unless {@code -Dredress.browser.required=true}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HashPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RUN = 32;

  @TempDir static Path dir;
  private WorkspaceApp app;
  private ChromeDriver driver;

  @BeforeAll
  void start() throws IOException {
    boolean have = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!have) {
      if (Boolean.getBoolean("redress.browser.required")) {
        fail("Chromium and chromedriver are required: run scripts/test.d/browser.sh");
      }
      Assumptions.abort("no Chromium: run scripts/test.d/browser.sh");
    }
    app = WorkspaceApp.builder(dir.resolve("ws")).build().start("127.0.0.1", 0);
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
        "--allow-file-access-from-files",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
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
  @Order(1)
  void wasm_jvmDecodedVectorPixels_sameHashesAndQualityForAllEightVariants() throws IOException {
    open("/hash");
    assertExactEngine();
    PdqHasher jvm = new PdqHasher();
    int checked = 0;
    List<String> undecodable = new ArrayList<>();
    for (Path f : vectorImages()) {
      BufferedImage img = ImageIO.read(f.toFile());
      if (img == null) {
        undecodable.add(f.getFileName().toString());
        continue;
      }
      int w = img.getWidth();
      int h = img.getHeight();
      int[] rgb = ReferenceResize.resizeRgb(img.getRGB(0, 0, w, h, null, 0, w), w, h);
      if (ReferenceResize.applies(w, h)) {
        w = ReferenceResize.LIMIT;
        h = ReferenceResize.LIMIT;
      }
      for (boolean grey : new boolean[] {false, true}) {
        DihedralHashes expected;
        if (grey) {
          float[] luma = new float[w * h];
          for (int i = 0; i < luma.length; i++) {
            luma[i] = rgb[i] & 0xFF;
          }
          expected = jvm.hashLumaDihedral(luma, w, h);
        } else {
          expected = jvm.hashRgbDihedral(rgb, w, h);
        }
        JsonNode got = hashPixels(rgb, w, h, grey);
        String what = f.getFileName() + (grey ? " (grey path)" : "");
        assertThat(got.path("quality").asInt()).as(what).isEqualTo(expected.quality());
        for (Dihedral d : Dihedral.values()) {
          assertThat(got.path("hashes").get(d.ordinal()).asText())
              .as("%s %s", what, d.referenceName())
              .isEqualTo(expected.get(d).toString());
        }
      }
      checked++;
    }
    System.out.printf(
        Locale.ROOT,
        "wasm exactness: %d vector images x 8 variants x 2 paths equal; not decodable by ImageIO:"
            + " %s%n",
        checked,
        undecodable);
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  @Test
  @Order(2)
  void page_vectorFilesDecodedByTheBrowser_withinEightBitsOfTheCli() throws Exception {
    open("/hash");
    assertExactEngine();
    List<Path> files = vectorImages();
    driver.findElement(By.id("files")).sendKeys(String.join("\n", paths(files)));
    waitDone(files.size(), Duration.ofMinutes(4));
    MediaHasher cli = MediaHasher.builder().build();
    Map<String, List<Integer>> byFormat = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    List<String> far = new ArrayList<>();
    for (WebElement tr : driver.findElements(By.cssSelector("#hashes tbody tr"))) {
      String name = tr.getDomAttribute("data-file");
      Path f =
          files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().get();
      String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      MediaHash h;
      try {
        h = cli.hash(f);
      } catch (org.redress.media.MediaException e) {
        lines.add(name + "\tcli-cannot-decode\t");
        continue;
      }
      String pdq = tr.getDomAttribute("data-pdq");
      if (pdq == null || pdq.isEmpty()) {
        lines.add(name + "\tbrowser-cannot-decode\t" + tr.getDomAttribute("data-error"));
        continue;
      }
      assertThat(tr.getDomAttribute("data-sha256")).as(name).isEqualTo(h.sha256());
      assertThat(tr.getDomAttribute("data-md5")).as(name).isEqualTo(h.md5());
      int d = Pdq.parse(pdq).distance(h.pdq().pdq());
      byFormat.computeIfAbsent(ext, k -> new ArrayList<>()).add(d);
      lines.add(
          String.format(
              Locale.ROOT,
              "%s\t%d\tbrowser q=%s cli q=%d",
              name,
              d,
              tr.getDomAttribute("data-quality"),
              h.pdq().quality()));
      if (d > 8) {
        far.add(name + " " + d);
      }
    }
    Path out = Path.of("target", "hash-distances.tsv");
    Files.createDirectories(out.getParent());
    Files.write(out, lines, StandardCharsets.UTF_8);
    byFormat.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT,
                "browser vs cli, %s: %d files, distances %s%n",
                k,
                v.size(),
                v.stream().sorted().toList()));
    assertThat(byFormat.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(30);
    assertThat(far).as("files more than 8 bits from the CLI").isEmpty();
  }

  @Test
  @Order(3)
  void page_twentyPicturesAndAVideoAddedToABank_noFileByteLeavesAndUnder2KibPerFile()
      throws Exception {
    Path her = Files.createDirectories(dir.resolve("her"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Path p = her.resolve("photo-" + i + ".jpg");
      ImageIO.write(Fixtures.picture(100 + i), "jpg", p.toFile());
      files.add(p);
    }
    Path video = her.resolve("clip.mp4");
    SampleVideo.write(
        video,
        160,
        120,
        10,
        40,
        0,
        (k, rgb) -> {
          for (int i = 0; i < rgb.length; i++) {
            rgb[i] = ((i % 160 + k * 3) & 0xFF) << 16 | ((i / 160 * 2) & 0xFF) << 8 | (k * 5);
          }
        });
    files.add(video);
    driver.get(app.url());
    driver.findElement(By.id("new-case")).click();
    waitFor(() -> driver.getCurrentUrl().matches(".*/cases/[^/]+$"), Duration.ofSeconds(30));
    String url = driver.getCurrentUrl();
    String caseId = url.substring(url.lastIndexOf('/') + 1);
    // The session exists now; the launch token's redirect would drop the query.
    driver.get("http://127.0.0.1:" + app.port() + "/cases/" + caseId + "/hash");
    waitFor(
        () -> "true".equals(driver.findElement(By.id("hasher")).getDomAttribute("data-ready")),
        Duration.ofSeconds(60));
    driver.manage().logs().get(LogType.PERFORMANCE); // drop the page load's entries
    driver.findElement(By.id("files")).sendKeys(String.join("\n", paths(files)));
    waitDone(files.size(), Duration.ofMinutes(3));
    WebElement videoRow = driver.findElement(By.cssSelector("#hashes tr[data-file='clip.mp4']"));
    assertThat(videoRow.getDomAttribute("data-kind")).isEqualTo("video");
    assertThat(Integer.parseInt(videoRow.getDomAttribute("data-frames"))).isGreaterThan(1);
    driver.findElement(By.id("add-to-bank")).click();
    waitFor(
        () -> driver.findElement(By.id("hasher")).getDomAttribute("data-added") != null,
        Duration.ofSeconds(60));
    // 20 pictures x (PDQ, SHA-256) + the video's vPDQ, MD5 and SHA-256: all reach the bank
    // (added, or refused there as too featureless, never lost).
    WebElement root = driver.findElement(By.id("hasher"));
    int added = Integer.parseInt(root.getDomAttribute("data-added"));
    int low = Integer.parseInt(root.getDomAttribute("data-low"));
    int duplicates = Integer.parseInt(root.getDomAttribute("data-duplicates"));
    System.out.printf(
        Locale.ROOT,
        "bank: %d added, %d too featureless, %d already there%n",
        added,
        low,
        duplicates);
    assertThat(added + low + duplicates).isEqualTo(43);
    assertThat(added).isGreaterThanOrEqualTo(41);

    List<byte[]> bodies = new ArrayList<>();
    long sent = 0;
    int requests = 0;
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode m = JSON.readTree(e.getMessage()).path("message");
      if (!m.path("method").asText().equals("Network.requestWillBeSent")) {
        continue;
      }
      requests++;
      JsonNode req = m.path("params").path("request");
      sent += req.path("url").asText().length() + req.path("method").asText().length();
      for (Map.Entry<String, JsonNode> h : req.path("headers").properties()) {
        sent += h.getKey().length() + h.getValue().asText().length() + 4;
      }
      if (req.path("hasPostData").asBoolean()) {
        String body = req.path("postData").asText(null);
        if (body == null) {
          Map<String, Object> r =
              driver.executeCdpCommand(
                  "Network.getRequestPostData",
                  Map.of("requestId", m.path("params").path("requestId").asText()));
          body = String.valueOf(r.get("postData"));
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        bodies.add(b);
        sent += b.length;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "privacy: %d requests, %d bodies, %d bytes sent for %d files (%.0f per file)%n",
        requests,
        bodies.size(),
        sent,
        files.size(),
        (double) sent / files.size());
    assertThat(bodies).as("the hash list was sent").isNotEmpty();
    assertThat(sent / files.size()).isLessThan(2048);
    Set<Long> windows = new HashSet<>();
    for (byte[] b : bodies) {
      for (int i = 0; i + RUN <= b.length; i++) {
        windows.add(fingerprint(b, i));
      }
    }
    for (Path f : files) {
      byte[] data = Files.readAllBytes(f);
      for (int i = 0; i + RUN <= data.length; i++) {
        if (windows.contains(fingerprint(data, i))) {
          for (byte[] b : bodies) {
            assertThat(indexOf(b, data, i))
                .as("a 32-byte run of %s at %d was sent", f.getFileName(), i)
                .isLessThan(0);
          }
        }
      }
    }
    assertThat(cspReports()).as("violations while hashing").isEmpty();
    // The report endpoint works: a load from elsewhere is blocked and reported.
    ((JavascriptExecutor) driver)
        .executeScript("var i = new Image(); i.src = 'http://192.0.2.1/probe.png';");
    waitFor(() -> cspReports().size() == 1, Duration.ofSeconds(20));
    assertThat(cspReports().get(0).toString()).contains("192.0.2.1");
  }

  @Test
  @Order(4)
  void standaloneFile_hashesOffline_sameHashesAsThePage() throws Exception {
    Path html = dir.resolve("hasher.html");
    Files.writeString(html, HasherPage.standalone("zh"), StandardCharsets.UTF_8);
    assertThat(Files.readString(html, StandardCharsets.UTF_8))
        .doesNotContain("http://")
        .doesNotContain("https://");
    Path her = Files.createDirectories(dir.resolve("offline"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path p = her.resolve("photo-" + i + ".png");
      ImageIO.write(Fixtures.picture(300 + i), "png", p.toFile());
      files.add(p);
    }
    driver.manage().logs().get(LogType.PERFORMANCE);
    driver.get(html.toUri().toString());
    waitFor(
        () -> "true".equals(driver.findElement(By.id("hasher")).getDomAttribute("data-ready")),
        Duration.ofSeconds(60));
    driver.findElement(By.id("files")).sendKeys(String.join("\n", paths(files)));
    waitDone(files.size(), Duration.ofMinutes(1));
    MediaHasher cli = MediaHasher.builder().build();
    for (Path f : files) {
      WebElement tr =
          driver.findElement(By.cssSelector("#hashes tr[data-file='" + f.getFileName() + "']"));
      assertThat(tr.getDomAttribute("data-pdq")).isEqualTo(cli.hash(f).pdq().pdq().toString());
    }
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode m = JSON.readTree(e.getMessage()).path("message");
      if (m.path("method").asText().equals("Network.requestWillBeSent")) {
        String url = m.path("params").path("request").path("url").asText();
        assertThat(url).as("request from the offline file").matches("(file|blob|data):.*");
      }
    }
  }

  @Test
  @Order(5)
  void page_withResults_axeFindsNoSeriousOrCriticalViolation() throws Exception {
    Path her = Files.createDirectories(dir.resolve("axe"));
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Path p = her.resolve("photo-" + i + ".png");
      ImageIO.write(Fixtures.picture(500 + i), "png", p.toFile());
      files.add(p);
    }
    open("/hash");
    driver.findElement(By.id("files")).sendKeys(String.join("\n", paths(files)));
    waitDone(files.size(), Duration.ofMinutes(1));
    Path shots = Path.of(System.getProperty("redress.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    Files.write(
        shots.resolve("hash.png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    String axe;
    try (java.io.InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    driver.executeScript(axe);
    Object out =
        driver.executeAsyncScript(
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
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(10)
  void fallback_javaScriptForced_everyRowLabelledApproximateAndWithinAFewBits() throws Exception {
    open("/hash");
    // The launch token's redirect drops other parameters: ask again, signed in, with the flag.
    String plain = driver.getCurrentUrl().replaceAll("[?#].*$", "");
    driver.get(plain + "?engine=js");
    waitFor(
        () -> "true".equals(driver.findElement(By.id("hasher")).getDomAttribute("data-ready")),
        Duration.ofSeconds(60));
    WebElement root = driver.findElement(By.id("hasher"));
    assertThat(root.getDomAttribute("data-approximate")).isEqualTo("true");
    assertThat(driver.findElement(By.id("approximate-note")).isDisplayed()).isTrue();
    // Same pixels: TeaVM's JavaScript build against PdqHasher on the JVM's decodes.
    PdqHasher jvm = new PdqHasher();
    List<Integer> pixelDistances = new ArrayList<>();
    int qualityOff = 0;
    for (Path f : vectorImages()) {
      BufferedImage img = ImageIO.read(f.toFile());
      if (img == null) {
        continue;
      }
      int w = img.getWidth();
      int h = img.getHeight();
      int[] rgb = ReferenceResize.resizeRgb(img.getRGB(0, 0, w, h, null, 0, w), w, h);
      if (ReferenceResize.applies(w, h)) {
        w = ReferenceResize.LIMIT;
        h = ReferenceResize.LIMIT;
      }
      DihedralHashes expected = jvm.hashRgbDihedral(rgb, w, h);
      JsonNode got = hashPixels(rgb, w, h, false);
      qualityOff += got.path("quality").asInt() == expected.quality() ? 0 : 1;
      for (Dihedral d : Dihedral.values()) {
        pixelDistances.add(
            Pdq.parse(got.path("hashes").get(d.ordinal()).asText()).distance(expected.get(d)));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "javascript fallback vs jvm, same pixels: %d hashes (8 variants each), distances %s,"
            + " quality different for %d images%n",
        pixelDistances.size(),
        histogram(pixelDistances),
        qualityOff);
    assertThat(pixelDistances).hasSizeGreaterThanOrEqualTo(40 * 8);
    assertThat(pixelDistances).allMatch(d -> d <= 8);
    // Same files, decoded by the browser: every row and list item marked, digests exact.
    List<Path> files = vectorImages();
    driver.findElement(By.id("files")).sendKeys(String.join("\n", paths(files)));
    waitDone(files.size(), Duration.ofMinutes(6));
    MediaHasher cli = MediaHasher.builder().build();
    List<Integer> fileDistances = new ArrayList<>();
    for (WebElement tr : driver.findElements(By.cssSelector("#hashes tbody tr"))) {
      String name = tr.getDomAttribute("data-file");
      String pdq = tr.getDomAttribute("data-pdq");
      if (pdq == null || pdq.isEmpty()) {
        continue;
      }
      assertThat(tr.getDomAttribute("data-approximate")).as(name).isEqualTo("true");
      Path f =
          files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().get();
      MediaHash h = cli.hash(f);
      assertThat(tr.getDomAttribute("data-md5")).as(name).isEqualTo(h.md5());
      assertThat(tr.getDomAttribute("data-sha256")).as(name).isEqualTo(h.sha256());
      fileDistances.add(Pdq.parse(pdq).distance(h.pdq().pdq()));
    }
    System.out.printf(
        Locale.ROOT,
        "javascript fallback vs cli, same files: %d files, distances %s%n",
        fileDistances.size(),
        histogram(fileDistances));
    assertThat(fileDistances).hasSizeGreaterThanOrEqualTo(30);
    JsonNode list =
        JSON.readTree(
            String.valueOf(
                ((JavascriptExecutor) driver)
                    .executeScript("return JSON.stringify(window.redressHasher.hashList());")));
    assertThat(list.path("items").size()).isEqualTo(fileDistances.size());
    list.path("items")
        .forEach(i -> assertThat(i.path("approximate").asBoolean()).as(i.toString()).isTrue());
    List<HashList.Entry> parsed = HashList.parse(list.toString());
    assertThat(HashList.approximate(parsed)).isEqualTo(parsed.size());
  }

  /** The page runs the WebAssembly build, not the approximate fallback. */
  private void assertExactEngine() {
    WebElement root = driver.findElement(By.id("hasher"));
    assertThat(root.getDomAttribute("data-approximate"))
        .as("fallback taken: %s", root.getDomAttribute("data-exact-error"))
        .isNull();
  }

  /** Distance to count, in order: {0=300, 1=12, ...}. */
  private static Map<Integer, Long> histogram(List<Integer> distances) {
    Map<Integer, Long> out = new TreeMap<>();
    distances.forEach(d -> out.merge(d, 1L, Long::sum));
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  private void open(String path) {
    driver.get(app.url(path));
    waitFor(
        () -> "true".equals(driver.findElement(By.id("hasher")).getDomAttribute("data-ready")),
        Duration.ofSeconds(60));
  }

  private JsonNode hashPixels(int[] rgb, int w, int h, boolean grey) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < w * h; i++) {
      b.putInt(rgb[i] & 0xFFFFFF);
    }
    Object r =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "window.redressHasher.hashPixels(arguments[0], arguments[1], arguments[2],"
                    + " arguments[3]).then(function (r) { done(JSON.stringify(r)); },"
                    + " function (e) { done('error: ' + e.message); });",
                w,
                h,
                Base64.getEncoder().encodeToString(b.array()),
                grey);
    String s = String.valueOf(r);
    if (s.startsWith("error")) {
      fail(s);
    }
    return JSON.readTree(s);
  }

  private List<JsonNode> cspReports() {
    Object r =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/hash/csp-reports').then(function (r) { return r.text(); })"
                    + ".then(done, function (e) { done('[]'); });");
    try {
      List<JsonNode> out = new ArrayList<>();
      JSON.readTree(String.valueOf(r)).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void waitDone(int n, Duration limit) {
    waitFor(
        () -> {
          WebElement root = driver.findElement(By.id("hasher"));
          return "done".equals(root.getDomAttribute("data-state"))
              && driver.findElements(By.cssSelector("#hashes tbody tr")).size() == n;
        },
        limit);
  }

  static List<Path> vectorImages() throws IOException {
    Path data = Vectors.pdq().resolve("data");
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png|webp)"))
          .sorted()
          .toList();
    }
  }

  private static List<String> paths(List<Path> files) {
    return files.stream().map(p -> p.toAbsolutePath().toString()).toList();
  }

  private static long fingerprint(byte[] b, int off) {
    long h = 1125899906842597L;
    for (int i = off; i < off + RUN; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  private static int indexOf(byte[] hay, byte[] data, int off) {
    outer:
    for (int i = 0; i + RUN <= hay.length; i++) {
      for (int k = 0; k < RUN; k++) {
        if (hay[i + k] != data[off + k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
