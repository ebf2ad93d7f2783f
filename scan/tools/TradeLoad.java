import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.redress.scan.TradeClassifier;
import org.redress.scan.TradeDetector;
import org.redress.scan.TradeLexicon;

/**
 * Prints what the first trade post costs in a fresh JVM: building the built-in lexicon, the
 * built-in model, and the first detection, each as wall time and as CPU time of the main thread
 * (the figure to read on a busy machine), with the load average. With {@code warm}, first does
 * what every {@code redress} command has done before it builds a scanner (a stream with lambdas, a
 * regular expression, NFKC, a Jackson tree, a format), so those first-use costs of the JVM are not
 * counted as the lexicon's. Not part of the build; one JVM per figure. From the repository root,
 * after {@code ./redress --version} (which builds {@code cli/target/classpath.txt}):
 *
 * <pre>
 * javac -d /tmp/trade-load -cp "$(cat cli/target/classpath.txt)" scan/tools/TradeLoad.java
 * for i in 1 2 3 4 5; do
 *   java -cp "/tmp/trade-load:$(cat cli/target/classpath.txt)" TradeLoad
 *   java -cp "/tmp/trade-load:$(cat cli/target/classpath.txt)" TradeLoad warm
 * done
 * </pre>
 */
public class TradeLoad {
  public static void main(String[] args) throws Exception {
    boolean warm = args.length > 0 && args[0].equals("warm");
    if (warm) {
      List.of("a", "b").stream().map(x -> x + "c").filter(x -> x.chars().allMatch(c -> c < 128))
          .forEach(x -> {});
      Pattern.compile("(?<![a-z])x+\\p{IsHan}").matcher("abc").find();
      java.text.Normalizer.normalize("ｔ", java.text.Normalizer.Form.NFKC);
      var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
      nodes.objectNode().set("a", nodes.arrayNode().add("x"));
      String.format(Locale.ROOT, "%d", 1);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    TradeLexicon lexicon = TradeLexicon.builtIn();
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    TradeClassifier model = TradeClassifier.builtIn();
    long t2 = System.nanoTime();
    long c2 = mx.getCurrentThreadCpuTime();
    int found = new TradeDetector(lexicon, model).detect("针孔摄像头 私聊 @cam_shop_demo").size();
    long t3 = System.nanoTime();
    long c3 = mx.getCurrentThreadCpuTime();
    String load =
        Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
    System.out.printf(
        Locale.ROOT,
        "%s: lexicon %.3f s (CPU %.3f), model %.3f s (CPU %.3f), ready %.3f s (CPU %.3f);"
            + " first post %.3f s (CPU %.3f, %d found); load %s%n",
        warm ? "warm" : "cold",
        (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        (t2 - t1) / 1e9,
        (c2 - c1) / 1e9,
        (t2 - t0) / 1e9,
        (c2 - c0) / 1e9,
        (t3 - t2) / 1e9,
        (c3 - c2) / 1e9,
        found,
        load);
  }
}
