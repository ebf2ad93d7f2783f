package org.redress.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.cases.FeedRecord;
import org.redress.cases.FeedStore;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;

/**
 * The StopNCII v1 compatible hash feed: {@code GET /v1/FetchHashes} pages through the records of
 * shared banks by token and timestamp checkpoints; {@code POST /v1/SubmitFeedback} and {@code POST
 * /v1/SubmitHashes} take a platform's answers, which land in the cases that share the hash. The key
 * goes in both {@code x-functions-key} and {@code Ocp-Apim-Subscription-Key}.
 */
final class StopNciiApi {
  /** Page size when none is asked for (python-threatexchange's client asks for 800). */
  static final int DEFAULT_PAGE = 800;

  /** Largest page served. */
  static final int MAX_PAGE = 5000;

  private final Api api;
  private final FeedStore feed;

  StopNciiApi(Api api, FeedStore feed) {
    this.api = api;
    this.feed = feed;
  }

  void fetchHashes(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.STOPNCII, PlatformScope.FEED);
    long start = Api.longParam(ctx, "startTimestamp", 0);
    long size = Api.longParam(ctx, "pageSize", DEFAULT_PAGE);
    if (start < 0) {
      throw ApiException.badRequest("startTimestamp must not be negative, was " + start);
    }
    if (size < 1 || size > MAX_PAGE) {
      throw ApiException.badRequest("pageSize must be in 1.." + MAX_PAGE + ", was " + size);
    }
    String tokenText = ctx.queryParam("nextPageToken");
    long after = 0;
    if (tokenText != null && !tokenText.isEmpty()) {
      FeedToken t = FeedToken.decode(tokenText);
      after = t.afterSeq();
      start = t.startSeconds();
    }
    feed.sync();
    FeedStore.Page page = feed.fetch(start * 1000, after, (int) size);
    List<Object> records = new ArrayList<>();
    for (FeedRecord r : page.records()) {
      records.add(record(r));
    }
    long last =
        page.records().isEmpty() ? after : page.records().get(page.records().size() - 1).seq();
    long checkpoint =
        page.records().isEmpty()
            ? start
            : page.records().get(page.records().size() - 1).modified().getEpochSecond();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", records.size());
    out.put("nextPageToken", new FeedToken(last, start).encode());
    out.put("nextSetTimestamp", checkpoint);
    out.put("hasMoreRecords", page.more());
    out.put("hashRecords", records);
    api.audit(p, ctx, 200, "fetched " + records.size() + " records");
    Api.send(ctx, 200, out);
  }

  void submitFeedback(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.STOPNCII, PlatformScope.FEEDBACK);
    JsonNode body = Api.body(ctx);
    JsonNode list = body.get("hashFeedbacks");
    if (list == null || !list.isArray()) {
      throw ApiException.badRequest("hashFeedbacks must be a list");
    }
    List<FeedStore.FeedbackIn> items = new ArrayList<>();
    for (JsonNode f : list) {
      String hash = Api.text(f, "hashValue");
      if (hash == null || !hash.trim().matches("[0-9a-fA-F]{32}|[0-9a-fA-F]{64}")) {
        throw ApiException.badRequest(
            "hashValue must be 32 or 64 hex digits, was \"" + Api.cut(hash) + "\"");
      }
      items.add(new FeedStore.FeedbackIn(hash, feedbackValue(f), tags(f)));
    }
    FeedStore.FeedbackResult r = apply(() -> feed.feedback(p.name(), items, today()));
    api.audit(p, ctx, 200, "feedback on " + r.applied() + " records, " + r.answers() + " answers");
    Api.send(ctx, 200, result(r));
  }

  void submitHashes(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.STOPNCII, PlatformScope.FEEDBACK);
    JsonNode body = Api.body(ctx);
    JsonNode list = body.get("hashRecords");
    if (list == null || !list.isArray()) {
      throw ApiException.badRequest("hashRecords must be a list");
    }
    List<String> types = new ArrayList<>();
    List<FeedStore.FeedbackIn> items = new ArrayList<>();
    for (JsonNode r : list) {
      String type = enumValue(Api.text(r, "signalType"));
      String hash = Api.text(r, "hashValue");
      try {
        FeedStore.checkHash(type, hash);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      JsonNode fbs = r.get("CSPFeedbacks");
      JsonNode fb = fbs != null && fbs.isArray() && fbs.size() > 0 ? fbs.get(0) : null;
      String value = fb == null ? "None" : feedbackValue(fb);
      types.add(type);
      items.add(new FeedStore.FeedbackIn(hash, value, fb == null ? List.of() : tags(fb)));
    }
    FeedStore.FeedbackResult res = apply(() -> feed.submit(p.name(), types, items, today()));
    api.audit(p, ctx, 200, "submitted " + items.size() + " hashes");
    Api.send(ctx, 200, result(res));
  }

  private static Map<String, Object> result(FeedStore.FeedbackResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", r.applied());
    out.put("unknownHashes", r.unknown());
    return out;
  }

  private LocalDate today() {
    return LocalDate.now(api.clock().withZone(Api.ZONE));
  }

  private static <T> T apply(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  static Map<String, Object> record(FeedRecord r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("lastModtimestamp", r.modified().getEpochSecond());
    o.put("signalType", r.signalType());
    o.put("hashValue", r.hashValue());
    o.put("hashStatus", r.hashStatus());
    o.put("caseNumbers", r.caseNumbers());
    List<Object> fbs = new ArrayList<>();
    for (FeedRecord.Feedback f : r.feedbacks()) {
      Map<String, Object> fo = new LinkedHashMap<>();
      fo.put("feedbackValue", f.value());
      fo.put("tags", f.tags());
      fo.put("source", f.source());
      fbs.add(fo);
    }
    o.put("CSPFeedbacks", fbs);
    return o;
  }

  private static String feedbackValue(JsonNode f) {
    String v = enumValue(Api.text(f, "feedbackValue"));
    if (v == null || !FeedStore.FEEDBACK_VALUES.contains(v)) {
      throw ApiException.badRequest(
          "feedbackValue must be Blocked, NotBlocked, PendingReview, None or QualityUnknown, was"
              + " \""
              + Api.cut(v)
              + "\"");
    }
    return v;
  }

  /** python-threatexchange sends {@code str(enum)}: {@code StopNCIICSPFeedbackValue.Blocked}. */
  private static String enumValue(String v) {
    if (v == null) {
      return null;
    }
    int dot = v.lastIndexOf('.');
    return dot >= 0 ? v.substring(dot + 1) : v;
  }

  private static List<String> tags(JsonNode f) {
    List<String> out = new ArrayList<>();
    JsonNode t = f.get("tags");
    if (t != null && t.isArray()) {
      for (JsonNode x : t) {
        if (x.isTextual() && out.size() < 20) {
          out.add(Api.cut(x.asText()));
        }
      }
    }
    return out;
  }
}
