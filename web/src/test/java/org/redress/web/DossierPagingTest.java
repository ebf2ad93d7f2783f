package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.report.CaseFactsFragment;
import org.redress.report.SpreadReport;
import org.redress.web.account.Passwords;

/**
 * The dossier page over more posts than any list holds (1,000): every post behind the total is on
 * one of its pages; and a consent withdrawn while the page is cached is effective at the next view.
 */
class DossierPagingTest {
  private static final long CHAT = 1_700_001_000L;
  private static final char[] LAWYER_PW = "the lawyer's password".toCharArray();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);
  private static final Pattern POST = Pattern.compile("聊天 " + CHAT + " 第 ([0-9]+) 条消息");

  @TempDir Path dir;
  private WorkspaceApp app;
  private Http http;
  private String liu;

  @BeforeEach
  void start() throws Exception {
    Casework cw = Casework.builder(dir.resolve("ws")).clock(CLOCK).user("tester").build();
    keep(cw, "p-a", 1, 1_250);
    keep(cw, "p-b", 5_001, 10);
    cw.workspace().close();
    app =
        WorkspaceApp.builder(dir.resolve("ws")).clock(CLOCK).accounts(new Passwords(64, 1)).build();
    app.accounts().add("amy", "admin", "correct horse battery".toCharArray());
    app.accounts().add("liu", "lawyer", LAWYER_PW);
    app.start("127.0.0.1", 0);
    http = new Http(app.port());
    HttpResponse<String> form = http.get("/login", null);
    HttpResponse<String> r =
        http.post(
            "/login",
            Http.cookie(form),
            "_csrf="
                + Http.csrf(form.body())
                + "&name=liu&password="
                + Http.enc(new String(LAWYER_PW)));
    liu = Http.cookie(r);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void build_moreThanAThousandPosts_everyPostIsOnAPage() throws Exception {
    Set<Long> seen = new TreeSet<>();
    int pages = 0;
    String next = "/dossiers/build?chat=" + CHAT;
    while (next != null) {
      HttpResponse<String> page = http.get(next, liu);
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher m = POST.matcher(page.body());
      int here = 0;
      while (m.find()) {
        assertThat(seen.add(Long.parseLong(m.group(1)))).as("post %s twice", m.group(1)).isTrue();
        here++;
      }
      assertThat(here).isBetween(1, 100);
      pages++;
      Matcher n = Pattern.compile("href=\"([^\"]+)#posts\" rel=\"next\"").matcher(page.body());
      next = n.find() ? n.group(1).replace("&amp;", "&") : null;
    }

    assertThat(pages).isEqualTo(13);
    assertThat(seen).hasSize(1_260).contains(1L, 1_000L, 1_001L, 1_250L, 5_001L, 5_010L);
    HttpResponse<String> last = http.get("/dossiers/build?chat=" + CHAT + "&page=13", liu);
    assertThat(last.body()).contains("第 1,201–1,260 条，共 1,260 条帖子");
  }

  @Test
  void build_consentWithdrawnAfterAView_sheIsGoneAtTheNextView() throws Exception {
    String url = "/dossiers/build?chat=" + CHAT;
    assertThat(http.get(url, liu).body()).contains("被害人B", "共 1,260 条帖子");

    Casework cw = Casework.builder(dir.resolve("ws")).clock(CLOCK).user("tester").build();
    cw.cases().consent("p-b", Cases.DOSSIERS, false);

    assertThat(http.get(url, liu).body()).doesNotContain("被害人B").contains("共 1,250 条帖子");
  }

  /** Case {@code id}, consenting, with one kept scan of {@code n} posts in the chat. */
  private static void keep(Casework cw, String id, long firstMessage, int n) throws Exception {
    cw.cases().create(id).orElseThrow();
    List<SpreadReport.Occurrence> occ = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int k = 0; k < n; k++) {
      long m = firstMessage + k;
      Instant at = start.plusSeconds(60 * m);
      String sha = String.format(java.util.Locale.ROOT, "%064x", m);
      occ.add(
          new SpreadReport.Occurrence(
              CHAT,
              "频道",
              "public_channel",
              "/x/result.json",
              m,
              "message " + m,
              "telegram",
              "telegram:chat/" + CHAT + "/message/" + m,
              at,
              at.toString(),
              false,
              "发送者",
              "user1",
              false,
              "",
              "",
              "photo",
              "photos/" + m + ".jpg",
              "/x/photos/" + m + ".jpg",
              "image",
              sha,
              sha.substring(32),
              sha,
              "pdq",
              0,
              null,
              null,
              List.of(new SpreadReport.MatchRow(m, "pdq", 0, null, null, null, null))));
    }
    SpreadReport.Seen first = seen(occ.get(0));
    SpreadReport.Seen last = seen(occ.get(n - 1));
    SpreadReport.Item item =
        new SpreadReport.Item(
            "case-" + id,
            "pic",
            "image",
            List.of(1L),
            List.of("pdq"),
            n,
            1,
            1,
            0,
            0,
            n,
            first,
            last,
            occ);
    SpreadReport r =
        new SpreadReport(
            SpreadReport.SCHEMA,
            "test",
            start,
            List.of(new SpreadReport.Bank("b", 31, 50)),
            List.of(),
            false,
            List.of(item),
            new SpreadReport.Totals(
                1, n, n, 0, n, 0, n, 1, 1, 0, 0, first, last, 1, n, 0, n, n, 0, 0, 0),
            new SpreadReport.Unchecked(0, Map.of(), Map.of(), false, List.of(), 0, List.of(), ""),
            new SpreadReport.Trade(0, "t", Map.of(), Map.of(), List.of(), 50, 0, List.of()),
            List.of(),
            List.of(),
            new CaseFactsFragment(null, null, null, null, null, null, null, null, null),
            List.of(),
            List.of(),
            List.of(),
            Map.of());
    cw.cases().keepScan(id, r, List.of());
    cw.cases().consent(id, Cases.DOSSIERS, true);
  }

  private static SpreadReport.Seen seen(SpreadReport.Occurrence o) {
    return new SpreadReport.Seen(o.dateUtc(), o.dateExported(), false, o.chatId(), o.messageId());
  }
}
