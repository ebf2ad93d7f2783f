package org.redress.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.cases.AddReport;
import org.redress.cases.Bank;
import org.redress.cases.BankStore;
import org.redress.cases.CasesException;
import org.redress.cases.FeedStore;
import org.redress.cases.HashValue;
import org.redress.cases.Item;
import org.redress.cases.NewItem;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;
import org.redress.match.BankRules;
import org.redress.match.Match;
import org.redress.match.MatchResult;
import org.redress.match.Query;
import org.redress.match.Signal;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.phash.PdqResult;

/**
 * The HMA 2.0 (OpenMediaMatch) compatible endpoints: hashing ({@code /h}), matching ({@code /m})
 * and curation ({@code /c}), with HMA's paths, parameters and JSON shapes. Files are only ever
 * uploaded: a {@code url} parameter is refused, Redress never fetches a URL for a caller.
 */
final class HmaApi {
  private final Api api;
  private final BankStore banks;
  private final FeedStore feed;
  private final MatchIndex index;
  private final Path uploads;

  HmaApi(Api api, BankStore banks, FeedStore feed, MatchIndex index, Path uploads) {
    this.api = api;
    this.banks = banks;
    this.feed = feed;
    this.index = index;
    this.uploads = uploads;
  }

  // ---- hashing

  void hash(Context ctx) {
    api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    refuseUrl(ctx);
    Api.send(ctx, 200, signalsOf(hashUpload(ctx)));
  }

  // ---- matching

  void lookupGet(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    api.countLookup(p);
    refuseUrl(ctx);
    String signal = ctx.queryParam("signal");
    String type = ctx.queryParam("signal_type");
    if (signal == null || type == null) {
      throw ApiException.badRequest("both signal and signal_type are required");
    }
    Api.send(ctx, 200, lookup(type, signal, requestedBanks(ctx)));
  }

  void lookupPost(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    api.countLookup(p);
    Set<String> only = requestedBanks(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : signalsOf(hashUpload(ctx)).entrySet()) {
      out.put(e.getKey(), lookup(e.getKey(), e.getValue(), only));
    }
    Api.send(ctx, 200, out);
  }

  void rawLookup(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    api.countLookup(p);
    String signal = ctx.queryParam("signal");
    String type = ctx.queryParam("signal_type");
    if (signal == null || type == null) {
      throw ApiException.badRequest("both signal and signal_type are required");
    }
    boolean withDistance = Api.bool(ctx.queryParam("include_distance"), "include_distance");
    Set<String> only = requestedBanks(ctx);
    List<Object> matches = new ArrayList<>();
    for (Match m : match(type, signal).matches()) {
      if (only != null && !only.contains(m.bank())) {
        continue;
      }
      matches.add(withDistance ? contentMatch(m) : (Object) m.item());
    }
    Api.send(ctx, 200, Map.of("matches", matches));
  }

  void compare(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    api.countLookup(p);
    JsonNode body = Api.body(ctx);
    if (!body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object of signal type to two hashes");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      Signal s = signalType(e.getKey());
      JsonNode pair = e.getValue();
      if (!pair.isArray()
          || pair.size() != 2
          || !pair.get(0).isTextual()
          || !pair.get(1).isTextual()) {
        throw ApiException.badRequest(
            "comparison hashes for " + e.getKey() + " must be a list of exactly two strings");
      }
      HashValue a = parse(s, pair.get(0).asText());
      HashValue b = parse(s, pair.get(1).asText());
      int distance;
      boolean match;
      if (s == Signal.PDQ) {
        distance = a.pdq().distance(b.pdq());
        match = distance <= BankRules.DEFAULT_THRESHOLD;
      } else if (s == Signal.VPDQ) {
        throw ApiException.badRequest("vpdq does not support hash comparison");
      } else {
        distance = a.value().equals(b.value()) ? 0 : 1;
        match = distance == 0;
      }
      out.put(e.getKey(), List.of(match, Map.of("distance", distance)));
    }
    Api.send(ctx, 200, out);
  }

  void indexStatus(Context ctx) {
    api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.LOOKUP);
    String only = ctx.queryParam("signal_type");
    if (only != null && !List.of("pdq", "video_md5", "vpdq").contains(only)) {
      throw ApiException.badRequest("No such signal type '" + only + "'");
    }
    boolean present = index.present();
    MatchIndex.Built b = present ? index.get() : null;
    Map<String, Object> out = new LinkedHashMap<>();
    for (Signal s : List.of(Signal.PDQ, Signal.MD5, Signal.VPDQ)) {
      String name = Api.signalName(s);
      if (only != null && !only.equals(name)) {
        continue;
      }
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("present", present);
      st.put("built_to", present ? b.builtAt().getEpochSecond() : -1);
      st.put("size", present ? b.sizes().getOrDefault(s, 0L) : 0);
      out.put(name, st);
    }
    Api.send(ctx, 200, out);
  }

  // ---- curation

  void banksList(Context ctx) {
    api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    List<Object> out = new ArrayList<>();
    for (Bank b : banks.list()) {
      out.add(bankConfig(b.name()));
    }
    Api.send(ctx, 200, out);
  }

  void bankCreate(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    JsonNode body = Api.body(ctx);
    String name = Api.text(body, "name");
    if (name == null) {
      throw ApiException.badRequest("name is required");
    }
    checkEnabled(body);
    if (banks.list().stream().anyMatch(b -> b.name().equals(name))) {
      throw new ApiException(403, "Bank already exists");
    }
    banks.create(name, BankRules.DEFAULT_THRESHOLD, 0);
    api.audit(p, ctx, 201, "created bank " + name);
    index.rebuild();
    Api.send(ctx, 201, bankConfig(name));
  }

  void bankGet(Context ctx) {
    api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    Api.send(ctx, 200, bankConfig(existingBank(ctx)));
  }

  void bankUpdate(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    JsonNode body = Api.body(ctx);
    String rename = Api.text(body, "name");
    if (rename != null && !rename.equals(name)) {
      throw ApiException.badRequest("renaming a bank is not supported (was asked: " + rename + ")");
    }
    checkEnabled(body);
    api.audit(p, ctx, 200, "bank " + name + " unchanged");
    Api.send(ctx, 200, bankConfig(name));
  }

  void bankDelete(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = ctx.pathParam("name");
    if (banks.list().stream().anyMatch(b -> b.name().equals(name))) {
      if (feed.shares().stream().anyMatch(s -> s.bank().equals(name) && s.shared())) {
        feed.unshare(name);
      }
      banks.delete(name);
      api.audit(p, ctx, 200, "deleted bank " + name);
      index.rebuild();
    }
    Api.send(ctx, 200, Map.of("message", "Done"));
  }

  void contentAdd(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    refuseUrl(ctx);
    if (ctx.uploadedFiles().isEmpty()) {
      throw ApiException.badRequest("no multipart file upload was received (url is not supported)");
    }
    Map<String, String> signals = signalsOf(hashUpload(ctx));
    Api.send(ctx, 200, addSignals(p, ctx, name, signals));
  }

  void signalAdd(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    JsonNode body = Api.body(ctx);
    if (!body.isObject() || body.size() == 0) {
      throw ApiException.badRequest("No signals given");
    }
    Map<String, String> signals = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!e.getValue().isTextual()) {
        throw ApiException.badRequest("Invalid " + e.getKey() + " signal: must be a string");
      }
      signals.put(e.getKey(), e.getValue().asText());
    }
    Api.send(ctx, 200, addSignals(p, ctx, name, signals));
  }

  void contentGet(Context ctx) {
    api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    Item item = existingItem(ctx, name);
    Map<String, Object> out = content(item);
    if (Api.bool(ctx.queryParam("include_signals"), "include_signals")) {
      out.put("signals", Map.of(Api.signalName(item.hash().signal()), item.hash().value()));
    }
    Api.send(ctx, 200, out);
  }

  void contentUpdate(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    Item item = existingItem(ctx, name);
    JsonNode body = Api.body(ctx);
    JsonNode d = body.get("disable_until_ts");
    if (d != null) {
      if (!d.canConvertToLong() || d.asLong() < 0) {
        throw ApiException.badRequest("disable_until_ts must be a non-negative integer");
      }
      Instant until = Instant.ofEpochSecond(d.asLong());
      Instant now = api.clock().instant();
      item = banks.disable(name, item.id(), until.isAfter(now) ? until : null);
      api.audit(p, ctx, 200, "item " + item.id() + " disable_until_ts " + d.asLong());
      index.rebuild();
    }
    Api.send(ctx, 200, content(item));
  }

  void contentDelete(Context ctx) {
    Platform p = api.gate(ctx, PlatformGate.Style.BEARER, PlatformScope.CURATE);
    String name = existingBank(ctx);
    long id = contentId(ctx);
    int n = 0;
    if (banks.item(name, id).isPresent()) {
      n = banks.remove(name, List.of(id));
      api.audit(p, ctx, 200, "removed item " + id + " from " + name);
      index.rebuild();
    }
    Api.send(ctx, 200, Map.of("deleted", n));
  }

  // ---- helpers

  private Map<String, Object> addSignals(
      Platform p, Context ctx, String bank, Map<String, String> signals) {
    List<NewItem> items = new ArrayList<>();
    for (Map.Entry<String, String> e : signals.entrySet()) {
      Signal s = signalType(e.getKey());
      items.add(new NewItem(parse(s, e.getValue()), "platform " + p.name(), null, p.name()));
    }
    AddReport r = banks.add(bank, items);
    Map<String, String> stored = new LinkedHashMap<>();
    Long first = null;
    for (AddReport.Outcome o : r.outcomes()) {
      if (o.status() == AddReport.Status.LOW_QUALITY) {
        continue;
      }
      if (first == null) {
        first = o.id();
      }
      stored.put(Api.signalName(o.item().hash().signal()), o.item().hash().value());
    }
    if (first == null) {
      throw ApiException.badRequest("no signal was stored: every hash is below the bank's quality");
    }
    api.audit(p, ctx, 200, "added " + stored.size() + " signals to " + bank);
    index.rebuild();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", first);
    out.put("signals", stored);
    return out;
  }

  private Map<String, Object> lookup(String type, String signal, Set<String> only) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Match m : match(type, signal).matches()) {
      if (only != null && !only.contains(m.bank())) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) out.computeIfAbsent(m.bank(), k -> new ArrayList<>());
      l.add(contentMatch(m));
    }
    return out;
  }

  private MatchResult match(String type, String signal) {
    Signal s = signalType(type);
    HashValue h = parse(s, signal);
    Query q;
    switch (s) {
      case PDQ:
        q = Query.ofPdq(new PdqResult(h.pdq(), h.quality() == null ? 100 : h.quality()));
        break;
      case VPDQ:
        q = Query.ofVpdq(h.frames());
        break;
      case MD5:
        q = new Query(null, null, h.value(), null);
        break;
      default:
        q = new Query(null, null, null, h.value());
        break;
    }
    return index.get().matcher().match(q);
  }

  private static Map<String, Object> contentMatch(Match m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("bank_content_id", m.item());
    o.put("distance", Integer.toString(m.distance()));
    return o;
  }

  static Signal signalType(String name) {
    Optional<Signal> s = Signal.tryParse(name);
    if (s.isEmpty() || name.trim().equalsIgnoreCase("md5")) {
      throw ApiException.badRequest(
          "No such SignalType '" + name + "' (supported: pdq, video_md5, vpdq, sha256)");
    }
    return s.get();
  }

  private static HashValue parse(Signal s, String value) {
    try {
      return HashValue.parse(s.id(), value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid signal: " + e.getMessage());
    }
  }

  private static Set<String> requestedBanks(Context ctx) {
    String b = ctx.queryParam("banks");
    return b == null || b.isBlank() ? null : new LinkedHashSet<>(Arrays.asList(b.split(",")));
  }

  private static void refuseUrl(Context ctx) {
    if (ctx.queryParam("url") != null) {
      throw ApiException.badRequest(
          "url is not supported: Redress never fetches a URL for a caller; upload the file");
    }
  }

  private static void checkEnabled(JsonNode body) {
    JsonNode en = body.get("enabled");
    if (en != null && !en.asBoolean(true)) {
      throw ApiException.badRequest("disabling a whole bank is not supported");
    }
    JsonNode r = body.get("enabled_ratio");
    if (r != null && (!r.isNumber() || r.asDouble() != 1.0)) {
      throw ApiException.badRequest("only enabled_ratio 1.0 is supported, was " + r);
    }
  }

  private static Map<String, Object> bankConfig(String name) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", name);
    o.put("matching_enabled_ratio", 1.0);
    return o;
  }

  private String existingBank(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      return banks.get(name).name();
    } catch (CasesException.UnknownBank e) {
      throw ApiException.notFound("bank '" + name + "' not found");
    }
  }

  private static long contentId(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("content id must be an integer, was \"" + id + "\"");
    }
  }

  private Item existingItem(Context ctx, String bank) {
    long id = contentId(ctx);
    return banks
        .item(bank, id)
        .orElseThrow(() -> ApiException.notFound("content '" + id + "' not found"));
  }

  private Map<String, Object> content(Item item) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", item.id());
    // HMA's "enabled" value is a timestamp in the past; 1 stands for "enabled".
    o.put(
        "disable_until_ts",
        item.enabledAt(api.clock().instant()) ? 1 : item.disabledUntil().getEpochSecond());
    o.put("collab_metadata", Map.of());
    o.put("original_media_uri", null);
    o.put("bank", bankConfig(item.bank()));
    return o;
  }

  private MediaHash hashUpload(Context ctx) {
    List<UploadedFile> files = ctx.uploadedFiles();
    if (files.isEmpty()) {
      throw ApiException.badRequest("upload the file as multipart/form-data");
    }
    UploadedFile f = files.get(0);
    String ext = "";
    String fn = f.filename() == null ? "" : f.filename();
    int dot = fn.lastIndexOf('.');
    if (dot >= 0 && fn.length() - dot <= 6 && fn.substring(dot + 1).matches("[A-Za-z0-9]+")) {
      ext = fn.substring(dot).toLowerCase(Locale.ROOT);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(uploads, "api-", ext);
      try (InputStream in = f.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return MediaHasher.builder().build().hash(tmp);
    } catch (MediaException e) {
      throw ApiException.badRequest("cannot hash the upload: " + e.reason());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to store the upload", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the uploads directory is cleaned at the next start
        }
      }
    }
  }

  private static Map<String, String> signalsOf(MediaHash h) {
    Map<String, String> out = new LinkedHashMap<>();
    if (h.pdq() != null) {
      out.put("pdq", h.pdq().pdq().toString());
    }
    if (h.vpdq() != null && !h.vpdq().isEmpty()) {
      out.put("video_md5", h.md5());
      out.put("vpdq", HashValue.vpdq(h.vpdq()).value());
    }
    return out;
  }
}
