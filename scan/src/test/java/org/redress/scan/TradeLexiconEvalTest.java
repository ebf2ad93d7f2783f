package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the built-in trade lexicon on the labelled set {@code trade-posts.tsv}
 * and the {@code incoming/*.tsv} files beside it (synthetic posts in Chinese and English, by
 * several hands; how each label was decided: docs/trade-lexicon-eval.md). The figures that count
 * are on the held-out part, which was written before the lexicon was tuned and never tuned on; the
 * docs quote this test's output.
 */
class TradeLexiconEvalTest {
  static final double TARGET = 0.95;

  /**
   * The held-out figures docs/trade-lexicon-eval.md reports, as floors {precision, recall}: a
   * lexicon change may raise them, never lower them. Round 5 (held-out part: 136 posts written in
   * another style and committed before the round-5 tuning); a new held-out part resets them to its
   * own first measurement. Where a floor is under {@link #TARGET} the target is not met yet, and
   * the docs say so.
   */
  static final Map<String, double[]> FLOORS =
      Map.of(
          "covert_camera", new double[] {17 / 18.0, 17 / 22.0},
          "filming_tutorial", new double[] {1.0, 6 / 16.0},
          "material_sale", new double[] {12 / 13.0, 12 / 18.0},
          "sedative", new double[] {1.0, 15 / 19.0});

  record Row(
      String id, String part, String round, String label, String kind, String lang, String text) {}

  static List<Row> rows() throws IOException {
    List<Row> out = new ArrayList<>();
    for (TradeModelTrainer.Row r : TradeModelTrainer.rows(TradeClassifierTest.labelledSet())) {
      out.add(new Row(r.id(), r.part(), r.round(), r.label(), r.kind(), r.lang(), r.text()));
    }
    return out;
  }

  /** true positives, false positives, false negatives per category. */
  static Map<String, int[]> score(List<Row> rows, String part, List<String> misses) {
    TradeLexicon lex = TradeLexicon.builtIn();
    Map<String, int[]> s = new TreeMap<>();
    for (String c : lex.categories()) {
      s.put(c, new int[3]);
    }
    for (Row r : rows) {
      if (!lexiconPart(r).equals(part)) {
        continue;
      }
      List<String> got =
          lex.detect(r.text()).stream().map(TradeLexicon.Detection::category).toList();
      for (String c : lex.categories()) {
        boolean truth = r.label().equals(c);
        boolean said = got.contains(c);
        int[] x = s.get(c);
        if (truth && said) {
          x[0]++;
        } else if (said) {
          x[1]++;
          misses.add(part + " FP " + c + " " + r.id() + " " + r.text());
        } else if (truth) {
          x[2]++;
          misses.add(part + " FN " + c + " " + r.id() + " " + r.text());
        }
      }
    }
    return s;
  }

  /**
   * The lexicon's parts, by round: {@code tune} (rounds 1a to 4, the lexicon was tuned on them),
   * {@code held} (round 5, its last held-out part); later rounds are the classifier's and not
   * scored here.
   */
  static String lexiconPart(Row r) {
    return switch (r.round()) {
      case "1a", "1b", "2", "3", "4" -> "tune";
      case "5" -> "held";
      default -> "other";
    };
  }

  static double precision(int[] x) {
    return x[0] + x[1] == 0 ? 1 : (double) x[0] / (x[0] + x[1]);
  }

  static double recall(int[] x) {
    return x[0] + x[2] == 0 ? 1 : (double) x[0] / (x[0] + x[2]);
  }

  static String table(Map<String, int[]> s) {
    StringBuilder b =
        new StringBuilder(
            "| category | posts | TP | FP | FN | precision | recall |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
    s.forEach(
        (c, x) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% |%n",
                    c,
                    x[0] + x[2],
                    x[0],
                    x[1],
                    x[2],
                    100 * precision(x),
                    100 * recall(x))));
    return b.toString();
  }

  @Test
  void labelledSet_hasAtLeast500PostsInBothLanguagesAndEveryKind() throws Exception {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(500);
    assertThat(rows).extracting(Row::lang).contains("zh", "en");
    assertThat(rows)
        .extracting(Row::kind)
        .contains(
            "offer_priced",
            "offer_contact",
            "offer_unpriced",
            "warning",
            "news",
            "anti_spy",
            "chat");
    assertThat(rows).extracting(Row::part).contains("train", "dev");
    assertThat(rows).allMatch(r -> Set.of("train", "dev", "test").contains(r.part()));
    assertThat(rows.stream().filter(r -> lexiconPart(r).equals("held")).count()).isGreaterThan(100);
    // a test part, when there is one, is whole rounds that no train or dev post belongs to
    Set<String> trainRounds = new HashSet<>();
    rows.stream().filter(r -> !r.part().equals("test")).forEach(r -> trainRounds.add(r.round()));
    assertThat(rows.stream().filter(r -> r.part().equals("test")))
        .noneMatch(r -> trainRounds.contains(r.round()));
    // two authors' files may use the same id; a post is named by its round and id
    assertThat(rows).extracting(r -> r.round() + " " + r.id()).doesNotHaveDuplicates();
    assertThat(rows).extracting(Row::text).doesNotHaveDuplicates();
  }

  @Test
  void lexicon_onHeldOutPosts_keepsTheReportedPrecisionAndRecallPerCategory() throws Exception {
    List<String> misses = new ArrayList<>();
    Map<String, int[]> held = score(rows(), "held", misses);
    Map<String, int[]> tune = score(rows(), "tune", misses);
    System.out.println("held-out part:\n" + table(held) + "\ntuning part:\n" + table(tune));
    misses.forEach(System.out::println);
    held.forEach(
        (c, x) -> {
          double[] floor = FLOORS.get(c);
          assertThat(precision(x))
              .as("held-out precision of " + c)
              .isGreaterThanOrEqualTo(Math.min(TARGET, floor[0]) - 1e-9);
          assertThat(recall(x))
              .as("held-out recall of " + c)
              .isGreaterThanOrEqualTo(Math.min(TARGET, floor[1]) - 1e-9);
        });
    tune.forEach(
        (c, x) -> {
          assertThat(precision(x)).as("tuning precision of " + c).isGreaterThanOrEqualTo(TARGET);
          assertThat(recall(x)).as("tuning recall of " + c).isGreaterThanOrEqualTo(TARGET);
        });
  }

  @Test
  void lexicon_issueExample_tutorialWithoutPriceIsFound() {
    assertThat(TradeLexicon.builtIn().detect("偷拍教程 手把手教学 包会"))
        .extracting(TradeLexicon.Detection::category)
        .containsExactly("filming_tutorial");
  }
}
