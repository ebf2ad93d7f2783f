package org.redress.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redress.cases.CasesException;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;
import org.redress.cases.Workspace;
import org.redress.match.Signal;

/**
 * The platform API's front door: its routes, the gate every call passes, the JSON answers and the
 * one place where a refusal becomes a status and {@code {"message": "..."}}.
 */
public final class Api implements AutoCloseable {
  /** The zone in which feedback is dated in the case (the workspace's, Beijing time). */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] OPENAPI = loadOpenApi();

  private final Clock clock;
  private final PlatformGate gate;
  private final MatchIndex index;
  private final ScheduledExecutorService timer;

  private Api(Workspace ws, Clock clock) {
    this.clock = clock;
    this.gate = new PlatformGate(ws.platforms());
    this.index = new MatchIndex(ws.banks(), clock);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "redress-api-timer");
              t.setDaemon(true);
              return t;
            });
  }

  /** Whether a path belongs to the platform API (which authenticates by key, not by cookie). */
  public static boolean isApiPath(String path) {
    return path.startsWith("/h/")
        || path.startsWith("/m/")
        || path.startsWith("/c/")
        || path.startsWith("/v1/")
        || path.equals("/openapi.json");
  }

  /**
   * Adds the API's routes to a workspace app being configured; the returned object is closed when
   * the server stops.
   */
  public static Api configure(
      JavalinConfig config, Workspace ws, Clock clock, java.nio.file.Path uploads) {
    Api api = new Api(ws, clock);
    HmaApi hma = new HmaApi(api, ws.banks(), ws.feed(), api.index, uploads);
    StopNciiApi feed = new StopNciiApi(api, ws.feed());
    var r = config.routes;
    r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
    r.get("/h/hash", wrap(hma::hash));
    r.post("/h/hash", wrap(hma::hash));
    r.get("/m/lookup", wrap(hma::lookupGet));
    r.post("/m/lookup", wrap(hma::lookupPost));
    r.get("/m/raw_lookup", wrap(hma::rawLookup));
    r.get("/m/compare", wrap(hma::compare));
    r.post("/m/compare", wrap(hma::compare));
    r.get("/m/index/status", wrap(hma::indexStatus));
    r.get("/c/banks", wrap(hma::banksList));
    r.post("/c/banks", wrap(hma::bankCreate));
    r.get("/c/bank/{name}", wrap(hma::bankGet));
    r.put("/c/bank/{name}", wrap(hma::bankUpdate));
    r.delete("/c/bank/{name}", wrap(hma::bankDelete));
    r.post("/c/bank/{name}/content", wrap(hma::contentAdd));
    r.get("/c/bank/{name}/content/{id}", wrap(hma::contentGet));
    r.put("/c/bank/{name}/content/{id}", wrap(hma::contentUpdate));
    r.delete("/c/bank/{name}/content/{id}", wrap(hma::contentDelete));
    r.post("/c/bank/{name}/signal", wrap(hma::signalAdd));
    r.get("/v1/FetchHashes", wrap(feed::fetchHashes));
    r.post("/v1/SubmitHashes", wrap(feed::submitHashes));
    r.post("/v1/SubmitFeedback", wrap(feed::submitFeedback));
    api.timer.scheduleWithFixedDelay(api::refresh, 10, 10, TimeUnit.SECONDS);
    api.timer.scheduleWithFixedDelay(
        () -> quietly(api.gate::revalidate),
        PlatformGate.REVALIDATE_MILLIS,
        PlatformGate.REVALIDATE_MILLIS,
        TimeUnit.MILLISECONDS);
    api.timer.scheduleWithFixedDelay(() -> quietly(api.gate::flush), 60, 60, TimeUnit.SECONDS);
    config.events.serverStopping(api::close);
    return api;
  }

  /** Writes pending audit counts and stops the timer. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      gate.flush();
    } catch (RuntimeException e) {
      // the workspace may already be gone; nothing else to do on the way out
    }
  }

  /**
   * Forgets a platform's keys at once: call after revoking it in this process (the workspace's
   * platform page); a revocation elsewhere takes effect within {@value
   * PlatformGate#REVALIDATE_MILLIS} ms.
   */
  public void forget(String platform) {
    gate.forget(platform);
  }

  /** Runs a timer task; a failure (a locked database) waits for the next round. */
  private static void quietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // the next round tries again; a scheduled task that throws would never run again
    }
  }

  private void refresh() {
    try {
      if (index.present()) {
        index.refreshIfChanged();
      }
    } catch (RuntimeException e) {
      // a locked database: the next round tries again, lookups keep the last build
    }
  }

  Platform gate(Context ctx, PlatformGate.Style style, PlatformScope scope) {
    return gate.check(ctx, style, scope);
  }

  void countLookup(Platform p) {
    gate.countLookup(p);
  }

  void audit(Platform p, Context ctx, int status, String detail) {
    gate.audit(p, ctx, status, detail);
  }

  Clock clock() {
    return clock;
  }

  /** Runs a handler and turns every failure into a JSON refusal. */
  private static Handler wrap(Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (ApiException e) {
        if (e.retryAfterSeconds() > 0) {
          ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        send(ctx, e.status(), Map.of("message", e.getMessage()));
      } catch (CasesException.UnknownBank e) {
        send(ctx, 404, Map.of("message", "bank '" + e.name() + "' not found"));
      } catch (IllegalArgumentException e) {
        send(ctx, 400, Map.of("message", e.getMessage()));
      } catch (CasesException e) {
        send(ctx, 503, Map.of("message", e.getMessage()));
      } catch (RuntimeException e) {
        send(ctx, 500, Map.of("message", "internal error (" + e.getClass().getSimpleName() + ")"));
      }
    };
  }

  static void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status);
      ctx.contentType("application/json");
      ctx.result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request body as JSON. */
  static JsonNode body(Context ctx) {
    String b = ctx.body();
    if (b.isBlank()) {
      throw ApiException.badRequest("a JSON body is required");
    }
    try {
      return JSON.readTree(b);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static boolean bool(String value, String name) {
    if (value == null) {
      return false;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        throw ApiException.badRequest(name + " must be true or false, was \"" + cut(value) + "\"");
    }
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, was \"" + cut(v) + "\"");
    }
  }

  static String cut(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** HMA's name for a signal. */
  static String signalName(Signal s) {
    switch (s) {
      case MD5:
        return "video_md5";
      default:
        return s.id();
    }
  }

  private static byte[] loadOpenApi() {
    try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read openapi.json", e);
    }
  }
}
