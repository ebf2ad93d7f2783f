package org.redress.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.phash.Pdq;
import org.redress.phash.VpdqFrame;
import org.redress.testing.Vectors;

/**
 * Checks the vPDQ rule against {@code pte-semantics-match-31-50.tsv}: every pair of the 16 upstream
 * sample hash files, both percentages to four decimals and both unique-frame counts.
 */
class VpdqRuleTest {
  private static final Map<String, List<VpdqFrame>> VIDEOS = new LinkedHashMap<>();
  private static final List<String[]> EXPECTED = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    Path dir = Vectors.vpdq().resolve("expected");
    List<String> rows =
        Files.readAllLines(dir.resolve("pte-semantics-match-31-50.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      if (row.isBlank()) {
        continue;
      }
      String[] f = row.split("\t");
      EXPECTED.add(f);
      for (String name : new String[] {f[0], f[1]}) {
        if (!VIDEOS.containsKey(name)) {
          VIDEOS.put(name, readUpstream(dir.resolve("upstream-sample-hashes").resolve(name)));
        }
      }
    }
  }

  /** Lines {@code frameNumber,quality,pdqHex,seconds}, as the vPDQ reference writes them. */
  static List<VpdqFrame> readUpstream(Path file) throws IOException {
    List<VpdqFrame> frames = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] p = line.trim().split(",");
      frames.add(
          new VpdqFrame(
              Integer.parseInt(p[0]),
              Pdq.parse(p[2]),
              Integer.parseInt(p[1]),
              Double.parseDouble(p[3])));
    }
    return frames;
  }

  @Test
  void compare_everyUpstreamPair_matchesPteSemanticsTable() {
    assertThat(EXPECTED).hasSize(256);
    for (String[] e : EXPECTED) {
      VpdqScore s =
          VpdqRule.compare(
              VIDEOS.get(e[0]), VIDEOS.get(e[1]), Integer.parseInt(e[2]), Integer.parseInt(e[3]));
      String pair = e[0] + " vs " + e[1];
      assertThat(fmt(s.queryPercent())).as(pair).isEqualTo(e[4]);
      assertThat(fmt(s.comparedPercent())).as(pair).isEqualTo(e[5]);
      assertThat(s.queryFrames()).as(pair).isEqualTo(Integer.parseInt(e[6]));
      assertThat(s.comparedFrames()).as(pair).isEqualTo(Integer.parseInt(e[7]));
    }
  }

  @Test
  void matcher_everyUpstreamVideoAsQuery_reportsTheTablePercentages() {
    // All 16 videos in one bank; with both thresholds at 0 every video sharing a frame is reported.
    Matcher.Builder b = Matcher.builder().vpdqPercents(0, 0);
    b.bank(new BankRules("samples", 31, 50));
    List<String> names = new ArrayList<>(VIDEOS.keySet());
    for (int i = 0; i < names.size(); i++) {
      b.vpdq("samples", i, names.get(i), VIDEOS.get(names.get(i)));
    }
    Matcher m = b.build();
    for (String[] e : EXPECTED) {
      List<Match> found = m.match(Query.ofVpdq(VIDEOS.get(e[0]))).matches();
      Match hit = found.stream().filter(x -> x.label().equals(e[1])).findFirst().orElse(null);
      String pair = e[0] + " vs " + e[1];
      if (Double.parseDouble(e[4]) == 0) {
        assertThat(hit).as(pair).isNull();
      } else {
        assertThat(hit).as(pair).isNotNull();
        assertThat(fmt(hit.queryPercent())).as(pair).isEqualTo(e[4]);
        assertThat(fmt(hit.comparedPercent())).as(pair).isEqualTo(e[5]);
      }
    }
  }

  @Test
  void matcher_defaultPercents_matchesOnlyPairsReaching80Percent() {
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("samples", 31, 50));
    List<String> names = new ArrayList<>(VIDEOS.keySet());
    for (int i = 0; i < names.size(); i++) {
      b.vpdq("samples", i, names.get(i), VIDEOS.get(names.get(i)));
    }
    Matcher m = b.build();
    for (String[] e : EXPECTED) {
      boolean expected = Double.parseDouble(e[4]) >= 80.0;
      boolean found =
          m.match(Query.ofVpdq(VIDEOS.get(e[0]))).matches().stream()
              .anyMatch(x -> x.label().equals(e[1]));
      assertThat(found).as(e[0] + " vs " + e[1]).isEqualTo(expected);
    }
  }

  @Test
  void compare_duplicateAndLowQualityFrames_countOnceAndNotAtAll() {
    Random rnd = new Random(11);
    Pdq a = Hashes.random(rnd);
    Pdq b = Hashes.random(rnd);
    List<VpdqFrame> query =
        List.of(
            new VpdqFrame(0, a, 100, 0), new VpdqFrame(1, a, 100, 1), new VpdqFrame(2, b, 49, 2));
    List<VpdqFrame> compared = List.of(new VpdqFrame(0, Hashes.flipRandom(a, 31, rnd), 80, 0));
    VpdqScore s = VpdqRule.compare(query, compared, 31, 50);
    assertThat(s.queryFrames()).isEqualTo(1);
    assertThat(s.queryPercent()).isEqualTo(100.0);
    assertThat(s.comparedPercent()).isEqualTo(100.0);
    assertThat(s.minDistance()).isEqualTo(31);
    assertThat(VpdqRule.compare(query, compared, 30, 50).queryPercent()).isEqualTo(0.0);
    assertThat(VpdqRule.compare(query, List.of(), 31, 50).queryPercent())
        .isCloseTo(0.0, within(0.0));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
