package org.redress.web.cases;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.redress.cases.Bank;
import org.redress.cases.BankStore;
import org.redress.casework.Cases;
import org.redress.web.Web;
import org.redress.web.WebException;

/** The case list, opening a case and a case's overview. */
public final class CasesController {
  private final Web web;

  /** The controller over the app's shared parts. */
  public CasesController(Web web) {
    this.web = web;
  }

  /** {@code GET /}: every case, and a button to open a new one. */
  public void list(Context ctx) {
    web.render(
        ctx,
        "cases/list.jte",
        "cases",
        web.cases().list().stream().filter(c -> web.mayOpen(ctx, c.id())).toList());
  }

  /** {@code POST /cases}: opens a case with its own (empty) bank, then shows it. */
  public void create(Context ctx) {
    Cases.CaseInfo c = web.cases().create();
    web.grantOpener(ctx, c.id());
    ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code GET /cases/{id}}: what the case holds and where to go next. */
  public void show(Context ctx) {
    Cases.CaseInfo c = find(web, ctx);
    long items = bank(c).map(Bank::items).orElse(0L);
    web.render(ctx, "cases/show.jte", "c", c, "items", items, "scans", web.scans().list(c.id()));
  }

  /** The case named by the path's {@code id}, or 404. */
  public static Cases.CaseInfo find(Web web, Context ctx) {
    String id = ctx.pathParam("id");
    return web.cases().get(id).orElseThrow(() -> WebException.notFound(id));
  }

  java.util.Optional<Bank> bank(Cases.CaseInfo c) {
    BankStore banks = web.database().banks();
    List<Bank> all = banks.list();
    return all.stream().filter(b -> b.name().equals(c.bank())).findFirst();
  }

  /** Creates the case's bank when it does not exist yet. */
  void ensureBank(Cases.CaseInfo c) {
    web.cases().ensureBank(c.bank());
  }
}
