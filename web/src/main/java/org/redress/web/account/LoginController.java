package org.redress.web.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Optional;
import org.redress.cases.CasesException;
import org.redress.web.Web;
import org.redress.web.WebException;

/** Sign in, sign out, and the audit log (administrators only; the gate checks the role). */
public final class LoginController {
  private static final System.Logger LOG = System.getLogger(LoginController.class.getName());
  private final Web web;

  /** The controller over the app's shared parts. */
  public LoginController(Web web) {
    this.web = web;
  }

  /** {@code GET /login}. */
  public void form(Context ctx) {
    accounts();
    web.render(ctx, "account/login.jte", "failed", false, "name", "", "throttled", false);
  }

  /**
   * {@code POST /login}: {@code name} and {@code password}; a wrong pair says only that. The
   * sign-in limit ({@link LoginLimit}) is checked first; when its database cannot be read or
   * written the sign-in is refused (503) with one line, and the server log says why.
   */
  public void signIn(Context ctx) {
    Accounts a = accounts();
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    String pw = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String ip = ctx.ip();
    java.time.Instant now = web.clock().instant();
    boolean blocked;
    try {
      blocked = a.limit().blocked(name, ip, now);
    } catch (CasesException e) {
      unavailable(ctx, name, e);
      return;
    }
    if (blocked) {
      a.audit(name.isEmpty() ? "-" : name, "login_throttled", null, ip);
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      web.render(ctx, "account/login.jte", "failed", false, "name", name, "throttled", true);
      return;
    }
    char[] chars = pw.toCharArray();
    Optional<Accounts.Who> who;
    try {
      who = a.signIn(name, chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
    if (who.isEmpty()) {
      try {
        a.limit().failed(name, ip, now);
      } catch (CasesException e) {
        unavailable(ctx, name, e);
        return;
      }
      a.audit(name.isEmpty() ? "-" : name, "login_refused", null, null);
      ctx.status(HttpStatus.UNAUTHORIZED);
      web.render(ctx, "account/login.jte", "failed", true, "name", name, "throttled", false);
      return;
    }
    try {
      a.limit().succeeded(name, now);
    } catch (CasesException e) {
      unavailable(ctx, name, e);
      return;
    }
    a.audit(who.get().name(), "login", null, null);
    web.signIn(ctx, who.get());
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /logout}. */
  public void signOut(Context ctx) {
    Accounts a = accounts();
    a.audit(web.who(ctx), "logout", null, null);
    web.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /admin/audit}: the newest 500 rows. */
  public void audit(Context ctx) {
    web.render(ctx, "account/audit.jte", "rows", accounts().auditLog(500));
  }

  /** Refuses a sign-in whose limit cannot be read or kept: 503, one line; the log says why. */
  private void unavailable(Context ctx, String name, CasesException e) {
    LOG.log(System.Logger.Level.WARNING, "sign-in refused: {0}", e.getMessage());
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
    web.render(
        ctx,
        "account/login.jte",
        "failed",
        false,
        "name",
        name,
        "throttled",
        false,
        "unavailable",
        true);
  }

  private Accounts accounts() {
    return web.accounts().orElseThrow(() -> WebException.notFound("accounts"));
  }
}
