package org.redress.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.PackageVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence extract}: write originals back out, verified. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description =
        "Write preserved originals back out (for notarisation or a court), each "
            + "checked against its logged SHA-256 and log proof: from the workspace with --case "
            + "CASE [ITEM...], or from a package exported --with-content with --package P.zip (asks "
            + "for the recipient passphrase). Files are written 0600 into a 0700 folder; nothing is "
            + "overwritten.")
public final class EvidenceExtractCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", paramLabel = "CASE", description = "Case id (workspace mode).")
  String caseId;

  @Option(
      names = "--package",
      paramLabel = "P.zip",
      description = "A package exported with --with-content (recipient mode).")
  Path pkg;

  @Option(
      names = "--recipient-passphrase-file",
      paramLabel = "FILE",
      description =
          "Recipient passphrase for --package (default: $"
              + EvidenceExportCommand.RECIPIENT_ENV
              + " or a prompt).")
  Path recipientFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  Path out;

  @Parameters(
      paramLabel = "ITEM",
      arity = "0..*",
      description = "Item ids (default: every item of the case).")
  List<Long> items = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if ((caseId == null) == (pkg == null)) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("extract.which"));
    }
    PrintWriter o = spec.commandLine().getOut();
    List<Path> written;
    if (pkg != null) {
      if (!items.isEmpty()) {
        throw new ExitCodes.UsageException(EvidenceCommand.m("extract.all"));
      }
      if (!Files.isRegularFile(pkg)) {
        throw new java.nio.file.NoSuchFileException(pkg.toString());
      }
      char[] pass =
          EvidenceOptions.secret(
              recipientFile, EvidenceExportCommand.RECIPIENT_ENV, "recipient passphrase");
      try {
        written = PackageVerifier.extract(pkg, pass, out);
      } finally {
        Arrays.fill(pass, '\0');
      }
    } else {
      try (EvidenceStore store = options.open()) {
        try {
          written = store.extract(caseId, items, out);
        } catch (IllegalArgumentException ex) {
          throw new ExitCodes.UsageException(
              Msg.zh() ? EvidenceCommand.m("bad.case", caseId) : ex.getMessage());
        }
      }
    }
    for (Path p : written) {
      o.println(p);
    }
    return ExitCodes.OK;
  }
}
