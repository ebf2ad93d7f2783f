package org.redress.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.redress.media.MediaException;
import org.redress.media.MediaHasher;

/**
 * The browser hasher against the CLI on 12-megapixel JPEGs (issue 15): {@code BrowserHashBench
 * HASHER.html [N] [CHROMIUM] [DIR]} writes N (default 8) distinct photo-like 4000×3000 JPEGs,
 * hashes them with {@link MediaHasher} on one thread (what {@code redress hash} does per core),
 * then in headless Chromium through the self-contained hasher ({@code redress hasher HASHER.html})
 * with one worker and with one worker per core, and prints images per second with the machine's
 * load. Chromium is driven over the DevTools protocol (the JDK's WebSocket client); nothing leaves
 * the machine. With DIR, JPEGs already written there are reused.
 */
public final class BrowserHashBench {
  private static final Pattern WS = Pattern.compile("DevTools listening on (ws://\\S+)");

  /**
   * The worker's JPEG decoders, both measured in the same run: {@code yuv} (WebCodecs' ImageDecoder
   * planes, the page's default) and {@code bitmap} ({@code createImageBitmap}); the system property
   * {@code redress.bench.decoders} (comma-separated) picks some.
   */
  private static final List<String> DECODERS =
      List.of(System.getProperty("redress.bench.decoders", "bitmap,yuv").split(","));

  private BrowserHashBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: BrowserHashBench HASHER.html [N] [CHROMIUM] [DIR]");
      System.exit(2);
    }
    Path html = Path.of(args[0]).toAbsolutePath();
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String chromium = args.length > 2 ? args[2] : "/usr/bin/chromium";
    Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("browser-hash-bench");
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path existing = dir.resolve(String.format(Locale.ROOT, "photo-%02d.jpg", i));
      if (Files.isRegularFile(existing)) {
        files.add(existing);
        continue;
      }
      Path p = dir.resolve(String.format(Locale.ROOT, "photo-%02d.jpg", i));
      BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
      img.setRGB(0, 0, 4000, 3000, SyntheticImages.photoLike(4000, 3000, new Random(i)), 0, 4000);
      ImageIO.write(img, "jpg", p.toFile());
      files.add(p);
    }
    System.out.printf(Locale.ROOT, "%d JPEGs of 4000x3000 in %s; load %s%n", n, dir, load());
    Map<String, String> expected = new LinkedHashMap<>();
    Rate cli = cliRate(files, expected);
    System.out.printf(
        Locale.ROOT,
        "cli (MediaHasher, 1 thread): %.2f images/s, %.1f images per CPU-second; load %s%n",
        cli.perSecond(),
        cli.perCpuSecond(),
        load());
    Process chrome =
        new ProcessBuilder(
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--user-data-dir=" + dir.resolve("profile"),
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .start();
    try {
      String ws = devtoolsUrl(chrome);
      int cores = Runtime.getRuntime().availableProcessors();
      for (String decoder : DECODERS) {
        for (int workers : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
          Rate rate = browserRate(ws, chrome.toHandle(), html, files, workers, decoder, expected);
          System.out.printf(
              Locale.ROOT,
              "browser (%s, %d worker%s): %.2f images/s (%.0f%% of the cli's one-thread rate),"
                  + " %.1f images per CPU-second (%.0f%% of the cli's); load %s%n",
              decoder,
              workers,
              workers == 1 ? "" : "s",
              rate.perSecond(),
              100 * rate.perSecond() / cli.perSecond(),
              rate.perCpuSecond(),
              100 * rate.perCpuSecond() / cli.perCpuSecond(),
              load());
          if (rate.differing() != 0) {
            throw new IllegalStateException(
                "the browser's PDQ differs from the cli's for " + rate.differing() + " files");
          }
        }
      }
    } finally {
      chrome.destroy();
      chrome.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Images per wall-clock second and per CPU-second (all the hashing process's threads). */
  record Rate(double perSecond, double perCpuSecond, int differing) {}

  private static Rate cliRate(List<Path> files, Map<String, String> pdqs) throws MediaException {
    MediaHasher h = MediaHasher.builder().build();
    h.hash(files.get(0));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu = mx.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    for (Path f : files) {
      pdqs.put(f.getFileName().toString(), h.hash(f).pdq().pdq().toString());
    }
    double secs = (System.nanoTime() - t) / 1e9;
    double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
    return new Rate(files.size() / secs, files.size() / cpuSecs, 0);
  }

  /** CPU time of the browser and all its processes alive now (renderer, GPU, utility). */
  private static long cpuNanos(ProcessHandle browser) {
    long[] sum = {browser.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)};
    browser
        .descendants()
        .forEach(p -> sum[0] += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L));
    return sum[0];
  }

  private static Rate browserRate(
      String ws,
      ProcessHandle browser,
      Path html,
      List<Path> files,
      int workers,
      String decoder,
      Map<String, String> expected)
      throws Exception {
    try (Cdp cdp = new Cdp(ws)) {
      String target =
          cdp.call(
              "Target.createTarget",
              "{\"url\":\""
                  + html.toUri()
                  + "?workers="
                  + workers
                  + "&decoder="
                  + decoder
                  + System.getProperty("redress.bench.query", "")
                  + "\"}",
              null);
      String targetId = field(target, "targetId");
      String s =
          field(
              cdp.call(
                  "Target.attachToTarget",
                  "{\"targetId\":\"" + targetId + "\",\"flatten\":true}",
                  null),
              "sessionId");
      waitTrue(cdp, s, "document.getElementById('hasher')?.dataset.ready === 'true'");
      String doc = cdp.call("DOM.getDocument", "{}", s);
      String input =
          number(
              cdp.call(
                  "DOM.querySelector",
                  "{\"nodeId\":" + number(doc, "nodeId") + ",\"selector\":\"#files\"}",
                  s),
              "nodeId");
      StringBuilder paths = new StringBuilder();
      for (Path f : files) {
        paths.append(paths.length() == 0 ? "" : ",").append('"').append(f).append('"');
      }
      long cpu = cpuNanos(browser);
      long t = System.nanoTime();
      cdp.call("DOM.setFileInputFiles", "{\"nodeId\":" + input + ",\"files\":[" + paths + "]}", s);
      waitTrue(
          cdp,
          s,
          "document.getElementById('hasher').dataset.state === 'done' && "
              + "document.querySelectorAll('#hashes tbody tr[data-pdq]').length === "
              + files.size());
      double secs = (System.nanoTime() - t) / 1e9;
      double cpuSecs = (cpuNanos(browser) - cpu) / 1e9;
      String stages =
          cdp.call(
              "Runtime.evaluate",
              "{\"expression\":\"JSON.stringify(window.redressHasher.timings())\","
                  + "\"returnByValue\":true}",
              s);
      System.out.println("  ms per image and stage (in the worker): " + meanStages(stages));
      String got =
          cdp.call(
              "Runtime.evaluate",
              "{\"expression\":\"Array.from(document.querySelectorAll('#hashes tbody tr'))"
                  + ".map(r => r.dataset.file + '=' + r.dataset.pdq).join(' ')\","
                  + "\"returnByValue\":true}",
              s);
      int same = 0;
      for (Map.Entry<String, String> e : expected.entrySet()) {
        if (got.contains(e.getKey() + "=" + e.getValue())) {
          same++;
        }
      }
      cdp.call("Target.closeTarget", "{\"targetId\":\"" + targetId + "\"}", null);
      return new Rate(files.size() / secs, files.size() / cpuSecs, expected.size() - same);
    }
  }

  /** The mean of each stage's milliseconds over the images, from the page's timings JSON. */
  static String meanStages(String answer) {
    Matcher value = Pattern.compile("\"value\":\"(.*)\"\\}\\}").matcher(answer);
    if (!value.find()) {
      return "none";
    }
    String json = value.group(1).replace("\\\"", "\"");
    Map<String, double[]> sums = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\":([0-9.eE+-]+)").matcher(json);
    while (m.find()) {
      double[] s = sums.computeIfAbsent(m.group(1), k -> new double[2]);
      s[0] += Double.parseDouble(m.group(2));
      s[1]++;
    }
    StringBuilder out = new StringBuilder();
    sums.forEach(
        (k, s) ->
            out.append(out.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f", s[0] / s[1])));
    return out.toString();
  }

  /**
   * Waits until {@code expr} is true in the page: the page checks it every 100 ms itself and
   * answers once, so the benchmark's own polling costs the browser next to no CPU time.
   */
  private static void waitTrue(Cdp cdp, String session, String expr) throws Exception {
    String wait =
        "new Promise((resolve) => { const start = Date.now(); const check = () => { let ok = false;"
            + " try { ok = ("
            + expr
            + "); } catch (e) { ok = false; }"
            + " if (ok || Date.now() - start > 600000) { resolve(ok); } else {"
            + " setTimeout(check, 100); } }; check(); })";
    String r = "";
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        r =
            cdp.call(
                "Runtime.evaluate",
                "{\"expression\":\""
                    + wait.replace("\"", "\\\"")
                    + "\",\"awaitPromise\":true,\"returnByValue\":true}",
                session);
        break;
      } catch (IllegalStateException e) {
        // The page was still loading (its context replaced): ask again.
        Thread.sleep(100);
      }
    }
    if (!r.contains("\"value\":true")) {
      throw new IllegalStateException("timed out waiting for " + expr + ": " + r);
    }
  }

  private static String devtoolsUrl(Process chrome) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(chrome.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      Matcher m = WS.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (r.readLine() != null) {
                      // keep the pipe empty
                    }
                  } catch (IOException ignored) {
                    // the browser ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IOException("chromium did not start its DevTools endpoint");
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static String number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** A DevTools protocol connection: one call at a time, answers matched by id. */
  static final class Cdp implements WebSocket.Listener, AutoCloseable {
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();

    Cdp(String url) {
      this.socket =
          HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    String call(String method, String params, String session) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<String> f = new CompletableFuture<>();
      pending.put(id, f);
      String msg =
          "{\"id\":"
              + id
              + ",\"method\":\""
              + method
              + "\",\"params\":"
              + params
              + (session == null ? "" : ",\"sessionId\":\"" + session + "\"")
              + "}";
      socket.sendText(msg, true).join();
      String r = f.get(10, TimeUnit.MINUTES);
      if (r.contains("\"error\":{")) {
        throw new IllegalStateException(method + " failed: " + r);
      }
      return r;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String msg = partial.toString();
        partial.setLength(0);
        Matcher m = Pattern.compile("^\\{\"id\":(\\d+),").matcher(msg);
        if (m.find()) {
          CompletableFuture<String> f = pending.remove(Integer.parseInt(m.group(1)));
          if (f != null) {
            f.complete(msg);
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
