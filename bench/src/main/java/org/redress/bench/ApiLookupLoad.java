package org.redress.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * step for {@code seconds}. One query in ten is a stored hash with 5 bits flipped, which must come
 * back as a match (a miss counts as an error), the rest random (no match).
 *
 * <p>The client is a small blocking HTTP/1.1 client, one keep-alive connection per thread, so that
 * the load generator costs little of the two cores it shares with the server. Per step it prints
 * lookups/s, p50 and p99 latency, errors, the CPU time per lookup of the server (the process minus
 * the client threads: Jetty, Javalin, the API, GC and JIT) and of the client, the heap, and the
 * load average. The CPU per lookup does not depend on what else the machine runs, so it is the
 * figure to compare on a busy machine. With 60 seconds or more per step it also prints, every
 * minute, the heap in use and the heap left after the latest collection (the live set).
 *
 * <p>Usage: {@code ApiLookupLoad [hashes=1000000] [seconds=20] [concurrency=1,4,16,64]}; a 5-minute
 * run of one step: {@code ApiLookupLoad 1000000 300 16}.
 */
public final class ApiLookupLoad {
  private static final String CLIENT = "load-client-";
  private static final java.util.Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
          .map(java.lang.management.MemoryPoolMXBean::getName)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private ApiLookupLoad() {}

  public static void main(String[] args) throws Exception {
    int hashes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int[] steps =
        Arrays.stream((args.length > 2 ? args[2] : "1,4,16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    if (hashes < 1000 || seconds < 1 || steps.length == 0) {
      System.err.println("usage: ApiLookupLoad [hashes>=1000] [seconds>=1] [concurrency,...]");
      System.exit(2);
    }
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
        Locale.ROOT,
        "bank: %d PDQ hashes stored in %.1f s (load %.1f)%n",
        n,
        secs(System.nanoTime() - t0),
        load());
    String key = ws.platforms().add("load", EnumSet.of(PlatformScope.LOOKUP), 1_000_000).key();
    try (WorkspaceApp app = WorkspaceApp.builder(dir).api(true).build().start("127.0.0.1", 0)) {
      Target target = new Target(app.port(), key);
      t0 = System.nanoTime();
      int status;
      try (Conn c = new Conn(target.port, 600_000)) {
        status = c.get(target.request(sample.get(0)));
      }
      System.out.printf(
          Locale.ROOT,
          "index: first lookup (builds the index) %.1f s, status %d (load %.1f)%n",
          secs(System.nanoTime() - t0),
          status,
          load());
      System.out.printf(
          Locale.ROOT,
          "%-5s %10s %8s %8s %7s %11s %11s %8s %8s %6s%n",
          "conc",
          "lookups/s",
          "p50 ms",
          "p99 ms",
          "errors",
          "server µs/l",
          "client µs/l",
          "heap MB",
          "live MB",
          "load");
      for (int c : steps) {
        step(target, sample, c, seconds);
      }
    }
  }

  /** Where to send lookups. */
  private record Target(int port, String key) {
    byte[] request(Pdq q) {
      return ("GET /m/lookup?signal_type=pdq&signal="
              + q
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nAuthorization: Bearer "
              + key
              + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static void step(Target target, List<Pdq> sample, int c, int seconds)
      throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong errors = new AtomicLong();
    long[][] lat = new long[c][];
    int[] counts = new int[c];
    Thread[] workers = new Thread[c];
    long[] clientCpu = new long[c];
    long cpu0 = processCpu();
    for (int t = 0; t < c; t++) {
      final int id = t;
      lat[t] = new long[Math.max(10_000, 4_000_000 / c)];
      workers[t] =
          new Thread(
              () -> {
                long cpuStart = threads.getCurrentThreadCpuTime();
                SplittableRandom r = new SplittableRandom(id * 7919L + c);
                Conn conn = null;
                while (System.nanoTime() < end && counts[id] < lat[id].length) {
                  boolean near = r.nextInt(10) == 0;
                  Pdq q = near ? flip(sample.get(r.nextInt(sample.size())), 5) : randomPdq(r);
                  byte[] req = target.request(q);
                  long s = System.nanoTime();
                  try {
                    if (conn == null) {
                      conn = new Conn(target.port, 30_000);
                    }
                    int st = conn.get(req);
                    if (st != 200 || near != conn.bodyContains("\"load\"")) {
                      errors.incrementAndGet();
                    }
                    if (conn.closed) {
                      conn.close();
                      conn = null;
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                    if (conn != null) {
                      conn.close();
                      conn = null;
                    }
                  }
                  lat[id][counts[id]++] = System.nanoTime() - s;
                }
                if (conn != null) {
                  conn.close();
                }
                clientCpu[id] = threads.getCurrentThreadCpuTime() - cpuStart;
              },
              CLIENT + t);
      workers[t].start();
    }
    long heapMax = 0;
    long start = System.nanoTime();
    int minutes = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
      heapMax = Math.max(heapMax, heapUsed());
      if (seconds >= 60 && (System.nanoTime() - start) / 60_000_000_000L > minutes) {
        minutes++;
        printMinute(minutes);
      }
    }
    if (seconds >= 60 && minutes < seconds / 60) {
      printMinute(++minutes);
    }
    for (Thread t : workers) {
      t.join();
    }
    long cpu = processCpu() - cpu0;
    long clientTotal = Arrays.stream(clientCpu).sum();
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
    double perLookup = total == 0 ? 0 : 1e-3 / total;
    System.out.printf(
        Locale.ROOT,
        "%-5d %10.0f %8.2f %8.2f %7d %11.0f %11.0f %8d %8d %6.1f%n",
        c,
        total / (double) seconds,
        all.length == 0 ? 0 : all[all.length / 2] / 1e6,
        all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6,
        errors.get(),
        (cpu - clientTotal) * perLookup,
        clientTotal * perLookup,
        heapMax >> 20,
        liveAfterGc() >> 20,
        load());
  }

  /**
   * One keep-alive HTTP/1.1 connection: writes a request, reads the status line, the headers and
   * the body (by {@code Content-Length} or chunked).
   */
  private static final class Conn implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private byte[] body = new byte[4096];
    private int bodyLength;
    boolean closed;

    Conn(int port, int timeoutMillis) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(timeoutMillis);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    int get(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
        throw new IOException("bad status line: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          length = Long.parseLong(value);
        } else if (name.equals("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (name.equals("connection")) {
          closed = value.equalsIgnoreCase("close");
        }
      }
      bodyLength = 0;
      if (chunked) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; ) {
          readBody(size);
          line();
          size = Integer.parseInt(line().trim(), 16);
        }
        line();
      } else if (length >= 0) {
        readBody((int) length);
      } else {
        throw new IOException("an answer without length");
      }
      return status;
    }

    boolean bodyContains(String s) {
      return new String(body, 0, bodyLength, StandardCharsets.UTF_8).contains(s);
    }

    private void readBody(int n) throws IOException {
      if (bodyLength + n > body.length) {
        body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
      }
      while (n > 0) {
        if (pos == lim) {
          fill();
        }
        int k = Math.min(n, lim - pos);
        System.arraycopy(buf, pos, body, bodyLength, k);
        pos += k;
        bodyLength += k;
        n -= k;
      }
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder(64);
      while (true) {
        if (pos == lim) {
          fill();
        }
        byte x = buf[pos++];
        if (x == '\n') {
          int len = b.length();
          if (len > 0 && b.charAt(len - 1) == '\r') {
            b.setLength(len - 1);
          }
          return b.toString();
        }
        b.append((char) (x & 0xff));
      }
    }

    private void fill() throws IOException {
      int k = in.read(buf, 0, buf.length);
      if (k < 0) {
        throw new IOException("connection closed by the server");
      }
      pos = 0;
      lim = k;
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a loopback socket: nothing to do
      }
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void printMinute(int minute) {
    System.out.printf(
        Locale.ROOT,
        "  minute %d: heap in use %d MB, after the latest GC %d MB (load %.1f)%n",
        minute,
        heapUsed() >> 20,
        liveAfterGc() >> 20,
        load());
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The heap in use right after the most recent collection (young or full). */
  private static long liveAfterGc() {
    long latestEnd = -1;
    long used = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!(gc instanceof com.sun.management.GarbageCollectorMXBean g)) {
        continue;
      }
      com.sun.management.GcInfo info = g.getLastGcInfo();
      if (info == null || info.getEndTime() <= latestEnd) {
        continue;
      }
      latestEnd = info.getEndTime();
      used = 0;
      for (Map.Entry<String, MemoryUsage> u : info.getMemoryUsageAfterGc().entrySet()) {
        if (HEAP_POOLS.contains(u.getKey())) {
          used += u.getValue().getUsed();
        }
      }
    }
    return used;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
