package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.Vectors;

class ConsoleInertTest {
  @TempDir Path tmp;

  @Test
  void hash_fileNameWithNewline_cannotForgeAHashLine() throws Exception {
    String forged = "x.jpg\n" + "0".repeat(64) + " 100 forged.jpg";
    Path f = tmp.resolve(forged);
    Files.copy(Vectors.pdq().resolve("data/bridge-mods/aaa-orig.jpg"), f);
    CliRun r = CliRun.ok("hash", "--orientation", "ignore", f.toString());
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.out()).contains("x.jpg\uFFFD" + "0".repeat(64)).doesNotContain("\nforged");
  }

  @Test
  void filter_escapesAndBidiReplaced_lineEndsKept() throws Exception {
    StringWriter sw = new StringWriter();
    try (Writer w = Console.filter(sw)) {
      w.write("\u001b[32mVERIFIED\u001b[0m \u202Egnp.exe\nnext\tline\r\n");
    }
    assertThat(sw.toString())
        .isEqualTo("\uFFFD[32mVERIFIED\uFFFD[0m \uFFFDgnp.exe\nnext\tline\r\n");
  }

  @Test
  void message_internalError_exit3AndAsksToReport() {
    assertThat(ExitCodes.of(new NullPointerException("x"))).isEqualTo(ExitCodes.INTERNAL);
    assertThat(ExitCodes.message(new IllegalStateException("bad")))
        .startsWith("internal error (IllegalStateException: bad); please report");
    assertThat(ExitCodes.of(new java.io.IOException("disk"))).isEqualTo(ExitCodes.DATA);
    assertThat(ExitCodes.of(new ExitCodes.UsageException("u"))).isEqualTo(ExitCodes.USAGE);
  }
}
