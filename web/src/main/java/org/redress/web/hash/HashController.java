package org.redress.web.hash;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.cases.AddReport;
import org.redress.casework.Cases;
import org.redress.casework.HashList;
import org.redress.web.Messages;
import org.redress.web.Page;
import org.redress.web.Web;
import org.redress.web.WebException;

/**
 * Hashing in her own browser: the page {@code /hash} (and its scripts and WebAssembly module), the
 * hash list it sends to her case's bank, and the endpoint that records Content Security Policy
 * violations. Her files are read, decoded and hashed in the browser; this server only ever receives
 * a {@code redress/hash-list@1} document (names, sizes, hashes).
 */
public final class HashController {
  /**
   * The policy of these pages: the workspace's own, plus {@code 'wasm-unsafe-eval'} (compiling the
   * WebAssembly module; no JavaScript eval), {@code blob:} for the locally drawn thumbnails and the
   * video element over her own file, workers from this origin (and, for the JavaScript fallback, a
   * worker made here from this origin's two scripts), and violation reports sent here.
   */
  public static final String CSP =
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"
          + " img-src 'self' blob:; media-src blob:; worker-src 'self' blob:; connect-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
          + " report-uri /csp-report";

  /** How many violation reports are kept in memory. */
  static final int MAX_REPORTS = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final System.Logger LOG = System.getLogger(HashController.class.getName());

  private final Web web;
  private final List<String> reports = new ArrayList<>();

  /** The controller over the app's shared parts. */
  public HashController(Web web) {
    this.web = web;
  }

  /**
   * {@code GET /hash}, and {@code GET /cases/{id}/hash}, which also offers adding to that case's
   * bank (under the case's path, so the workspace's access list applies to it).
   */
  public void page(Context ctx) {
    String given = ctx.pathParamMap().get("id");
    String caseId = null;
    String bankUrl = null;
    if (given != null) {
      Cases.CaseInfo c =
          web.cases().get(given).orElseThrow(() -> WebException.notFound("case " + given));
      bankUrl = "/cases/" + c.id() + "/bank/hash-list";
      caseId = c.id();
    }
    Page page = web.page(ctx);
    web.render(
        ctx, "hash/page.jte", "m", Messages.of(page.lang()), "caseId", caseId, "bankUrl", bankUrl);
    ctx.header("Content-Security-Policy", CSP);
  }

  /** {@code GET /hash/hash-page.js}. */
  public void pageScript(Context ctx) {
    asset(ctx, HasherPage.PAGE_JS, "text/javascript; charset=utf-8");
  }

  /** {@code GET /hash/hash-worker.js}: its CSP is the worker's (it compiles the module). */
  public void workerScript(Context ctx) {
    asset(ctx, HasherPage.WORKER_JS, "text/javascript; charset=utf-8");
  }

  /**
   * {@code GET /hash/phash.js}: TeaVM's JavaScript build of the same code, for browsers without
   * WebAssembly GC (hashes labelled approximate).
   */
  public void javaScriptModule(Context ctx) {
    asset(ctx, HasherPage.PHASH_JS, "text/javascript; charset=utf-8");
  }

  /** {@code GET /hash/phash.wasm}. */
  public void module(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.contentType("application/wasm");
    ctx.result(HasherPage.wasm());
  }

  /**
   * {@code POST /cases/{id}/bank/hash-list}: a {@code redress/hash-list@1} document; answers {@code
   * {"added":N,"duplicates":N,"low":N}}.
   */
  public void addToBank(Context ctx) {
    Cases.CaseInfo c =
        web.cases()
            .get(ctx.pathParam("id"))
            .orElseThrow(() -> WebException.notFound("case " + ctx.pathParam("id")));
    List<HashList.Entry> entries;
    try {
      entries = HashList.parse(ctx.body());
    } catch (IllegalArgumentException e) {
      throw WebException.badInput("hash.error.list", e.getMessage());
    }
    if (entries.isEmpty()) {
      throw WebException.badInput("hash.error.list", "no items");
    }
    AddReport r = web.database().banks().add(c.bank(), HashList.items(entries, c.id(), null));
    ctx.header("Content-Security-Policy", CSP);
    ctx.json(
        Map.of(
            "added", r.count(AddReport.Status.ADDED),
            "duplicates", r.count(AddReport.Status.DUPLICATE),
            "low", r.count(AddReport.Status.LOW_QUALITY)));
  }

  /**
   * {@code POST /csp-report}: the browser's report of something the policy blocked (an attempt to
   * load or send anything elsewhere). Logged and kept; reachable without a session because the
   * browser sends reports without the page's cookie.
   */
  public void cspReport(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8).strip();
    LOG.log(System.Logger.Level.WARNING, "content security policy violation: {0}", text);
    synchronized (reports) {
      if (reports.size() < MAX_REPORTS) {
        reports.add(text);
      }
    }
    ctx.status(204);
  }

  /** {@code GET /hash/csp-reports}: the reports received since start, as a JSON array. */
  public void cspReports(Context ctx) {
    List<Object> out = new ArrayList<>();
    synchronized (reports) {
      for (String r : reports) {
        try {
          out.add(JSON.readTree(r));
        } catch (IOException e) {
          out.add(r);
        }
      }
    }
    ctx.json(out);
  }

  private static void asset(Context ctx, String name, String type) {
    try (InputStream in = HashController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw WebException.notFound(name);
      }
      ctx.header("Content-Security-Policy", CSP);
      ctx.contentType(type);
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + name, e);
    }
  }
}
