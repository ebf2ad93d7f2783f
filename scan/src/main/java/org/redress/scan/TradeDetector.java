package org.redress.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds trade posts with the lexicon and the classifier together: a post is an ad of each category
 * the lexicon finds and the classifier does not rule out (citing the lexicon's phrases), and of the
 * category the classifier predicts when the lexicon did not find that one (citing the classifier's
 * probability and the words that weighed most). Immutable and thread-safe.
 */
public final class TradeDetector {
  /** The first phrase of a detection made by the classifier alone, before its probability. */
  public static final String MODEL_REASON_ZH = "文本分类模型判断";

  /**
   * The classifier's probability a category the lexicon finds needs to be kept (chosen with the
   * model's settings by cross-validation on the train and dev parts; docs/trade-lexicon-eval.md):
   * below it, the lexicon's phrase is taken to be a word of a warning, a tutorial or a sale of
   * recordings rather than an offer of that category.
   */
  public static final double KEEP_LEXICON = 0.5;

  private final TradeLexicon lexicon;
  private final TradeClassifier classifier;

  /**
   * @param lexicon the phrases
   * @param classifier the model, or null for the lexicon alone
   */
  public TradeDetector(TradeLexicon lexicon, TradeClassifier classifier) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.classifier = classifier;
  }

  /** The built-in lexicon and model. */
  public static TradeDetector builtIn() {
    return new TradeDetector(TradeLexicon.builtIn(), TradeClassifier.builtIn());
  }

  /** The lexicon. */
  public TradeLexicon lexicon() {
    return lexicon;
  }

  /**
   * The categories a post's text advertises, each with the reason it was found, ordered by category
   * code; empty for an ordinary post. The classifier decides: a category the lexicon finds is kept
   * (citing its phrases) when the classifier gives it at least {@link #KEEP_LEXICON}, and the
   * category the classifier predicts is added when the lexicon did not find it, citing "文本分类模型判断（把握
   * 97%）" and then the words of the post that weighed most. Without a classifier, the lexicon's
   * findings as they are.
   */
  public List<TradeLexicon.Detection> detect(String text) {
    TradeLexicon.Reading reading = lexicon.read(text);
    List<TradeLexicon.Detection> found = reading.detections();
    if (classifier == null || text == null || text.isBlank()) {
      return found;
    }
    TradeClassifier.Reading read =
        classifier.read(
            text, lexicon == TradeLexicon.builtIn() ? reading : TradeLexicon.builtIn().read(text));
    double[] p = read.probabilities();
    List<TradeLexicon.Detection> out = new ArrayList<>();
    for (TradeLexicon.Detection d : found) {
      int c = classifier.classes().indexOf(d.category());
      if (c < 0 || p[c] >= KEEP_LEXICON) {
        out.add(d);
      }
    }
    TradeClassifier.Prediction pred = read.prediction();
    if (pred.ad() && out.stream().noneMatch(d -> d.category().equals(pred.category()))) {
      List<String> why = new ArrayList<>();
      why.add(
          String.format(
              Locale.ROOT,
              "%s（把握 %d%%）",
              MODEL_REASON_ZH,
              (int) Math.floor(100 * pred.probability())));
      why.addAll(pred.reasons());
      out.add(new TradeLexicon.Detection(pred.category(), why));
      out.sort(Comparator.comparing(TradeLexicon.Detection::category));
    }
    return List.copyOf(out);
  }
}
