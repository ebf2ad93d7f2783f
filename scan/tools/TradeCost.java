import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.scan.TradeClassifier;
import org.redress.scan.TradeDetector;
import org.redress.scan.TradeLexicon;
import org.redress.scan.TradeModelTrainer;

/**
 * Prints what the trade detector costs: the time to load the lexicon and the model (once per
 * process) and the time per post, over every post of the labelled set read five times (the last
 * four timed; the set with its incoming files, every part), with the machine's load average. Not part of the build. Run from the repository
 * root after {@code mvn -o -q -pl scan -am install -DskipTests} and {@code mvn -o -q -pl scan
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 * java -cp "scan/target/classes:$(cat scan/target/cp.txt)" scan/tools/TradeCost.java \
 *   scan/src/test/resources/org/redress/scan/trade-posts.tsv
 * </pre>
 */
public class TradeCost {
  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    boolean header = true;
    for (String line : TradeModelTrainer.labelledSet(Path.of(args[0])).split("\n")) {
      if (line.startsWith("#") || line.isBlank()) continue;
      if (header) {
        header = false;
        continue;
      }
      texts.add(line.split("\t", -1)[7]);
    }
    long t0 = System.nanoTime();
    TradeLexicon.builtIn();
    long t1 = System.nanoTime();
    TradeClassifier model = TradeClassifier.builtIn();
    long t2 = System.nanoTime();
    TradeDetector detector = TradeDetector.builtIn();
    long found = 0;
    long t3 = 0;
    for (int pass = 0; pass < 5; pass++) {
      if (pass == 1) t3 = System.nanoTime();
      for (String t : texts) found += detector.detect(t).size();
    }
    long t4 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "lexicon load %.0f ms; model load %.0f ms (%d features); %.3f ms per post (%d readings,"
            + " %d detections); load average %s%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        model.featureCount(),
        (t4 - t3) / 1e6 / (4.0 * texts.size()),
        4 * texts.size(),
        found,
        Files.readString(Path.of("/proc/loadavg")).strip());
  }
}
