package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.documents.Lang;
import org.redress.documents.OutputFormat;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.testing.MovableClock;

class CasesTest {
  static final String NAME = "王小红";
  static final String ID_NUMBER = "110101199003071234";
  static final String FACTS_V1 =
      "# 被害人 "
          + NAME
          + "，身份证 "
          + ID_NUMBER
          + "\n"
          + "schema: redress/case-facts@1\n"
          + "conduct: {first_act: 2026-01-20}\n"
          + "acts: {covert_filming: true}\n";
  static final String FACTS_V2 = FACTS_V1 + "distribution: {shared: true, counts: {images: 3}}\n";
  static final String PARTIES =
      "schema: redress/parties@1\nvictim:\n  name: "
          + NAME
          + "\n  id_number: \""
          + ID_NUMBER
          + "\"\n";

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-20T02:00:00Z"));

  private Casework casework(String user) {
    return Casework.builder(dir).clock(clock).user(user).build();
  }

  @Test
  void facts_storedTwice_bothVersionsReadableWithTimeAndAuthor() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS_V1, "intake.yaml", locker);
      clock.advance(Duration.ofHours(1));
      casework("lawyer").cases().putFacts("alice", FACTS_V2, "interview", locker);

      assertThat(cases.factsText("alice", locker)).contains(FACTS_V2);
      assertThat(cases.version("alice", Cases.FACTS, 1, locker)).isEqualTo(FACTS_V1);
      assertThat(cases.history("alice", Cases.FACTS))
          .extracting(
              Cases.RecordVersion::version, Cases.RecordVersion::author, Cases.RecordVersion::note)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, "advocate", "intake.yaml"),
              org.assertj.core.groups.Tuple.tuple(2, "lawyer", "interview"));
      assertThat(cases.history("alice", Cases.FACTS).get(1).at())
          .isEqualTo(Instant.parse("2026-03-20T03:00:00Z"));
      assertThat(
              String.valueOf(
                  cases.facts("alice", locker).orElseThrow().get("distribution.counts.images")))
          .isEqualTo("3");
    }
  }

  private static InterviewAnswers.Answer said(InterviewAnswers.State st, String v) {
    return new InterviewAnswers.Answer(st, v, Instant.parse("2026-03-20T02:00:00Z"), "local");
  }

  @Test
  void keepAnswer_answersChangedUnknownAndSkipped_eachChangeIsOneInterviewVersion()
      throws Exception {
    Cases cases = casework("ignored").cases();
    cases.create("bo");
    Interview iv = Interview.standard();
    java.time.LocalDate asOf = java.time.LocalDate.parse("2026-03-20");
    String proved = "{\"distribution\":{\"shared\":true,\"counts\":{\"images\":4}}}";
    Interview.Question first = iv.question("conduct.first_act").orElseThrow();
    Interview.Question filmed = iv.question("acts.covert_filming").orElseThrow();
    Interview.Question platform = iv.question("parties.platform.name").orElseThrow();
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      InterviewAnswers a =
          InterviewAnswers.empty()
              .with(first.fact(), said(InterviewAnswers.State.GIVEN, "2026-01-20"));
      assertThat(cases.keepAnswer("bo", iv, first, a, proved, asOf, "本地用户", locker)).isPresent();
      // The same value again writes nothing; "I don't know" and skip write nothing.
      assertThat(cases.keepAnswer("bo", iv, first, a, proved, asOf, "本地用户", locker)).isEmpty();
      InterviewAnswers u = a.with(filmed.fact(), said(InterviewAnswers.State.UNKNOWN, ""));
      assertThat(cases.keepAnswer("bo", iv, filmed, u, proved, asOf, "本地用户", locker)).isEmpty();
      InterviewAnswers sk = a.with(filmed.fact(), said(InterviewAnswers.State.SKIPPED, ""));
      assertThat(cases.keepAnswer("bo", iv, filmed, sk, proved, asOf, "本地用户", locker)).isEmpty();
      clock.advance(Duration.ofMinutes(5));
      InterviewAnswers b = a.with(filmed.fact(), said(InterviewAnswers.State.GIVEN, "true"));
      cases.keepAnswer("bo", iv, filmed, b, proved, asOf, "advocate1", locker);
      // An answer changed later is another version; what it did not touch stays.
      InterviewAnswers c = b.with(first.fact(), said(InterviewAnswers.State.GIVEN, "2026-01-22"));
      cases.keepAnswer("bo", iv, first, c, proved, asOf, "本地用户", locker);
      InterviewAnswers d = c.with(platform.fact(), said(InterviewAnswers.State.GIVEN, "Telegram"));
      cases.keepAnswer("bo", iv, platform, d, proved, asOf, "本地用户", locker);

      assertThat(cases.history("bo", Cases.FACTS))
          .extracting(
              Cases.RecordVersion::version, Cases.RecordVersion::author, Cases.RecordVersion::note)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, "本地用户", "interview"),
              org.assertj.core.groups.Tuple.tuple(2, "advocate1", "interview"),
              org.assertj.core.groups.Tuple.tuple(3, "本地用户", "interview"));
      assertThat(cases.history("bo", Cases.PARTIES)).hasSize(1);
      org.redress.law.CaseFacts v1 = Facts.parse(cases.version("bo", Cases.FACTS, 1, locker), "v1");
      assertThat(v1.date("conduct.first_act")).contains(java.time.LocalDate.parse("2026-01-20"));
      assertThat(String.valueOf(v1.get("distribution.counts.images"))).isEqualTo("4");
      org.redress.law.CaseFacts now = cases.facts("bo", locker).orElseThrow();
      assertThat(now.date("conduct.first_act")).contains(java.time.LocalDate.parse("2026-01-22"));
      assertThat(now.get("acts.covert_filming")).isEqualTo(Boolean.TRUE);
      assertThat(cases.partiesText("bo", locker).orElseThrow()).contains("Telegram");
    }
  }

  @Test
  void factsAndParties_stored_databaseHoldsNoPlantedNameOrIdNumber() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS_V1, "intake.yaml", locker);
      cases.putParties("alice", PARTIES, "parties.yaml", locker);
      assertThat(cases.partiesText("alice", locker)).contains(PARTIES);
    }
    List<byte[]> stored = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("redress.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sealed FROM case_record")) {
      while (rs.next()) {
        stored.add(java.util.Base64.getDecoder().decode(rs.getString(1)));
      }
    }
    assertThat(stored).hasSize(2);
    for (byte[] b : stored) {
      assertThat(contains(b, NAME.getBytes(StandardCharsets.UTF_8))).isFalse();
      assertThat(contains(b, ID_NUMBER.getBytes(StandardCharsets.US_ASCII))).isFalse();
      assertThat(contains(b, "covert_filming".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
    // Nor anywhere else in the workspace (database file, journal, evidence folder).
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] b = Files.readAllBytes(f);
        assertThat(contains(b, NAME.getBytes(StandardCharsets.UTF_8))).as(f.toString()).isFalse();
        assertThat(contains(b, ID_NUMBER.getBytes(StandardCharsets.US_ASCII)))
            .as(f.toString())
            .isFalse();
      }
    }
  }

  @Test
  void facts_invalid_refusedNamingSourceAndNothingStored() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      assertThatThrownBy(
              () ->
                  cases.putFacts(
                      "alice",
                      "schema: redress/case-facts@1\nacts: {covert_filmng: true}\n",
                      "bad.yaml",
                      locker))
          .isInstanceOf(CaseworkException.class)
          .hasMessageStartingWith("bad.yaml: ")
          .hasMessageContaining("covert_filmng");
      assertThat(cases.history("alice", Cases.FACTS)).isEmpty();
    }
  }

  @Test
  void facts_caseShredded_cannotBeOpened() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS_V1, "intake.yaml", locker);
      locker.shred("alice");
      assertThatThrownBy(() -> cases.factsText("alice", locker))
          .isInstanceOf(EvidenceException.class);
    }
  }

  @Test
  void consent_givenWithdrawnGiven_keepsEveryStateAndCurrentIsLast() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    assertThat(cases.consents("alice", Cases.DOSSIERS)).isFalse();
    cases.consent("alice", Cases.DOSSIERS, true);
    clock.advance(Duration.ofDays(2));
    cases.consent("alice", Cases.DOSSIERS, false);
    assertThat(cases.consents("alice", Cases.DOSSIERS)).isFalse();
    assertThat(cases.consentHistory("alice", Cases.DOSSIERS))
        .extracting(Cases.Consent::version, Cases.Consent::granted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
    assertThat(cases.consentNow("alice", Cases.DOSSIERS).orElseThrow().at())
        .isEqualTo(Instant.parse("2026-03-22T02:00:00Z"));
  }

  @Test
  void create_twice_secondIsEmptyAndListShowsOne() {
    Cases cases = casework("advocate").cases();
    assertThat(cases.create("alice")).isPresent();
    assertThat(cases.create("alice")).isEmpty();
    assertThat(cases.list()).extracting(Cases.CaseInfo::id).containsExactly("alice");
    assertThat(cases.list().get(0).createdDate()).isEqualTo("2026-03-20");
    assertThatThrownBy(() -> cases.create("Alice Smith"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Alice Smith\"");
  }

  @Test
  void unknownCase_anyCall_namesTheCase() {
    Cases cases = casework("advocate").cases();
    assertThatThrownBy(() -> cases.consent("bob", Cases.DOSSIERS, true))
        .isInstanceOf(CaseworkException.UnknownCase.class)
        .hasMessageContaining("bob");
  }

  @Test
  void draftAll_caseWithFacts_writesFilesRecordsThemAndLinksPlaceholders() throws Exception {
    Cases cases = casework("advocate").cases();
    cases.create("alice");
    Cases.Drafted d;
    try (EvidenceStore locker = EvidenceStore.builder(dir).clock(clock).open()) {
      cases.putFacts("alice", FACTS_V2, "intake.yaml", locker);
      d =
          cases.draftAll(
              "alice", List.of(Lang.ZH), List.of(OutputFormat.DOCX), "test", locker, w -> {});
    }
    assertThat(d.files()).isNotEmpty().allMatch(Files::isRegularFile);
    assertThat(cases.documents("alice")).hasSize(d.files().size());
    assertThat(d.gaps()).anySatisfy(g -> assertThat(g.path()).contains("parties.victim.name"));
    // The opened facts never stay on disk.
    try (Stream<Path> s = Files.walk(dir.resolve("tmp"))) {
      assertThat(s.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void adoptFolders_olderCaseFolder_becomesACaseOverItsBankOnce() throws Exception {
    Path d = dir.resolve("cases/20261201-1");
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("case.json"),
        "{\"schema\":\"redress/web-case@1\",\"id\":\"20261201-1\",\"bank\":\"her-bank\"}",
        StandardCharsets.UTF_8);
    Cases cases = casework("advocate").cases();
    assertThat(cases.adoptFolders()).containsExactly("20261201-1");
    assertThat(cases.get("20261201-1").orElseThrow().bank()).isEqualTo("her-bank");
    assertThat(cases.adoptFolders()).isEmpty();
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
