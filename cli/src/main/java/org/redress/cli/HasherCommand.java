package org.redress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.redress.web.hash.HasherPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress hasher OUT.html}: the browser hasher as one self-contained file (the WebAssembly
 * module and the scripts inlined, no network at all) that an NGO sends to a victim; she opens it
 * from disk, hashes her pictures offline and returns the hash list ({@code redress/hash-list@1},
 * read by {@code redress bank import}).
 */
@Command(
    name = "hasher",
    mixinStandardHelpOptions = true,
    description = {
      "Write the browser hasher as one self-contained HTML file.",
      "Opened from disk it hashes pictures and videos offline and saves a hash list"
          + " (redress/hash-list@1) for 'redress bank import'."
    })
public final class HasherCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUT.html", description = "The file to write.")
  Path out;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "Language of the page: zh (default) or en.")
  String lang = "zh";

  @Override
  public Integer call() throws IOException {
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw new ExitCodes.UsageException(Msg.get("hash", "hasher.lang", lang));
    }
    if (Files.isDirectory(out)) {
      throw new ExitCodes.UsageException(Msg.get("hash", "hasher.dir", out));
    }
    String html = HasherPage.standalone(lang);
    Path abs = out.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), ".hasher-", ".tmp");
    try {
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    spec.commandLine()
        .getOut()
        .println(
            Msg.get("hash", "hasher.wrote", out, html.getBytes(StandardCharsets.UTF_8).length));
    return 0;
  }
}
