package org.redress.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target for the package verifier (issue 17, point 9): whatever the bytes, {@link
 * PackageVerifier#verify} returns a verdict and throws nothing. Seeds: {@code
 * PackageVerifierFuzzTestInputs} (a good package made by this module, and damaged ones); a longer
 * run: {@code JAZZER_FUZZ=1} (docs/security-inputs.md).
 */
class PackageVerifierFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void verify(byte[] data) throws IOException {
    Path f = Files.createTempFile("redress-fuzz-", ".zip");
    try {
      Files.write(f, data);
      PackageVerifier.verify(f);
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
