package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.casework.Interview;

/** The interview over HTTP: order, answers saved at once, I don't know, skip, back, review. */
class InterviewPagesTest {
  @TempDir Path dir;
  private WorkspaceApp app;
  private Http http;
  private String s;
  private String caseId;
  private String csrf;

  @BeforeEach
  void start() throws Exception {
    app =
        WorkspaceApp.builder(dir.resolve("ws"))
            .clock(Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC))
            .build()
            .start("127.0.0.1", 0);
    http = new Http(app.port());
    s = Http.cookie(http.get("/?token=" + app.token(), null));
    csrf = Http.csrf(http.get("/", s).body());
    HttpResponse<String> made = http.post("/cases", s, "_csrf=" + csrf);
    caseId = made.headers().firstValue("Location").orElseThrow().substring("/cases/".length());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static String zh(String fact) {
    return Interview.standard().question(fact).orElseThrow().text().zh();
  }

  private HttpResponse<String> answer(String fact, String action, String value) throws Exception {
    return http.post(
        "/cases/" + caseId + "/interview",
        s,
        "_csrf=" + csrf + "&fact=" + fact + "&action=" + action + "&value=" + Http.enc(value));
  }

  @Test
  void firstQuestion_withoutScan_isTheDayItFirstHappened_inChinese() throws Exception {
    HttpResponse<String> r = http.get("/cases/" + caseId + "/interview", s);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(zh("conduct.first_act"))
        .contains("不清楚")
        .contains("跳过")
        .contains("lang=\"zh-CN\"");
  }

  @Test
  void answers_areSavedAtOnce_andTheNextQuestionFollows() throws Exception {
    assertThat(answer("conduct.first_act", "answer", "2026-09-01").statusCode()).isEqualTo(303);
    // Saved sealed with the case key: no plain draft, and no file holds the answer in clear.
    assertThat(dir.resolve("ws/cases/" + caseId + "/interview.json")).doesNotExist();
    try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("ws"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain("2026-09-01");
      }
    }
    assertThat(http.get("/cases/" + caseId + "/interview", s).body())
        .contains(zh("conduct.last_act"));
    answer("conduct.last_act", "answer", "2026-11-20");
    String third = http.get("/cases/" + caseId + "/interview", s).body();
    assertThat(third).doesNotContain(zh("conduct.last_act")).contains(zh("acts.covert_filming"));
    answer("acts.covert_filming", "answer", "true");
    // After the seed questions the law drives, and the page says why it asks.
    assertThat(http.get("/cases/" + caseId + "/interview", s).body()).contains("现在问这个");
  }

  @Test
  void answers_becomeSealedFactsVersions_byTheLocalUser_andUnknownWritesNone() throws Exception {
    answer("conduct.first_act", "answer", "2026-09-01");
    answer("conduct.last_act", "answer", "2026-11-20");
    answer("acts.covert_filming", "unknown", "");
    answer("acts.covert_filming", "skip", "");
    // The same value again is no new version; a changed answer is.
    answer("conduct.first_act", "answer", "2026-09-01");
    answer("conduct.first_act", "answer", "2026-08-30");
    org.redress.casework.Casework cw =
        org.redress.casework.Casework.builder(dir.resolve("ws")).build();
    java.util.List<org.redress.casework.Cases.RecordVersion> h =
        cw.cases().history(caseId, org.redress.casework.Cases.FACTS);
    assertThat(h)
        .extracting(
            org.redress.casework.Cases.RecordVersion::author,
            org.redress.casework.Cases.RecordVersion::note)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("本地用户", "interview"))
        .hasSize(3);
    try (org.redress.evidence.EvidenceStore locker =
        org.redress.evidence.EvidenceStore.builder(dir.resolve("ws")).open()) {
      org.redress.law.CaseFacts now = cw.cases().facts(caseId, locker).orElseThrow();
      assertThat(now.date("conduct.first_act")).contains(java.time.LocalDate.parse("2026-08-30"));
      assertThat(now.date("conduct.last_act")).contains(java.time.LocalDate.parse("2026-11-20"));
      assertThat(now.get("acts.covert_filming")).isNull();
      assertThat(cw.cases().version(caseId, org.redress.casework.Cases.FACTS, 1, locker))
          .contains("2026-09-01")
          .doesNotContain("last_act");
    }
  }

  @Test
  void unknownAndSkip_areRecorded_andNotAskedAgain() throws Exception {
    answer("conduct.first_act", "answer", "2026-09-01");
    answer("conduct.last_act", "unknown", "");
    answer("acts.covert_filming", "skip", "");
    String next = http.get("/cases/" + caseId + "/interview", s).body();
    assertThat(next)
        .doesNotContain(zh("conduct.last_act"))
        .doesNotContain(zh("acts.covert_filming"));
    String review = http.get("/cases/" + caseId + "/interview/review", s).body();
    assertThat(review).contains("不清楚").contains("已跳过").contains("2026-09-01");
  }

  @Test
  void badValue_is400WithAChineseLine_andNothingSaved() throws Exception {
    HttpResponse<String> r = answer("conduct.first_act", "answer", "yesterday");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(Messages.of("zh").t("interview.error.value.date"));
    assertThat(dir.resolve("ws/cases/" + caseId + "/interview.json")).doesNotExist();
  }

  @Test
  void lastDayBeforeFirst_isRefusedAsContradiction() throws Exception {
    answer("conduct.first_act", "answer", "2026-09-01");
    HttpResponse<String> r = answer("conduct.last_act", "answer", "2026-08-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(Messages.of("zh").t("interview.error.contradiction"));
  }

  @Test
  void pathJump_opensThatQuestion_withTheAnswerFilledIn_andBackLinks() throws Exception {
    answer("conduct.first_act", "answer", "2026-09-01");
    answer("conduct.last_act", "answer", "2026-11-20");
    String page = http.get("/cases/" + caseId + "/interview?path=conduct.first_act", s).body();
    assertThat(page).contains(zh("conduct.first_act")).contains("value=\"2026-09-01\"");
    String second = http.get("/cases/" + caseId + "/interview?path=conduct.last_act", s).body();
    assertThat(second).contains("interview?path=conduct.first_act\" id=\"back\"");
    assertThat(http.get("/cases/" + caseId + "/interview?path=nope", s).statusCode())
        .isEqualTo(404);
  }

  @Test
  void englishSwitch_showsTheQuestionInEnglish() throws Exception {
    String en = http.get("/cases/" + caseId + "/interview?lang=en", s).body();
    assertThat(en)
        .contains(Interview.standard().question("conduct.first_act").orElseThrow().text().en())
        .contains("I don't know")
        .contains("Skip");
  }

  @Test
  void answer_withoutCsrf_isRefused() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/cases/" + caseId + "/interview",
            s,
            "fact=conduct.first_act&action=answer&value=2026-09-01");
    assertThat(r.statusCode()).isEqualTo(403);
  }
}
