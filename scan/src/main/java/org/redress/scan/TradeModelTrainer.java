package org.redress.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trains the shipped trade-post model ({@code trade-model.tsv}) from the labelled set: the rows of
 * parts {@code train} and {@code dev}, with {@link #SETTINGS} (chosen by cross-validation on those
 * parts; see docs/trade-lexicon-eval.md). The {@code test} part is never read here. The labelled
 * set is {@code trade-posts.tsv} and every {@code incoming/*.tsv} beside it (posts by other hands,
 * same columns), less the rows listed in {@code incoming/excluded.txt} ({@link #combine}). Run from
 * the repository root (after {@code mvn -o -q -pl scan dependency:build-classpath
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
   * The settings of the shipped model. Round 12 kept round 9's (40 epochs, step 1.0, L2 0.003,
   * features in at least one post, kept at a centred weight of at least 0.2, threshold 0.3), chosen
   * again by leave-one-author-out validation (rounds 9, 10, 11 and 13 each left out in turn) and
   * five-fold cross-validation on the train and dev parts: L2 0.001 and 0.006 were no better (see
   * docs/trade-lexicon-eval.md). The test part is never read here.
   */
  public static final TradeClassifier.Settings SETTINGS =
      new TradeClassifier.Settings(40, 1.0, 0.003, 1, 0.2, 20261206L, 0.3);

  /** The parts of the labelled set the shipped model learns from. */
  public static final List<String> TRAIN_PARTS = List.of("train", "dev");

  private TradeModelTrainer() {}

  /** One row of a labelled set ({@code redress/trade-posts@1}). */
  public record Row(
      String id,
      String part,
      String round,
      String label,
      String kind,
      String lang,
      String rule,
      String text) {}

  /**
   * The rows of a labelled set ({@code redress/trade-posts@1}: tab-separated id, part, round,
   * label, kind, lang, rule, text; lines starting with # are comments; the first other line is the
   * header).
   */
  public static List<Row> rows(String tsv) {
    List<Row> out = new ArrayList<>();
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
      out.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
    }
    return out;
  }

  /** The examples of one part of a labelled set (see {@link #rows}). */
  public static List<TradeClassifier.Example> examples(String tsv, List<String> parts) {
    List<TradeClassifier.Example> out = new ArrayList<>();
    for (Row r : rows(tsv)) {
      if (parts.contains(r.part())) {
        out.add(new TradeClassifier.Example(r.text(), r.label()));
      }
    }
    return out;
  }

  /**
   * The labelled set as one text: {@code main} as it is, then the rows of each incoming file (in
   * the order given, which callers make name order) without their comments and header line; rows
   * listed in {@code excluded} are left out of both. An excluded row is named by its round and id
   * (lines "round, tab, id, tab, reason"; # comments), since two authors' files may use the same
   * id.
   *
   * @throws IllegalArgumentException when an incoming row has not 8 columns
   */
  public static String combine(String main, List<String> incoming, String excluded) {
    Set<String> out = new HashSet<>();
    for (String line : excluded.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t", 3);
        if (f.length < 2) {
          throw new IllegalArgumentException("excluded posts: not round, tab, id: " + line);
        }
        out.add(f[0].strip() + "\t" + f[1].strip());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String line : main.split("\n")) {
      String[] f = line.split("\t", 4);
      if (line.startsWith("#") || f.length < 3 || !out.contains(f[2] + "\t" + f[0])) {
        b.append(line).append('\n');
      }
    }
    for (String tsv : incoming) {
      for (String line : tsv.split("\n")) {
        String row = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (row.startsWith("#") || row.isBlank() || row.startsWith("id\t")) {
          continue;
        }
        String[] f = row.split("\t", -1);
        if (f.length != 8) {
          throw new IllegalArgumentException("trade posts: not 8 columns: " + f[0]);
        }
        if (!out.contains(f[2] + "\t" + f[0])) {
          b.append(row).append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * The labelled set read from files: {@code mainTsv}, then every {@code *.tsv} of the {@code
   * incoming} folder beside it in name order, less the rows listed in {@code
   * incoming/excluded.txt}.
   *
   * @throws IOException when a file cannot be read
   */
  public static String labelledSet(Path mainTsv) throws IOException {
    Path dir = mainTsv.toAbsolutePath().getParent().resolve("incoming");
    List<String> incoming = new ArrayList<>();
    String excluded = "";
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
          incoming.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      Path ex = dir.resolve("excluded.txt");
      if (Files.exists(ex)) {
        excluded = Files.readString(ex, StandardCharsets.UTF_8);
      }
    }
    return combine(Files.readString(mainTsv, StandardCharsets.UTF_8), incoming, excluded);
  }

  /** Trains the shipped model from a labelled set's text. */
  public static TradeClassifier train(String tsv) {
    return TradeClassifier.train(
        examples(tsv, TRAIN_PARTS), TradeLexicon.builtIn().categories(), SETTINGS);
  }

  /**
   * Writes the model trained from {@code args[0]} (the labelled set, with its incoming files) to
   * {@code args[1]}.
   *
   * @param args the labelled set and the model file to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TradeModelTrainer TRADE_POSTS_TSV MODEL_OUT");
    }
    TradeClassifier model = train(labelledSet(Path.of(args[0])));
    Files.writeString(Path.of(args[1]), model.write(), StandardCharsets.UTF_8);
  }
}
