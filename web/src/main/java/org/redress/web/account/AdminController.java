package org.redress.web.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.redress.cases.AccountStore;
import org.redress.cases.CasesException;
import org.redress.casework.Cases;
import org.redress.web.Web;
import org.redress.web.WebException;

/**
 * The accounts page ({@code /admin/accounts}, administrators only: the gate checks the role): every
 * account, adding one, each case's access list with grant and revoke; and {@code
 * /account/password}, where any signed-in account changes its own password (the old one required).
 * Every change is in the audit log.
 */
public final class AdminController {
  private final Web web;

  /** The controller over the app's shared parts. */
  public AdminController(Web web) {
    this.web = web;
  }

  /** One case and who may open it. */
  public record CaseAccess(String caseId, List<String> accounts) {}

  /** {@code GET /admin/accounts}. */
  public void show(Context ctx) {
    page(ctx, null, null);
  }

  /** {@code POST /admin/accounts}: {@code name}, {@code role}, {@code password}. */
  public void add(Context ctx) {
    Accounts a = accounts();
    String name = form(ctx, "name").strip();
    String role = form(ctx, "role");
    char[] pw = form(ctx, "password").toCharArray();
    try {
      a.add(name, role, pw);
    } catch (IllegalArgumentException | CasesException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "admin.error.add", null);
      return;
    } finally {
      Arrays.fill(pw, '\0');
    }
    a.audit(web.who(ctx), "account_added", null, name + " (" + role + ")");
    page(ctx, null, "admin.added");
  }

  /** {@code POST /admin/access}: {@code case}, {@code account}, {@code action} grant or revoke. */
  public void access(Context ctx) {
    Accounts a = accounts();
    String caseId = form(ctx, "case");
    String account = form(ctx, "account");
    String action = form(ctx, "action");
    if (web.cases().get(caseId).isEmpty()
        || a.list().stream().noneMatch(x -> x.name().equals(account))) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "admin.error.access", null);
      return;
    }
    if ("grant".equals(action)) {
      a.grant(caseId, account, web.who(ctx));
      a.audit(web.who(ctx), "access_granted", caseId, account);
    } else if ("revoke".equals(action)) {
      a.revoke(caseId, account);
      a.audit(web.who(ctx), "access_revoked", caseId, account);
    } else {
      throw WebException.badInput("admin.error.access", action);
    }
    ctx.redirect("/admin/accounts", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /account/password}. */
  public void passwordForm(Context ctx) {
    accounts();
    web.render(ctx, "account/password.jte", "error", null, "done", false);
  }

  /** {@code POST /account/password}: {@code old}, {@code password}, {@code again}. */
  public void changePassword(Context ctx) {
    Accounts a = accounts();
    String me = web.who(ctx);
    char[] old = form(ctx, "old").toCharArray();
    char[] fresh = form(ctx, "password").toCharArray();
    char[] again = form(ctx, "again").toCharArray();
    try {
      if (!Arrays.equals(fresh, again)) {
        ctx.status(HttpStatus.BAD_REQUEST);
        web.render(ctx, "account/password.jte", "error", "password.error.again", "done", false);
        return;
      }
      boolean ok;
      try {
        ok = a.changePassword(me, old, fresh);
      } catch (IllegalArgumentException e) {
        ctx.status(HttpStatus.BAD_REQUEST);
        web.render(ctx, "account/password.jte", "error", "password.error.short", "done", false);
        return;
      }
      if (!ok) {
        a.audit(me, "password_refused", null, null);
        ctx.status(HttpStatus.FORBIDDEN);
        web.render(ctx, "account/password.jte", "error", "password.error.old", "done", false);
        return;
      }
      a.audit(me, "password_changed", null, null);
      web.render(ctx, "account/password.jte", "error", null, "done", true);
    } finally {
      Arrays.fill(old, '\0');
      Arrays.fill(fresh, '\0');
      Arrays.fill(again, '\0');
    }
  }

  private void page(Context ctx, String error, String notice) {
    Accounts a = accounts();
    List<CaseAccess> access = new ArrayList<>();
    for (Cases.CaseInfo c : web.cases().list()) {
      access.add(new CaseAccess(c.id(), a.access(c.id())));
    }
    List<AccountStore.Account> list = a.list();
    web.render(
        ctx,
        "account/admin.jte",
        "accounts",
        list,
        "access",
        access,
        "roles",
        AccountStore.ROLES,
        "error",
        error,
        "notice",
        notice);
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  private Accounts accounts() {
    return web.accounts().orElseThrow(() -> WebException.notFound("accounts"));
  }
}
