package org.redress.law;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the case-facts reader (issue 17, point 9): whatever the text, {@link
 * CaseFacts#parse} returns facts or throws {@link InvalidFactsException} naming the problem. Seeds:
 * {@code CaseFactsFuzzTestInputs}; a longer run: {@code JAZZER_FUZZ=1} (docs/security.md,
 * "Fuzzing").
 */
class CaseFactsFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] data) {
    try {
      CaseFacts.parse(new String(data, StandardCharsets.UTF_8), TestSchema.SCHEMA);
    } catch (InvalidFactsException expected) {
      // bad facts are named, never a crash
    }
  }
}
