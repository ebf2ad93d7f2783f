package org.redress.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence export}: write a self-contained, verifiable package. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a zip package anyone can verify offline: manifest, signed checkpoint, "
            + "inclusion proofs, public key, timestamps, bilingual index.html. Content only with "
            + "--with-content, encrypted to a recipient passphrase.")
public final class EvidenceExportCommand implements Callable<Integer> {
  /** Environment variable holding the recipient passphrase (for scripts). */
  public static final String RECIPIENT_ENV = "REDRESS_RECIPIENT_PASSPHRASE";

  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "CASE", description = "Case id.")
  String caseId;

  @Option(
      names = "--items",
      split = ",",
      paramLabel = "ID",
      description = "Only these items (default: all of the case).")
  List<Long> items;

  @Option(
      names = "--with-content",
      description =
          "Include the files, encrypted to a recipient passphrase ($"
              + RECIPIENT_ENV
              + ", --recipient-passphrase-file, or asked without echo).")
  boolean withContent;

  @Option(
      names = "--recipient-passphrase-file",
      paramLabel = "FILE",
      description = "Read the recipient passphrase from FILE.")
  Path recipientFile;

  @Parameters(index = "0", paramLabel = "OUT.zip", description = "Package to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    char[] pass = null;
    if (withContent) {
      pass = EvidenceOptions.secret(recipientFile, RECIPIENT_ENV, "recipient passphrase");
      if (pass.length < 8) {
        Arrays.fill(pass, '\0');
        throw new ExitCodes.UsageException(EvidenceCommand.m("export.short", pass.length));
      }
    } else if (recipientFile != null) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("export.needs.content"));
    }
    try (EvidenceStore store = options.open()) {
      int n;
      try {
        n = store.export(caseId, items == null ? List.of() : items, out, pass);
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("bad.case", caseId) : ex.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println(
              EvidenceCommand.m(
                  withContent ? "export.done.content" : "export.done", n, caseId, out));
    } finally {
      if (pass != null) {
        Arrays.fill(pass, '\0');
      }
    }
    return ExitCodes.OK;
  }
}
