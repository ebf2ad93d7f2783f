package org.redress.web.cases;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.redress.cases.AddReport;
import org.redress.cases.HashValue;
import org.redress.cases.Item;
import org.redress.cases.NewItem;
import org.redress.casework.Cases;
import org.redress.match.Signal;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.web.Web;
import org.redress.web.WebException;

/**
 * Her pictures, as a bank of hashes: add the files of a folder on this computer (hashed here, never
 * copied, never shown) or a list of hashes made elsewhere. The page shows labels, kinds of hash and
 * dates only.
 *
 * <p>Turning a file's hashes into bank items calls the public {@code media} and {@code cases} APIs;
 * the spine's {@code casework} layer will own that step (issue 11) and this then calls it.
 */
public final class BankController {
  /** The most files one "add a folder" request hashes. */
  static final int MAX_FILES = 2_000;

  /** The most lines one hash list may have. */
  static final int MAX_LINES = 10_000;

  private final Web web;
  private final CasesController cases;

  /** The controller over the app's shared parts. */
  public BankController(Web web, CasesController cases) {
    this.web = web;
    this.cases = cases;
  }

  /** {@code GET /cases/{id}/bank}. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    cases.ensureBank(c);
    List<Item> items = web.database().banks().items(c.bank());
    web.render(
        ctx,
        "cases/bank.jte",
        "c",
        c,
        "items",
        items,
        "added",
        ctx.queryParam("added"),
        "duplicates",
        ctx.queryParam("duplicates"),
        "low",
        ctx.queryParam("low"));
  }

  /** {@code POST /cases/{id}/bank/hashes}: one {@code SIGNAL:VALUE} per line. */
  public void addHashes(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    String text = ctx.formParam("hashes");
    if (text == null || text.isBlank()) {
      throw WebException.badInput("bank.error.no_hashes", null);
    }
    String[] lines = text.split("\\R");
    if (lines.length > MAX_LINES) {
      throw WebException.badInput("bank.error.too_many", String.valueOf(lines.length));
    }
    List<NewItem> items = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      HashValue v;
      try {
        v = HashValue.parseTagged(line);
      } catch (IllegalArgumentException e) {
        throw WebException.badInput(
            "bank.error.bad_line", String.format(Locale.ROOT, "%d: %s", i + 1, e.getMessage()));
      }
      String label =
          v.signal().id()
              + ":"
              + (v.value().length() > 16 ? v.value().substring(0, 16) + "…" : v.value());
      items.add(new NewItem(v, label, c.id(), null));
    }
    if (items.isEmpty()) {
      throw WebException.badInput("bank.error.no_hashes", null);
    }
    done(ctx, c, web.database().banks().add(c.bank(), items));
  }

  /** {@code POST /cases/{id}/bank/files}: hashes the pictures and videos of a folder here. */
  public void addFiles(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    String given = ctx.formParam("folder");
    if (given == null || given.isBlank()) {
      throw WebException.badInput("bank.error.no_folder", null);
    }
    Path folder;
    try {
      folder = Paths.get(given.strip());
    } catch (java.nio.file.InvalidPathException e) {
      throw WebException.badInput("bank.error.no_folder", given);
    }
    if (!Files.exists(folder)) {
      throw WebException.badInput("bank.error.no_folder", given);
    }
    List<Path> files = files(folder);
    MediaHasher hasher = MediaHasher.builder().build();
    List<NewItem> items = new ArrayList<>();
    for (Path f : files) {
      MediaHash h;
      try {
        h = hasher.hash(f);
      } catch (MediaException e) {
        continue; // not a picture or video: nothing to register
      }
      String label = String.valueOf(f.getFileName());
      if (h.pdq() != null) {
        items.add(
            new NewItem(HashValue.pdq(h.pdq().pdq(), h.pdq().quality()), label, c.id(), null));
      }
      if (h.vpdq() != null && !h.vpdq().isEmpty()) {
        items.add(new NewItem(HashValue.vpdq(h.vpdq()), label, c.id(), null));
        items.add(new NewItem(HashValue.digest(Signal.MD5, h.md5()), label, c.id(), null));
      }
      items.add(new NewItem(HashValue.digest(Signal.SHA256, h.sha256()), label, c.id(), null));
    }
    if (items.isEmpty()) {
      throw WebException.badInput("bank.error.no_media", given);
    }
    done(ctx, c, web.database().banks().add(c.bank(), items));
  }

  private static List<Path> files(Path folder) {
    if (Files.isRegularFile(folder)) {
      return List.of(folder);
    }
    try (Stream<Path> s = Files.walk(folder, 8)) {
      List<Path> out = s.filter(Files::isRegularFile).sorted().limit(MAX_FILES + 1L).toList();
      if (out.size() > MAX_FILES) {
        throw WebException.badInput("bank.error.too_many", "> " + MAX_FILES);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the folder " + folder, e);
    }
  }

  private void done(Context ctx, Cases.CaseInfo c, AddReport r) {
    ctx.redirect(
        String.format(
            Locale.ROOT,
            "/cases/%s/bank?added=%d&duplicates=%d&low=%d",
            c.id(),
            r.count(AddReport.Status.ADDED),
            r.count(AddReport.Status.DUPLICATE),
            r.count(AddReport.Status.LOW_QUALITY)),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
