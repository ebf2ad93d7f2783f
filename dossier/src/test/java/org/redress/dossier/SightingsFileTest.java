package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact form of a report's sightings: what goes in comes out, or nothing does. */
class SightingsFileTest {
  private static final String SHA = "00ff" + "a1".repeat(30);
  private static final String PDQ = "0123456789abcdef".repeat(4);

  private static SightingsFile.Contents sample() {
    List<Sighting> s =
        List.of(
            new Sighting(
                "x",
                -1001234567890L,
                "频道",
                "public_channel",
                7,
                "telegram:chat/-1001234567890/message/7",
                Instant.parse("2025-01-01T00:00:37.5Z"),
                "user5",
                "发送者",
                "",
                "",
                SHA,
                PDQ,
                "victims/pic1",
                Sighting.MediaKind.IMAGE),
            // An HTML export's post: chat 0, no date, its own locator; a video without PDQ.
            new Sighting(
                "x",
                0,
                "频道",
                "",
                8,
                "telegram:chat/0/message/8",
                null,
                "",
                "发送者",
                "channel9",
                "来源",
                SHA.toUpperCase(java.util.Locale.ROOT),
                null,
                "victims/pic1",
                Sighting.MediaKind.VIDEO),
            new Sighting(
                "x",
                0,
                "其他群",
                "private_group",
                9,
                "export.html#message9",
                Instant.parse("2025-01-02T00:00:00Z"),
                "",
                "发送者",
                "",
                "",
                "abc",
                "ff",
                "victims/pic2",
                Sighting.MediaKind.IMAGE));
    List<TradeSighting> t =
        List.of(
            new TradeSighting(
                "x",
                -1001234567890L,
                "频道",
                10,
                "telegram:chat/-1001234567890/message/10",
                null,
                "user5",
                "发送者",
                List.of("sale", "group_ad"),
                List.of("tg:shop_cam")));
    return new SightingsFile.Contents(s, t, Map.of(-1001234567890L, 120_000L));
  }

  @Test
  void decode_encodedContents_givesThemBackForTheCase() {
    byte[] data = SightingsFile.encode("k1", sample());

    assertThat(SightingsFile.decode(data, "k1", "x")).contains(sample());
    assertThat(SightingsFile.decode(data, "k1", "y").orElseThrow().sightings())
        .allSatisfy(s -> assertThat(s.caseId()).isEqualTo("y"));
  }

  @Test
  void decode_otherKeyOrDamaged_givesNothing() {
    byte[] data = SightingsFile.encode("k1", sample());

    assertThat(SightingsFile.decode(data, "k2", "x")).isEmpty();
    for (int cut : new int[] {0, 5, data.length / 2, data.length - 1}) {
      assertThat(SightingsFile.decode(Arrays.copyOf(data, cut), "k1", "x"))
          .as("cut %d", cut)
          .isEmpty();
    }
    byte[] longer = Arrays.copyOf(data, data.length + 1);
    assertThat(SightingsFile.decode(longer, "k1", "x")).isEmpty();
  }

  @Test
  void encode_sample_bytesOfFormatOneUnchanged() throws Exception {
    // Pinned from the encoder that kept hashes as hex text (commit 5690278): sightings now keep
    // their hashes as words, and the files already written must read the same (no new version).
    byte[] data = SightingsFile.encode("k1", sample());

    assertThat(data).hasSize(663);
    assertThat(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data)))
        .isEqualTo("f54e9be9d338df618326b8f18dae14005db4d365339f4396840e9d7743b87171");
  }

  @Test
  void decode_sample_accessorsGiveBackWhatWasGiven() {
    SightingsFile.Contents back =
        SightingsFile.decode(SightingsFile.encode("k1", sample()), "k1", "x").orElseThrow();

    for (int i = 0; i < sample().sightings().size(); i++) {
      Sighting a = sample().sightings().get(i);
      Sighting b = back.sightings().get(i);
      assertThat(b.sha256()).isEqualTo(a.sha256());
      assertThat(b.pdq()).isEqualTo(a.pdq());
      assertThat(b.locator()).isEqualTo(a.locator());
      assertThat(b.date()).isEqualTo(a.date());
    }
  }
}
