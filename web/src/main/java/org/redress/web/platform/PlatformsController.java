package org.redress.web.platform;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.cases.BankStore;
import org.redress.cases.CasesException;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;
import org.redress.cases.PlatformStore;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.api.Api;

/**
 * {@code /admin/platforms}: the platforms' API keys. A new key is shown once, in the answer to the
 * form that issued it (never stored, never shown again: only its SHA-256 is kept); revoking a key
 * takes effect at once in this server.
 */
public final class PlatformsController {
  private final Web web;
  private final Api api;

  /**
   * The controller over the app's shared parts; {@code api} is the running platform API, or null
   * when the app serves without {@code --api}.
   */
  public PlatformsController(Web web, Api api) {
    this.web = web;
    this.api = api;
  }

  /** {@code GET /admin/platforms}. */
  public void show(Context ctx) {
    render(ctx, null);
  }

  /** {@code POST /admin/platforms}: issues a key and shows it once. */
  public void add(Context ctx) {
    String name = ctx.formParam("name");
    name = name == null ? "" : name.strip();
    if (!BankStore.NAME.matcher(name).matches()) {
      throw WebException.badInput("platforms.error.name", name.isEmpty() ? null : name);
    }
    Set<PlatformScope> scopes = EnumSet.noneOf(PlatformScope.class);
    for (String s : ctx.formParams("scope")) {
      scopes.add(scope(s));
    }
    if (scopes.isEmpty()) {
      throw WebException.badInput("platforms.error.scopes", null);
    }
    int rate = rate(ctx.formParam("rate"));
    Platform.Issued issued;
    try {
      issued = store().add(name, scopes, rate);
    } catch (CasesException e) {
      throw WebException.badInput("platforms.error.exists", name);
    }
    render(ctx, issued);
  }

  /** {@code POST /admin/platforms/{name}/revoke}. */
  public void revoke(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      store().revoke(name);
    } catch (CasesException e) {
      throw WebException.notFound(name);
    }
    if (api != null) {
      api.forget(name);
    }
    ctx.redirect(
        "/admin/platforms?revoked=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, Platform.Issued issued) {
    List<Platform> platforms = store().list();
    Map<String, Instant> lastUsed = store().lastUsed();
    String revoked = ctx.queryParam("revoked");
    web.render(
        ctx,
        "platform/keys.jte",
        "platforms",
        platforms,
        "lastUsed",
        lastUsed,
        "issued",
        issued,
        "revoked",
        revoked,
        "apiOn",
        api != null,
        "scopes",
        List.of(PlatformScope.values()),
        "defaultRate",
        PlatformStore.DEFAULT_RATE);
  }

  private PlatformStore store() {
    return web.database().platforms();
  }

  private static PlatformScope scope(String id) {
    for (PlatformScope s : PlatformScope.values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw WebException.badInput("platforms.error.scopes", null);
  }

  private static int rate(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return PlatformStore.DEFAULT_RATE;
    }
    try {
      int r = Integer.parseInt(t);
      if (r >= 1 && r <= 1_000_000) {
        return r;
      }
    } catch (NumberFormatException e) {
      // the message below names the value
    }
    throw WebException.badInput("platforms.error.rate", t.length() > 20 ? t.substring(0, 20) : t);
  }
}
