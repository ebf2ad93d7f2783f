package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LawCommandTest {
  @Test
  void list_onSwitchDates_showsTheVersionInForce() {
    CliRun before = CliRun.of("law", "list", "--at", "2025-12-31");
    assertThat(before.exit()).isEqualTo(0);
    assertThat(before.out()).contains("CN-PSAPL-2012-42").doesNotContain("CN-PSAPL-2025-50");
    CliRun after = CliRun.of("law", "list", "--at", "2026-01-01");
    assertThat(after.out()).contains("CN-PSAPL-2025-50").doesNotContain("CN-PSAPL-2012-42");
  }

  @Test
  void show_provision_printsTextSourceAndStatus() {
    CliRun r = CliRun.of("law", "show", "CN-PSAPL-2025-50", "--at", "2026-03-01");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("第五十条").contains("status: CONFIRMED").contains("source: S2");
  }

  @Test
  void show_idAtADateOfAnotherVersion_showsThatVersion() {
    CliRun r = CliRun.of("law", "show", "CN-PSAPL-2025-50", "--at", "2020-01-01");
    assertThat(r.out()).contains("CN-PSAPL-2012-42").contains("第四十二条");
  }

  @Test
  void show_dateNoVersionCovers_isAnError() {
    CliRun r = CliRun.of("law", "show", "CN-CC-1033", "--at", "2019-01-01");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no version of CN-CC-1033").contains("2019-01-01");
  }

  @Test
  void show_unknownId_exit2() {
    CliRun r = CliRun.of("law", "show", "CN-CL-999");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such provision: CN-CL-999");
  }
}
