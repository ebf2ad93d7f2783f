package org.redress.web.dossier;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.redress.casework.CaseworkException;
import org.redress.casework.DossierWork;
import org.redress.documents.Lang;
import org.redress.dossier.PerpetratorIndex;
import org.redress.dossier.Target;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.web.Web;
import org.redress.web.WebException;

/**
 * {@code GET /dossiers}: chats, senders and seller contacts across the consenting cases, with
 * counts; {@code GET /dossiers/build?chat=ID|sender=ID|handle=H}: one dossier; {@code POST
 * /dossiers/papers}: its joint papers and package; {@code GET /dossiers/papers/{folder}/{file}}:
 * one of them. The gate lets only advocates, lawyers and administrators in (with accounts).
 */
public final class DossierController {
  /** Roles that may see dossiers when the workspace is served with accounts. */
  public static final Set<String> ROLES = Set.of("advocate", "lawyer", "admin");

  private static final Pattern FOLDER = Pattern.compile("[0-9]{8}-[0-9]{6}");
  private static final Pattern FILE =
      Pattern.compile(
          "joint-(police-report|evidence-list)\\.(zh|en)\\.(pdf|docx)|joint-evidence\\.zip");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final Web web;

  /** The dossiers shown lately: a page shown again is not built again while nothing changed. */
  private final DossierWork.Cache shown = new DossierWork.Cache(16);

  /** The controller over the app's shared parts. */
  public DossierController(Web web) {
    this.web = web;
  }

  /** Posts listed on one page of a dossier. */
  public static final int PAGE = 100;

  /**
   * One page of the posts behind a dossier's total.
   *
   * @param shown the posts on this page
   * @param from the first shown post's number (1-based; 0 when there is none)
   * @param to the last shown post's number
   * @param total every post the dossier counted
   * @param prevHref the previous page, or null
   * @param nextHref the next page, or null
   */
  public record PostPage(
      List<org.redress.dossier.Dossier.Post> shown,
      long from,
      long to,
      long total,
      String prevHref,
      String nextHref) {}

  /** One row of the index. */
  public record Row(String kind, String param, String id, String names, int cases, long posts) {}

  /** {@code GET /dossiers}. */
  public void index(Context ctx) throws CaseworkException {
    PerpetratorIndex idx = web.casework().dossiers().index();
    List<Row> rows = new ArrayList<>();
    for (PerpetratorIndex.Entry e : idx.sharedBy(1)) {
      String param =
          switch (e.kind()) {
            case CHAT -> "chat";
            case SENDER, FORWARD_SOURCE -> "sender";
            case CONTACT -> "handle";
          };
      rows.add(
          new Row(
              e.kind().name().toLowerCase(Locale.ROOT),
              param,
              e.id(),
              String.join(", ", e.names()),
              e.cases().size(),
              e.posts()));
    }
    web.render(ctx, "dossier/index.jte", "rows", rows);
  }

  /** {@code GET /dossiers/build}. */
  public void build(Context ctx) throws CaseworkException {
    Target target = target(ctx);
    long page = page(ctx);
    DossierWork.Result r = web.casework().dossiers().build(target, (page - 1) * PAGE, shown);
    long total = r.dossier().totals().posts();
    long pages = Math.max(1, (total + PAGE - 1) / PAGE);
    if (page > pages) { // past the end: show the last page
      page = pages;
      r = web.casework().dossiers().build(target, (page - 1) * PAGE, shown);
    }
    List<org.redress.dossier.Dossier.Post> listed = r.dossier().posts();
    List<org.redress.dossier.Dossier.Post> shown = listed.subList(0, Math.min(PAGE, listed.size()));
    long from = shown.isEmpty() ? 0 : (page - 1) * PAGE + 1;
    String base = "/dossiers/build?" + query(target) + "&page=";
    PostPage posts =
        new PostPage(
            shown,
            from,
            shown.isEmpty() ? 0 : from + shown.size() - 1,
            total,
            page > 1 ? base + (page - 1) : null,
            page < pages ? base + (page + 1) : null);
    String folder = ctx.queryParam("papers");
    List<String> files = new ArrayList<>();
    if (folder != null && FOLDER.matcher(folder).matches()) {
      Path dir = papersRoot().resolve(safe(target.key())).resolve(folder);
      if (Files.isDirectory(dir)) {
        try (var s = Files.list(dir)) {
          s.map(p -> p.getFileName().toString())
              .filter(n -> FILE.matcher(n).matches())
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("failed to list " + dir, e);
        }
      } else {
        folder = null;
      }
    } else {
      folder = null;
    }
    web.render(
        ctx,
        "dossier/build.jte",
        "result",
        r,
        "query",
        query(target),
        "hidden",
        hidden(target),
        "folder",
        folder == null ? "" : folder,
        "files",
        files,
        "posts",
        posts);
  }

  /** The page asked for, 1 when none or not a page number. */
  private static long page(Context ctx) {
    String p = ctx.queryParam("page");
    if (p == null || !p.matches("[1-9][0-9]{0,8}")) {
      return 1;
    }
    return Long.parseLong(p);
  }

  /** {@code POST /dossiers/papers}: writes the joint papers and package, then shows them. */
  public void papers(Context ctx) throws CaseworkException, EvidenceException {
    Target target = target(ctx);
    String folder = STAMP.format(web.clock().instant().atZone(java.time.ZoneOffset.UTC));
    Path dir = papersRoot().resolve(safe(target.key())).resolve(folder);
    try (EvidenceStore store = web.locker()) {
      web.casework().dossiers().papers(target, store, dir, List.of(Lang.values()), "Redress");
    }
    ctx.redirect(
        "/dossiers/build?" + query(target) + "&papers=" + folder,
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code GET /dossiers/papers/{target}/{folder}/{file}}. */
  public void download(Context ctx) {
    String t = ctx.pathParam("target");
    String folder = ctx.pathParam("folder");
    String file = ctx.pathParam("file");
    if (!t.matches("[A-Za-z0-9_.-]{1,200}")
        || !FOLDER.matcher(folder).matches()
        || !FILE.matcher(file).matches()) {
      throw WebException.notFound(file);
    }
    Path want = papersRoot().resolve(t).resolve(folder).resolve(file);
    if (!Files.isRegularFile(want)) {
      throw WebException.notFound(file);
    }
    ctx.contentType(
        file.endsWith(".pdf")
            ? "application/pdf"
            : file.endsWith(".zip")
                ? "application/zip"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    try (InputStream in = Files.newInputStream(want)) {
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + want, e);
    }
  }

  private Path papersRoot() {
    return web.workspace().resolve("dossiers").resolve("papers");
  }

  /** The folder name of a target's papers. */
  public static String safe(String targetKey) {
    return targetKey.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static Target target(Context ctx) {
    String chat = param(ctx, "chat");
    String sender = param(ctx, "sender");
    String handle = param(ctx, "handle");
    int given = (chat == null ? 0 : 1) + (sender == null ? 0 : 1) + (handle == null ? 0 : 1);
    if (given != 1) {
      throw new WebException(400, "dossier.error.target", null);
    }
    try {
      if (chat != null) {
        return new Target.Chat(Long.parseLong(chat.strip()));
      }
      return sender != null ? new Target.Sender(sender) : new Target.Contact(handle);
    } catch (IllegalArgumentException e) {
      throw new WebException(400, "dossier.error.target", null);
    }
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      v = ctx.formParam(name);
    }
    return v == null || v.isBlank() ? null : v;
  }

  /** The query string that names a target. */
  static String query(Target t) {
    String[] kv = hidden(t);
    return kv[0] + "=" + java.net.URLEncoder.encode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The form field that names a target: name and value. */
  static String[] hidden(Target t) {
    if (t instanceof Target.Chat c) {
      return new String[] {"chat", Long.toString(c.id())};
    }
    if (t instanceof Target.Sender s) {
      return new String[] {"sender", s.id()};
    }
    return new String[] {"handle", ((Target.Contact) t).contact()};
  }
}
