package org.redress.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

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

  private final String token;
  private final Sessions sessions;
  private volatile int port = -1;
  private volatile boolean api;

  Guard(String token, Sessions sessions) {
    this.token = token;
    this.sessions = sessions;
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
    if (path.startsWith("/static/") || path.equals("/exit")) {
      return;
    }
    if (api && org.redress.web.api.Api.isApiPath(path)) {
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
    String lang = ctx.queryParam("lang");
    if (lang != null && Messages.LANGUAGES.contains(lang)) {
      s.lang(lang);
    }
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

  /** Refuses a Host other than a loopback name with our port (DNS rebinding). */
  private void checkHost(Context ctx) {
    String host = ctx.host();
    if (host == null) {
      throw new WebException(400, "error.host", null);
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
