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
import java.util.concurrent.Callable;
import org.redress.evidence.PackageVerifier;
import org.redress.evidence.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence verify}: check a package with nothing but the package. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verify an evidence package offline (no workspace, no network). Prints each "
        + "check and the verdict; exit 0 only if everything holds.")
public final class EvidenceVerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACKAGE.zip", description = "The package.")
  Path pkg;

  @Option(names = "--content",
      description = "Also decrypt and hash the files (asks for the recipient passphrase unless "
          + "$" + EvidenceExportCommand.RECIPIENT_ENV + " or --recipient-passphrase-file).")
  boolean content;

  @Option(names = "--recipient-passphrase-file", paramLabel = "FILE",
      description = "Recipient passphrase for --content.")
  Path recipientFile;

  @Option(names = "--tsa-cert", paramLabel = "CERT.pem",
      description = "Require timestamps to be signed by this TSA certificate (PEM or DER).")
  Path tsaCert;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(pkg)) {
      throw new java.nio.file.NoSuchFileException(pkg.toString());
    }
    X509Certificate cert = tsaCert == null ? null : readCert(tsaCert);
    char[] pass = null;
    if (content || recipientFile != null) {
      pass = EvidenceOptions.secret(recipientFile, EvidenceExportCommand.RECIPIENT_ENV,
          "recipient passphrase");
    }
    Verification v;
    try {
      v = PackageVerifier.verify(pkg, pass, cert);
    } finally {
      if (pass != null) {
        Arrays.fill(pass, '\0');
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Verification.Check c : v.checks()) {
      out.println(Console.inert(c.toString()));
    }
    out.println(v.ok() ? "VERIFIED: every check holds" : "NOT VERIFIED");
    out.flush();
    if (!v.ok()) {
      throw new VerificationFailed("package " + pkg + " did not verify: "
          + v.firstFailure().orElse("no checks"));
    }
    return ExitCodes.OK;
  }

  static X509Certificate readCert(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException | ClassCastException ex) {
      throw new ExitCodes.UsageException("cannot read TSA certificate " + p + ": "
          + ex.getMessage());
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
