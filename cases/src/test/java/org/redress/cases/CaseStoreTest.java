package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaseStore} on SQLite and on PostgreSQL ({@link TestPostgres}): records, consents and files
 * are versioned per case and per kind, read back in order, and kept apart between cases.
 */
class CaseStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
  static TestPostgres pg;
  @TempDir Path dir;

  @BeforeAll
  static void server() {
    pg = TestPostgres.find();
  }

  @Test
  void sqlite_recordsConsentsAndFiles_versionedPerCaseAndKind() {
    check(Workspace.open(dir, CLOCK, "tester").cases());
  }

  @Test
  void postgres_recordsConsentsAndFiles_versionedPerCaseAndKind() {
    TestPostgres.assumeFound(pg);
    String schema = pg.createSchema();
    try {
      check(Workspace.open(dir, pg.url(schema), pg.user, pg.password, CLOCK, "tester").cases());
    } finally {
      pg.dropSchema(schema);
    }
  }

  private static void check(CaseStore cases) {
    assertThat(cases.create("a1", "case-a1", "amy")).isPresent();
    assertThat(cases.create("a1", "other", "amy")).isEmpty();
    assertThat(cases.create("b2", "case-b2", null)).isPresent();
    assertThat(cases.get("b2").orElseThrow().createdBy()).isEqualTo("tester");

    assertThat(cases.addVersion("a1", "facts", new byte[] {1, 2}, "amy", "first").version())
        .isEqualTo(1);
    assertThat(cases.addVersion("a1", "facts", new byte[] {3}, null, null).version()).isEqualTo(2);
    assertThat(cases.addVersion("a1", "parties", new byte[] {9}, "amy", "p").version())
        .isEqualTo(1);
    assertThat(cases.addVersion("b2", "facts", new byte[] {7}, "bo", "b").version()).isEqualTo(1);
    List<CaseStore.Version> facts = cases.versions("a1", "facts");
    assertThat(facts).extracting(CaseStore.Version::version).containsExactly(1, 2);
    assertThat(facts.get(0).sealed()).containsExactly(1, 2);
    assertThat(facts.get(0).note()).isEqualTo("first");
    assertThat(facts.get(1).author()).isEqualTo("tester");
    assertThat(facts.get(1).note()).isEmpty();
    assertThat(facts.get(1).at()).isEqualTo(CLOCK.instant());
    assertThat(cases.latest("a1", "facts").orElseThrow().sealed()).containsExactly(3);
    assertThat(cases.latest("a1", "other")).isEmpty();

    assertThat(cases.consents("a1", "dossiers")).isEmpty();
    cases.consent("a1", "dossiers", true, "amy");
    cases.consent("a1", "dossiers", false, null);
    cases.consent("a1", "sharing", true, "amy");
    cases.consent("b2", "dossiers", true, "bo");
    assertThat(cases.consents("a1", "dossiers"))
        .extracting(CaseStore.Consent::version, CaseStore.Consent::granted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
    assertThat(cases.consents("a1", "dossiers").get(1).author()).isEqualTo("tester");
    assertThat(cases.consents("a1", "sharing")).hasSize(1);
    assertThat(cases.consents("b2", "dossiers"))
        .extracting(CaseStore.Consent::author)
        .containsExactly("bo");

    cases.addArtifact("a1", "document", "cases/a1/x.pdf", "报案材料", "amy");
    cases.addArtifact("a1", "document", "cases/a1/y.pdf", null, null);
    cases.addArtifact("a1", "scan", "cases/a1/s.json", "s", "amy");
    assertThat(cases.artifacts("a1", "document"))
        .extracting(CaseStore.Artifact::path, CaseStore.Artifact::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cases/a1/x.pdf", "报案材料"),
            org.assertj.core.groups.Tuple.tuple("cases/a1/y.pdf", ""));
    assertThat(cases.artifacts("b2", "document")).isEmpty();

    assertThatThrownBy(() -> cases.consents("zz", "dossiers"))
        .isInstanceOf(CaseStore.UnknownCase.class);
    assertThatThrownBy(() -> cases.addArtifact("zz", "document", "p", "l", "a"))
        .isInstanceOf(CaseStore.UnknownCase.class);
    assertThatThrownBy(() -> cases.versions("a1", "Bad Kind"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
