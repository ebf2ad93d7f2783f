package org.redress.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.cases.PlatformScope;
import org.redress.cases.TakedownStore;
import org.redress.cases.Workspace;
import org.redress.casework.Takedowns;
import org.redress.phash.Pdq;
import org.redress.testing.MovableClock;
import org.redress.web.WorkspaceApp;

/**
 * The platform API over HTTP, written from the shapes (HMA 2.0 paths and JSON, the StopNCII
 * v1 feed): authentication, scopes, rate limits, bad input, matching, curation, paging through
 * 10,000 feed records, withdrawal and feedback landing in the case.
 */
class ApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  @TempDir Path dir;
  private WorkspaceApp app;
  private Workspace ws;
  private MovableClock clock;
  private final HttpClient http = HttpClient.newHttpClient();
  private String key;

  @BeforeEach
  void start() {
    clock = new MovableClock(T0);
    app =
        WorkspaceApp.builder(dir.resolve("ws"))
            .clock(clock)
            .api(true)
            .build()
            .start("127.0.0.1", 0);
    ws = Workspace.open(dir.resolve("ws"), clock, "tester");
    key = ws.platforms().add("acme", EnumSet.allOf(PlatformScope.class), 100_000).key();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  // ---- authentication, scopes, limits

  @Test
  void anyApiPath_withoutKey_is401WithMessage() throws Exception {
    for (String p : List.of("/m/lookup?signal=x&signal_type=pdq", "/c/banks", "/m/index/status")) {
      HttpResponse<String> r = send("GET", p, null, null);
      assertThat(r.statusCode()).as(p).isEqualTo(401);
      assertThat(json(r).get("message").asText()).contains("Bearer");
    }
    HttpResponse<String> f = send("GET", "/v1/FetchHashes", null, null);
    assertThat(f.statusCode()).isEqualTo(401);
  }

  @Test
  void bearer_revokedOrWrongKey_is401() throws Exception {
    assertThat(send("GET", "/c/banks", "rdk_" + "A".repeat(43), null).statusCode()).isEqualTo(401);
    String other = ws.platforms().add("gone", EnumSet.of(PlatformScope.CURATE), 10).key();
    assertThat(send("GET", "/c/banks", other, null).statusCode()).isEqualTo(200);
    ws.platforms().revoke("gone");
    clock.set(T0);
    // The server checks remembered keys every 2 s; a revocation elsewhere waits for that.
    Thread.sleep(PlatformGate.REVALIDATE_MILLIS * 2 + 500);
    assertThat(send("GET", "/c/banks", other, null).statusCode()).isEqualTo(401);
  }

  @Test
  void stopNcii_keysInBothHeaders_required() throws Exception {
    HttpRequest.Builder one =
        HttpRequest.newBuilder(uri("/v1/FetchHashes")).header("x-functions-key", key);
    assertThat(http.send(one.build(), body()).statusCode()).isEqualTo(401);
    HttpRequest.Builder both =
        HttpRequest.newBuilder(uri("/v1/FetchHashes"))
            .header("x-functions-key", key)
            .header("Ocp-Apim-Subscription-Key", key);
    assertThat(http.send(both.build(), body()).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongScope_is403() throws Exception {
    String feedOnly = ws.platforms().add("reader", EnumSet.of(PlatformScope.FEED), 10).key();
    HttpResponse<String> r =
        send("GET", "/m/lookup?signal=" + "0".repeat(64) + "&signal_type=pdq", feedOnly, null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).get("message").asText()).contains("lookup");
    assertThat(feed(feedOnly, "/v1/FetchHashes").statusCode()).isEqualTo(200);
    HttpResponse<String> fb =
        feedPost(feedOnly, "/v1/SubmitFeedback", "{\"count\":0,\"hashFeedbacks\":[]}");
    assertThat(fb.statusCode()).isEqualTo(403);
  }

  @Test
  void rateLimit_exceeded_is429WithRetryAfter() throws Exception {
    String slow = ws.platforms().add("slow", EnumSet.of(PlatformScope.CURATE), 2).key();
    List<Integer> codes = new ArrayList<>();
    HttpResponse<String> limited = null;
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> r = send("GET", "/c/banks", slow, null);
      codes.add(r.statusCode());
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    assertThat(codes).startsWith(200, 200).contains(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(limited).get("message").asText()).contains("2 requests per second");
  }

  @Test
  void malformedHash_is400WithMessage() throws Exception {
    HttpResponse<String> r = send("GET", "/m/lookup?signal=xyz&signal_type=pdq", key, null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("message").asText()).contains("xyz");
    HttpResponse<String> t =
        send("GET", "/m/lookup?signal=" + "0".repeat(64) + "&signal_type=tmk", key, null);
    assertThat(t.statusCode()).isEqualTo(400);
    assertThat(json(t).get("message").asText()).contains("tmk");
    HttpResponse<String> s =
        feedPost(
            key,
            "/v1/SubmitHashes",
            "{\"count\":1,\"hashRecords\":[{\"signalType\":\"ImagePDQ\",\"hashValue\":\"abc\"}]}");
    assertThat(s.statusCode()).isEqualTo(400);
    assertThat(json(s).get("message").asText()).contains("64 hex digits");
    HttpResponse<String> tok = feed(key, "/v1/FetchHashes?nextPageToken=bogus");
    assertThat(tok.statusCode()).isEqualTo(400);
  }

  @Test
  void url_isNeverFetched_is400() throws Exception {
    HttpResponse<String> r = send("GET", "/m/lookup?url=http://127.0.0.1:1/x.jpg", key, null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("message").asText()).contains("never fetches");
  }

  @Test
  void api_needsNoCsrf_butWorkspaceKeepsItsGate() throws Exception {
    // A POST with a key and no cookie or CSRF token is served…
    assertThat(send("POST", "/c/banks", key, "{\"name\":\"x1\"}").statusCode()).isEqualTo(201);
    // …while the workspace's pages still refuse anyone without the session cookie.
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri("/cases"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            body());
    assertThat(page.statusCode()).isEqualTo(401);
  }

  @Test
  void withAccounts_apiPathsTakeTheKey_notTheSignIn() throws Exception {
    app.close();
    app =
        WorkspaceApp.builder(dir.resolve("ws"))
            .clock(clock)
            .api(true)
            .accounts(new org.redress.web.account.Passwords(64, 1))
            .build();
    app.accounts().add("amy", "admin", "a long admin passphrase".toCharArray());
    app.start("127.0.0.1", 0);
    assertThat(send("GET", "/c/banks", key, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/c/banks", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> page = send("GET", "/admin/platforms", key, null);
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void apiOff_apiPathsAreWorkspacePaths_401() throws Exception {
    try (WorkspaceApp off =
        WorkspaceApp.builder(dir.resolve("ws2")).build().start("127.0.0.1", 0)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + off.port() + "/c/banks"))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              body());
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).doesNotContain("matching_enabled_ratio");
    }
  }

  // ---- matching

  @Test
  void lookup_nearPdq_returnsBankAndContentWithDistance() throws Exception {
    Pdq base = randomPdq(new Random(1));
    long id = addPdq("victim-a", base);
    Pdq near = flip(base, 5);
    HttpResponse<String> r =
        send("GET", "/m/lookup?signal=" + near + "&signal_type=pdq", key, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.get("victim-a").get(0).get("bank_content_id").asLong()).isEqualTo(id);
    assertThat(j.get("victim-a").get(0).get("distance").asText()).isEqualTo("5");
    Pdq far = flip(base, 100);
    assertThat(json(send("GET", "/m/lookup?signal=" + far + "&signal_type=pdq", key, null)).size())
        .isZero();
    JsonNode other =
        json(send("GET", "/m/lookup?signal=" + near + "&signal_type=pdq&banks=b2", key, null));
    assertThat(other.size()).isZero();
  }

  @Test
  void rawLookup_withAndWithoutDistance() throws Exception {
    Pdq base = randomPdq(new Random(2));
    long id = addPdq("victim-a", base);
    JsonNode plain =
        json(send("GET", "/m/raw_lookup?signal=" + base + "&signal_type=pdq", key, null));
    assertThat(plain.get("matches").get(0).asLong()).isEqualTo(id);
    JsonNode dist =
        json(
            send(
                "GET",
                "/m/raw_lookup?signal=" + flip(base, 2) + "&signal_type=pdq&include_distance=true",
                key,
                null));
    assertThat(dist.get("matches").get(0).get("bank_content_id").asLong()).isEqualTo(id);
    assertThat(dist.get("matches").get(0).get("distance").asText()).isEqualTo("2");
  }

  @Test
  void lookup_videoMd5_matchesExactly() throws Exception {
    ws.banks().create("v", 31, 0);
    String md5 = "0123456789abcdef0123456789abcdef";
    ws.banks().add("v", List.of(new NewItem(HashValue.parse("md5", md5), "clip", null, null)));
    JsonNode j =
        json(
            send(
                "GET",
                "/m/lookup?signal="
                    + md5.toUpperCase(java.util.Locale.ROOT)
                    + "&signal_type=video_md5",
                key,
                null));
    assertThat(j.get("v").get(0).get("distance").asText()).isEqualTo("0");
  }

  @Test
  void compare_pdqPair_returnsMatchAndDistance() throws Exception {
    Pdq a = randomPdq(new Random(3));
    String body = "{\"pdq\": [\"" + a + "\", \"" + flip(a, 9) + "\"]}";
    JsonNode j = json(send("POST", "/m/compare", key, body));
    assertThat(j.get("pdq").get(0).asBoolean()).isTrue();
    assertThat(j.get("pdq").get(1).get("distance").asInt()).isEqualTo(9);
    JsonNode far =
        json(
            send("POST", "/m/compare", key, "{\"pdq\": [\"" + a + "\", \"" + flip(a, 80) + "\"]}"));
    assertThat(far.get("pdq").get(0).asBoolean()).isFalse();
    assertThat(send("POST", "/m/compare", key, "{\"pdq\": [\"" + a + "\"]}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void indexStatus_reportsPresenceAndSizes() throws Exception {
    addPdq("victim-a", randomPdq(new Random(4)));
    send("GET", "/m/lookup?signal=" + randomPdq(new Random(5)) + "&signal_type=pdq", key, null);
    JsonNode j = json(send("GET", "/m/index/status", key, null));
    assertThat(j.get("pdq").get("present").asBoolean()).isTrue();
    assertThat(j.get("pdq").get("size").asLong()).isEqualTo(1);
    assertThat(j.get("pdq").get("built_to").asLong()).isEqualTo(T0.getEpochSecond());
    assertThat(j.has("video_md5")).isTrue();
    assertThat(json(send("GET", "/m/index/status?signal_type=pdq", key, null)).size()).isOne();
  }

  @Test
  void hashAndLookup_uploadedImage_matchesAfterContentAdd() throws Exception {
    byte[] png = png(7);
    HttpResponse<String> h = upload("/h/hash", png);
    assertThat(h.statusCode()).isEqualTo(200);
    String pdq = json(h).get("pdq").asText();
    assertThat(pdq).matches("[0-9a-f]{64}");
    send("POST", "/c/banks", key, "{\"name\":\"uploads\"}");
    HttpResponse<String> added = upload("/c/bank/uploads/content", png);
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(json(added).get("signals").get("pdq").asText()).isEqualTo(pdq);
    long id = json(added).get("id").asLong();
    JsonNode found = json(upload("/m/lookup", png));
    assertThat(found.get("pdq").get("uploads").get(0).get("bank_content_id").asLong())
        .isEqualTo(id);
  }

  // ---- curation

  @Test
  void curation_bankAndContentLifecycle() throws Exception {
    HttpResponse<String> c = send("POST", "/c/banks", key, "{\"name\":\"cur\"}");
    assertThat(c.statusCode()).isEqualTo(201);
    assertThat(json(c).get("name").asText()).isEqualTo("cur");
    assertThat(json(c).get("matching_enabled_ratio").asDouble()).isEqualTo(1.0);
    assertThat(send("POST", "/c/banks", key, "{\"name\":\"cur\"}").statusCode()).isEqualTo(403);
    assertThat(json(send("GET", "/c/banks", key, null)).findValuesAsText("name")).contains("cur");
    assertThat(send("GET", "/c/bank/cur", key, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/c/bank/nope", key, null).statusCode()).isEqualTo(404);
    assertThat(send("PUT", "/c/bank/cur", key, "{\"name\":\"other\"}").statusCode()).isEqualTo(400);
    Pdq p = randomPdq(new Random(6));
    HttpResponse<String> s = send("POST", "/c/bank/cur/signal", key, "{\"pdq\":\"" + p + "\"}");
    assertThat(s.statusCode()).isEqualTo(200);
    long id = json(s).get("id").asLong();
    assertThat(json(s).get("signals").get("pdq").asText()).isEqualTo(p.toString());
    JsonNode got =
        json(send("GET", "/c/bank/cur/content/" + id + "?include_signals=true", key, null));
    assertThat(got.get("id").asLong()).isEqualTo(id);
    assertThat(got.get("bank").get("name").asText()).isEqualTo("cur");
    assertThat(got.get("signals").get("pdq").asText()).isEqualTo(p.toString());
    assertThat(got.get("disable_until_ts").asLong()).isEqualTo(1);
    long until = T0.getEpochSecond() + 3600;
    JsonNode dis =
        json(send("PUT", "/c/bank/cur/content/" + id, key, "{\"disable_until_ts\":" + until + "}"));
    assertThat(dis.get("disable_until_ts").asLong()).isEqualTo(until);
    // Disabled: the lookup no longer finds it.
    assertThat(json(send("GET", "/m/lookup?signal=" + p + "&signal_type=pdq", key, null)).size())
        .isZero();
    assertThat(json(send("DELETE", "/c/bank/cur/content/" + id, key, null)).get("deleted").asInt())
        .isOne();
    assertThat(send("GET", "/c/bank/cur/content/" + id, key, null).statusCode()).isEqualTo(404);
    assertThat(json(send("DELETE", "/c/bank/cur", key, null)).get("message").asText())
        .isEqualTo("Done");
    assertThat(send("GET", "/c/bank/cur", key, null).statusCode()).isEqualTo(404);
  }

  // ---- the feed

  @Test
  void fetchHashes_tenThousandRecords_pagedByTokenAndTimestamp() throws Exception {
    Random rnd = new Random(7);
    ws.banks().create("big", 31, 0);
    List<NewItem> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      items.add(new NewItem(HashValue.pdq(randomPdq(rnd), 100), "张三的照片 " + i, null, null));
    }
    ws.banks().add("big", items);
    String pseudonym = ws.feed().share("big", "case-1").pseudonym();

    Set<String> seen = new HashSet<>();
    String token = null;
    long checkpoint = -1;
    int pages = 0;
    List<String> firstPage = new ArrayList<>();
    while (true) {
      HttpResponse<String> r =
          feed(
              key,
              "/v1/FetchHashes?pageSize=1000" + (token == null ? "" : "&nextPageToken=" + token));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).doesNotContain("张三").doesNotContain("case-1");
      JsonNode j = json(r);
      pages++;
      assertThat(j.get("count").asInt()).isEqualTo(j.get("hashRecords").size());
      for (JsonNode rec : j.get("hashRecords")) {
        assertThat(rec.get("signalType").asText()).isEqualTo("ImagePDQ");
        assertThat(rec.get("hashStatus").asText()).isEqualTo("Active");
        assertThat(rec.get("caseNumbers").get(pseudonym).asText()).isEqualTo("Active");
        seen.add(rec.get("hashValue").asText());
        if (pages == 1) {
          firstPage.add(rec.get("hashValue").asText());
        }
      }
      if (pages == 1) {
        // Change one record already served and one not yet: both must come (again) later.
        clock.set(T0.plusSeconds(10));
        String fb =
            "{\"count\":1,\"hashFeedbacks\":[{\"hashValue\":\""
                + firstPage.get(0)
                + "\",\"feedbackValue\":\"PendingReview\",\"tags\":[]}]}";
        assertThat(feedPost(key, "/v1/SubmitFeedback", fb).statusCode()).isEqualTo(200);
      }
      token = j.get("nextPageToken").asText();
      checkpoint = j.get("nextSetTimestamp").asLong();
      if (!j.get("hasMoreRecords").asBoolean()) {
        break;
      }
      assertThat(pages).isLessThan(20);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(pages).isEqualTo(11);
    assertThat(checkpoint).isEqualTo(T0.getEpochSecond() + 10);

    // From the checkpoint, only what changed at or after it comes back.
    clock.set(T0.plusSeconds(3600));
    List<String> changed = new ArrayList<>(seen).subList(0, 5);
    StringBuilder fb = new StringBuilder("{\"count\":5,\"hashFeedbacks\":[");
    for (int i = 0; i < 5; i++) {
      fb.append(i == 0 ? "" : ",")
          .append("{\"hashValue\":\"")
          .append(changed.get(i))
          .append("\",\"feedbackValue\":\"Blocked\",\"tags\":[\"ncii\"]}");
    }
    assertThat(feedPost(key, "/v1/SubmitFeedback", fb.append("]}").toString()).statusCode())
        .isEqualTo(200);
    JsonNode since =
        json(feed(key, "/v1/FetchHashes?startTimestamp=" + (T0.getEpochSecond() + 3600)));
    assertThat(since.get("count").asInt()).isEqualTo(5);
    assertThat(since.get("hasMoreRecords").asBoolean()).isFalse();
    for (JsonNode rec : since.get("hashRecords")) {
      assertThat(changed).contains(rec.get("hashValue").asText());
      assertThat(rec.get("CSPFeedbacks").get(0).get("feedbackValue").asText()).isEqualTo("Blocked");
      assertThat(rec.get("CSPFeedbacks").get(0).get("source").asText()).isEqualTo("acme");
      assertThat(rec.get("lastModtimestamp").asLong()).isEqualTo(T0.getEpochSecond() + 3600);
    }
  }

  @Test
  void withdrawal_turnsRecordsWithdrawn_andTheyReappear() throws Exception {
    Pdq shared = randomPdq(new Random(8));
    addPdq("her-bank", shared);
    addPdq("her-bank", randomPdq(new Random(9)));
    addPdq("other-bank", shared);
    String hers = ws.feed().share("her-bank", "case-9").pseudonym();
    String other = ws.feed().share("other-bank", "case-10").pseudonym();
    JsonNode first = json(feed(key, "/v1/FetchHashes"));
    assertThat(first.get("count").asInt()).isEqualTo(2);
    long checkpoint = first.get("nextSetTimestamp").asLong();

    clock.set(T0.plusSeconds(60));
    assertThat(ws.feed().withdrawCase("case-9")).hasSize(1);
    JsonNode after = json(feed(key, "/v1/FetchHashes?startTimestamp=" + (checkpoint + 60)));
    assertThat(after.get("count").asInt()).isEqualTo(2);
    for (JsonNode rec : after.get("hashRecords")) {
      assertThat(rec.get("caseNumbers").get(hers).asText()).isEqualTo("Withdrawn");
      if (rec.get("hashValue").asText().equals(shared.toString())) {
        // Still shared by another case: the record stays Active, her case is withdrawn.
        assertThat(rec.get("hashStatus").asText()).isEqualTo("Active");
        assertThat(rec.get("caseNumbers").get(other).asText()).isEqualTo("Active");
      } else {
        assertThat(rec.get("hashStatus").asText()).isEqualTo("Withdrawn");
      }
    }
  }

  @Test
  void feedback_blocked_landsInTheCaseTracker() throws Exception {
    Pdq p = randomPdq(new Random(10));
    addPdq("case-bank", p);
    ws.feed().share("case-bank", "case-7");
    Takedowns t = new Takedowns(ws.takedowns());
    t.recordNotice(
        new TakedownStore.NewNotice(
            "case-7",
            "acme",
            LocalDate.of(2026, 2, 20),
            List.of("https://acme.example/post/1"),
            List.of(p.toString()),
            null));
    String fb =
        "{\"count\":1,\"hashFeedbacks\":[{\"hashValue\":\""
            + p
            + "\",\"feedbackValue\":\"StopNCIICSPFeedbackValue.Blocked\",\"tags\":[\"ncii\"]}]}";
    HttpResponse<String> r = feedPost(key, "/v1/SubmitFeedback", fb);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("count").asInt()).isOne();
    List<TakedownStore.Answer> answers = ws.takedowns().answers("case-7");
    assertThat(answers).hasSize(1);
    TakedownStore.NewAnswer a = answers.get(0).answer();
    assertThat(a.platform()).isEqualTo("acme");
    assertThat(a.kind()).isEqualTo(TakedownStore.AnswerKind.BLOCKED);
    assertThat(a.source()).isEqualTo(TakedownStore.Source.FEEDBACK);
    assertThat(a.hash()).isEqualTo(p.toString());
    // Beijing time: 2026-03-01T02:00Z is 10:00 on 1 March in Beijing.
    assertThat(a.answeredOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    Takedowns.PlatformTrack track = t.tracker("case-7", LocalDate.of(2026, 3, 1), 7).get(0);
    assertThat(track.firstNotice()).isEqualTo(LocalDate.of(2026, 2, 20));
    assertThat(track.daysSinceNotice()).isEqualTo(9);
    assertThat(track.blockedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(track.escalate()).isFalse();
    assertThat(ws.platforms().auditLog(10))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("POST /v1/SubmitFeedback"));
  }

  @Test
  void submitHashes_keptNotPublished() throws Exception {
    String h = "ab".repeat(32);
    String body =
        "{\"count\":1,\"hashRecords\":[{\"lastModtimestamp\":1,\"signalType\":"
            + "\"StopNCIISignalType.ImagePDQ\",\"hashValue\":\""
            + h
            + "\",\"CSPFeedbacks\":[{\"feedbackValue\":\"Blocked\",\"tags\":[]}]}]}";
    HttpResponse<String> r = feedPost(key, "/v1/SubmitHashes", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("unknownHashes").get(0).asText()).isEqualTo(h);
    assertThat(ws.feed().submissions()).isOne();
    assertThat(json(feed(key, "/v1/FetchHashes")).get("count").asInt()).isZero();
  }

  @Test
  void openapi_describesEveryPath() throws Exception {
    HttpResponse<String> r = send("GET", "/openapi.json", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.get("openapi").asText()).isEqualTo("3.1.0");
    List<String> paths = new ArrayList<>();
    j.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/h/hash",
            "/m/lookup",
            "/m/raw_lookup",
            "/m/compare",
            "/m/index/status",
            "/c/banks",
            "/c/bank/{name}",
            "/c/bank/{name}/content",
            "/c/bank/{name}/content/{id}",
            "/c/bank/{name}/signal",
            "/v1/FetchHashes",
            "/v1/SubmitHashes",
            "/v1/SubmitFeedback");
  }

  // ---- helpers

  private long addPdq(String bank, Pdq p) {
    if (ws.banks().list().stream().noneMatch(b -> b.name().equals(bank))) {
      ws.banks().create(bank, 31, 0);
    }
    return ws.banks()
        .add(bank, List.of(new NewItem(HashValue.pdq(p, 100), "label", null, null)))
        .outcomes()
        .get(0)
        .id();
  }

  static Pdq randomPdq(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      b.append(Character.forDigit(rnd.nextInt(16), 16));
    }
    return Pdq.parse(b.toString());
  }

  /** The hash with its first {@code n} bits flipped. */
  static Pdq flip(Pdq p, int n) {
    char[] hex = p.toString().toCharArray();
    for (int bit = 0; bit < n; bit++) {
      int i = bit / 4;
      int v = Character.digit(hex[i], 16) ^ (1 << (bit % 4));
      hex[i] = Character.forDigit(v, 16);
    }
    return Pdq.parse(new String(hex));
  }

  private static byte[] png(int seed) throws Exception {
    BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random rnd = new Random(seed);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
      g.fillRect(rnd.nextInt(200), rnd.nextInt(200), 20 + rnd.nextInt(80), 20 + rnd.nextInt(80));
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private HttpResponse<String> upload(String path, byte[] file) throws Exception {
    String boundary = "----redress-test-boundary";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    b.write(file);
    b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()))
            .build(),
        body());
  }

  private HttpResponse<String> send(String method, String path, String bearer, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), body());
  }

  private HttpResponse<String> feed(String k, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("x-functions-key", k)
            .header("Ocp-Apim-Subscription-Key", k)
            .build(),
        body());
  }

  private HttpResponse<String> feedPost(String k, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("x-functions-key", k)
            .header("Ocp-Apim-Subscription-Key", k)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
