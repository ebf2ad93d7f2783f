package org.redress.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.cases.PlatformScope;
import org.redress.cases.Workspace;
import org.redress.phash.Pdq;
import org.redress.web.WorkspaceApp;

/**
 * Bounded load test of the platform API (plain main, loopback only, stops by itself): a bank of
 * {@code hashes} random PDQ hashes, {@code GET /m/lookup} for PDQ at increasing concurrency, each
 * step for {@code seconds}. One query in ten is a stored hash with 5 bits flipped (a match), the
 * rest random (no match). Prints per step: requests/s, p50 and p99 latency, errors, and the heap
 * used (sampled every second) with the system load average; client and server share this JVM and
 * the machine's cores, so the figures are a lower bound for the server alone.
 *
 * <p>Usage: {@code ApiLookupLoad [hashes=1000000] [seconds=20] [concurrency=1,2,4,8,16,32]}; with
 * 120 seconds or more a step also prints the lowest heap of every 30 s (memory over time).
 */
public final class ApiLookupLoad {
  private ApiLookupLoad() {}

  public static void main(String[] args) throws Exception {
    int hashes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int[] steps =
        Arrays.stream((args.length > 2 ? args[2] : "1,2,4,8,16,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path dir = Files.createTempDirectory("redress-api-load");
    try {
      run(dir, hashes, seconds, steps);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void run(Path dir, int n, int seconds, int[] steps) throws Exception {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    SplittableRandom rnd = new SplittableRandom(42);
    Workspace ws = Workspace.open(dir, Clock.systemUTC(), "bench");
    ws.banks().create("load", 31, 0);
    long t0 = System.nanoTime();
    List<Pdq> sample = new ArrayList<>();
    for (int done = 0; done < n; ) {
      int batch = Math.min(100_000, n - done);
      List<NewItem> items = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        Pdq p = randomPdq(rnd);
        if (sample.size() < 10_000) {
          sample.add(p);
        }
        items.add(new NewItem(HashValue.pdq(p, 100), "x", null, null));
      }
      ws.banks().add("load", items);
      done += batch;
    }
    System.out.printf(
        Locale.ROOT, "bank: %d PDQ hashes stored in %.1f s%n", n, secs(System.nanoTime() - t0));
    String key = ws.platforms().add("load", EnumSet.of(PlatformScope.LOOKUP), 1_000_000).key();
    try (WorkspaceApp app = WorkspaceApp.builder(dir).api(true).build().start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + app.port() + "/m/lookup?signal_type=pdq&signal=";
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      t0 = System.nanoTime();
      HttpResponse<String> first =
          http.send(
              HttpRequest.newBuilder(URI.create(base + sample.get(0)))
                  .timeout(Duration.ofMinutes(10))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.printf(
          Locale.ROOT,
          "index: first lookup (builds the index) %.1f s, status %d%n",
          secs(System.nanoTime() - t0),
          first.statusCode());
      System.out.printf(
          Locale.ROOT,
          "%-6s %10s %9s %9s %7s %12s %12s %6s%n",
          "conc",
          "lookups/s",
          "p50 ms",
          "p99 ms",
          "errors",
          "heap min MB",
          "heap max MB",
          "load");
      for (int c : steps) {
        step(http, base, key, sample, c, seconds, mem);
      }
    }
  }

  private static void step(
      HttpClient http,
      String base,
      String key,
      List<Pdq> sample,
      int c,
      int seconds,
      MemoryMXBean mem)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong errors = new AtomicLong();
    long[][] lat = new long[c][];
    int[] counts = new int[c];
    Thread[] threads = new Thread[c];
    for (int t = 0; t < c; t++) {
      final int id = t;
      lat[t] = new long[4_000_000 / c + 1000];
      threads[t] =
          new Thread(
              () -> {
                SplittableRandom r = new SplittableRandom(id * 7919L + c);
                while (System.nanoTime() < end && counts[id] < lat[id].length) {
                  Pdq q =
                      r.nextInt(10) == 0
                          ? flip(sample.get(r.nextInt(sample.size())), 5)
                          : randomPdq(r);
                  long s = System.nanoTime();
                  try {
                    HttpResponse<String> resp = get(http, base + q, key);
                    if (resp.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                  lat[id][counts[id]++] = System.nanoTime() - s;
                }
              });
      threads[t].start();
    }
    long heapMin = Long.MAX_VALUE;
    long heapMax = 0;
    long windowMin = Long.MAX_VALUE;
    int second = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(1000);
      second++;
      long used = mem.getHeapMemoryUsage().getUsed();
      heapMin = Math.min(heapMin, used);
      heapMax = Math.max(heapMax, used);
      windowMin = Math.min(windowMin, used);
      if (seconds >= 120 && second % 30 == 0) {
        // The lowest heap seen in each 30 s window: the live set after collections.
        System.out.printf(Locale.ROOT, "  t=%3ds heap low %d MB%n", second, windowMin >> 20);
        windowMin = Long.MAX_VALUE;
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = 0;
    for (int k : counts) {
      total += k;
    }
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < c; t++) {
      System.arraycopy(lat[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    System.out.printf(
        Locale.ROOT,
        "%-6d %10.0f %9.2f %9.2f %7d %12d %12d %6.1f%n",
        c,
        total / (double) seconds,
        all.length == 0 ? 0 : all[all.length / 2] / 1e6,
        all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6,
        errors.get(),
        heapMin >> 20,
        heapMax >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static HttpResponse<String> get(HttpClient http, String url, String key)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private static Pdq randomPdq(SplittableRandom r) {
    long[] w = new long[4];
    for (int i = 0; i < 4; i++) {
      w[i] = r.nextLong();
    }
    return Pdq.fromLongs(w);
  }

  private static Pdq flip(Pdq p, int bits) {
    char[] hex = p.toString().toCharArray();
    for (int b = 0; b < bits; b++) {
      int i = b * 3;
      hex[i] = Character.forDigit(Character.digit(hex[i], 16) ^ 1, 16);
    }
    return Pdq.parse(new String(hex));
  }
}
