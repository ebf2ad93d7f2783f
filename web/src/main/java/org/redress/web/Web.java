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
import org.redress.web.cases.CaseStore;
import org.redress.web.scan.ScanJobs;

/**
 * What the feature controllers share: the workspace, the clock, the case store, running scans,
 * sessions and the template engine. One per {@link WorkspaceApp}; no static mutable state.
 */
public final class Web implements AutoCloseable {
  private final Path workspace;
  private final Clock clock;
  private final long maxUploadBytes;
  private final Path uploads;
  private final Guard guard;
  private final CaseStore cases;
  private final ScanJobs scans;
  private final Workspace database;
  private volatile boolean apiEnabled;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Web(Path workspace, Clock clock, Duration idle, String token, long maxUploadBytes, Path uploads) {
    this.workspace = workspace;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
    this.uploads = uploads;
    this.guard = new Guard(token, new Sessions(clock, idle));
    this.cases = new CaseStore(workspace, clock);
    this.database = Workspace.open(workspace, clock, System.getProperty("user.name", "unknown"));
    this.scans = new ScanJobs(cases, database, clock);
  }

  /** The workspace directory. */
  public Path workspace() {
    return workspace;
  }

  /** The clock of this app. */
  public Clock clock() {
    return clock;
  }

  /** The case store. */
  public CaseStore cases() {
    return cases;
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
    scans.close();
  }
}
