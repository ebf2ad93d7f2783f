package org.redress.lawcn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.redress.law.CaseFacts;
import org.redress.law.FactsSchema;
import org.redress.law.InvalidFactsException;

/**
 * Fuzz target for the case-facts reader (issue 17, point 9): whatever the text, {@link
 * CaseFacts#parse} with the Chinese facts schema returns facts or throws {@link
 * InvalidFactsException} naming the problem. Seeds: {@code CaseFactsFuzzTestInputs}; a longer run:
 * {@code JAZZER_FUZZ=1} (docs/security-inputs.md).
 */
class CaseFactsFuzzTest {
  private static final FactsSchema SCHEMA = ChineseLaw.factsSchema();

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] data) {
    try {
      CaseFacts.parse(new String(data, StandardCharsets.UTF_8), SCHEMA);
    } catch (InvalidFactsException expected) {
      // bad facts are named, never a crash
    }
  }
}
