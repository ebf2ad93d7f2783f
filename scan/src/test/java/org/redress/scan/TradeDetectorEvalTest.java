package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per category of the trade detector (lexicon and classifier). Three
 * measurements:
 *
 * <ul>
 *   <li><b>The test part</b> (rows with part {@code test}, in {@code trade-posts.tsv} or any {@code
 *       incoming/*.tsv}): posts the detector never learned from and was never tuned on, written by
 *       another author and added after the tuning was frozen (round 19; rounds 12's and 14's parts
 *       were each measured once and then moved to train and dev). Prints the tables
 *       docs/trade-lexicon-eval.md quotes (lexicon alone, classifier alone, both) and every error;
 *       keeps the first measurement as floors. While the set has no test part, that test is skipped
 *       and says so.
 *   <li><b>Leave one author out</b> (default run): the model trained on every train and dev post
 *       but one round's, scored on that round: round 9 (written on purpose unlike the rest), round
 *       10 (Chinese, another hand), round 11 (English and mixed, a third hand), round 12 (the
 *       independent author of round 12's test part, now training), round 13 (indirect offers and
 *       twins), round 14 (h-ttest2's test part, now training), rounds 15 to 18 (four more hands);
 *       floors per category.
 *   <li><b>Cross-validation</b> (tagged slow): five folds of train and dev by id number modulo 5,
 *       with the leave-one-author-out runs; checks that the shipped threshold and lexicon keep are
 *       the best of a grid.
 * </ul>
 *
 * Run: {@code mvn -o -q -pl scan -am verify -Dtest='TradeDetectorEvalTest'
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dredress.scan.excludedGroups=none} for the
 * cross-validation).
 */
class TradeDetectorEvalTest {
  /**
   * The detector's figures on the test part as first measured (the one measurement), {precision,
   * recall} per category, kept as floors: a change may raise them, never lower them. Round 19's
   * part (by h-ttest3, incoming/round-19-test.tsv, 600 posts written blind), measured once on
   * 2026-12-07 at 10:23 UTC on the frozen commit 74cbd67 (docs/trade-lexicon-eval.md, "Round 19: a
   * third independent test part"). Round 14's part (by h-ttest2) moved to train and dev by the id
   * rule (incoming/round-14.tsv).
   */
  static final Map<String, double[]> TEST_FLOORS =
      Map.of(
          "covert_camera", new double[] {79 / 79.0, 79 / 80.0},
          "filming_tutorial", new double[] {78 / 78.0, 78 / 80.0},
          "material_sale", new double[] {80 / 83.0, 80 / 80.0},
          "sedative", new double[] {77 / 77.0, 77 / 80.0});

  /**
   * The leave-one-author-out figures of the shipped settings, {precision, recall} per category for
   * each round left out, as first measured when the settings were frozen: a change may raise them,
   * never lower them.
   */
  static final Map<String, Map<String, double[]>> AUTHOR_FLOORS =
      Map.of(
          "9",
          Map.of(
              "covert_camera", new double[] {45 / 48.0, 45 / 47.0},
              "filming_tutorial", new double[] {42 / 42.0, 42 / 47.0},
              "material_sale", new double[] {44 / 44.0, 44 / 47.0},
              "sedative", new double[] {46 / 46.0, 46 / 48.0}),
          "10",
          Map.of(
              "covert_camera", new double[] {174 / 180.0, 174 / 194.0},
              "filming_tutorial", new double[] {156 / 158.0, 156 / 166.0},
              "material_sale", new double[] {152 / 156.0, 152 / 164.0},
              "sedative", new double[] {167 / 168.0, 167 / 178.0}),
          "11",
          Map.of(
              "covert_camera", new double[] {147 / 150.0, 147 / 165.0},
              "filming_tutorial", new double[] {132 / 134.0, 132 / 151.0},
              "material_sale", new double[] {149 / 154.0, 149 / 154.0},
              "sedative", new double[] {149 / 151.0, 149 / 157.0}),
          "12",
          Map.of(
              "covert_camera", new double[] {73 / 74.0, 73 / 74.0},
              "filming_tutorial", new double[] {73 / 73.0, 73 / 74.0},
              "material_sale", new double[] {69 / 69.0, 69 / 73.0},
              "sedative", new double[] {73 / 73.0, 73 / 74.0}),
          "13",
          Map.of(
              "covert_camera", new double[] {96 / 99.0, 96 / 126.0},
              "filming_tutorial", new double[] {116 / 121.0, 116 / 124.0},
              "material_sale", new double[] {116 / 123.0, 116 / 123.0},
              "sedative", new double[] {115 / 118.0, 115 / 124.0}),
          "14",
          Map.of(
              "covert_camera", new double[] {78 / 78.0, 78 / 80.0},
              "filming_tutorial", new double[] {78 / 79.0, 78 / 80.0},
              "material_sale", new double[] {76 / 77.0, 76 / 80.0},
              "sedative", new double[] {76 / 79.0, 76 / 80.0}),
          "15",
          Map.of(
              "covert_camera", new double[] {105 / 112.0, 105 / 112.0},
              "filming_tutorial", new double[] {104 / 111.0, 104 / 111.0},
              "material_sale", new double[] {107 / 114.0, 107 / 111.0},
              "sedative", new double[] {110 / 116.0, 110 / 112.0}),
          "16",
          Map.of(
              "covert_camera", new double[] {94 / 98.0, 94 / 99.0},
              "filming_tutorial", new double[] {90 / 99.0, 90 / 99.0},
              "material_sale", new double[] {93 / 98.0, 93 / 96.0},
              "sedative", new double[] {93 / 94.0, 93 / 99.0}),
          "17",
          Map.of(
              "covert_camera", new double[] {93 / 127.0, 93 / 110.0},
              "filming_tutorial", new double[] {97 / 124.0, 97 / 104.0},
              "material_sale", new double[] {100 / 121.0, 100 / 101.0},
              "sedative", new double[] {73 / 84.0, 73 / 74.0}),
          "18",
          Map.of(
              "covert_camera", new double[] {77 / 81.0, 77 / 80.0},
              "filming_tutorial", new double[] {79 / 85.0, 79 / 79.0},
              "material_sale", new double[] {77 / 77.0, 77 / 80.0},
              "sedative", new double[] {80 / 84.0, 80 / 80.0}));

  static final List<Double> THRESHOLDS = List.of(0.2, 0.25, 0.3, 0.35, 0.4, 0.5);
  static final List<Double> KEEPS = List.of(0.0, 0.2, 0.3, 0.5, 1.01);

  /** true positives, false positives, false negatives per category. */
  static Map<String, int[]> score(
      List<TradeLexiconEvalTest.Row> rows,
      String part,
      Function<String, List<String>> detector,
      List<String> errors) {
    Map<String, int[]> s = new TreeMap<>();
    for (String c : TradeLexicon.builtIn().categories()) {
      s.put(c, new int[3]);
    }
    for (TradeLexiconEvalTest.Row r : rows) {
      if (!r.part().equals(part)) {
        continue;
      }
      tally(s, r, detector.apply(r.text()), part + " ", errors);
    }
    return s;
  }

  /**
   * Counts one post into {@code s} (per category: TP, FP, FN) and lists its errors, each line
   * starting with {@code prefix}.
   */
  private static void tally(
      Map<String, int[]> s,
      TradeLexiconEvalTest.Row r,
      Collection<String> got,
      String prefix,
      List<String> errors) {
    s.forEach(
        (c, x) -> {
          boolean truth = r.label().equals(c);
          boolean said = got.contains(c);
          if (truth && said) {
            x[0]++;
          } else if (said) {
            x[1]++;
            errors.add(prefix + "FP " + c + " " + r.id() + " (" + r.kind() + ") " + r.text());
          } else if (truth) {
            x[2]++;
            errors.add(prefix + "FN " + c + " " + r.id() + " (" + r.kind() + ") " + r.text());
          }
        });
  }

  static List<String> lexicon(String text) {
    return TradeLexicon.builtIn().detect(text).stream()
        .map(TradeLexicon.Detection::category)
        .toList();
  }

  static Function<String, List<String>> classifier(TradeClassifier m) {
    return text -> {
      TradeClassifier.Prediction p = m.predict(text);
      return p.ad() ? List.of(p.category()) : List.of();
    };
  }

  static List<String> detector(String text) {
    return TradeDetector.builtIn().detect(text).stream()
        .map(TradeLexicon.Detection::category)
        .toList();
  }

  static double worst(Map<String, int[]> s) {
    return s.values().stream()
        .mapToDouble(
            x -> Math.min(TradeLexiconEvalTest.precision(x), TradeLexiconEvalTest.recall(x)))
        .min()
        .orElse(0);
  }

  /**
   * The detector's decision from the classifier's probabilities and the lexicon's categories, as
   * {@link TradeDetector#detect} makes it, for another threshold and lexicon-keeping probability.
   */
  static Set<String> decide(
      List<String> classes, double[] p, List<String> lexicon, double threshold, double keep) {
    Set<String> got = new TreeSet<>();
    for (String c : lexicon) {
      if (p[classes.indexOf(c)] >= keep) {
        got.add(c);
      }
    }
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    if (best != 0 && p[best] >= threshold) {
      got.add(classes.get(best));
    }
    return got;
  }

  /** The rounds by other hands, or written unlike the rest, each left out in turn. */
  static final List<String> AUTHOR_ROUNDS =
      List.of("9", "10", "11", "12", "13", "14", "15", "16", "17", "18");

  /** Rounds the lexicon was tuned on: not scored by the cross-validation, they would flatter it. */
  static final Set<String> LEXICON_ROUNDS = Set.of("1a", "1b", "2", "3", "4");

  /**
   * Posts scored by a held-out run with the probabilities of a model that never saw them.
   *
   * @param rows the posts scored
   * @param probabilities the probabilities of each, in {@code classes} order
   * @param classes the model's labels
   * @param found the lexicon's categories for each post
   */
  record HeldOut(
      List<TradeLexiconEvalTest.Row> rows,
      List<double[]> probabilities,
      List<String> classes,
      List<List<String>> found) {
    HeldOut(
        List<TradeLexiconEvalTest.Row> rows, List<double[]> probabilities, List<String> classes) {
      this(rows, probabilities, classes, rows.stream().map(r -> lexicon(r.text())).toList());
    }

    Map<String, int[]> score(double threshold, double keep, List<String> errors) {
      Map<String, int[]> s = new TreeMap<>();
      TradeLexicon.builtIn().categories().forEach(c -> s.put(c, new int[3]));
      for (int i = 0; i < rows.size(); i++) {
        TradeLexiconEvalTest.Row r = rows.get(i);
        tally(
            s, r, decide(classes, probabilities.get(i), found.get(i), threshold, keep), "", errors);
      }
      return s;
    }
  }

  /** The train and dev posts (never a test post). */
  static List<TradeLexiconEvalTest.Row> trainAndDev() throws Exception {
    return TradeLexiconEvalTest.rows().stream().filter(r -> !r.part().equals("test")).toList();
  }

  /**
   * Leave one author out: the model trained with the shipped settings on every train and dev post
   * but those of {@code round}, scored on those.
   */
  static HeldOut leaveOut(List<TradeLexiconEvalTest.Row> rows, String round) {
    List<TradeClassifier.Example> train = new ArrayList<>();
    List<TradeLexiconEvalTest.Row> eval = new ArrayList<>();
    for (TradeLexiconEvalTest.Row r : rows) {
      if (r.round().equals(round)) {
        eval.add(r);
      } else {
        train.add(new TradeClassifier.Example(r.text(), r.label()));
      }
    }
    TradeClassifier m =
        TradeClassifier.train(
            train, TradeLexicon.builtIn().categories(), TradeModelTrainer.SETTINGS);
    return new HeldOut(
        eval, eval.stream().map(r -> m.probabilities(r.text())).toList(), m.classes());
  }

  /**
   * Five-fold cross-validation on the train and dev parts (folds by id number modulo 5), scored on
   * the posts of rounds 5 and later (the lexicon was tuned on rounds 1a to 4).
   */
  static HeldOut crossValidate(List<TradeLexiconEvalTest.Row> rows) {
    List<TradeLexiconEvalTest.Row> scored = new ArrayList<>();
    List<double[]> probs = new ArrayList<>();
    List<String> classes = List.of();
    for (int fold = 0; fold < 5; fold++) {
      List<TradeClassifier.Example> train = new ArrayList<>();
      List<TradeLexiconEvalTest.Row> eval = new ArrayList<>();
      for (TradeLexiconEvalTest.Row r : rows) {
        if (Integer.parseInt(r.id().substring(1)) % 5 == fold) {
          eval.add(r);
        } else {
          train.add(new TradeClassifier.Example(r.text(), r.label()));
        }
      }
      TradeClassifier m =
          TradeClassifier.train(
              train, TradeLexicon.builtIn().categories(), TradeModelTrainer.SETTINGS);
      classes = m.classes();
      for (TradeLexiconEvalTest.Row r : eval) {
        if (!LEXICON_ROUNDS.contains(r.round())) {
          probs.add(m.probabilities(r.text()));
          scored.add(r);
        }
      }
    }
    return new HeldOut(scored, probs, classes);
  }

  /**
   * The shipped settings, left one author out at a time: each round's figures keep their floors.
   * Prints the tables docs/trade-lexicon-eval.md quotes and the errors.
   */
  @Test
  void detector_leavingOneAuthorOut_keepsItsFloors() throws Exception {
    List<TradeLexiconEvalTest.Row> rows = trainAndDev();
    StringBuilder b = new StringBuilder();
    Map<String, Map<String, int[]>> got = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (String round : AUTHOR_ROUNDS) {
      if (rows.stream().noneMatch(r -> r.round().equals(round))) {
        continue;
      }
      Map<String, int[]> s =
          leaveOut(rows, round)
              .score(TradeModelTrainer.SETTINGS.threshold(), TradeDetector.KEEP_LEXICON, errors);
      got.put(round, s);
      b.append("== round ")
          .append(round)
          .append(" left out ==\n")
          .append(TradeLexiconEvalTest.table(s));
    }
    System.out.println(b);
    errors.forEach(System.out::println);
    assertThat(got).as("rounds left out").isNotEmpty();
    assertThat(got.keySet())
        .as("every round with floors is in the set")
        .containsAll(AUTHOR_FLOORS.keySet());
    got.forEach(
        (round, s) -> {
          Map<String, double[]> floors = AUTHOR_FLOORS.get(round);
          assertThat(floors)
              .as("floors of round " + round + " (measured: see the output)")
              .isNotNull();
          s.forEach(
              (c, x) -> {
                assertThat(TradeLexiconEvalTest.precision(x))
                    .as("round " + round + " left out: precision of " + c)
                    .isGreaterThanOrEqualTo(floors.get(c)[0] - 1e-9);
                assertThat(TradeLexiconEvalTest.recall(x))
                    .as("round " + round + " left out: recall of " + c)
                    .isGreaterThanOrEqualTo(floors.get(c)[1] - 1e-9);
              });
        });
  }

  /**
   * Five-fold cross-validation and leave one author out, on train and dev only: the shipped
   * threshold and {@link TradeDetector#KEEP_LEXICON} give the best mean, over all those runs, of
   * each run's worst per-category figure (round 14: with nine authors' folds the minimum over runs
   * is one fold's, round 17's, and would buy its precision with every other fold's recall). The
   * test part is not read. Tagged slow (eight trainings); run it with {@code mvn -o -q -pl scan
   * verify -Dtest=TradeDetectorEvalTest -Dredress.scan.excludedGroups=none}.
   */
  @Test
  @Tag("slow")
  void shippedThresholdAndLexiconKeep_areTheBestByHeldOutRunsOnTrainAndDev() throws Exception {
    List<TradeLexiconEvalTest.Row> rows = trainAndDev();
    Map<String, HeldOut> runs = new TreeMap<>();
    runs.put("cross-validation", crossValidate(rows));
    for (String round : AUTHOR_ROUNDS) {
      if (rows.stream().anyMatch(r -> r.round().equals(round))) {
        runs.put("round " + round + " left out", leaveOut(rows, round));
      }
    }
    Map<String, Double> worstBy = new TreeMap<>();
    StringBuilder b = new StringBuilder();
    for (double keep : KEEPS) {
      for (double t : THRESHOLDS) {
        double sum = 0;
        for (Map.Entry<String, HeldOut> run : runs.entrySet()) {
          Map<String, int[]> s = run.getValue().score(t, keep, new ArrayList<>());
          sum += worst(s);
          if (t == TradeModelTrainer.SETTINGS.threshold() && keep == TradeDetector.KEEP_LEXICON) {
            b.append("== ")
                .append(run.getKey())
                .append(" ==\n")
                .append(TradeLexiconEvalTest.table(s));
          }
        }
        worstBy.put(
            String.format(Locale.ROOT, "threshold %.2f, keep lexicon at %.2f", t, keep),
            sum / runs.size());
      }
    }
    System.out.println(b);
    worstBy.forEach((k, v) -> System.out.printf(Locale.ROOT, "%s: mean worst %.4f%n", k, v));
    double best = worstBy.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    String shipped =
        String.format(
            Locale.ROOT,
            "threshold %.2f, keep lexicon at %.2f",
            TradeModelTrainer.SETTINGS.threshold(),
            TradeDetector.KEEP_LEXICON);
    assertThat(worstBy.get(shipped))
        .as("mean over the held-out runs of the worst per-category figure, shipped choice")
        .isEqualTo(best);
  }

  /**
   * The test part: the posts of part {@code test} (round 19, written by another author and added
   * after the tuning was frozen), measured with the shipped detector. Skipped, saying so, while the
   * set has none. On the first run the floors are not set: it prints the figures, then fails naming
   * the floors to write into {@link #TEST_FLOORS}.
   */
  @Test
  void detector_onTheTestPart_printsAndKeepsItsFigures() throws Exception {
    List<TradeLexiconEvalTest.Row> rows = TradeLexiconEvalTest.rows();
    Set<String> testRounds = new TreeSet<>();
    rows.stream().filter(r -> r.part().equals("test")).forEach(r -> testRounds.add(r.round()));
    assumeTrue(
        !testRounds.isEmpty(),
        "The labelled set has no test part yet (no row with part 'test'): round 14 was measured and"
            + " moved to train and dev; the round-19 part, by another author, is added after the"
            + " tuning is frozen. Until then the leave-one-author-out test is the check.");
    List<String> errors = new ArrayList<>();
    StringBuilder b =
        new StringBuilder("== part test (round " + String.join(", ", testRounds) + ") ==\n");
    b.append("lexicon alone:\n");
    b.append(
        TradeLexiconEvalTest.table(
            score(rows, "test", TradeDetectorEvalTest::lexicon, new ArrayList<>())));
    b.append("classifier alone:\n");
    b.append(
        TradeLexiconEvalTest.table(
            score(rows, "test", classifier(TradeClassifier.builtIn()), new ArrayList<>())));
    b.append("detector (lexicon and classifier):\n");
    Map<String, int[]> test = score(rows, "test", TradeDetectorEvalTest::detector, errors);
    b.append(TradeLexiconEvalTest.table(test));
    System.out.println(b);
    errors.forEach(System.out::println);
    StringBuilder floors = new StringBuilder("Map.of(");
    test.forEach(
        (c, x) ->
            floors.append(
                String.format(
                    Locale.ROOT,
                    "%n    \"%s\", new double[] {%d / %d.0, %d / %d.0},",
                    c,
                    x[0],
                    Math.max(1, x[0] + x[1]),
                    x[0],
                    Math.max(1, x[0] + x[2]))));
    floors.setLength(floors.length() - 1);
    floors.append(")");
    assertThat(TEST_FLOORS)
        .as("TEST_FLOORS are not set yet; the first measurement gives:%n%s", floors)
        .isNotEmpty();
    test.forEach(
        (c, x) -> {
          assertThat(TradeLexiconEvalTest.precision(x))
              .as("test precision of " + c)
              .isGreaterThanOrEqualTo(TEST_FLOORS.get(c)[0] - 1e-9);
          assertThat(TradeLexiconEvalTest.recall(x))
              .as("test recall of " + c)
              .isGreaterThanOrEqualTo(TEST_FLOORS.get(c)[1] - 1e-9);
        });
  }
}
