package org.redress.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.redress.phash.Pdq;

/**
 * Generates victims' scans that share one channel and one seller, plus noise from other channels,
 * with the totals planted: what a dossier over them must count.
 */
final class Planted {
  static final long CHANNEL = -1001234567890L;
  static final long NOISE = -1009999999999L;
  static final String SELLER = "user777";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final List<CaseInput> cases = new ArrayList<>();

  /** Per case: distinct files she has in the channel (her own, not shared with others). */
  final Map<String, Integer> ownFiles = new HashMap<>();

  /** Per case: posts in the channel only she exported. */
  final Map<String, Integer> ownPosts = new HashMap<>();

  /** Posts in the channel both of two victims exported (counted once). */
  int sharedPosts;

  /** Files re-encoded in two victims' exports (counted once). */
  int sharedFiles;

  int videosInChannel;
  int tradeAdsInChannel;

  private final Random rnd;
  private long nextMessage = 1;

  private Planted(long seed) {
    rnd = new Random(seed);
  }

  /**
   * {@code victims} cases; victim {@code i} has {@code 3 + i} images and one video in the channel.
   */
  static Planted generate(int victims, long seed, int videosEach) {
    Planted p = new Planted(seed);
    List<List<Sighting>> sightings = new ArrayList<>();
    List<List<TradeSighting>> trade = new ArrayList<>();
    for (int v = 0; v < victims; v++) {
      sightings.add(new ArrayList<>());
      trade.add(new ArrayList<>());
    }
    for (int v = 0; v < victims; v++) {
      String caseId = caseId(v);
      int files = 3 + v;
      int posts = 0;
      for (int f = 0; f < files; f++) {
        long[] pdq = p.randomPdq();
        String sha = p.sha();
        // Posted twice in the channel and once in a noise chat; the second channel copy is
        // re-encoded (new SHA-256, PDQ 6 bits away).
        long m1 = p.nextMessage++;
        long m2 = p.nextMessage++;
        sightings.get(v).add(p.image(caseId, CHANNEL, m1, sha, pdq, "pic" + f));
        sightings.get(v).add(p.image(caseId, CHANNEL, m2, p.sha(), p.flip(pdq, 6), "pic" + f));
        sightings.get(v).add(p.image(caseId, NOISE, p.nextMessage++, sha, pdq, "pic" + f));
        posts += 2;
      }
      for (int k = 0; k < videosEach; k++) {
        sightings.get(v).add(p.video(caseId, CHANNEL, p.nextMessage++, p.sha(), "vid" + k));
        posts++;
        p.videosInChannel++;
      }
      p.ownFiles.put(caseId, files + videosEach);
      p.ownPosts.put(caseId, posts);
    }
    // Victims 0 and 1 both exported one post of the channel that carries a file of each: the
    // post is one post; the two pictures are two files.
    if (victims >= 2) {
      long shared = p.nextMessage++;
      sightings.get(0).add(p.image(caseId(0), CHANNEL, shared, p.sha(), p.randomPdq(), "both"));
      sightings.get(1).add(p.image(caseId(1), CHANNEL, shared, p.sha(), p.randomPdq(), "both"));
      p.sharedPosts = 1;
      // A third-party file (not hers) re-encoded in the exports of victims 1 and 2: one file.
      long[] pdq = p.randomPdq();
      if (victims >= 3) {
        sightings.get(1).add(p.image(caseId(1), CHANNEL, p.nextMessage++, p.sha(), pdq, "x"));
        sightings
            .get(2)
            .add(p.image(caseId(2), CHANNEL, p.nextMessage++, p.sha(), p.flip(pdq, 10), "y"));
        p.sharedFiles = 1;
      }
    }
    // The seller's ads in the channel, seen by every victim (same posts), written differently.
    String[] spellings = {"@Shop_Cam", "＠shop_cam", "https://t.me/shop_cam/", "t.me/SHOP_CAM"};
    for (int a = 0; a < 4; a++) {
      long m = p.nextMessage++;
      for (int v = 0; v < victims; v++) {
        trade
            .get(v)
            .add(
                new TradeSighting(
                    caseId(v),
                    CHANNEL,
                    "频道",
                    m,
                    "telegram:chat/" + CHANNEL + "/message/" + m,
                    T0.plusSeconds(m * 60),
                    SELLER,
                    "卖家",
                    List.of("covert_camera"),
                    Identifiers.contacts("针孔摄像头 联系 " + spellings[a] + " 微信: shopcam88")));
      }
      p.tradeAdsInChannel++;
    }
    for (int v = 0; v < victims; v++) {
      p.cases.add(
          new CaseInput(
              caseId(v),
              new CaseInput.Consent(true, LocalDate.parse("2026-03-01"), "dossiers"),
              sightings.get(v),
              trade.get(v),
              Map.of(CHANNEL, 100_000L + v)));
    }
    return p;
  }

  static String caseId(int v) {
    return "case-" + (char) ('a' + v);
  }

  private Sighting image(
      String caseId, long chat, long message, String sha, long[] pdq, String item) {
    return new Sighting(
        caseId,
        chat,
        chat == CHANNEL ? "频道" : "别的群",
        "public_channel",
        message,
        "telegram:chat/" + chat + "/message/" + message,
        T0.plusSeconds(message * 60),
        chat == CHANNEL ? SELLER : "user1",
        "发送者",
        "",
        "",
        sha,
        Pdq.fromLongs(pdq).toString(),
        "victims/" + item,
        Sighting.MediaKind.IMAGE);
  }

  private Sighting video(String caseId, long chat, long message, String sha, String item) {
    return new Sighting(
        caseId,
        chat,
        "频道",
        "public_channel",
        message,
        "telegram:chat/" + chat + "/message/" + message,
        T0.plusSeconds(message * 60),
        SELLER,
        "发送者",
        "",
        "",
        sha,
        null,
        "victims/" + item,
        Sighting.MediaKind.VIDEO);
  }

  long[] randomPdq() {
    return new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
  }

  long[] flip(long[] pdq, int bits) {
    long[] out = pdq.clone();
    java.util.Set<Integer> chosen = new java.util.HashSet<>();
    while (chosen.size() < bits) {
      chosen.add(rnd.nextInt(256));
    }
    for (int b : chosen) {
      out[b >> 6] ^= 1L << (b & 63);
    }
    return out;
  }

  String sha() {
    byte[] b = new byte[32];
    rnd.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
