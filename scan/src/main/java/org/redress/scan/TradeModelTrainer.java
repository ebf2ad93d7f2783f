package org.redress.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the shipped trade-post model ({@code trade-model.tsv}) from the labelled set: the rows of
 * parts {@code train} and {@code dev}, with {@link #SETTINGS} (chosen by cross-validation on those
 * parts; see docs/trade-lexicon-eval.md). The {@code test} part is never read here. Run from the
 * repository root (after {@code mvn -o -q -pl scan dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}):
 *
 * <pre>
 * java -cp "scan/target/classes:$(cat scan/target/cp.txt)" org.redress.scan.TradeModelTrainer \
 *   scan/src/test/resources/org/redress/scan/trade-posts.tsv \
 *   scan/src/main/resources/org/redress/scan/trade-model.tsv
 * </pre>
 */
public final class TradeModelTrainer {
  /**
   * The settings of the shipped model (round 9: chosen by five-fold cross-validation on the train
   * and dev parts, folds by id number modulo 5, scored on the posts of rounds 5 to 8, which the
   * lexicon was not tuned on; fixed seed). The test part is never read here. A feature is kept when
   * one of its centred weights reaches 0.2 (chosen by the same cross-validation: it halves the
   * model, 21,334 to about 10,500 features, and its load time, with the same worst per-category
   * figure).
   */
  public static final TradeClassifier.Settings SETTINGS =
      new TradeClassifier.Settings(40, 1.0, 0.003, 1, 0.2, 20261206L, 0.3);

  /** The parts of the labelled set the shipped model learns from. */
  public static final List<String> TRAIN_PARTS = List.of("train", "dev");

  private TradeModelTrainer() {}

  /**
   * The examples of one part of a labelled set ({@code redress/trade-posts@1}: tab-separated id,
   * part, round, label, kind, lang, rule, text; lines starting with # are comments).
   */
  public static List<TradeClassifier.Example> examples(String tsv, List<String> parts) {
    List<TradeClassifier.Example> out = new ArrayList<>();
    boolean header = true;
    for (String line : tsv.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 8) {
        throw new IllegalArgumentException("trade posts: not 8 columns: " + f[0]);
      }
      if (parts.contains(f[1])) {
        out.add(new TradeClassifier.Example(f[7], f[3]));
      }
    }
    return out;
  }

  /** Trains the shipped model from a labelled set's text. */
  public static TradeClassifier train(String tsv) {
    return TradeClassifier.train(
        examples(tsv, TRAIN_PARTS), TradeLexicon.builtIn().categories(), SETTINGS);
  }

  /**
   * Writes the model trained from {@code args[0]} (the labelled set) to {@code args[1]}.
   *
   * @param args the labelled set and the model file to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TradeModelTrainer TRADE_POSTS_TSV MODEL_OUT");
    }
    TradeClassifier model = train(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[1]), model.write(), StandardCharsets.UTF_8);
  }
}
