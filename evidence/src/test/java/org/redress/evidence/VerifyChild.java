package org.redress.evidence;

import java.nio.file.Path;

/**
 * Run by {@link ZipReadersAgreeTest} in a child JVM with a small heap: verifies one package and
 * prints the verdict and the first failure.
 */
public final class VerifyChild {
  private VerifyChild() {}

  public static void main(String[] args) {
    Verification v = PackageVerifier.verify(Path.of(args[0]), null, null);
    System.out.println((v.ok() ? "VERIFIED" : "NOT VERIFIED") + " " + v.firstFailure().orElse(""));
  }
}
