package org.redress.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.NextStep;
import org.redress.web.WebException;

/** A store failure that names its next step is worded by the web, in both languages. */
class StoreErrorTest {
  @Test
  void storeError_everyNextStep_hasAMessageInBothLanguagesWithoutACommandInChinese()
      throws IOException {
    Properties zh = load("zh_CN");
    Properties en = load("en");
    for (NextStep step : NextStep.values()) {
      WebException w = EvidenceController.storeError(new EvidenceException("the store says", step));
      assertThat(w.key()).startsWith("evidence.next.");
      assertThat(w.detail()).isEqualTo("the store says");
      assertThat(zh.getProperty(w.key())).as(w.key()).isNotBlank().doesNotContain("redress");
      assertThat(en.getProperty(w.key())).as(w.key()).isNotBlank();
    }
  }

  @Test
  void storeError_noNextStep_isThePlainRefusal() {
    assertThat(EvidenceController.storeError(new EvidenceException("locked")).key())
        .isEqualTo("evidence.error.store");
  }

  private static Properties load(String lang) throws IOException {
    Properties p = new Properties();
    try (var in =
        StoreErrorTest.class.getResourceAsStream(
            "/org/redress/web/messages_" + lang + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
