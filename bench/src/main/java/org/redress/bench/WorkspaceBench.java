package org.redress.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.casework.Interview;
import org.redress.casework.InterviewAnswers;
import org.redress.web.WorkspaceApp;

/**
 * The workspace's two figures (plain main, not a timed test): (1) the report page of a scan with
 * 10,000 occurrences, requested over HTTP {@code rounds} times after 10 warm-ups: wall p50 / p95
 * and CPU per request of the whole JVM; (2) the interview's re-assessment after an answer ({@link
 * Interview#next}: facts rebuilt, assessed under Chinese law, missing lists scored), over whole
 * interviews answered "I don't know" to the end, after a warm-up interview: p50 / p95. Prints the
 * load average beside each figure.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.redress.bench.WorkspaceBench
 * [rounds=60]}.
 */
public final class WorkspaceBench {
  private WorkspaceBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    interview();
    reportPage(rounds);
  }

  private static void reportPage(int rounds) throws Exception {
    Path dir = Files.createTempDirectory("redress-workspace-bench");
    Path report = dir.resolve("report.json");
    org.redress.report.ReportJson.write(SyntheticReport.of(10_000), report);
    try (WorkspaceApp app = WorkspaceApp.builder(dir.resolve("ws")).build().start("127.0.0.1", 0)) {
      app.prepareDemo("bench", report, List.of(dir));
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(app.url("/cases/demo/scans"))).build(),
              HttpResponse.BodyHandlers.ofString());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String base = "http://127.0.0.1:" + app.port();
      String list =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/cases/demo/scans"))
                      .header("Cookie", cookie)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("/cases/demo/scans/([0-9-]+)\"").matcher(list);
      if (!m.find()) {
        throw new IllegalStateException("no scan in the demo case");
      }
      URI page = URI.create(base + "/cases/demo/scans/" + m.group(1));
      double[] ms = new double[rounds];
      long cpu0 = 0;
      for (int i = -10; i < rounds; i++) {
        if (i == 0) {
          cpu0 = cpuNanos();
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(page).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        double t = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200 || !r.body().contains("occurrence-table")) {
          throw new IllegalStateException("report page answered " + r.statusCode());
        }
        if (i >= 0) {
          ms[i] = t;
        }
      }
      double cpu = (cpuNanos() - cpu0) / 1e6 / rounds;
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "report page, 10,000 occurrences, %d requests: p50 %.0f ms, p95 %.0f ms wall;"
              + " %.0f ms CPU per request; load %.2f%n",
          rounds,
          ms[rounds / 2],
          ms[(int) Math.ceil(rounds * 0.95) - 1],
          cpu,
          load());
    }
  }

  private static void interview() {
    Interview iv = Interview.standard();
    String proved =
        "{\"conduct\":{\"first_act\":\"2026-09-01\",\"last_act\":\"2026-11-20\"},"
            + "\"distribution\":{\"shared\":true,\"online\":true,"
            + "\"counts\":{\"images\":12,\"videos\":2}}}";
    LocalDate today = LocalDate.parse("2026-12-06");
    walk(iv, proved, today); // warm-up
    List<Double> all = new java.util.ArrayList<>();
    for (int round = 0; round < 5; round++) {
      all.addAll(walk(iv, proved, today));
    }
    double[] ms = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "interview re-assessment after an answer, %d answers: p50 %.1f ms, p95 %.1f ms,"
            + " max %.1f ms; load %.2f%n",
        ms.length,
        ms[ms.length / 2],
        ms[(int) Math.ceil(ms.length * 0.95) - 1],
        ms[ms.length - 1],
        load());
  }

  /** One interview answered "I don't know" to the end; the time of each next-question step. */
  private static List<Double> walk(Interview iv, String proved, LocalDate today) {
    InterviewAnswers a = InterviewAnswers.empty();
    List<Double> out = new java.util.ArrayList<>();
    Instant at = Instant.parse("2026-12-06T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      long t0 = System.nanoTime();
      Interview.Next n = iv.next(a, proved, today);
      out.add((System.nanoTime() - t0) / 1e6);
      if (n.question().isEmpty()) {
        break;
      }
      a =
          a.with(
              n.question().get().fact(),
              new InterviewAnswers.Answer(InterviewAnswers.State.UNKNOWN, "", at, "bench"));
    }
    return out;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long cpuNanos() {
    java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : t.getAllThreadIds()) {
      long n = t.getThreadCpuTime(id);
      if (n > 0) {
        sum += n;
      }
    }
    return sum;
  }
}
