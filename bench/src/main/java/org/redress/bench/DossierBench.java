package org.redress.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.redress.casework.Cases;
import org.redress.casework.Casework;
import org.redress.casework.DossierWork;
import org.redress.dossier.CaseInput;
import org.redress.dossier.Dossier;
import org.redress.dossier.Dossiers;
import org.redress.dossier.PerpetratorIndex;
import org.redress.dossier.Sighting;
import org.redress.dossier.Target;
import org.redress.dossier.TradeSighting;
import org.redress.phash.Pdq;
import org.redress.report.SpreadReport;

/**
 * Dossier figures (issue 19; not a timed test): builds the dossier of one channel over {@code
 * cases} consenting cases holding {@code occurrences} sightings in total, and the perpetrator index
 * over them. Each case has {@code pictures} pictures of her own; each picture is posted many times
 * in the shared channel, every copy re-encoded (its own SHA-256, PDQ 4 bits away), and a tenth of
 * the sightings are in other chats.
 *
 * <p>Usage: {@code DossierBench [cases=200] [occurrences=1000000] [pictures=50] [rounds=5]}: the
 * dossier over the sightings in memory ({@code Dossiers.build}, the counting alone). {@code
 * DossierBench stored DIR [cases] [occurrences] [pictures] [rounds=3]}: everything {@code redress
 * dossier build} does, from the stored reports of a workspace on (see {@link #stored}). Run with
 * {@code java -Xmx1g -cp bench/target/benchmarks.jar org.redress.bench.DossierBench ...}.
 */
public final class DossierBench {
  private static final long CHANNEL = -1001234567890L;

  private DossierBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("stored")) {
      stored(args);
      return;
    }
    if (args.length > 1 && args[0].equals("page")) {
      page(Path.of(args[1]), arg(args, 2, 3));
      return;
    }
    int cases = arg(args, 0, 200);
    int occurrences = arg(args, 1, 1_000_000);
    int pictures = arg(args, 2, 50);
    int rounds = arg(args, 3, 5);
    long t0 = System.nanoTime();
    List<CaseInput> inputs = generate(cases, occurrences, pictures, new Random(19));
    long generated = System.nanoTime() - t0;
    System.out.printf(
        Locale.ROOT,
        "generated %d cases, %d sightings in %.1f s%n",
        cases,
        inputs.stream().mapToLong(c -> c.sightings().size()).sum(),
        generated / 1e9);
    Runtime rt = Runtime.getRuntime();
    for (int r = 0; r < rounds; r++) {
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu0 = mx.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      Dossier d =
          Dossiers.build(new Target.Chat(CHANNEL), inputs, Map.of(), Dossiers.DEFAULT_PDQ_RADIUS)
              .dossier();
      long built = System.nanoTime() - s;
      long builtCpu = mx.getCurrentThreadCpuTime() - cpu0;
      long after = rt.totalMemory() - rt.freeMemory();
      s = System.nanoTime();
      PerpetratorIndex index = PerpetratorIndex.of(inputs);
      long indexed = System.nanoTime() - s;
      long indexedCpu = mx.getCurrentThreadCpuTime() - cpu0 - builtCpu;
      System.out.printf(
          Locale.ROOT,
          "round %d: dossier %.2f s wall, %.2f s CPU (posts %d, files %d of %d SHA-256, victims %d), index %.2f s wall, %.2f s CPU"
              + " (%d entries), heap %d MiB before, %d MiB after, max %d MiB%n",
          r + 1,
          built / 1e9,
          builtCpu / 1e9,
          d.totals().posts(),
          d.totals().distinctFiles(),
          d.totals().distinctSha256(),
          d.totals().victims(),
          indexed / 1e9,
          indexedCpu / 1e9,
          index.entries().size(),
          before >> 20,
          after >> 20,
          rt.maxMemory() >> 20);
    }
  }

  /**
   * {@code stored DIR [cases] [occurrences] [pictures] [rounds]}: what {@code redress dossier build
   * --chat ID} does over a workspace, from the cases' stored scans on. Writes (untimed) a workspace
   * in {@code DIR} when it holds none: the same cases and sightings as above, each case's scan kept
   * as its {@code report.json} with the real report writer, every case consenting. Then times, in a
   * fresh JVM (a child process with this one's options, so its first round is a user's cold
   * dossier), {@code rounds} builds, each through a new casework as the command opens it: the
   * consents, every report read and parsed, the dossier, its pseudonyms file, the law run over the
   * aggregate and each victim's share, the audit row.
   */
  private static void stored(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: DossierBench stored DIR [cases] [occurrences] [pictures] [rounds]");
    }
    Path dir = Path.of(args[1]);
    String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
    int cases = arg(rest, 0, 200);
    int occurrences = arg(rest, 1, 1_000_000);
    int pictures = arg(rest, 2, 50);
    int rounds = arg(rest, 3, 3);
    Path done = dir.resolve("bench-written");
    if (System.getProperty("redress.bench.child") == null) {
      if (!Files.exists(done)) {
        long t0 = System.nanoTime();
        write(dir, generate(cases, occurrences, pictures, new Random(19)), pictures);
        Files.writeString(
            done, cases + " " + occurrences + " " + pictures + "\n", StandardCharsets.UTF_8);
        System.out.printf(
            Locale.ROOT, "wrote the workspace %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
      }
      String expected = cases + " " + occurrences + " " + pictures;
      String have = Files.readString(done, StandardCharsets.UTF_8).strip();
      if (!have.equals(expected)) {
        throw new IllegalArgumentException(
            dir + " holds a workspace of " + have + ", not " + expected + ": give another folder");
      }
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      cmd.add("-Dredress.bench.child=1");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(DossierBench.class.getName());
      cmd.addAll(List.of(args));
      int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException("the timed JVM failed with exit status " + rc);
      }
      return;
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runtime rt = Runtime.getRuntime();
    // What the fresh JVM spent before the first round (start, class loading, this main).
    System.out.printf(
        Locale.ROOT,
        "stored: JVM up %.2f s wall, %.2f s CPU before round 1 (%s)%n",
        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
        os.getProcessCpuTime() / 1e9,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    for (int r = 0; r < rounds; r++) {
      long cpu0 = os.getProcessCpuTime();
      long s = System.nanoTime();
      Casework cw = Casework.builder(dir).user("bench").build();
      DossierWork.Result res = cw.dossiers().build(new Target.Chat(CHANNEL));
      long wall = System.nanoTime() - s;
      long cpu = os.getProcessCpuTime() - cpu0;
      Dossier d = res.dossier();
      System.out.printf(
          Locale.ROOT,
          "stored round %d: dossier from %d cases' reports %.2f s wall, %.2f s CPU (process,"
              + " all threads; posts %d, files %d of %d SHA-256, victims %d, findings only"
              + " together %d), heap %d MiB after, max %d MiB, load %s%n",
          r + 1,
          cases,
          wall / 1e9,
          cpu / 1e9,
          d.totals().posts(),
          d.totals().distinctFiles(),
          d.totals().distinctSha256(),
          d.totals().victims(),
          res.onlyTogether().size(),
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.maxMemory() >> 20,
          load());
    }
  }

  /**
   * {@code page DIR [views]}: the workspace page of the channel's dossier over the workspace {@code
   * stored} wrote, served on 127.0.0.1: the first view (built), {@code views} views again (nothing
   * changed: from the page's cache), then page 2 (its own build). Wall time per request.
   */
  private static void page(Path dir, int views) throws Exception {
    try (org.redress.web.WorkspaceApp app =
        org.redress.web.WorkspaceApp.builder(dir).build().start("127.0.0.1", 0)) {
      java.net.http.HttpClient http =
          java.net.http.HttpClient.newBuilder()
              .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
              .build();
      java.net.http.HttpResponse<String> login =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/dossiers")))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String base = "http://127.0.0.1:" + app.port() + "/dossiers/build?chat=" + CHANNEL;
      for (int v = 0; v <= views + 1; v++) {
        String url = v <= views ? base : base + "&page=2";
        long t0 = System.nanoTime();
        java.net.http.HttpResponse<String> r =
            http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Cookie", cookie)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200 || !r.body().contains("dossier-totals")) {
          throw new IllegalStateException("the dossier page answered " + r.statusCode());
        }
        System.out.printf(
            Locale.ROOT,
            "page view %d (%s): %.3f s wall, load %s%n",
            v + 1,
            v == 0 ? "first, built" : v <= views ? "again, unchanged" : "page 2",
            s,
            load());
      }
    }
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** Writes each case's sightings as the report of one scan kept in her case. */
  private static void write(Path dir, List<CaseInput> inputs, int pictures) throws Exception {
    Casework cw = Casework.builder(dir).user("bench").build();
    for (CaseInput c : inputs) {
      cw.cases().create(c.caseId());
      cw.cases().consent(c.caseId(), Cases.DOSSIERS, true);
      List<List<SpreadReport.Occurrence>> byPicture = new ArrayList<>();
      for (int p = 0; p < pictures; p++) {
        byPicture.add(new ArrayList<>());
      }
      for (Sighting s : c.sightings()) {
        int p = Integer.parseInt(s.item().substring("victims/pic".length()));
        byPicture.get(p).add(occurrence(s));
      }
      List<SpreadReport.Item> items = new ArrayList<>();
      for (int p = 0; p < pictures; p++) {
        List<SpreadReport.Occurrence> occ = byPicture.get(p);
        if (occ.isEmpty()) {
          continue;
        }
        SpreadReport.Occurrence first = occ.get(0);
        SpreadReport.Occurrence last = occ.get(occ.size() - 1);
        items.add(
            new SpreadReport.Item(
                "victims",
                "pic" + p,
                p % 10 == 0 ? "video" : "image",
                List.of(p + 1L),
                List.of("pdq"),
                occ.size(),
                2,
                40,
                0,
                0,
                occ.size(),
                seen(first),
                seen(last),
                occ));
      }
      cw.cases().keepScan(c.caseId(), SyntheticReport.around(items), List.of());
    }
  }

  private static SpreadReport.Seen seen(SpreadReport.Occurrence o) {
    return new SpreadReport.Seen(o.dateUtc(), o.dateExported(), false, o.chatId(), o.messageId());
  }

  private static SpreadReport.Occurrence occurrence(Sighting s) {
    boolean video = s.kind() == Sighting.MediaKind.VIDEO;
    Instant at = java.util.Objects.requireNonNull(s.date());
    return new SpreadReport.Occurrence(
        s.chatId(),
        s.chatName(),
        s.chatType(),
        "/bench/" + s.caseId() + "/result.json",
        s.messageId(),
        "chat " + s.chatId() + " message " + s.messageId(),
        "telegram",
        s.locator(),
        at,
        at.atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDateTime().toString(),
        false,
        s.senderName(),
        s.senderId(),
        false,
        "",
        "",
        video ? "video" : "photo",
        (video ? "video_files/" : "photos/") + s.messageId() + (video ? ".mp4" : ".jpg"),
        "/bench/" + s.caseId() + "/photos/" + s.messageId(),
        video ? "video" : "image",
        s.sha256(),
        s.sha256().substring(0, 32),
        video ? null : s.pdq(),
        "pdq",
        4,
        null,
        null,
        List.of(new SpreadReport.MatchRow(1, "pdq", 4, null, null, null, null)));
  }

  static List<CaseInput> generate(int cases, int occurrences, int pictures, Random rnd) {
    int perCase = occurrences / cases;
    HexFormat hex = HexFormat.of();
    byte[] sha = new byte[32];
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    long message = 1;
    List<CaseInput> out = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      String caseId = String.format(Locale.ROOT, "case-%04d", c);
      long[][] pdqs = new long[pictures][];
      for (int p = 0; p < pictures; p++) {
        pdqs[p] = new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      }
      List<Sighting> sightings = new ArrayList<>(perCase);
      for (int i = 0; i < perCase; i++) {
        int p = i % pictures;
        long[] w = pdqs[p].clone();
        for (int b = 0; b < 4; b++) {
          int bit = rnd.nextInt(256);
          w[bit >> 6] ^= 1L << (bit & 63);
        }
        rnd.nextBytes(sha);
        boolean other = i % 10 == 9;
        long chat = other ? -1000000000000L - c : CHANNEL;
        long m = message++;
        sightings.add(
            new Sighting(
                caseId,
                chat,
                other ? "其他群" : "频道",
                "public_channel",
                m,
                "telegram:chat/" + chat + "/message/" + m,
                start.plusSeconds(m * 37),
                "user" + (m % 40),
                "发送者",
                "",
                "",
                hex.formatHex(sha),
                Pdq.fromLongs(w).toString(),
                "victims/pic" + p,
                p % 10 == 0 ? Sighting.MediaKind.VIDEO : Sighting.MediaKind.IMAGE));
      }
      out.add(
          new CaseInput(
              caseId,
              new CaseInput.Consent(true, LocalDate.parse("2026-01-01"), "dossiers"),
              sightings,
              List.<TradeSighting>of(),
              Map.of(CHANNEL, 120_000L)));
    }
    return out;
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
