package org.redress.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The case workspace in a browser: one Javalin server over one workspace directory. Built from its
 * dependencies (workspace, clock, token, limits) so tests start it on a free port:
 *
 * <pre>{@code
 * try (WorkspaceApp app = WorkspaceApp.builder(dir).build().start("127.0.0.1", 0)) {
 *   System.out.println(app.url());   // http://127.0.0.1:PORT/?token=TOKEN
 * }
 * }</pre>
 *
 * <p>Every page needs the per-launch token once (it becomes a session cookie); without it every
 * page answers 401. Any address but loopback needs accounts ({@link Builder#accounts}): then the
 * token opens nothing, every page needs a signed-in account, and a case's pages its access list.
 */
public final class WorkspaceApp implements AutoCloseable {
  /** The idle time after which a session is locked (point 5 of issue 14). */
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);

  /** The largest upload accepted (an evidence package or a ZIP export). */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

  private final Web web;
  private Javalin javalin;
  private String host;

  private WorkspaceApp(Web web) {
    this.web = web;
  }

  /**
   * Starts configuring a workspace app over {@code workspace} (created on first use).
   *
   * @throws IllegalArgumentException if {@code workspace} is null
   */
  public static Builder builder(Path workspace) {
    if (workspace == null) {
      throw new IllegalArgumentException("workspace must not be null");
    }
    return new Builder(workspace.toAbsolutePath().normalize());
  }

  /**
   * Starts the server on {@code host} (a loopback address) and {@code port} (0: a free port).
   *
   * @throws IllegalArgumentException if the host is not a loopback address or the port is out of
   *     range
   * @throws IllegalStateException if the server cannot start (the port is taken)
   */
  public WorkspaceApp start(String host, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (!isLoopback(host) && web.accounts().isEmpty()) {
      throw new IllegalArgumentException(
          "binding " + host + " needs accounts: build the app with accounts()");
    }
    if (web.accounts().isPresent() && !web.accounts().get().hasAdmin()) {
      throw new NoAdminException();
    }
    if (javalin != null) {
      throw new IllegalStateException("already started");
    }
    this.host = host;
    Javalin j =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              // The platform API's JSON batches (feedback, hashes) need more than a form does.
              config.http.maxRequestSize = web.apiEnabled() ? 4L * 1024 * 1024 : 64 * 1024;
              if (web.apiEnabled()) {
                // Javalin copies each answer through a fresh buffer of this size (32 KiB by
                // default): at thousands of lookups a second, 8 KiB allocates a quarter as much.
                config.http.responseBufferSize = 8 * 1024;
              }
              config.jetty.multipartConfig.cacheDirectory(web.uploads().toString());
              config.jetty.multipartConfig.maxFileSize(web.maxUploadBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  web.maxUploadBytes(), SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
              Routes.configure(config, web);
            });
    try {
      j.start(host, port);
    } catch (RuntimeException e) {
      j.stop();
      throw new IllegalStateException(
          "failed to start the workspace on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    this.javalin = j;
    web.guard().port(j.port());
    return this;
  }

  /** Serving with accounts needs at least one administrator account. */
  public static final class NoAdminException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoAdminException() {
      super("no admin account: create one with 'redress account add NAME --role admin'");
    }
  }

  /** Whether this app serves with accounts. */
  public boolean accountsMode() {
    return web.accounts().isPresent();
  }

  /**
   * The accounts of this app (served with them).
   *
   * @throws IllegalStateException without accounts
   */
  public org.redress.web.account.Accounts accounts() {
    return web.accounts().orElseThrow(() -> new IllegalStateException("served without accounts"));
  }

  /** The address of {@code path} without the launch token (served with accounts). */
  public String plainUrl(String path) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + path;
  }

  /** The port the server listens on (after {@link #start}). */
  public int port() {
    if (javalin == null) {
      throw new IllegalStateException("not started");
    }
    return javalin.port();
  }

  /** The address to open: {@code http://HOST:PORT/?token=TOKEN}. */
  public String url() {
    return url("/");
  }

  /** The address of {@code path} (starting with {@code /}) with the launch token. */
  public String url(String path) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://"
        + h
        + ":"
        + port()
        + path
        + (path.contains("?") ? "&" : "?")
        + "token="
        + web.guard().token();
  }

  /** The per-launch token. */
  public String token() {
    return web.guard().token();
  }

  /**
   * Makes the demo's case visible in this workspace (the workspace {@code redress demo} built):
   * case {@value org.redress.casework.Cases#DEMO} over bank {@code bank}, with the demo's spread
   * report as its first scan. Returns the case's path, to open.
   *
   * @throws java.io.UncheckedIOException if the report cannot be read
   */
  public String prepareDemo(String bank, Path reportJson, List<Path> scanned) {
    String id = org.redress.casework.Cases.DEMO;
    web.cases().create(id, bank);
    org.redress.casework.Cases.CaseInfo c = web.cases().get(id).orElseThrow();
    if (web.scans().list(id).isEmpty() && Files.isRegularFile(reportJson)) {
      web.scans().importReport(c, reportJson, scanned);
    }
    // The demo's merged facts (fictional people), stored in the case: the plan assesses them.
    Path facts = reportJson.getParent().resolveSibling("facts.json");
    try {
      if (Files.isRegularFile(facts)
          && web.cases().history(id, org.redress.casework.Cases.FACTS).isEmpty()) {
        try (org.redress.evidence.EvidenceStore locker = web.locker()) {
          web.cases().putFacts(id, Files.readString(facts, StandardCharsets.UTF_8), "demo", locker);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("failed to read the demo's facts " + facts, e);
    } catch (org.redress.casework.CaseworkException | org.redress.evidence.EvidenceException e) {
      throw new IllegalStateException("failed to store the demo's facts: " + e.getMessage(), e);
    }
    return "/cases/" + id;
  }

  /** Stops the server and cancels running scans. */
  @Override
  public void close() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
    web.close();
  }

  /** Whether {@code host} names a loopback address (without a DNS lookup for literals). */
  static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Options, each validated when set. */
  public static final class Builder {
    private final Path workspace;
    private Clock clock = Clock.systemUTC();
    private Duration idle = DEFAULT_IDLE;
    private String token;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private org.redress.evidence.KeySource keys = org.redress.evidence.KeySource.keyFile();
    private org.redress.web.account.Passwords passwords;
    private org.redress.cases.Workspace database;
    private boolean api;

    private Builder(Path workspace) {
      this.workspace = workspace;
    }

    /** The clock for sessions, case dates and scans (default: system UTC). */
    public Builder clock(Clock c) {
      if (c == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = c;
      return this;
    }

    /** Idle time after which a session locks (default 15 minutes). */
    public Builder idleTimeout(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("idle timeout must be positive, was " + d);
      }
      this.idle = d;
      return this;
    }

    /** The launch token (default: 32 random bytes, base64url); at least 16 characters. */
    public Builder token(String t) {
      if (t == null || t.length() < 16 || !t.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "token must be at least 16 characters of A-Z a-z 0-9 _ -, was "
                + (t == null ? "null" : t.length() + " characters"));
      }
      this.token = t;
      return this;
    }

    /**
     * Serves with accounts (sign-in, roles, per-case access lists, audit log), as any address but
     * loopback needs; {@code passwords} hashes them (the default cost: {@code new Passwords()}).
     */
    public Builder accounts(org.redress.web.account.Passwords p) {
      if (p == null) {
        throw new IllegalArgumentException("passwords must not be null");
      }
      this.passwords = p;
      return this;
    }

    /** The workspace database (default: the SQLite file in the workspace). */
    public Builder database(org.redress.cases.Workspace db) {
      if (db == null) {
        throw new IllegalArgumentException("database must not be null");
      }
      this.database = db;
      return this;
    }

    /**
     * Turns on the platform API (HMA and StopNCII compatible endpoints, authenticated by platform
     * keys; see docs/platform-api.md). Off by default.
     */
    public Builder api(boolean on) {
      this.api = on;
      return this;
    }

    /**
     * Where the evidence locker's master key comes from (default: the key file in the workspace);
     * the locker also seals a case's facts and parties. A passphrase is held until the app closes.
     */
    public Builder keys(org.redress.evidence.KeySource k) {
      this.keys = java.util.Objects.requireNonNull(k, "keys");
      return this;
    }

    /** The largest upload in bytes (default 2 GiB). */
    public Builder maxUploadBytes(long n) {
      if (n < 1024) {
        throw new IllegalArgumentException("max upload must be at least 1024 bytes, was " + n);
      }
      this.maxUploadBytes = n;
      return this;
    }

    /**
     * The app (not yet started); creates the workspace directory.
     *
     * @throws IllegalStateException if the workspace directory cannot be created
     */
    public WorkspaceApp build() {
      try {
        // Owner-only from the first folder (0700): the server writes here while it runs.
        org.redress.casework.OwnerOnly.dirs(workspace);
        Path uploads =
            org.redress.casework.OwnerOnly.dirs(workspace.resolve("tmp").resolve("uploads"));
        String t = token != null ? token : randomToken();
        Web web = new Web(workspace, clock, idle, t, maxUploadBytes, uploads, database, passwords);
        web.apiEnabled(api);
        web.keys(keys);
        return new WorkspaceApp(web);
      } catch (IOException e) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT, "failed to create the workspace %s: %s", workspace, e.getMessage()),
            e);
      }
    }
  }

  /** 32 random bytes as unpadded base64url. */
  static String randomToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
