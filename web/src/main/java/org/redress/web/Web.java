package org.redress.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.cases.Workspace;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.KeySource;
import org.redress.web.scan.ScanJobs;

/**
 * What the feature controllers share: the workspace, the clock, the casework layer (cases), running
 * scans, sessions and the template engine. One per {@link WorkspaceApp}; no static mutable state.
 */
public final class Web implements AutoCloseable {
  private final Path workspace;
  private final Clock clock;
  private final long maxUploadBytes;
  private final Path uploads;
  private final Guard guard;
  private final Casework casework;
  private KeySource keys = KeySource.keyFile();
  private final ScanJobs scans;
  private final Workspace database;
  private final org.redress.web.interview.InterviewDrafts drafts;
  private volatile boolean apiEnabled;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Web(
      Path workspace,
      Clock clock,
      Duration idle,
      String token,
      long maxUploadBytes,
      Path uploads,
      Workspace database,
      org.redress.web.account.Passwords passwords) {
    this.workspace = workspace;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
    this.uploads = uploads;
    Casework.Builder cw =
        Casework.builder(workspace).clock(clock).user(System.getProperty("user.name", "unknown"));
    if (database != null) {
      cw.workspace(database);
    }
    this.casework = cw.build();
    this.database = casework.workspace();
    this.guard =
        new Guard(
            token,
            new Sessions(clock, idle),
            passwords == null
                ? null
                : new org.redress.web.account.Accounts(this.database.accounts(), passwords));
    casework.cases().adoptFolders();
    this.scans = new ScanJobs(casework, clock);
    this.drafts =
        new org.redress.web.interview.SealedInterviewDrafts(casework.cases(), this::locker);
  }

  /** The workspace directory. */
  public Path workspace() {
    return workspace;
  }

  /** The clock of this app. */
  public Clock clock() {
    return clock;
  }

  /** The application layer the pages call, as the CLI does. */
  public Casework casework() {
    return casework;
  }

  /** The workspace's cases (through {@link #casework()}). */
  public Cases cases() {
    return casework.cases();
  }

  /**
   * Opens the workspace's evidence locker (its key file), which also seals and opens a case's facts
   * and parties; close it after the request.
   *
   * @throws EvidenceException when it cannot be opened
   */
  public EvidenceStore locker() throws EvidenceException {
    return EvidenceStore.builder(workspace).keys(keys).clock(clock).tool("redress", "web").open();
  }

  /** Where the locker's master key comes from (set once by the app's builder). */
  void keys(KeySource k) {
    this.keys = k;
  }

  /** The workspace database (banks). */
  public Workspace database() {
    return database;
  }

  /** Scans running or finished since launch. */
  public ScanJobs scans() {
    return scans;
  }

  /** The largest upload, in bytes. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Where multipart uploads are streamed to. */
  public Path uploads() {
    return uploads;
  }

  /** Whether the platform API is on ({@code redress serve --api}). */
  public boolean apiEnabled() {
    return apiEnabled;
  }

  void apiEnabled(boolean on) {
    this.apiEnabled = on;
  }

  Guard guard() {
    return guard;
  }

  /** Where interview answers are kept (a stand-in until casework keeps a case's facts). */
  public org.redress.web.interview.InterviewDrafts drafts() {
    return drafts;
  }

  /** The accounts when served with them, else empty. */
  public java.util.Optional<org.redress.web.account.Accounts> accounts() {
    return java.util.Optional.ofNullable(guard.accounts());
  }

  /** Signs an account in on this request (a new session and cookie). */
  public void signIn(Context ctx, org.redress.web.account.Accounts.Who who) {
    guard.signIn(ctx, who);
  }

  /** Ends the request's session. */
  public void signOut(Context ctx) {
    guard.end(ctx);
  }

  /** Whether {@code caseId} may be opened in this request (always without accounts). */
  public boolean mayOpen(Context ctx, String caseId) {
    org.redress.web.account.Accounts a = guard.accounts();
    if (a == null) {
      return true;
    }
    org.redress.web.account.Accounts.Who w = guard.session(ctx).who();
    return w != null && a.mayOpen(w, caseId);
  }

  /** Puts the signed-in account on a case's access list (a case it just opened). */
  public void grantOpener(Context ctx, String caseId) {
    org.redress.web.account.Accounts a = guard.accounts();
    org.redress.web.account.Accounts.Who w = guard.session(ctx).who();
    if (a != null && w != null && !w.admin()) {
      a.grant(caseId, w.name(), w.name());
    }
  }

  /** Who acts in this request: the signed-in account's name, or {@code local}. */
  public String who(Context ctx) {
    return guard.session(ctx).user();
  }

  /** The page model of the request: language, CSRF token, messages. */
  public Page page(Context ctx) {
    return Page.of(ctx, guard.session(ctx));
  }

  /**
   * Renders {@code template} (a path under {@code src/main/jte}) with the page and named
   * parameters, as HTML (every value escaped by JTE).
   */
  public void render(Context ctx, String template, Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", page(ctx));
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.html(out.toString());
  }

  TemplateEngine templates() {
    return templates;
  }

  @Override
  public void close() {
    keys.destroy();
    scans.close();
  }
}
