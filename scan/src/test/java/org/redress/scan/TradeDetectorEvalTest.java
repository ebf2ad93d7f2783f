package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * Precision and recall per category of the trade detector (lexicon and classifier) on the part of
 * the labelled set it never learned from: {@code test} (round 9, written and committed before any
 * round-9 tuning, measured once). Prints the tables docs/trade-lexicon-eval.md quotes, for the
 * lexicon alone, the classifier alone and both, and every error of the detector; and the
 * cross-validated figures on the train and dev parts the settings were chosen by. Run: {@code mvn
 * -o -q -pl scan -am verify -Dtest='TradeDetectorEvalTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TradeDetectorEvalTest {
  /**
   * The detector's figures on the round-9 test part as first measured (the one measurement),
   * {precision, recall} per category, kept as floors: a change may raise them, never lower them.
   * Measured on 2026-12-07 at 03:03 UTC, after the round-9 tuning was committed (18b0578). None
   * reaches the 95 % target in both; recall is far from it, and docs/trade-lexicon-eval.md says so.
   */
  static final Map<String, double[]> TEST_FLOORS =
      Map.of(
          "covert_camera", new double[] {37 / 42.0, 37 / 47.0},
          "filming_tutorial", new double[] {33 / 35.0, 33 / 47.0},
          "material_sale", new double[] {35 / 35.0, 35 / 47.0},
          "sedative", new double[] {37 / 41.0, 37 / 48.0});

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
      List<String> got = detector.apply(r.text());
      s.forEach(
          (c, x) -> {
            boolean truth = r.label().equals(c);
            boolean said = got.contains(c);
            if (truth && said) {
              x[0]++;
            } else if (said) {
              x[1]++;
              errors.add(part + " FP " + c + " " + r.id() + " (" + r.kind() + ") " + r.text());
            } else if (truth) {
              x[2]++;
              errors.add(part + " FN " + c + " " + r.id() + " (" + r.kind() + ") " + r.text());
            }
          });
    }
    return s;
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

  /**
   * Five-fold cross-validation on the train and dev parts (folds by id number modulo 5), scored on
   * the posts of rounds 5 to 8 (the lexicon was tuned on rounds 1a to 4, so those would flatter
   * it): the shipped threshold and {@link TradeDetector#KEEP_LEXICON} give the best worst
   * per-category figure of the grid. The test part is not read. Tagged slow (five trainings, about
   * a minute on a busy machine); run it with {@code mvn -o -q -pl scan verify
   * -Dtest=TradeDetectorEvalTest -Dredress.scan.excludedGroups=none}.
   */
  @Test
  @Tag("slow")
  void shippedThresholdAndLexiconKeep_areTheBestByCrossValidationOnTrainAndDev() throws Exception {
    List<TradeLexiconEvalTest.Row> rows =
        TradeLexiconEvalTest.rows().stream().filter(r -> !r.part().equals("test")).toList();
    List<String> cats = TradeLexicon.builtIn().categories();
    List<double[]> probs = new ArrayList<>();
    List<TradeLexiconEvalTest.Row> scored = new ArrayList<>();
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
      TradeClassifier m = TradeClassifier.train(train, cats, TradeModelTrainer.SETTINGS);
      classes = m.classes();
      for (TradeLexiconEvalTest.Row r : eval) {
        if (Set.of("5", "6", "7", "8").contains(r.round())) {
          probs.add(m.probabilities(r.text()));
          scored.add(r);
        }
      }
    }
    Map<String, Double> worstBy = new TreeMap<>();
    StringBuilder b = new StringBuilder("cross-validated on rounds 5 to 8 of train and dev:\n");
    for (double keep : KEEPS) {
      for (double t : THRESHOLDS) {
        Map<String, int[]> s = new TreeMap<>();
        cats.forEach(c -> s.put(c, new int[3]));
        for (int i = 0; i < scored.size(); i++) {
          TradeLexiconEvalTest.Row r = scored.get(i);
          Set<String> got = decide(classes, probs.get(i), lexicon(r.text()), t, keep);
          s.forEach(
              (c, x) -> {
                boolean truth = r.label().equals(c);
                boolean said = got.contains(c);
                if (truth || said) {
                  x[truth && said ? 0 : said ? 1 : 2]++;
                }
              });
        }
        String key = String.format(Locale.ROOT, "threshold %.2f, keep lexicon at %.2f", t, keep);
        worstBy.put(key, worst(s));
        if (t == TradeModelTrainer.SETTINGS.threshold()) {
          b.append(key).append(":\n").append(TradeLexiconEvalTest.table(s));
        }
      }
    }
    System.out.println(b);
    double best = worstBy.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    String shipped =
        String.format(
            Locale.ROOT,
            "threshold %.2f, keep lexicon at %.2f",
            TradeModelTrainer.SETTINGS.threshold(),
            TradeDetector.KEEP_LEXICON);
    assertThat(worstBy.get(shipped))
        .as("cross-validated worst per-category figure of the shipped choice")
        .isEqualTo(best);
  }

  @Test
  void detector_onTheTestPart_printsAndKeepsItsFigures() throws Exception {
    List<TradeLexiconEvalTest.Row> rows = TradeLexiconEvalTest.rows();
    List<String> errors = new ArrayList<>();
    StringBuilder b = new StringBuilder("== part test (round 9) ==\nlexicon alone:\n");
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
