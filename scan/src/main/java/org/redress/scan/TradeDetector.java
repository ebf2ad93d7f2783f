package org.redress.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds trade posts with the lexicon and the classifier together: a post is an ad of every category
 * the lexicon finds (citing its phrases), and also of the category the classifier predicts when the
 * lexicon did not find that one (citing the classifier's probability and the words that weighed
 * most). Immutable and thread-safe.
 */
public final class TradeDetector {
  /** The first phrase of a detection made by the classifier alone, before its probability. */
  public static final String MODEL_REASON_ZH = "文本分类模型判断";

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
   * code; empty for an ordinary post. A detection by the classifier alone cites "文本分类模型判断 （把握 97%）"
   * and then the words of the post that weighed most.
   */
  public List<TradeLexicon.Detection> detect(String text) {
    List<TradeLexicon.Detection> found = lexicon.detect(text);
    if (!found.isEmpty() || classifier == null || text == null || text.isBlank()) {
      return found;
    }
    TradeClassifier.Prediction p = classifier.predict(text);
    if (!p.ad()) {
      return found;
    }
    List<String> why = new ArrayList<>();
    why.add(
        String.format(
            Locale.ROOT, "%s（把握 %d%%）", MODEL_REASON_ZH, (int) Math.floor(100 * p.probability())));
    why.addAll(p.reasons());
    return List.of(new TradeLexicon.Detection(p.category(), why));
  }
}
