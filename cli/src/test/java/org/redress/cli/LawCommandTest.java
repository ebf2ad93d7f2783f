package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LawCommandTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void list_onSwitchDates_showsTheVersionInForce() {
    String[] before = run("law", "list", "--at", "2025-12-31");
    assertThat(before[0]).isEqualTo("0");
    assertThat(before[1]).contains("CN-PSAPL-2012-42").doesNotContain("CN-PSAPL-2025-50");
    String[] after = run("law", "list", "--at", "2026-01-01");
    assertThat(after[1]).contains("CN-PSAPL-2025-50").doesNotContain("CN-PSAPL-2012-42");
  }

  @Test
  void show_provision_printsTextSourceAndStatus() {
    String[] r = run("law", "show", "CN-PSAPL-2025-50", "--at", "2026-03-01");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("第五十条").contains("status: CONFIRMED").contains("source: S2");
  }

  @Test
  void show_idAtADateOfAnotherVersion_showsThatVersion() {
    String[] r = run("law", "show", "CN-PSAPL-2025-50", "--at", "2020-01-01");
    assertThat(r[1]).contains("CN-PSAPL-2012-42").contains("第四十二条");
  }

  @Test
  void show_dateNoVersionCovers_isAnError() {
    String[] r = run("law", "show", "CN-CC-1033", "--at", "2019-01-01");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("no version of CN-CC-1033").contains("2019-01-01");
  }

  @Test
  void show_unknownId_exit2() {
    String[] r = run("law", "show", "CN-CL-999");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("no such provision: CN-CL-999");
  }
}
