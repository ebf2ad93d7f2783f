package org.redress.web.evidence;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.redress.casework.Cases;
import org.redress.casework.OwnerOnly;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.PackageVerifier;
import org.redress.evidence.Verification;
import org.redress.report.ReportException;
import org.redress.report.SpreadReport;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.cases.CasesController;
import org.redress.web.scan.ScanJob;

/**
 * The case's evidence: the items preserved in the workspace's evidence store, a package to hand
 * over (hashes, metadata and proofs; no content), and the check of a package someone uploads, each
 * step shown.
 */
public final class EvidenceController {
  private final Web web;

  /** The controller over the app's shared parts. */
  public EvidenceController(Web web) {
    this.web = web;
  }

  /** {@code GET /cases/{id}/evidence}. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    if (EvidenceStore.needsPassphrase(web.workspace())) {
      web.render(
          ctx,
          "evidence/show.jte",
          "c",
          c,
          "items",
          List.<Item>of(),
          "locked",
          true,
          "scanned",
          false);
      return;
    }
    List<Item> items;
    try (EvidenceStore store = open()) {
      items = store.cases().contains(c.id()) ? store.list(c.id()) : List.of();
    } catch (EvidenceException e) {
      throw storeError(e);
    }
    boolean scanned =
        web.scans().list(c.id()).stream()
            .anyMatch(j -> j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL);
    web.render(
        ctx, "evidence/show.jte", "c", c, "items", items, "locked", false, "scanned", scanned);
  }

  /**
   * {@code POST /cases/{id}/evidence/preserve}: seals the matched files of the case's latest
   * finished scan, one item per post, and the report itself (casework's preserve step, as {@code
   * redress scan --preserve} does), then shows the evidence.
   */
  public void preserve(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    Optional<SpreadReport> latest = Optional.empty();
    for (ScanJob j : web.scans().list(c.id())) {
      if (j.state() == ScanJob.State.DONE || j.state() == ScanJob.State.PARTIAL) {
        latest = web.scans().report(c.id(), j.id());
        if (latest.isPresent()) {
          break;
        }
      }
    }
    if (latest.isEmpty()) {
      throw WebException.badInput("evidence.error.no_scan", null);
    }
    try (EvidenceStore store = open()) {
      web.casework().preserve(latest.get(), c.id(), store);
    } catch (EvidenceException e) {
      throw storeError(e);
    } catch (ReportException e) {
      throw new WebException(409, "evidence.error.store", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to preserve the scan's matches", e);
    }
    ctx.redirect("/cases/" + c.id() + "/evidence", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /cases/{id}/evidence/export}: downloads the package (no content inside). */
  public void export(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    Path tmp = null;
    try (EvidenceStore store = open()) {
      tmp = OwnerOnly.tempFile(web.uploads(), "export-", ".zip");
      Files.delete(tmp);
      store.export(c.id(), List.of(), tmp, null);
      ctx.header("Content-Disposition", "attachment; filename=\"evidence-" + c.id() + ".zip\"");
      ctx.contentType("application/zip");
      ctx.result(Files.readAllBytes(tmp));
    } catch (EvidenceException e) {
      throw storeError(e);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to export the package", e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * A store failure as the page shows it: when the store names what to do next, the message of that
   * step (worded for the web, in the person's language), else the plain refusal; the detail is the
   * store's own line.
   */
  public static WebException storeError(EvidenceException e) {
    String key =
        e.nextStep()
            .map(s -> "evidence.next." + s.name().toLowerCase(java.util.Locale.ROOT))
            .orElse("evidence.error.store");
    return new WebException(409, key, e.getMessage());
  }

  /** {@code GET /verify}: the form to check a package. */
  public void verifyForm(Context ctx) {
    web.render(
        ctx,
        "evidence/verify.jte",
        "checks",
        List.<Verification.Check>of(),
        "verified",
        false,
        "ok",
        false);
  }

  /** {@code POST /verify}: checks an uploaded package (streamed to disk) and shows each check. */
  public void verify(Context ctx) {
    UploadedFile f = ctx.uploadedFile("package");
    if (f == null) {
      throw WebException.badInput("verify.error.no_file", null);
    }
    Path tmp = null;
    try (InputStream in = f.content()) {
      tmp = OwnerOnly.tempFile(web.uploads(), "verify-", ".zip");
      try (java.io.OutputStream out =
          Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
      Verification v = PackageVerifier.verify(tmp);
      web.render(ctx, "evidence/verify.jte", "checks", v.checks(), "verified", true, "ok", v.ok());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to receive the package", e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private EvidenceStore open() throws EvidenceException {
    return web.locker();
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temporary file in the workspace's tmp folder; removed on the next start
      }
    }
  }
}
