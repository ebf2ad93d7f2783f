package org.redress.web.scan;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.casework.Cases;
import org.redress.casework.OwnerOnly;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.cases.CasesController;

/** Scans of a case: start one on an export here, watch it, cancel or resume it, read it. */
public final class ScanController {
  private final Web web;

  /** The controller over the app's shared parts. */
  public ScanController(Web web) {
    this.web = web;
  }

  /** {@code GET /cases/{id}/scans}: the case's scans and the form to start one. */
  public void list(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    web.render(ctx, "scan/list.jte", "c", c, "scans", web.scans().list(c.id()));
  }

  /** {@code POST /cases/{id}/scans}: scans the export folders, ZIP files or folders given. */
  public void start(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    String text = ctx.formParam("paths");
    List<Path> paths = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        String s = line.strip();
        if (s.isEmpty()) {
          continue;
        }
        Path p;
        try {
          p = Paths.get(s).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
          throw WebException.badInput("scan.error.no_path", s);
        }
        if (!Files.exists(p)) {
          throw WebException.badInput("scan.error.no_path", s);
        }
        paths.add(p);
      }
    }
    if (paths.isEmpty()) {
      throw WebException.badInput("scan.error.no_paths", null);
    }
    ScanJob j = web.scans().start(c, paths, null);
    ctx.redirect(url(j), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /cases/{id}/scans/upload}: a ZIP export uploaded from this browser (streamed to
   * disk, size-limited), kept in the case folder and scanned like a path.
   */
  public void upload(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    io.javalin.http.UploadedFile f = ctx.uploadedFile("archive");
    if (f == null || f.size() == 0) {
      throw WebException.badInput("scan.error.no_upload", null);
    }
    Path dir = web.cases().dir(c.id()).resolve("uploads");
    Path target;
    try (java.io.InputStream in = f.content()) {
      OwnerOnly.dirs(dir);
      target = OwnerOnly.tempFile(dir, "export-", ".zip");
      try (java.io.OutputStream out =
          Files.newOutputStream(target, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("failed to receive the upload", e);
    }
    ScanJob j = web.scans().start(c, List.of(target), null);
    ctx.redirect(url(j), HttpStatus.SEE_OTHER);
  }

  /** {@code GET /cases/{id}/scans/{scan}}: progress while it runs, then the report. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    ScanJob j = job(c, ctx);
    if (j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL) {
      ReportView r =
          web.scans()
              .report(c.id(), j.id())
              .map(n -> new ReportView(n, web.page(ctx).lang()))
              .orElseThrow(() -> WebException.notFound(j.id()));
      ReportView.Filter f =
          new ReportView.Filter(param(ctx, "chat"), param(ctx, "item"), param(ctx, "signal"));
      int pageNo = 1;
      try {
        pageNo = Math.max(1, Integer.parseInt(param(ctx, "page")));
      } catch (NumberFormatException e) {
        // no or a bad page number: the first page
      }
      String base =
          url(j)
              + "?chat="
              + enc(f.chat())
              + "&item="
              + enc(f.item())
              + "&signal="
              + enc(f.signal())
              + "&page=";
      web.render(
          ctx,
          "scan/report.jte",
          "c",
          c,
          "scan",
          j,
          "r",
          r,
          "f",
          f,
          "rows",
          ReportView.Rows.of(r.occurrences(f), pageNo, base));
    } else {
      web.render(ctx, "scan/progress.jte", "c", c, "scan", j);
    }
  }

  /** {@code SSE /cases/{id}/scans/{scan}/events}: {@code progress} events until it ends. */
  public void events(SseClient client) {
    Context ctx = client.ctx();
    Cases.CaseInfo c = CasesController.find(web, ctx);
    ScanJob j = job(c, ctx);
    try {
      while (!client.terminated()) {
        ScanJob.State s = j.state();
        client.sendEvent(
            "progress",
            String.format(
                Locale.ROOT,
                "{\"state\":\"%s\",\"checked\":%d,\"total\":%d,\"percent\":%d}",
                s.name().toLowerCase(Locale.ROOT),
                j.checked(),
                j.total(),
                j.percent()));
        if (s.terminal()) {
          break;
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      client.close();
    }
  }

  /** {@code POST /cases/{id}/scans/{scan}/cancel}. */
  public void cancel(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    ScanJob j = job(c, ctx);
    web.scans().cancel(c.id(), j.id());
    ctx.redirect(url(j), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /cases/{id}/scans/{scan}/resume}: a new scan reusing this one's hashes. */
  public void resume(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    ScanJob old = job(c, ctx);
    if (!old.state().terminal()) {
      throw WebException.badInput("scan.error.running", old.id());
    }
    ScanJob j = web.scans().start(c, old.paths(), old.id());
    ctx.redirect(url(j), HttpStatus.SEE_OTHER);
  }

  private ScanJob job(Cases.CaseInfo c, Context ctx) {
    String id = ctx.pathParam("scan");
    return web.scans().get(c.id(), id).orElseThrow(() -> WebException.notFound(id));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  static String url(ScanJob j) {
    return "/cases/" + j.caseId() + "/scans/" + j.id();
  }
}
