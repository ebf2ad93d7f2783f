package org.redress.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.redress.web.account.Accounts;

/**
 * The gate in front of every request: security headers, the Host check (against DNS rebinding), the
 * launch token that becomes a session cookie, the idle lock, the CSRF check on every state change,
 * and the language switch.
 */
final class Guard {
  /** The session cookie's name. */
  static final String COOKIE = "redress_session";

  /** The form field and header that carry the CSRF token. */
  static final String CSRF_FIELD = "_csrf";

  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION_ATTR = "redress.session";
  private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD);

  /** Same origin only, no inline script or style, nothing from elsewhere. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self';"
          + " img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private static final java.util.regex.Pattern CASE_PATH =
      java.util.regex.Pattern.compile("/cases/([^/]+)");

  private final String token;
  private final Sessions sessions;
  private final Accounts accounts;
  private volatile int port = -1;
  private volatile boolean api;

  Guard(String token, Sessions sessions, Accounts accounts) {
    this.token = token;
    this.sessions = sessions;
    this.accounts = accounts;
  }

  String token() {
    return token;
  }

  void port(int p) {
    this.port = p;
  }

  /**
   * Turns the platform API on: its paths authenticate by platform key in {@code web.api}, not by
   * the session cookie, so neither the session nor CSRF (a cookie-only attack) applies to them.
   */
  void api(boolean on) {
    this.api = on;
  }

  /** Headers every answer carries, the 401 and the static files included. */
  static void headers(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  }

  /** The before-handler for every path. */
  void check(Context ctx) {
    headers(ctx);
    checkHost(ctx);
    String path = ctx.path();
    // Violation reports come without the session cookie (h-wasm, issue 15).
    if (path.startsWith("/static/") || path.equals("/exit") || path.equals("/csp-report")) {
      return;
    }
    // The platform API authenticates by key, with or without accounts (h-api, issue 18).
    if (api && org.redress.web.api.Api.isApiPath(path)) {
      return;
    }
    if (accounts != null) {
      checkAccount(ctx, path);
      return;
    }
    String given = ctx.queryParam("token");
    Session s;
    if (given != null) {
      if (!constantTimeEquals(given, token)) {
        throw new WebException(401, "error.unauthorized", null);
      }
      s = sessions.create();
      ctx.cookie(cookie(s.id(), -1));
      ctx.attribute(SESSION_ATTR, s);
      // Drop the token from the address bar (and so from the history) at once.
      ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    Sessions.Lookup found = sessions.find(ctx.cookie(COOKIE));
    if (found.session().isEmpty()) {
      throw new WebException(
          401,
          found.refusal() == Sessions.Refusal.LOCKED ? "error.locked" : "error.unauthorized",
          null);
    }
    s = found.session().get();
    ctx.attribute(SESSION_ATTR, s);
    if (!SAFE.contains(ctx.method())) {
      checkCsrf(ctx, s);
    }
    language(ctx, s);
  }

  private static void language(Context ctx, Session s) {
    String lang = ctx.queryParam("lang");
    if (lang != null && Messages.LANGUAGES.contains(lang)) {
      s.lang(lang);
    }
  }

  /**
   * With accounts: the login page is open to all (its form has the CSRF token of a session not yet
   * signed in); every other page needs a signed-in session, and a case's pages need the case on the
   * account's access list (403 otherwise). Opening a case page and exporting are audited.
   */
  private void checkAccount(Context ctx, String path) {
    Sessions.Lookup found = sessions.find(ctx.cookie(COOKIE));
    Session s = found.session().orElse(null);
    boolean login = path.equals("/login");
    if (s == null && login && SAFE.contains(ctx.method())) {
      s = sessions.create();
      ctx.cookie(cookie(s.id(), -1));
    }
    if (s == null) {
      if (SAFE.contains(ctx.method()) && found.refusal() != Sessions.Refusal.LOCKED) {
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new WebException(
          401, found.refusal() == Sessions.Refusal.LOCKED ? "error.locked" : "error.signin", null);
    }
    ctx.attribute(SESSION_ATTR, s);
    if (!SAFE.contains(ctx.method())) {
      checkCsrf(ctx, s);
    }
    language(ctx, s);
    if (login) {
      return;
    }
    Accounts.Who who = s.who();
    if (who == null) {
      if (SAFE.contains(ctx.method())) {
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new WebException(401, "error.signin", null);
    }
    if (path.startsWith("/admin") && !who.admin()) {
      throw new WebException(403, "error.forbidden", null);
    }
    if (path.startsWith("/dossiers")
        && !org.redress.web.dossier.DossierController.ROLES.contains(who.role())) {
      accounts.audit(who.name(), "refused", null, path);
      throw new WebException(403, "error.forbidden", null);
    }
    if (path.equals("/cases") && !SAFE.contains(ctx.method()) && !accounts.mayCreate(who)) {
      throw new WebException(403, "error.forbidden", null);
    }
    java.util.regex.Matcher m = CASE_PATH.matcher(path);
    if (m.lookingAt()) {
      String caseId = m.group(1);
      if (!accounts.mayOpen(who, caseId)) {
        accounts.audit(who.name(), "refused", caseId, path);
        throw new WebException(403, "error.forbidden", null);
      }
      String action = exports(path) ? "export" : SAFE.contains(ctx.method()) ? "open" : "change";
      accounts.audit(who.name(), action, caseId, path);
    }
  }

  /** Whether a path hands something out of the workspace (a package, a document, a report). */
  static boolean exports(String path) {
    return path.contains("/export")
        || path.contains("/download")
        || path.endsWith(".docx")
        || path.endsWith(".pdf")
        || path.endsWith(".zip")
        || path.endsWith(".csv");
  }

  /**
   * Signs {@code who} in: a new session (a new id and CSRF token, so a session fixed before sign-in
   * is worthless), its cookie, and the old session ended.
   */
  void signIn(Context ctx, Accounts.Who who) {
    sessions.end(ctx.cookie(COOKIE));
    Session s = sessions.create();
    s.who(who);
    ctx.cookie(cookie(s.id(), -1));
    ctx.attribute(SESSION_ATTR, s);
  }

  /** Whether this app serves with accounts. */
  boolean accountsMode() {
    return accounts != null;
  }

  /** The accounts, or null without. */
  Accounts accounts() {
    return accounts;
  }

  /** The session of the request (set by {@link #check}). */
  Session session(Context ctx) {
    Session s = ctx.attribute(SESSION_ATTR);
    if (s == null) {
      throw new WebException(401, "error.unauthorized", null);
    }
    return s;
  }

  /** Ends the session of the request, if any, and clears its cookie. */
  void end(Context ctx) {
    sessions.end(ctx.cookie(COOKIE));
    ctx.cookie(cookie("", 0));
  }

  private void checkCsrf(Context ctx, Session s) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null") && !origin.equals(ownOrigin(ctx))) {
      throw new WebException(403, "error.csrf", "origin " + origin);
    }
    String given = ctx.header(CSRF_HEADER);
    if (given == null) {
      given = ctx.formParam(CSRF_FIELD);
    }
    if (given == null || !constantTimeEquals(given, s.csrf())) {
      throw new WebException(403, "error.csrf", null);
    }
  }

  private String ownOrigin(Context ctx) {
    return "http://" + ctx.host();
  }

  /**
   * Refuses a Host other than a loopback name with our port (DNS rebinding). With accounts the
   * workspace is reached by other names, and every page needs a signed-in session instead.
   */
  private void checkHost(Context ctx) {
    String host = ctx.host();
    if (host == null) {
      throw new WebException(400, "error.host", null);
    }
    if (accounts != null) {
      return;
    }
    String h = host.toLowerCase(Locale.ROOT);
    String suffix = ":" + port;
    boolean ok =
        h.equals("127.0.0.1" + suffix)
            || h.equals("localhost" + suffix)
            || h.equals("[::1]" + suffix);
    if (!ok) {
      throw new WebException(400, "error.host", host);
    }
  }

  private static Cookie cookie(String value, int maxAge) {
    return new Cookie(COOKIE, value, "/", maxAge, false, true, null, SameSite.STRICT);
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
