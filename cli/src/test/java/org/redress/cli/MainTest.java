package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void commandLine_commandNamed_buildsOnlyThatCommand() {
    CommandLine cl = Main.commandLine(new Main(), new String[] {"--debug", "hash", "x.jpg"});
    assertThat(cl.getSubcommands()).containsOnlyKeys("hash");
  }

  @Test
  void commandLine_noCommandOrUnknown_buildsAll() {
    int all = Main.SUBCOMMANDS.size() + 1; // and help
    assertThat(Main.commandLine(new Main(), new String[0]).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(new Main(), new String[] {"hsh"}).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(new Main(), new String[] {"help", "hash"}).getSubcommands())
        .hasSize(all);
  }

  @Test
  void help_listsEveryCommand() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exit()).isZero();
    for (Class<?> c : Main.SUBCOMMANDS) {
      assertThat(r.out()).contains(c.getAnnotation(CommandLine.Command.class).name());
    }
  }

  @Test
  void run_misspeltCommand_usageErrorExit2() {
    CliRun r = CliRun.of("hsh", "x.jpg");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("hsh");
  }

  @Test
  void run_subcommandHelpAndInheritedDebug_work() {
    assertThat(CliRun.of("hash", "--help").out()).contains("redress hash");
    CliRun r = CliRun.of("hash", "--debug", "/nonexistent/x.jpg");
    assertThat(r.exit()).isEqualTo(1);
  }
}
