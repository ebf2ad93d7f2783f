package org.redress.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.LogVerifier;
import org.redress.evidence.NewItem;
import org.redress.evidence.Verification;

/**
 * End-to-end evidence figures (not a timed test): append throughput for small items in durable
 * batches, large-file throughput against {@code sha256sum} + {@code cp}, and full-log verification
 * of a large log. The large log is written from docs/evidence-format.md alone (leaf JSON, record
 * framing, RFC 6962 root, C2SP signed checkpoint), which also shows the spec is enough to produce a
 * log {@link LogVerifier} accepts.
 *
 * <p>Usage: {@code EvidenceBench [smallItems=10000] [batch=500] [largeMiB=128] [largeFiles=3]
 * [logLeaves=1000000] [warm=1]}. A count of 0 skips that part. With {@code warm=0} the large files
 * are timed in a cold JVM (run it alone: {@code EvidenceBench 0 1 128 3 0 0}), which is what a user
 * of {@code redress evidence add} sees.
 *
 * <p>Run from the worktree after {@code mvn -q -o -pl bench -am compile}: {@code java -cp
 * bench/target/classes:evidence/target/classes:<bcprov, bcpkix and bcutil jars>
 * org.redress.bench.EvidenceBench}; temporary files go to {@code java.io.tmpdir}.
 */
public final class EvidenceBench {
  private EvidenceBench() {}

  public static void main(String[] args) throws Exception {
    int small = arg(args, 0, 10_000);
    int batch = arg(args, 1, 500);
    int largeMib = arg(args, 2, 128);
    int largeFiles = arg(args, 3, 3);
    int leaves = arg(args, 4, 1_000_000);
    boolean warm = arg(args, 5, 1) != 0;
    Path dir = Files.createTempDirectory("redress-evidence-bench");
    try {
      if (small > 0) {
        smallItems(dir.resolve("small"), small, batch);
      }
      if (largeMib > 0 && largeFiles > 0) {
        largeFiles(dir.resolve("large"), largeMib, largeFiles, warm);
      }
      if (leaves > 0) {
        bigLog(dir.resolve("log"), leaves);
      }
    } finally {
      delete(dir);
    }
  }

  private static int arg(String[] a, int i, int def) {
    return a.length > i ? Integer.parseInt(a[i]) : def;
  }

  static void smallItems(Path dir, int n, int batch) throws Exception {
    smallItems(dir.resolve("cold"), n, batch, "cold");
    smallItems(dir.resolve("warm"), n, batch, "warm");
  }

  /** Times 10,000 adds in a fresh workspace; the second call in a JVM shows it warm. */
  static void smallItems(Path dir, int n, int batch, String jvm) throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Random r = new Random(1);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[512 + r.nextInt(1024)];
      r.nextBytes(b);
      Path p = src.resolve("item-" + i + ".bin");
      Files.write(p, b);
      files.add(p);
    }
    run("sync"); // write back the source files first: their I/O is not the store's
    long t0 = System.nanoTime();
    long c0 = cpu();
    long p0 = processCpu();
    try (EvidenceStore s = EvidenceStore.builder(dir.resolve("ws")).open()) {
      for (int i = 0; i < n; i += batch) {
        List<NewItem> items = new ArrayList<>();
        for (Path p : files.subList(i, Math.min(n, i + batch))) {
          items.add(NewItem.of(p));
        }
        s.addAll("bench", items);
      }
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpu() - c0) / 1e9;
    double all = (processCpu() - p0) / 1e9;
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        Locale.ROOT,
        "small items (%s JVM): %d items of 0.5-1.5 KiB in durable "
            + "batches of %d: %.2f s, %.0f items/s (CPU: %.2f s writer thread, %.2f s whole JVM; "
            + "load %.1f)%n",
        jvm,
        n,
        batch,
        sec,
        n / sec,
        cpu,
        all,
        load);
    long v0 = System.nanoTime();
    Verification v = LogVerifier.verify(dir.resolve("ws"));
    System.out.printf(
        Locale.ROOT,
        "verify-log of those %d leaves and %d checkpoints: %.2f s, " + "%s%n",
        n,
        (n + batch - 1) / batch,
        (System.nanoTime() - v0) / 1e9,
        v.ok() ? "VERIFIED" : "FAILED " + v.firstFailure().orElse(""));
  }

  static void largeFiles(Path dir, int mib, int count, boolean warm) throws Exception {
    Path src = dir.resolve("src");
    Path copy = dir.resolve("copy");
    Files.createDirectories(src);
    Files.createDirectories(copy);
    Random r = new Random(2);
    byte[] block = new byte[1 << 20];
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path p = src.resolve("large-" + i + ".bin");
      try (OutputStream out = Files.newOutputStream(p)) {
        for (int m = 0; m < mib; m++) {
          r.nextBytes(block);
          out.write(block);
        }
      }
      files.add(p);
    }
    if (warm) {
      // Warm the JIT (AES-GCM and SHA-256 intrinsics need C2) on a throwaway store, untimed.
      try (EvidenceStore s = EvidenceStore.builder(dir.resolve("warm")).open()) {
        for (int i = 0; i < 3; i++) {
          s.add("warm", NewItem.of(files.get(0)));
        }
      }
    }
    run("sync");
    long t0 = System.nanoTime();
    for (Path p : files) {
      run("sha256sum", p.toString());
      run("cp", p.toString(), copy.resolve(p.getFileName()).toString());
    }
    run("sync");
    double base = (System.nanoTime() - t0) / 1e9;
    run("sync");
    long t1 = System.nanoTime();
    try (EvidenceStore s = EvidenceStore.builder(dir.resolve("ws")).open()) {
      for (Path p : files) {
        s.add("large", NewItem.of(p));
      }
    }
    double ours = (System.nanoTime() - t1) / 1e9;
    double total = (double) mib * count;
    System.out.printf(
        Locale.ROOT,
        "large files (%s JVM): %d x %d MiB: sha256sum+cp+sync %.2f s "
            + "(%.0f MiB/s); evidence add %.2f s (%.0f MiB/s) = %.0f %% of sha256sum+cp%n",
        warm ? "warm" : "cold",
        count,
        mib,
        base,
        total / base,
        ours,
        total / ours,
        100 * base / ours);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed");
    }
  }

  /** Writes a log of {@code n} add leaves per docs/evidence-format.md, then verifies it. */
  static void bigLog(Path ws, int n) throws Exception {
    Path root = ws.resolve("evidence");
    Files.createDirectories(root.resolve("keys"));
    Files.createDirectories(root.resolve("log"));
    Files.createDirectories(root.resolve("checkpoints"));
    String origin = "redress.evidence/" + "be".repeat(16);
    Files.writeString(root.resolve("origin"), origin + "\n", StandardCharsets.UTF_8);
    byte[] seed = new byte[32];
    new Random(3).nextBytes(seed);
    Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed, 0);
    byte[] pub = priv.generatePublicKey().getEncoded();
    byte[] keyHash = keyHash(origin, pub);
    byte[] typed = ByteBuffer.allocate(33).put((byte) 1).put(pub).array();
    Files.writeString(
        root.resolve("keys/log-signing.pub"),
        origin
            + "+"
            + HexFormat.of().formatHex(keyHash)
            + "+"
            + Base64.getEncoder().encodeToString(typed)
            + "\n",
        StandardCharsets.UTF_8);
    long g0 = System.nanoTime();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Deque<byte[]> stack = new ArrayDeque<>();
    Deque<Integer> heights = new ArrayDeque<>();
    CRC32C crc = new CRC32C();
    String at = Instant.parse("2025-03-01T08:00:00Z").toString();
    try (OutputStream out =
        new java.io.BufferedOutputStream(
            Files.newOutputStream(root.resolve("log/entries")), 1 << 20)) {
      for (long i = 0; i < n; i++) {
        String hex =
            HexFormat.of().formatHex(sha.digest(Long.toString(i).getBytes(StandardCharsets.UTF_8)));
        byte[] leaf =
            ("{\"v\":1,\"type\":\"add\",\"case\":\"bench\",\"item\":"
                    + i
                    + ",\"sha256\":\""
                    + hex
                    + "\",\"size\":"
                    + (i % 5000)
                    + ",\"meta\":\""
                    + hex
                    + "\",\"at\":\""
                    + at
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] len = ByteBuffer.allocate(4).putInt(leaf.length).array();
        crc.reset();
        crc.update(len);
        crc.update(leaf);
        out.write(len);
        out.write(leaf);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        sha.update((byte) 0);
        byte[] h = sha.digest(leaf);
        int height = 0;
        while (!heights.isEmpty() && heights.peek() == height) {
          h = node(sha, stack.pop(), h);
          heights.pop();
          height++;
        }
        stack.push(h);
        heights.push(height);
      }
    }
    Iterator<byte[]> it = stack.iterator();
    byte[] rootHash = it.next();
    while (it.hasNext()) {
      rootHash = node(sha, it.next(), rootHash);
    }
    String body = origin + "\n" + n + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, priv);
    signer.update(msg, 0, msg.length);
    ByteArrayOutputStream sigLine = new ByteArrayOutputStream();
    sigLine.write(keyHash);
    sigLine.write(signer.generateSignature());
    String note =
        body
            + "\n\u2014 "
            + origin
            + " "
            + Base64.getEncoder().encodeToString(sigLine.toByteArray())
            + "\n";
    Files.writeString(
        root.resolve(String.format(Locale.ROOT, "checkpoints/%016d.txt", n)),
        note,
        StandardCharsets.UTF_8);
    double gen = (System.nanoTime() - g0) / 1e9;
    long v0 = System.nanoTime();
    long c0 = cpu();
    Verification v = LogVerifier.verify(ws);
    double ver = (System.nanoTime() - v0) / 1e9;
    double cpu = (cpu() - c0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "full-log verification: %d leaves (%d MiB log), written "
            + "from the spec in %.2f s; LogVerifier %.2f s wall, %.2f s CPU, %s%n",
        n,
        Files.size(root.resolve("log/entries")) >> 20,
        gen,
        ver,
        cpu,
        v.ok() ? "VERIFIED" : "FAILED " + v.firstFailure().orElse(""));
  }

  /** CPU time of this thread (the verifier is single-threaded), so a busy machine shows less. */
  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** CPU time of the whole JVM (workers, JIT compiler and GC threads included). */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static byte[] node(MessageDigest sha, byte[] l, byte[] r) {
    sha.update((byte) 1);
    sha.update(l);
    return sha.digest(r);
  }

  private static byte[] keyHash(String name, byte[] pub) throws NoSuchAlgorithmException {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0x0A);
    d.update((byte) 0x01);
    d.update(pub);
    byte[] full = d.digest();
    return java.util.Arrays.copyOf(full, 4);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
