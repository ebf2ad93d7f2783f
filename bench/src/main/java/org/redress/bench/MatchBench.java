package org.redress.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.cases.Workspace;
import org.redress.match.BankRules;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.phash.Pdq;

/**
 * The second benchmark: what {@code redress match} does for 1,000 images against a
 * 1,000,000-item bank, with the hashing step and the match step timed separately on one thread.
 * Target: matching costs less than 10 % of hashing. Not a JMH kernel: a plain main.
 *
 * <p>It writes {@code images} distinct innocuous 1000×1000 JPEGs (quality 90) to a temporary folder
 * and hashes them with {@link MediaHasher}. The bank holds {@code bankSize} PDQ items: random
 * hashes, plus for every second image a copy of its hash with 0..20 bits flipped, so about half the
 * images must match. In {@code memory} mode the bank is built straight into a {@link Matcher}; in
 * {@code sqlite} mode it is stored in a temporary workspace with {@code BankStore.add} (one
 * transaction) and loaded back with {@code BankStore.matcher}, as the CLI does, and both of those
 * steps are timed too. Each step runs once untimed on a sample first so that neither is charged for
 * JIT compilation.
 *
 * <p>Usage: {@code MatchBench [images=1000] [bankSize=1000000] [memory|sqlite]}.
 */
public final class MatchBench {
  private MatchBench() {}

  public static void main(String[] args) throws Exception {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int bankSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    boolean sqlite = args.length > 2 && args[2].equals("sqlite");
    Path dir = Files.createTempDirectory("redress-matchbench");
    try {
      run(dir, images, bankSize, sqlite);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }

  private static void run(Path dir, int images, int bankSize, boolean sqlite) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Path pics = Files.createDirectory(dir.resolve("images"));
    List<Path> paths = HashFilesBench.generate(pics, images, 1000, 1000);
    MediaHasher hasher = MediaHasher.builder().build();
    for (int i = 0; i < Math.min(20, images); i++) { // warm-up
      hasher.hash(paths.get(i));
    }
    List<MediaHash> hashes = new ArrayList<>();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (Path p : paths) {
      hashes.add(hasher.hash(p));
    }
    double hashS = (System.nanoTime() - t0) / 1e9;
    double hashCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;

    List<Pdq> bank = bankHashes(hashes, bankSize);
    Matcher matcher;
    if (sqlite) {
      matcher = viaWorkspace(dir.resolve("workspace"), bank);
    } else {
      long b0 = System.nanoTime();
      Matcher.Builder mb = Matcher.builder().bank(new BankRules("bench", 31, 50));
      for (int i = 0; i < bank.size(); i++) {
        mb.pdq("bench", i + 1, "item-" + (i + 1), bank.get(i), 100);
      }
      matcher = mb.build();
      System.out.printf(
          Locale.ROOT,
          "bank: %,d PDQ items built in memory in %.2f s%n",
          matcher.pdqCount(),
          (System.nanoTime() - b0) / 1e9);
    }
    int warm = Integer.getInteger("matchWarmUp", 200);
    for (int i = 0; i < warm; i++) { // warm-up
      matcher.match(query(hashes.get(i % images)));
    }
    int matched = 0;
    long m0c = mx.getCurrentThreadCpuTime();
    long m0 = System.nanoTime();
    for (MediaHash h : hashes) {
      if (!matcher.match(query(h)).matches().isEmpty()) {
        matched++;
      }
    }
    double matchS = (System.nanoTime() - m0) / 1e9;
    double matchCpu = (mx.getCurrentThreadCpuTime() - m0c) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "hashing: %d images of 1000x1000, %.2f s (%.2f ms/image), thread CPU %.2f s%n",
        images,
        hashS,
        1000 * hashS / images,
        hashCpu);
    System.out.printf(
        Locale.ROOT,
        "matching: %d queries against %,d items, %.3f s (%.3f ms/query), thread CPU %.3f s;"
            + " %d inputs matched%n",
        images,
        matcher.pdqCount(),
        matchS,
        1000 * matchS / images,
        matchCpu,
        matched);
    System.out.printf(
        Locale.ROOT,
        "match / hash: %.2f %% (wall), %.2f %% (CPU); target < 10 %%%n",
        100 * matchS / hashS,
        100 * matchCpu / hashCpu);
  }

  /** Random hashes, with a near copy (0..20 bits flipped) of every second image's hash. */
  private static List<Pdq> bankHashes(List<MediaHash> hashes, int size) {
    Random rnd = new Random(11);
    List<Pdq> out = new ArrayList<>(size);
    for (int i = 0; i < hashes.size() && out.size() < size; i += 2) {
      long[] w = hashes.get(i).pdq().pdq().toLongs();
      for (int f = rnd.nextInt(21); f > 0; f--) {
        int bit = rnd.nextInt(256);
        w[bit >> 6] ^= 1L << (bit & 63);
      }
      out.add(Pdq.fromLongs(w));
    }
    while (out.size() < size) {
      out.add(
          Pdq.fromLongs(
              new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()}));
    }
    return out;
  }

  private static Matcher viaWorkspace(Path dir, List<Pdq> bank) {
    Workspace ws = Workspace.open(dir, Clock.systemUTC(), "bench");
    ws.banks().create("bench", 31, 50);
    List<NewItem> items = new ArrayList<>(bank.size());
    for (int i = 0; i < bank.size(); i++) {
      items.add(new NewItem(HashValue.pdq(bank.get(i), 100), "item-" + (i + 1), null, null));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long a0c = mx.getCurrentThreadCpuTime();
    long a0 = System.nanoTime();
    ws.banks().add("bench", items);
    double addS = (System.nanoTime() - a0) / 1e9;
    double addCpu = (mx.getCurrentThreadCpuTime() - a0c) / 1e9;
    Matcher m = null;
    for (int run = 1; run <= 2; run++) { // the first load also compiles the loading code
      long c0 = mx.getCurrentThreadCpuTime();
      long l0 = System.nanoTime();
      m = ws.banks().matcher(List.of("bench"), Instant.now(), 80, 0, new ArrayList<>());
      System.out.printf(
          Locale.ROOT,
          "bank: loaded into a matcher with BankStore.matcher (load %d) in %.2f s, thread CPU"
              + " %.2f s%n",
          run,
          (System.nanoTime() - l0) / 1e9,
          (mx.getCurrentThreadCpuTime() - c0) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "bank: %,d PDQ items stored with BankStore.add (one call) in %.2f s, thread CPU %.2f s;"
            + " database %,d MiB%n",
        m.pdqCount(),
        addS,
        addCpu,
        dir.resolve(Workspace.DATABASE).toFile().length() >> 20);
    return m;
  }

  private static Query query(MediaHash h) {
    return new Query(h.pdq(), h.vpdq(), h.md5(), h.sha256());
  }
}
