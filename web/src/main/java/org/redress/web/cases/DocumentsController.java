package org.redress.web.cases;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.documents.DocumentKind;
import org.redress.documents.Lang;
import org.redress.documents.OutputFormat;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.web.Web;
import org.redress.web.WebException;

/**
 * The documents page: drafts every document of the case through {@code casework} (the code {@code
 * redress doc all} runs), lists them to download as DOCX and PDF, and links each placeholder a
 * document still has to the interview question whose answer fills it.
 */
public final class DocumentsController {
  private static final Pattern FOLDER = Pattern.compile("[0-9]{8}-[0-9]{6}(-[0-9]{1,4})?");
  private static final Pattern FILE = Pattern.compile("[a-z0-9-]{1,40}\\.(zh|en)\\.(docx|pdf)");

  private final Web web;

  /** The controller over the app's shared parts. */
  public DocumentsController(Web web) {
    this.web = web;
  }

  /**
   * One placeholder the documents still have, the documents that have it, and the interview
   * question that fills it (null: filled by hand).
   */
  public record GapRow(String label, String documents, String question) {}

  /** One document in one language, with its files to download (null when not drafted). */
  public record Download(String title, String lang, String docx, String pdf) {}

  /** {@code GET /cases/{id}/documents}. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    boolean hasFacts;
    Optional<Cases.Drafted> d;
    try {
      hasFacts = !web.cases().history(c.id(), Cases.FACTS).isEmpty();
      d = web.cases().latestDraft(c.id());
    } catch (CaseworkException e) {
      throw WebException.notFound(c.id());
    }
    List<Download> files = new ArrayList<>();
    List<GapRow> gaps = new ArrayList<>();
    String made = "";
    if (d.isPresent()) {
      String folder = d.get().dir().getFileName().toString();
      made = shown(folder);
      Lang pageLang = Lang.tryParse(web.page(ctx).lang()).orElse(Lang.ZH);
      Map<String, String[]> rows = new LinkedHashMap<>();
      for (Path p : d.get().files()) {
        String name = p.getFileName().toString();
        String[] parts = name.split("\\.");
        String[] row = rows.computeIfAbsent(parts[0] + "." + parts[1], k -> new String[2]);
        row[parts[2].equals("docx") ? 0 : 1] =
            "/cases/" + c.id() + "/documents/" + folder + "/" + name;
      }
      for (Map.Entry<String, String[]> e : rows.entrySet()) {
        String[] key = e.getKey().split("\\.");
        String title = DocumentKind.tryParse(key[0]).map(x -> x.title(pageLang)).orElse(key[0]);
        files.add(new Download(title, key[1], e.getValue()[0], e.getValue()[1]));
      }
      Map<String, List<String>> byLabel = new LinkedHashMap<>();
      Map<String, String> question = new LinkedHashMap<>();
      for (Cases.Gap g : d.get().gaps()) {
        List<String> kinds = byLabel.computeIfAbsent(g.label(), k -> new ArrayList<>());
        String t = g.kind().title(pageLang);
        if (!kinds.contains(t)) {
          kinds.add(t);
        }
        g.path()
            .ifPresent(
                p ->
                    question.put(
                        g.label(),
                        "/cases/"
                            + c.id()
                            + "/interview?path="
                            + java.net.URLEncoder.encode(
                                p, java.nio.charset.StandardCharsets.UTF_8)));
      }
      for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
        gaps.add(
            new GapRow(
                e.getKey(),
                String.join(pageLang == Lang.ZH ? "、" : ", ", e.getValue()),
                question.get(e.getKey())));
      }
      gaps.sort(java.util.Comparator.comparing((GapRow r) -> r.question() == null));
    }
    web.render(
        ctx,
        "cases/documents.jte",
        "c",
        c,
        "hasFacts",
        hasFacts,
        "made",
        made,
        "files",
        files,
        "gaps",
        gaps);
  }

  /** A drafted folder's name ({@code 20261207-015016}) as a time: {@code 2026-12-07 01:50}. */
  static String shown(String folder) {
    return folder.substring(0, 4)
        + "-"
        + folder.substring(4, 6)
        + "-"
        + folder.substring(6, 8)
        + " "
        + folder.substring(9, 11)
        + ":"
        + folder.substring(11, 13);
  }

  /** {@code POST /cases/{id}/documents}: drafts every document anew, then shows the list. */
  public void generate(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    try (EvidenceStore locker = web.locker()) {
      web.cases()
          .draftAll(
              c.id(),
              List.of(Lang.ZH, Lang.EN),
              List.of(OutputFormat.DOCX, OutputFormat.PDF),
              "Redress · " + c.id(),
              locker,
              w -> {});
    } catch (CaseworkException e) {
      throw WebException.badInput("documents.no_facts", e.getMessage());
    } catch (EvidenceException e) {
      throw new WebException(500, "error.locker", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write the documents of case " + c.id(), e);
    }
    ctx.redirect("/cases/" + c.id() + "/documents", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /cases/{id}/documents/{folder}/{file}}: one drafted file, as a download. */
  public void download(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    String folder = ctx.pathParam("folder");
    String file = ctx.pathParam("file");
    if (!FOLDER.matcher(folder).matches() || !FILE.matcher(file).matches()) {
      throw WebException.notFound(file);
    }
    Path want = web.cases().dir(c.id()).resolve("documents").resolve(folder).resolve(file);
    boolean held;
    try {
      held = web.cases().documents(c.id()).stream().anyMatch(f -> f.path().equals(want));
    } catch (CaseworkException e) {
      throw WebException.notFound(c.id());
    }
    if (!held) {
      throw WebException.notFound(file);
    }
    ctx.contentType(
        file.endsWith(".pdf")
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    try (InputStream in = Files.newInputStream(want)) {
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + want, e);
    }
  }
}
