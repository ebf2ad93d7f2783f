package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redress.phash.Pdq;

/** A sighting keeps hashes as words and the usual locator not at all, yet gives back its input. */
class SightingTest {
  private static final String SHA = "0f" + "1e".repeat(30) + "a9";
  private static final String PDQ = "fedcba9876543210".repeat(3) + "0123456789abcdef";

  private static Sighting of(long chat, String locator, String sha, String pdq) {
    return new Sighting(
        "c",
        chat,
        "频道",
        "public_channel",
        42,
        locator,
        Instant.parse("2025-03-01T08:00:00.25Z"),
        "user1",
        "发送者",
        "",
        "",
        sha,
        pdq,
        "victims/pic1",
        Sighting.MediaKind.IMAGE);
  }

  @Test
  void accessors_anyInput_giveItBack() {
    for (String sha : new String[] {SHA, SHA.toUpperCase(java.util.Locale.ROOT), "abc"}) {
      for (String pdq : new String[] {PDQ, PDQ.toUpperCase(java.util.Locale.ROOT), "ff"}) {
        for (String loc : new String[] {"telegram:chat/-7/message/42", "export.html#m42"}) {
          Sighting s = of(-7, loc, sha, pdq);
          assertThat(s.sha256()).isEqualTo(sha);
          assertThat(s.pdq()).isEqualTo(pdq);
          assertThat(s.locator()).isEqualTo(loc);
          assertThat(s.date()).isEqualTo(Instant.parse("2025-03-01T08:00:00.25Z"));
          assertThat(s).isEqualTo(of(-7, loc, sha, pdq)).hasSameHashCodeAs(of(-7, loc, sha, pdq));
        }
      }
    }
  }

  @Test
  void pdqWords_lowerHex_areThoseOfPdqParse() {
    Sighting s = of(-7, "x", SHA, PDQ);

    long[] w = Pdq.parse(PDQ).toLongs();
    for (int i = 0; i < 4; i++) {
      assertThat(s.pdqWord(i)).isEqualTo(w[i]);
    }
    assertThat(s.pdqForm()).isEqualTo(Sighting.PDQ_WORDS);
    assertThat(s.shaText()).isNull();
  }

  @Test
  void inChat_usualLocatorOfChatZero_keepsTheLocatorText() {
    Sighting html = of(0, "telegram:chat/0/message/42", SHA, PDQ);

    Sighting placed = html.inChat(-100);

    assertThat(placed.chatId()).isEqualTo(-100);
    assertThat(placed.locator()).isEqualTo("telegram:chat/0/message/42");
    assertThat(placed.bySender("user9").senderId()).isEqualTo("user9");
    assertThat(placed.bySender("user9").locator()).isEqualTo("telegram:chat/0/message/42");
  }

  @Test
  void equals_otherHash_isFalse() {
    assertThat(of(-7, "x", SHA, PDQ)).isNotEqualTo(of(-7, "x", SHA.replace('0', '1'), PDQ));
    assertThat(of(-7, "x", SHA, PDQ)).isNotEqualTo(of(-7, "x", SHA, PDQ.replace('0', '1')));
  }
}
