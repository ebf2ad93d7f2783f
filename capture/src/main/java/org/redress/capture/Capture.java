package org.redress.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.FetchOptions;
import org.netpreserve.jwarc.FetchResult;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The front door: captures a public web page as evidence. The page and every resource it loads
 * (images, videos, style sheets, scripts, icons) are fetched once each and written, request and
 * response with all headers, to a gzipped WARC file ({@code page.warc.gz}, ISO 28500, by jwarc); a
 * screenshot of the page is taken with headless Chromium ({@code screenshot.png}); what was
 * fetched, when, and with which headers is summed up in {@code capture.json}. A Telegram channel
 * preview ({@code t.me/s/NAME}) is also parsed into its posts and counters ({@link
 * TelegramPreview}).
 *
 * <p>Manners: {@code robots.txt} is fetched first (and kept in the WARC) and obeyed for the page
 * and each resource; requests to one host are spaced by a delay (default 2 s); nothing is posted,
 * no cookie is kept and nothing logs in. Not thread-safe.
 */
public final class Capture {
  /** The user agent; robots.txt groups for {@code RedressCapture} apply. */
  public static final String AGENT = "RedressCapture/0.1 (evidence preservation)";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Duration delay;
  private final int maxResources;
  private final long maxBytes;
  private final Clock clock;
  private final boolean screenshot;
  private final Map<String, Robots> robots = new HashMap<>();
  private final Map<String, Instant> lastFetch = new HashMap<>();

  private Capture(Builder b) {
    this.delay = b.delay;
    this.maxResources = b.maxResources;
    this.maxBytes = b.maxBytes;
    this.clock = b.clock;
    this.screenshot = b.screenshot;
  }

  /** A builder with the defaults: 2 s between requests to a host, 300 resources, 100 MB each. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One fetched resource.
   *
   * @param uri what was fetched
   * @param status the HTTP status, or -1 when it was not fetched
   * @param contentType the response's media type, or empty
   * @param sha256 the SHA-256 of the (decoded) body, or empty
   * @param file where the body was saved (media only), or null
   * @param problem why it was not fetched, or null
   */
  public record Resource(
      URI uri, int status, String contentType, String sha256, Path file, String problem) {}

  /**
   * What a capture produced.
   *
   * @param url the page
   * @param started when the first request was sent
   * @param finished when the last response was read
   * @param status the page's HTTP status
   * @param warc the WARC file
   * @param screenshot the screenshot, or null
   * @param screenshotProblem why there is no screenshot, or null
   * @param metadata {@code capture.json}
   * @param resources the page's resources (the page itself first)
   * @param channel the Telegram channel preview, when the page is one, else null
   */
  public record Result(
      URI url,
      Instant started,
      Instant finished,
      int status,
      Path warc,
      Path screenshot,
      String screenshotProblem,
      Path metadata,
      List<Resource> resources,
      TelegramPreview.Channel channel) {
    /** The saved body of a resource, if it was saved. */
    public Optional<Path> fileOf(URI uri) {
      return resources.stream()
          .filter(r -> r.uri().equals(uri) && r.file() != null)
          .map(Resource::file)
          .findFirst();
    }
  }

  /**
   * Captures one page into {@code dir} (created; must be empty or new).
   *
   * @throws CaptureException for a URL that is not http(s), a page robots.txt disallows, a page
   *     that cannot be fetched, or files that cannot be written
   */
  public Result capture(URI url, Path dir) throws CaptureException {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new CaptureException("not an http or https URL: " + url);
    }
    if (url.getUserInfo() != null) {
      throw new CaptureException(
          "URLs with a user name or password are refused (never log in): " + url);
    }
    try {
      Files.createDirectories(dir);
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new CaptureException("the capture folder is not empty: " + dir);
        }
      }
      Files.createDirectories(dir.resolve("media"));
    } catch (IOException e) {
      throw new CaptureException("failed to create the capture folder " + dir + ": " + e, e);
    }
    Path warcFile = dir.resolve("page.warc.gz");
    Instant started = clock.instant();
    List<Resource> resources = new ArrayList<>();
    TelegramPreview.Channel channel = null;
    ObjectNode meta = JSON.createObjectNode();
    int status;
    try (FileChannel ch =
            FileChannel.open(warcFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcWriter warc = new WarcWriter(ch, WarcCompression.GZIP)) {
      warc.write(
          new Warcinfo.Builder()
              .date(started)
              .filename("page.warc.gz")
              .fields(
                  Map.of(
                      "software",
                      List.of("redress capture"),
                      "format",
                      List.of("WARC File Format 1.1"),
                      "robots",
                      List.of("obey"),
                      "http-header-user-agent",
                      List.of(AGENT)))
              .build());
      if (!allowed(warc, url)) {
        throw new CaptureException(
            "robots.txt of " + url.getHost() + " disallows " + url + "; not captured");
      }
      Fetched page = fetch(warc, url);
      if (page.problem != null) {
        throw new CaptureException("failed to fetch " + url + ": " + page.problem);
      }
      status = page.status;
      meta.put("url", url.toString());
      meta.put("status", page.status);
      meta.set("request_headers", headers(page.requestHeaders));
      meta.set("response_headers", headers(page.responseHeaders));
      resources.add(
          new Resource(url, page.status, page.contentType, sha256(page.body), null, null));
      String html = new String(page.body, StandardCharsets.UTF_8);
      if (page.contentType.contains("html")) {
        if (TelegramPreview.looksLikePreview(html)) {
          channel = TelegramPreview.parse(html, url);
        }
        int n = 0;
        for (URI r : resourcesOf(html, url)) {
          if (n++ >= maxResources) {
            resources.add(
                new Resource(
                    r, -1, "", "", null, "over the limit of " + maxResources + " resources"));
            continue;
          }
          resources.add(resource(warc, r, dir.resolve("media"), n));
        }
      }
    } catch (IOException e) {
      throw new CaptureException("failed to write " + warcFile + ": " + e.getMessage(), e);
    }
    Instant finished = clock.instant();
    Path png = null;
    String shotProblem = null;
    if (!screenshot) {
      shotProblem = "screenshots were turned off";
    } else {
      Optional<Path> chromium = Chromium.find();
      if (chromium.isEmpty()) {
        shotProblem =
            "Chromium is not installed, so no screenshot was taken (run: " + Chromium.INSTALL + ")";
      } else {
        try {
          pause(url.getHost());
          png = dir.resolve("screenshot.png");
          Chromium.screenshot(chromium.get(), url.toString(), png, 90);
        } catch (IOException e) {
          png = null;
          shotProblem = "the screenshot failed: " + e.getMessage();
        }
      }
    }
    Path metaFile = dir.resolve("capture.json");
    meta.put("started", started.toString());
    meta.put("finished", finished.toString());
    meta.put("user_agent", AGENT);
    meta.put("warc", "page.warc.gz");
    meta.put("warc_sha256", sha256(warcFile));
    if (png != null) {
      meta.put("screenshot", "screenshot.png");
      meta.put("screenshot_sha256", sha256(png));
      meta.put("screenshot_window", Chromium.WIDTH + "x" + Chromium.HEIGHT);
    } else {
      meta.put("screenshot_problem", shotProblem);
    }
    ArrayNode rs = meta.putArray("resources");
    for (Resource r : resources) {
      ObjectNode o = rs.addObject();
      o.put("url", r.uri().toString());
      o.put("status", r.status());
      o.put("content_type", r.contentType());
      o.put("sha256", r.sha256());
      if (r.problem() != null) {
        o.put("problem", r.problem());
      }
    }
    if (channel != null) {
      ObjectNode tp = meta.putObject("telegram_preview");
      tp.put("name", channel.name());
      tp.put("title", channel.title());
      tp.put("subscribers_shown", channel.subscribersShown());
      tp.put("subscribers", channel.subscribers());
      ArrayNode ps = tp.putArray("posts");
      for (TelegramPreview.Post p : channel.posts()) {
        ObjectNode o = ps.addObject();
        o.put("id", p.id());
        o.put("date", p.date() == null ? null : p.date().toString());
        o.put("views_shown", p.viewsShown());
        o.put("views", p.views());
        ArrayNode m = o.putArray("media");
        p.media().forEach(u -> m.add(u.toString()));
      }
    }
    try {
      Files.writeString(metaFile, JSON.writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CaptureException("failed to write " + metaFile + ": " + e.getMessage(), e);
    }
    return new Result(
        url, started, finished, status, warcFile, png, shotProblem, metaFile, resources, channel);
  }

  private static ObjectNode headers(MessageHeaders h) {
    ObjectNode o = JSON.createObjectNode();
    if (h != null) {
      h.map()
          .forEach(
              (k, v) -> {
                ArrayNode a = o.putArray(k);
                v.forEach(a::add);
              });
    }
    return o;
  }

  private Resource resource(WarcWriter warc, URI r, Path mediaDir, int n) throws IOException {
    String rs = r.getScheme() == null ? "" : r.getScheme().toLowerCase(Locale.ROOT);
    if (!rs.equals("http") && !rs.equals("https")) {
      return new Resource(r, -1, "", "", null, "not http(s)");
    }
    if (!allowed(warc, r)) {
      return new Resource(r, -1, "", "", null, "disallowed by robots.txt");
    }
    Fetched f = fetch(warc, r);
    if (f.problem != null) {
      return new Resource(r, -1, "", "", null, f.problem);
    }
    Path file = null;
    String ct = f.contentType;
    if (f.status == 200 && (ct.startsWith("image/") || ct.startsWith("video/"))) {
      String ext = ct.substring(ct.indexOf('/') + 1).replaceAll("[^a-z0-9]", "");
      file =
          mediaDir.resolve(
              String.format(Locale.ROOT, "%04d.%s", n, ext.equals("jpeg") ? "jpg" : ext));
      Files.write(file, f.body, StandardOpenOption.CREATE_NEW);
    }
    return new Resource(r, f.status, ct, sha256(f.body), file, null);
  }

  /** Resources the page loads: images, videos, sources, scripts, style sheets, icons, CSS urls. */
  static Set<URI> resourcesOf(String html, URI base) {
    Document doc = Jsoup.parse(html, base.toString());
    Set<String> urls = new LinkedHashSet<>();
    for (Element e : doc.select("img[src], video[src], audio[src], source[src], script[src]")) {
      urls.add(e.absUrl("src"));
    }
    for (Element e : doc.select("video[poster]")) {
      urls.add(e.absUrl("poster"));
    }
    for (Element e : doc.select("link[href]")) {
      String rel = e.attr("rel").toLowerCase(Locale.ROOT);
      if (rel.contains("stylesheet") || rel.contains("icon")) {
        urls.add(e.absUrl("href"));
      }
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)").matcher(html);
    while (m.find()) {
      String u = m.group(1).strip();
      if (!u.startsWith("data:")) {
        try {
          urls.add(base.resolve(u.replace("&amp;", "&")).toString());
        } catch (IllegalArgumentException ignored) {
          // not a URL
        }
      }
    }
    Set<URI> out = new LinkedHashSet<>();
    for (String u : urls) {
      if (u.isEmpty()) {
        continue;
      }
      try {
        URI uri = URI.create(u);
        if (uri.getFragment() != null) {
          uri = new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        }
        if (!uri.equals(base)) {
          out.add(uri);
        }
      } catch (IllegalArgumentException | java.net.URISyntaxException ignored) {
        // not a URL
      }
    }
    return out;
  }

  /** Whether robots.txt of the URL's origin allows it; fetches (and records) robots.txt once. */
  private boolean allowed(WarcWriter warc, URI url) throws IOException {
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    Robots r = robots.get(origin);
    if (r == null) {
      Fetched f = fetch(warc, URI.create(origin + "/robots.txt"));
      if (f.problem != null || f.status >= 500) {
        r = Robots.disallowAll();
      } else if (f.status >= 400) {
        r = Robots.allowAll();
      } else {
        r = Robots.parse(new String(f.body, StandardCharsets.UTF_8), "RedressCapture");
      }
      robots.put(origin, r);
    }
    String pq = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      pq += "?" + url.getRawQuery();
    }
    return r.allowed(pq);
  }

  private static final class Fetched {
    int status;
    String contentType = "";
    byte[] body = new byte[0];
    MessageHeaders requestHeaders;
    MessageHeaders responseHeaders;
    String problem;
  }

  private Fetched fetch(WarcWriter warc, URI uri) throws IOException {
    pause(uri.getHost());
    Fetched f = new Fetched();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    FetchResult result;
    try {
      result =
          warc.fetch(
              uri,
              new FetchOptions()
                  .userAgent(AGENT)
                  .maxLength(maxBytes)
                  .readTimeout(30_000)
                  .maxTime(120_000)
                  .copyTo(raw));
    } catch (IOException e) {
      f.problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return f;
    } finally {
      lastFetch.put(uri.getHost(), clock.instant());
    }
    if (result.exception() != null) {
      f.problem = String.valueOf(result.exception().getMessage());
    }
    if (result.response() == null) {
      if (f.problem == null) {
        f.problem = "no response";
      }
      return f;
    }
    f.problem = null;
    f.requestHeaders = result.request() == null ? null : result.request().http().headers();
    HttpResponse resp =
        HttpResponse.parse(
            Channels.newChannel(new java.io.ByteArrayInputStream(raw.toByteArray())));
    f.status = resp.status();
    f.responseHeaders = resp.headers();
    f.contentType = resp.headers().first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    f.body = resp.bodyDecoded().stream().readAllBytes();
    return f;
  }

  private void pause(String host) {
    Instant last = lastFetch.get(host);
    if (last == null) {
      return;
    }
    long wait = Duration.between(clock.instant(), last.plus(delay)).toMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The SHA-256 of a file, as hex.
   *
   * @throws IOException when it cannot be read
   */
  public static String sha256Hex(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  static String sha256(Path file) throws CaptureException {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CaptureException("failed to read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Builds a {@link Capture}; every setter checks its value. */
  public static final class Builder {
    private Duration delay = Duration.ofSeconds(2);
    private int maxResources = 300;
    private long maxBytes = 100L << 20;
    private Clock clock = Clock.systemUTC();
    private boolean screenshot = true;

    private Builder() {}

    /**
     * The pause between two requests to the same host.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder delay(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("delay must be >= 0, was " + d);
      }
      this.delay = d;
      return this;
    }

    /**
     * How many resources of a page are fetched at most.
     *
     * @throws IllegalArgumentException when not in 0..10000
     */
    public Builder maxResources(int n) {
      if (n < 0 || n > 10_000) {
        throw new IllegalArgumentException("max resources must be in 0..10000, was " + n);
      }
      this.maxResources = n;
      return this;
    }

    /** The clock for the capture's times. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Whether a screenshot is taken with Chromium (default: on). */
    public Builder screenshot(boolean on) {
      this.screenshot = on;
      return this;
    }

    /** The capturer. */
    public Capture build() {
      return new Capture(this);
    }
  }
}
