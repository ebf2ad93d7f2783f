package org.redress.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.redress.dossier.CaseInput;
import org.redress.dossier.Dossier;
import org.redress.dossier.Dossiers;
import org.redress.dossier.PerpetratorIndex;
import org.redress.dossier.Sighting;
import org.redress.dossier.Target;
import org.redress.dossier.TradeSighting;
import org.redress.phash.Pdq;

/**
 * Dossier figures (issue 19; not a timed test): builds the dossier of one channel over {@code
 * cases} consenting cases holding {@code occurrences} sightings in total, and the perpetrator index
 * over them. Each case has {@code pictures} pictures of her own; each picture is posted many times
 * in the shared channel, every copy re-encoded (its own SHA-256, PDQ 4 bits away), and a tenth of
 * the sightings are in other chats.
 *
 * <p>Usage: {@code DossierBench [cases=200] [occurrences=1000000] [pictures=50] [rounds=5]}. Run
 * with {@code java -Xmx2g -cp bench/target/classes:dossier/target/classes:...}.
 */
public final class DossierBench {
  private static final long CHANNEL = -1001234567890L;

  private DossierBench() {}

  public static void main(String[] args) {
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
