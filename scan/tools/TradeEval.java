import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redress.scan.TradeClassifier;
import org.redress.scan.TradeDetector;
import org.redress.scan.TradeLexicon;
import org.redress.scan.TradeModelTrainer;

/**
 * Prints the trade detector's figures by leave-one-author-out validation (train on every train and
 * dev post except one round's, score that round: round 9, the posts written on purpose unlike the
 * rest; round 10, Chinese posts by another hand; round 11, English and mixed posts by a third) and
 * by five-fold cross-validation on train and dev (folds by id number modulo 5, scored on rounds 5
 * and later, which the lexicon was not tuned on). Never reads a test row. Not part of the build.
 * Run from the repository root after {@code mvn -o -q -pl scan -am install -DskipTests} and {@code
 * mvn -o -q -pl scan dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 * java -cp "scan/target/classes:$(cat scan/target/cp.txt)" scan/tools/TradeEval.java \
 *   scan/src/test/resources/org/redress/scan/trade-posts.tsv [errors]
 * </pre>
 */
public class TradeEval {
  record Row(String id, String round, String label, String text, List<String> lexicon) {}

  public static void main(String[] args) throws Exception {
    boolean errors = args.length > 1 && args[1].equals("errors");
    List<Row> rows = new ArrayList<>();
    boolean header = true;
    for (String line : TradeModelTrainer.labelledSet(Path.of(args[0])).split("\n")) {
      if (line.startsWith("#") || line.isBlank()) continue;
      if (header) {
        header = false;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f[1].equals("test")) continue;
      rows.add(
          new Row(
              f[0], f[2], f[3], f[7],
              TradeLexicon.builtIn().detect(f[7]).stream().map(TradeLexicon.Detection::category).toList()));
    }
    TradeClassifier.Settings d = TradeModelTrainer.SETTINGS;
    TradeClassifier.Settings s =
        new TradeClassifier.Settings(
            Integer.getInteger("exp.epochs", d.epochs()),
            d.learningRate(),
            Double.parseDouble(System.getProperty("exp.l2", Double.toString(d.l2()))),
            d.minPosts(),
            Double.parseDouble(System.getProperty("exp.minw", Double.toString(d.minWeight()))),
            d.seed(),
            d.threshold());
    List<String> cats = TradeLexicon.builtIn().categories();
    Map<String, List<Row>> scoredBy = new LinkedHashMap<>();
    Map<String, List<double[]>> probsBy = new LinkedHashMap<>();
    List<String> classes = null;
    Set<String> rounds = new TreeSet<>();
    rows.forEach(r -> rounds.add(r.round()));
    List<String> runs = new ArrayList<>();
    for (String r : System.getProperty("exp.rounds", "9,10,11,12,13,14,15,16,17,18").split(","))
      if (rounds.contains(r)) runs.add("loao " + r);
    if (Boolean.getBoolean("exp.cv")) runs.add("cv");
    long t0 = System.nanoTime();
    for (String run : runs) {
      List<Row> scored = new ArrayList<>();
      List<double[]> probs = new ArrayList<>();
      int folds = run.equals("cv") ? 5 : 1;
      for (int fold = 0; fold < folds; fold++) {
        List<TradeClassifier.Example> train = new ArrayList<>();
        List<Row> eval = new ArrayList<>();
        for (Row r : rows) {
          boolean out =
              run.equals("cv")
                  ? Integer.parseInt(r.id().substring(1)) % 5 == fold
                  : r.round().equals(run.substring(5));
          if (out) eval.add(r);
          else train.add(new TradeClassifier.Example(r.text(), r.label()));
        }
        TradeClassifier m = TradeClassifier.train(train, cats, s);
        classes = m.classes();
        for (Row r : eval) {
          if (run.equals("cv") && Set.of("1a", "1b", "2", "3", "4").contains(r.round())) continue;
          probs.add(m.probabilities(r.text()));
          scored.add(r);
        }
      }
      scoredBy.put(run, scored);
      probsBy.put(run, probs);
    }
    System.out.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    String dump = System.getProperty("exp.dump");
    if (dump != null) {
      StringBuilder dd = new StringBuilder("run\tid\tround\tlabel\tlexicon\t" + String.join("\t", classes) + "\ttext\n");
      for (String run : runs) {
        for (int i = 0; i < scoredBy.get(run).size(); i++) {
          Row r = scoredBy.get(run).get(i);
          dd.append(run).append('\t').append(r.id()).append('\t').append(r.round()).append('\t')
              .append(r.label()).append('\t').append(String.join(",", r.lexicon()));
          for (double x : probsBy.get(run).get(i)) dd.append('\t').append(String.format(Locale.ROOT, "%.4f", x));
          dd.append('\t').append(r.text()).append('\n');
        }
      }
      java.nio.file.Files.writeString(Path.of(dump), dd.toString());
    }
    double[] ts = {0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
    double[] keeps = {0.3, 0.5, 1.01};
    for (double keep : keeps) {
      for (double t : ts) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "t %.2f keep %.2f:", t, keep));
        double worstAll = 1;
        for (String run : runs) {
          Map<String, int[]> sc = score(classes, cats, scoredBy.get(run), probsBy.get(run), t, keep, null);
          double w = worst(sc);
          worstAll = Math.min(worstAll, w);
          line.append(String.format(Locale.ROOT, "  %s %.3f", run, w));
        }
        boolean shipped = t == s.threshold() && keep == TradeDetector.KEEP_LEXICON;
        System.out.println(line + String.format(Locale.ROOT, "  worst %.3f", worstAll) + (shipped ? "  <- shipped" : ""));
      }
    }
    for (String run : runs) {
      List<String> errs = new ArrayList<>();
      Map<String, int[]> sc =
          score(classes, cats, scoredBy.get(run), probsBy.get(run), s.threshold(), TradeDetector.KEEP_LEXICON, errs);
      System.out.println("== " + run + " (" + scoredBy.get(run).size() + " posts scored) ==");
      System.out.print(table(sc));
      if (errors) errs.forEach(System.out::println);
    }
  }

  static Map<String, int[]> score(
      List<String> classes, List<String> cats, List<Row> rows, List<double[]> probs, double t,
      double keep, List<String> errs) {
    Map<String, int[]> s = new TreeMap<>();
    cats.forEach(c -> s.put(c, new int[3]));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double[] p = probs.get(i);
      Set<String> got = new TreeSet<>();
      for (String d : r.lexicon()) {
        if (p[classes.indexOf(d)] >= keep) got.add(d);
      }
      int best = 0;
      for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
      if (best != 0 && p[best] >= t) got.add(classes.get(best));
      s.forEach(
          (c, x) -> {
            boolean truth = r.label().equals(c);
            boolean said = got.contains(c);
            if (truth && said) x[0]++;
            else if (said) {
              x[1]++;
              if (errs != null) errs.add("FP " + c + " " + r.id() + " [" + r.label() + "] " + r.text());
            } else if (truth) {
              x[2]++;
              if (errs != null) errs.add("FN " + c + " " + r.id() + " " + got + " " + r.text());
            }
          });
    }
    return s;
  }

  static double worst(Map<String, int[]> s) {
    double w = 1;
    for (int[] x : s.values()) w = Math.min(w, Math.min(p(x), r(x)));
    return w;
  }

  static double p(int[] x) {
    return x[0] + x[1] == 0 ? 1 : (double) x[0] / (x[0] + x[1]);
  }

  static double r(int[] x) {
    return x[0] + x[2] == 0 ? 1 : (double) x[0] / (x[0] + x[2]);
  }

  static String table(Map<String, int[]> s) {
    StringBuilder b = new StringBuilder("| category | posts | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|\n");
    s.forEach(
        (c, x) ->
            b.append(
                String.format(
                    Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f %% | %.1f %% |%n",
                    c, x[0] + x[2], x[0], x[1], x[2], 100 * p(x), 100 * r(x))));
    return b.toString();
  }
}
