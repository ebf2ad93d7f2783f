package org.redress.documents.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redress.documents.InputException;

/**
 * Fuzz targets for the facts and parties readers of the documents module (issue 17, point 9):
 * whatever the file holds, reading it succeeds or throws {@link InputException} (or, for facts,
 * law's {@code InvalidFactsException}). Seeds: {@code InputFilesFuzzTestInputs}; a longer run:
 * {@code JAZZER_FUZZ=1} (docs/security.md, "Fuzzing").
 */
class InputFilesFuzzTest {
  private static Path write(byte[] data) throws IOException {
    Path f = Files.createTempFile("redress-fuzz-", ".yaml");
    Files.write(f, data);
    return f;
  }

  @FuzzTest(maxDuration = "60s")
  void parties(byte[] data) throws IOException {
    Path f = write(data);
    try {
      Parties.read(f);
    } catch (InputException expected) {
      // named, never a crash
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void facts(byte[] data) throws IOException {
    Path f = write(data);
    try {
      Facts.read(f);
    } catch (InputException | org.redress.law.InvalidFactsException expected) {
      // named, never a crash (the facts themselves are checked by law's CaseFacts, whose typed
      // failure passes through: found by this target, an empty file)
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
