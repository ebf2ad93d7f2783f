package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCommandTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    return new CliWorkspace(dir).run(args);
  }

  @Test
  void add_json_printsNameAndKeyOnce() throws Exception {
    CliRun r = run("platform", "add", "acme", "--json");
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("name").asText()).isEqualTo("acme");
    assertThat(j.get("key").asText()).startsWith("rdk_");
    CliRun list = run("platform", "list");
    assertThat(list.out()).contains("acme\tactive\tfeed,lookup,feedback,curate");
    assertThat(list.out()).doesNotContain(j.get("key").asText());
  }

  @Test
  void add_scopes_narrowAndBadScopeIsUsage() {
    assertThat(run("platform", "add", "r", "--scopes", "feed").out()).contains("scopes feed,");
    CliRun bad = run("platform", "add", "s", "--scopes", "fly");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("fly");
  }

  @Test
  void revoke_marksRevoked() {
    run("platform", "add", "acme");
    assertThat(run("platform", "revoke", "acme").exit()).isZero();
    assertThat(run("platform", "list").out()).contains("acme\trevoked");
    assertThat(run("platform", "revoke", "nobody").exit()).isEqualTo(ExitCodes.DATA);
  }

  @Test
  void bankShare_needsConsent_thenShares() {
    run("bank", "create", "her");
    run("bank", "add-hash", "her", "pdq:" + "f".repeat(64));
    CliRun no = run("bank", "share", "her");
    assertThat(no.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(no.err()).contains("--consent");
    CliRun yes = run("bank", "share", "her", "--case", "c1", "--consent");
    assertThat(yes.exit()).isZero();
    assertThat(yes.out()).containsPattern("shared bank her as case RD-[A-Z0-9]{10} \\(case c1\\)");
    assertThat(run("bank", "unshare", "her").out()).contains("withdrawn");
  }

  @Test
  void takedown_noticeAndAnswer_listedPerPlatform() {
    assertThat(
            run(
                    "takedown",
                    "notice",
                    "c1",
                    "--platform",
                    "acme",
                    "--sent",
                    "2026-01-01",
                    "--ref",
                    "https://acme.example/p/1")
                .exit())
        .isZero();
    assertThat(
            run(
                    "takedown",
                    "answer",
                    "c1",
                    "--platform",
                    "acme",
                    "--kind",
                    "blocked",
                    "--date",
                    "2026-01-03")
                .exit())
        .isZero();
    CliRun l = run("takedown", "list", "c1", "--json");
    assertThat(l.out())
        .contains("\"first_notice\":\"2026-01-01\"", "\"blocked_on\":\"2026-01-03\"");
    assertThat(run("takedown", "answer", "c1", "--platform", "a", "--kind", "maybe").exit())
        .isEqualTo(ExitCodes.USAGE);
  }
}
