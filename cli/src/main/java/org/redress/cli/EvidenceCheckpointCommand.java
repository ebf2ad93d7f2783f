package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.redress.evidence.Checkpoint;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redress evidence checkpoint}: sign (and timestamp) the current log head. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description =
        "Sign a checkpoint of the log and, with --tsa or $REDRESS_TSA_URL, get an "
            + "RFC 3161 timestamp for it. Prints the signed checkpoint and the public key. "
            + "--publish FILE also writes the key fingerprint and the checkpoint to hand to a lawyer "
            + "or notary; later packages carry a proof that they extend it.")
public final class EvidenceCheckpointCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--publish",
      paramLabel = "FILE",
      description =
          "Write the signing key fingerprint and this checkpoint to FILE (new file) "
              + "and mark the checkpoint published.")
  Path publish;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EvidenceStore store = options.open()) {
      if (publish != null && Files.exists(publish)) {
        throw EvidenceException.of(
            EvidenceException.Reason.WOULD_OVERWRITE,
            "refusing to overwrite existing file " + publish,
            publish);
      }
      Checkpoint c = publish == null ? store.checkpoint() : store.publishCheckpoint();
      out.print(c.signedText());
      out.println();
      out.println(EvidenceCommand.m("checkpoint.fingerprint", store.publicKeyFingerprint()));
      out.println(EvidenceCommand.m("checkpoint.key", store.publicKey()));
      if (publish != null) {
        write(publish, published(store, c));
        out.println(EvidenceCommand.m("checkpoint.published", publish));
      }
      for (org.redress.evidence.Warning w : store.drainWarnings()) {
        spec.commandLine().getErr().println(Msg.warningPrefix() + NextSteps.line(w));
      }
      // The timestamp is asked for after the workspace lock is released; failing to get it is an
      // error here, where it was asked for.
      store.closeAndStamp();
    }
    return ExitCodes.OK;
  }

  static String published(EvidenceStore store, Checkpoint c) {
    String fp = store.publicKeyFingerprint();
    String grouped = fp.replaceAll("(.{4})(?!$)", "$1 ");
    return "Redress 证据日志公开检查点 / Redress evidence log: published checkpoint\n"
        + "\n"
        + "签名公钥指纹（SHA-256）/ Signing key fingerprint (SHA-256):\n"
        + "  "
        + grouped
        + "\n"
        + "公钥 / Public key: "
        + store.publicKey()
        + "\n"
        + "日志条目数 / Log size: "
        + c.size()
        + "\n"
        + "根哈希 / Root hash: "
        + c.rootHex()
        + "\n"
        + "写出时间（UTC，本机时钟）/ Written (UTC, this computer's clock): "
        + Instant.now().toString()
        + "\n"
        + (store.hasTsa()
            ? ""
            : "未取得可信时间戳 / No trusted (RFC 3161) timestamp was "
                + "configured for this checkpoint.\n")
        + "\n"
        + "请保存本文件（可交律师或公证处）。之后收到的证据包可用以下命令核对：\n"
        + "Keep this file (give it to a lawyer or notary). Check a later package with:\n"
        + "  redress evidence verify PACKAGE.zip --expect-key "
        + fp
        + " --against-checkpoint THIS-FILE\n"
        + "\n"
        + EvidenceVerifyCommand.BEGIN
        + "\n"
        + c.signedText()
        + EvidenceVerifyCommand.END
        + "\n";
  }

  private static void write(Path p, String text) throws IOException {
    Path abs = p.toAbsolutePath();
    try {
      if (abs.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            abs,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(abs);
      }
    } catch (FileAlreadyExistsException ex) {
      throw new IOException("refusing to overwrite existing file " + p, ex);
    }
    Files.writeString(abs, text, StandardCharsets.UTF_8);
  }
}
