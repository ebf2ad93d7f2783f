package org.redress.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.evidence.PackageVerifier;
import org.redress.evidence.Verification;
import org.redress.evidence.VerifiedManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence verify}: check a package with nothing but the package. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verify an evidence package offline (no workspace, no network). Prints each "
            + "check and the verdict; exit 0 only if everything holds.")
public final class EvidenceVerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACKAGE.zip", description = "The package.")
  Path pkg;

  @Option(
      names = "--content",
      description =
          "Also decrypt and hash the files (asks for the recipient passphrase unless "
              + "$"
              + EvidenceExportCommand.RECIPIENT_ENV
              + " or --recipient-passphrase-file).")
  boolean content;

  @Option(
      names = "--recipient-passphrase-file",
      paramLabel = "FILE",
      description = "Recipient passphrase for --content.")
  Path recipientFile;

  @Option(
      names = "--tsa-cert",
      paramLabel = "CERT.pem",
      description = "Require timestamps to be signed by this TSA certificate (PEM or DER).")
  Path tsaCert;

  @Option(
      names = "--expect-key",
      paramLabel = "FINGERPRINT",
      description =
          "Require the package to be signed by the key with this SHA-256 fingerprint "
              + "(as printed by `evidence checkpoint --publish`); any other key: exit 1.")
  String expectKey;

  @Option(
      names = "--against-checkpoint",
      paramLabel = "FILE",
      description =
          "A signed checkpoint kept earlier (e.g. the file from `evidence checkpoint "
              + "--publish`): the package must extend it (RFC 6962 consistency).")
  Path againstCheckpoint;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(pkg)) {
      throw new java.nio.file.NoSuchFileException(pkg.toString());
    }
    if (!Files.isRegularFile(pkg)) {
      throw new ExitCodes.DataException(
          EvidenceCommand.m("verify.not.file", Console.inert(pkg.toString())));
    }
    if (org.redress.evidence.JointPackage.isJoint(pkg)) {
      return joint();
    }
    X509Certificate cert = tsaCert == null ? null : readCert(tsaCert);
    char[] pass = null;
    if (content || recipientFile != null) {
      pass =
          EvidenceOptions.secret(
              recipientFile, EvidenceExportCommand.RECIPIENT_ENV, "recipient passphrase");
    }
    String earlier = againstCheckpoint == null ? null : checkpointText(againstCheckpoint);
    if (expectKey != null
        && !PackageVerifier.normalizeFingerprint(expectKey).matches("[0-9a-f]{64}")) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("verify.bad.key", expectKey));
    }
    Verification v;
    try {
      v = PackageVerifier.verify(pkg, new PackageVerifier.Options(pass, cert, expectKey, earlier));
    } finally {
      if (pass != null) {
        Arrays.fill(pass, '\0');
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Verification.Check c : v.checks()) {
      out.println(Console.inert(NextSteps.line(c)));
    }
    v.manifest().ifPresent(m -> explain(out, m, expectKey != null, earlier != null));
    out.println(v.ok() ? EvidenceCommand.m("verify.ok") : EvidenceCommand.m("verify.not"));
    out.flush();
    if (!v.ok()) {
      throw failed(pkg, v);
    }
    return ExitCodes.OK;
  }

  /** A joint package of a dossier (one package per victim's case): every part and item. */
  private int joint() throws VerificationFailed {
    if (content
        || recipientFile != null
        || tsaCert != null
        || againstCheckpoint != null
        || expectKey != null) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("verify.joint.options"));
    }
    Verification v = org.redress.evidence.JointPackage.verify(pkg);
    PrintWriter out = spec.commandLine().getOut();
    for (Verification.Check c : v.checks()) {
      out.println(Console.inert(NextSteps.line(c)));
    }
    out.println(v.ok() ? EvidenceCommand.m("verify.ok") : EvidenceCommand.m("verify.not"));
    out.flush();
    if (!v.ok()) {
      throw failed(pkg, v);
    }
    return ExitCodes.OK;
  }

  private static VerificationFailed failed(Path pkg, Verification v) {
    return new VerificationFailed(
        Msg.zh()
            ? EvidenceCommand.m("verify.failed", pkg)
            : "package " + pkg + " did not verify: " + v.firstFailure().orElse("no checks"));
  }

  /** Says who signed, what trusted time covers it, and what that proves and does not. */
  static void explain(PrintWriter out, VerifiedManifest m, boolean pinned, boolean extended) {
    if (Msg.zh()) {
      explainZh(out, m, pinned, extended);
      return;
    }
    out.println(
        "signed by:   Ed25519 key with SHA-256 fingerprint "
            + m.keyFingerprint()
            + (pinned
                ? " (the key you expected)"
                : " (NOT pinned: compare it with the fingerprint "
                    + "you were given when the evidence was preserved, or use --expect-key)"));
    if (m.timestamps().isEmpty()) {
      out.println(
          "trusted time: NONE: no RFC 3161 timestamp covers this package; every time "
              + "in it comes from the preserving computer's own clock");
    } else {
      for (VerifiedManifest.Timestamp t : m.timestamps()) {
        out.printf(
            Locale.ROOT,
            "trusted time: RFC 3161 timestamp by %s (certificate SHA-256 %s) "
                + "at %s covers checkpoint %d%n",
            t.tsaSubject(),
            t.tsaCertSha256(),
            t.time(),
            t.treeSize());
      }
    }
    out.println(
        "this proves: the files listed have exactly these SHA-256 values and metadata, "
            + "and were logged by whoever holds that key, in this order, without later change"
            + (m.timestamps().isEmpty() ? "" : "; items under a timestamp existed by its time")
            + (extended ? "; the log extends the checkpoint you kept" : "")
            + ".");
    out.println(
        "it does not prove: who holds the key (pin it), that the files show what their "
            + "metadata says, or where they came from; without a timestamp, not when they were "
            + "preserved. See docs/evidence-format.md §10.");
    out.println();
  }

  private static void explainZh(
      PrintWriter out, VerifiedManifest m, boolean pinned, boolean extended) {
    out.println(
        EvidenceCommand.m(pinned ? "explain.signed.pinned" : "explain.signed", m.keyFingerprint()));
    if (m.timestamps().isEmpty()) {
      out.println(EvidenceCommand.m("explain.time.none"));
    } else {
      for (VerifiedManifest.Timestamp t : m.timestamps()) {
        out.println(
            EvidenceCommand.m(
                "explain.time",
                t.tsaSubject(),
                t.tsaCertSha256(),
                Msg.timeSeconds(t.time()),
                t.treeSize()));
      }
    }
    out.println(
        EvidenceCommand.m("explain.proves")
            + (m.timestamps().isEmpty() ? "" : EvidenceCommand.m("explain.proves.time"))
            + (extended ? EvidenceCommand.m("explain.proves.extended") : "")
            + "。");
    out.println(EvidenceCommand.m("explain.not"));
    out.println();
  }

  static String checkpointText(Path p) {
    try {
      String s = Files.readString(p, java.nio.charset.StandardCharsets.UTF_8);
      int begin = s.indexOf(BEGIN);
      int end = s.indexOf(END);
      if (begin >= 0 && end > begin) {
        s = s.substring(s.indexOf('\n', begin) + 1, end);
      }
      return s;
    } catch (IOException ex) {
      throw new ExitCodes.UsageException(
          Msg.zh()
              ? EvidenceCommand.m("verify.checkpoint.unreadable", p)
              : "cannot read checkpoint file " + p + ": " + ex.getMessage());
    }
  }

  /** Markers around the signed checkpoint in a published file. */
  static final String BEGIN = "-----BEGIN REDRESS CHECKPOINT-----";

  static final String END = "-----END REDRESS CHECKPOINT-----";

  static X509Certificate readCert(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException | ClassCastException ex) {
      throw new ExitCodes.UsageException(
          Msg.zh()
              ? EvidenceCommand.m("verify.cert.unreadable", p)
              : "cannot read TSA certificate " + p + ": " + ex.getMessage());
    }
  }

  /** A verification that did not hold (exit 1). */
  static final class VerificationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    VerificationFailed(String message) {
      super(message);
    }
  }
}
