package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DossierJsonTest {
  @Test
  void roundTrip_builtDossier_equal() throws IOException {
    Planted p = Planted.generate(3, 9, 1);
    Dossier d = Dossiers.build(new Target.Chat(Planted.CHANNEL), p.cases, Map.of(), 31).dossier();

    String text = DossierJson.toText(d);
    Dossier back =
        DossierJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

    assertThat(back).isEqualTo(d);
    assertThat(text)
        .contains("\"schema\" : \"redress/dossier@1\"")
        .contains("\"distinct_files\"")
        .contains("\"trade_by_category\"");
  }

  @Test
  void read_unknownKey_refused() {
    Planted p = Planted.generate(2, 10, 0);
    Dossier d = Dossiers.build(new Target.Chat(Planted.CHANNEL), p.cases, Map.of(), 31).dossier();
    String text = DossierJson.toText(d).replaceFirst("\\{", "{\"surprise\": 1,");

    assertThatThrownBy(
            () -> DossierJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("surprise");
  }
}
