package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a timed test (tag {@code bench}, excluded by default): the report page of a scan
 * with 10,000 occurrences, rendered 60 times after 10 warm-up requests; prints p50 and p95. Run:
 * {@code mvn -pl web -am test -Dtest=ReportPageBench -Dredress.web.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class ReportPageBench {
  @TempDir Path dir;

  @Test
  void reportPage_10000Occurrences_renderTime() throws Exception {
    Path report = dir.resolve("report.json");
    Files.writeString(report, syntheticReport(10_000), StandardCharsets.UTF_8);
    try (WorkspaceApp app = WorkspaceApp.builder(dir.resolve("ws")).build().start("127.0.0.1", 0)) {
      app.prepareDemo("bench", report, List.of(dir));
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url("/cases/demo/scans"))).build(),
              HttpResponse.BodyHandlers.ofString());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String list =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + app.port() + "/cases/demo/scans"))
                      .header("Cookie", cookie)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("/cases/demo/scans/([0-9-]+)\"").matcher(list);
      assertThat(m.find()).isTrue();
      URI page = URI.create("http://127.0.0.1:" + app.port() + "/cases/demo/scans/" + m.group(1));
      long[] ms = new long[60];
      for (int i = -10; i < ms.length; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(page).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        long t = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("occurrence-table").contains("rel=\"next\"");
        if (i >= 0) {
          ms[i] = t;
        }
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "report page, 10,000 occurrences: p50 %d ms, p95 %d ms," + " max %d ms (60 requests)%n",
          ms[30],
          ms[56],
          ms[59]);
    }
  }

  static String syntheticReport(int occurrences) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("schema", "redress/spread-report@1");
    root.put("partial", false);
    ObjectNode totals = root.putObject("totals");
    totals.put("matched_items", 10);
    totals.put("posts_with_matches", occurrences);
    totals.put("chats_involved", 50);
    totals.put("media_checked", occurrences);
    ArrayNode items = root.putArray("items");
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      ObjectNode item = items.addObject();
      item.put("label", "picture-" + i + ".jpg");
      ArrayNode occ = item.putArray("occurrences");
      for (int k = 0; k < occurrences / 10; k++) {
        ObjectNode o = occ.addObject();
        o.put("chat_name", "chat " + (k % 50));
        o.put("sender_name", "sender " + (k % 200));
        o.put("date_utc", t.plusSeconds(600L * k).toString());
        o.put("zone_unknown", false);
        o.put("signal", "pdq");
        o.put("distance", k % 32);
        o.put("forwarded", k % 7 == 0);
        o.put("reference", "chat/" + (k % 50) + "/message/" + k);
      }
    }
    ArrayNode timeline = root.putArray("timeline");
    for (int d = 0; d < 70; d++) {
      timeline.addObject().put("date", "2026-01-" + (1 + d % 28)).put("posts", 100 + d);
    }
    ArrayNode chats = root.putArray("chats");
    for (int c = 0; c < 50; c++) {
      chats.addObject().put("chat_name", "chat " + c).put("posts_with_matches", 200);
    }
    return root.toString();
  }
}
