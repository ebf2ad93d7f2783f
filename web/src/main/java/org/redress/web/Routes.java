package org.redress.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.redress.web.cases.BankController;
import org.redress.web.cases.CasesController;
import org.redress.web.evidence.EvidenceController;
import org.redress.web.scan.ScanController;

/** Every route of the workspace, in one place, and the one exception-to-status mapper. */
final class Routes {
  private Routes() {}

  static void configure(JavalinConfig config, Web web) {
    Guard guard = web.guard();
    CasesController cases = new CasesController(web);
    BankController bank = new BankController(web, cases);
    ScanController scans = new ScanController(web);
    org.redress.web.cases.PlanController plan = new org.redress.web.cases.PlanController(web);
    EvidenceController evidence = new EvidenceController(web);
    org.redress.web.interview.InterviewController interview =
        new org.redress.web.interview.InterviewController(web, web.drafts());
    org.redress.web.account.LoginController login =
        new org.redress.web.account.LoginController(web);

    config.routes.before(guard::check);
    // h-api (issue 18): the platform API, only with `serve --api`; first, so that a lookup's path
    // is found by the router's exact-path check before any other route's pattern is tried.
    org.redress.web.api.Api platformApi = null;
    if (web.apiEnabled()) {
      guard.api(true);
      platformApi =
          org.redress.web.api.Api.configure(config, web.database(), web.clock(), web.uploads());
    }
    // h-journey (issue 14): what a request wrote is owner-only before the answer goes out
    config.routes.after(ctx -> FileModes.after(web, ctx));

    config.routes.get("/static/app.css", ctx -> asset(ctx, "app.css", "text/css"));
    config.routes.get("/static/app.js", ctx -> asset(ctx, "app.js", "text/javascript"));
    config.routes.get(
        "/exit",
        ctx -> {
          guard.end(ctx);
          asset(ctx, "exit.html", "text/html");
        });
    config.routes.get(
        "/lock",
        ctx -> {
          guard.end(ctx);
          throw new WebException(401, "error.locked", null);
        });

    config.routes.get("/", cases::list);
    config.routes.post("/cases", cases::create);
    config.routes.get("/cases/{id}", cases::show);
    config.routes.get("/cases/{id}/bank", bank::show);
    config.routes.post("/cases/{id}/bank/hashes", bank::addHashes);
    config.routes.post("/cases/{id}/bank/files", bank::addFiles);
    config.routes.get("/cases/{id}/scans", scans::list);
    config.routes.post("/cases/{id}/scans", scans::start);
    config.routes.post("/cases/{id}/scans/upload", scans::upload);
    config.routes.get("/cases/{id}/scans/{scan}", scans::show);
    config.routes.sse("/cases/{id}/scans/{scan}/events", scans::events);
    config.routes.post("/cases/{id}/scans/{scan}/cancel", scans::cancel);
    config.routes.post("/cases/{id}/scans/{scan}/resume", scans::resume);
    config.routes.get("/cases/{id}/plan", plan::show);
    config.routes.get("/cases/{id}/evidence", evidence::show);
    config.routes.post("/cases/{id}/evidence/export", evidence::export);
    // h-journey (issue 14): preserve the latest scan's matches from the evidence page
    config.routes.post("/cases/{id}/evidence/preserve", evidence::preserve);
    // h-case: the documents page
    var documents = new org.redress.web.cases.DocumentsController(web);
    config.routes.get("/cases/{id}/documents", documents::show);
    config.routes.post("/cases/{id}/documents", documents::generate);
    config.routes.get("/cases/{id}/documents/{folder}/{file}", documents::download);
    config.routes.get("/verify", evidence::verifyForm);
    // h-web: the intake interview
    config.routes.get("/cases/{id}/interview", interview::show);
    config.routes.get("/cases/{id}/interview/review", interview::showReview);
    config.routes.post("/cases/{id}/interview", interview::answer);
    // h-web: accounts (served with --bind)
    config.routes.get("/login", login::form);
    config.routes.post("/login", login::signIn);
    config.routes.post("/logout", login::signOut);
    config.routes.get("/admin/audit", login::audit);
    // h-journey (issue 14): the accounts page and one's own password
    org.redress.web.account.AdminController admin =
        new org.redress.web.account.AdminController(web);
    config.routes.get("/admin/accounts", admin::show);
    config.routes.post("/admin/accounts", admin::add);
    config.routes.post("/admin/access", admin::access);
    config.routes.get("/account/password", admin::passwordForm);
    config.routes.post("/account/password", admin::changePassword);
    config.routes.post("/verify", evidence::verify);

    // h-wasm (issue 15): hashing in her own browser; the pages set their own CSP (HashController).
    org.redress.web.hash.HashController hashing = new org.redress.web.hash.HashController(web);
    config.routes.get("/hash", hashing::page);
    config.routes.get("/cases/{id}/hash", hashing::page);
    config.routes.get("/hash/hash-page.js", hashing::pageScript);
    config.routes.get("/hash/hash-worker.js", hashing::workerScript);
    config.routes.get("/hash/phash.wasm", hashing::module);
    config.routes.get("/hash/phash.js", hashing::javaScriptModule);
    config.routes.get("/hash/csp-reports", hashing::cspReports);
    config.routes.post("/cases/{id}/bank/hash-list", hashing::addToBank);
    config.routes.post("/csp-report", hashing::cspReport);
    // h-api (issue 18): the takedown tracker page, sharing her bank, the platform keys page.
    var takedowns = new org.redress.web.takedown.TakedownController(web);
    config.routes.get("/cases/{id}/takedowns", takedowns::show);
    config.routes.post("/cases/{id}/takedowns/share", takedowns::share);
    config.routes.post("/cases/{id}/takedowns/unshare", takedowns::unshare);
    var platformKeys = new org.redress.web.platform.PlatformsController(web, platformApi);
    config.routes.get("/admin/platforms", platformKeys::show);
    config.routes.post("/admin/platforms", platformKeys::add);
    config.routes.post("/admin/platforms/{name}/revoke", platformKeys::revoke);
    // h-dossier (issue 19): dossiers across consenting cases (advocates, lawyers, admins).
    var dossiers = new org.redress.web.dossier.DossierController(web);
    config.routes.get("/dossiers", dossiers::index);
    config.routes.get("/dossiers/build", dossiers::build);
    config.routes.post("/dossiers/papers", dossiers::papers);
    config.routes.get("/dossiers/papers/{target}/{folder}/{file}", dossiers::download);

    config.routes.exception(WebException.class, (e, ctx) -> error(web, ctx, e));
    config.routes.exception(
        Exception.class,
        (e, ctx) ->
            error(web, ctx, new WebException(500, "error.internal", e.getClass().getSimpleName())));
    config.routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(web, ctx, WebException.notFound(ctx.path()));
          }
        });
  }

  /** Renders an error page; a page without a session is rendered in the asked language. */
  private static void error(Web web, Context ctx, WebException e) {
    Guard.headers(ctx);
    ctx.status(HttpStatus.forStatus(e.status()));
    Page page;
    try {
      page = web.page(ctx);
    } catch (WebException noSession) {
      page = Page.anonymous(ctx);
    }
    gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    params.put("page", page);
    params.put("status", e.status());
    params.put("key", e.key());
    params.put("detail", e.detail());
    params.put("session", !page.csrf().isEmpty());
    web.templates().render("error.jte", params, out);
    ctx.html(out.toString());
  }

  private static void asset(Context ctx, String name, String type) {
    try (InputStream in = Routes.class.getResourceAsStream("/org/redress/web/static/" + name)) {
      if (in == null) {
        throw WebException.notFound(name);
      }
      ctx.contentType(type + "; charset=utf-8");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + name, e);
    }
  }
}
