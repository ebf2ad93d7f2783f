package org.redress.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.redress.match.Matcher;

/**
 * One task of a batch, one pass with no shuffle: hashes its slice of the listed files ({@link
 * Hashing}), matches each result against the broadcast banks ({@link Matching}), and writes the
 * slice's rows itself: its cache rows to {@code CACHE/part-ATTEMPT-BATCH-SLICE.parquet} (so an
 * interrupted run resumes after its last finished task), its JSON lines to {@code
 * results.jsonl/part-BATCH-SLICE.jsonl} in listing order, and its result rows to {@code
 * results.parquet/part-BATCH-SLICE.parquet}. A retried task writes the same files again, whole.
 * Returns the slice's counts: media files, files that could not be hashed, files that matched.
 */
final class HashAndMatch implements Function2<Integer, Iterator<FileRow>, Iterator<long[]>> {
  private static final long serialVersionUID = 1L;

  private final Hashing hashing;
  private final Broadcast<BankSnapshot> banks;
  private final boolean dihedral;
  private final boolean screenshots;
  private final int batch;
  private final long attempt;
  private final String cacheDir;
  private final String outDir;
  private final String hashSchema;
  private final String resultSchema;
  private final Broadcast<SerializableConfiguration> conf;

  HashAndMatch(
      Hashing hashing,
      Broadcast<BankSnapshot> banks,
      boolean dihedral,
      boolean screenshots,
      int batch,
      long attempt,
      String cacheDir,
      String outDir,
      Broadcast<SerializableConfiguration> conf) {
    this.hashing = hashing;
    this.banks = banks;
    this.dihedral = dihedral;
    this.screenshots = screenshots;
    this.batch = batch;
    this.attempt = attempt;
    this.cacheDir = cacheDir;
    this.outDir = outDir;
    this.hashSchema = Encoders.bean(HashRow.class).schema().json();
    // The results' Parquet holds every column but the JSON line (in results.jsonl).
    this.resultSchema =
        new StructType(
                Arrays.stream(Encoders.bean(ResultRow.class).schema().fields())
                    .filter(f -> !f.name().equals("json"))
                    .toArray(StructField[]::new))
            .json();
    this.conf = conf;
  }

  @Override
  public Iterator<long[]> call(Integer slice, Iterator<FileRow> files) throws IOException {
    Matcher matcher = banks.value().matcher();
    List<HashRow> hashes = new ArrayList<>();
    List<ResultRow> results = new ArrayList<>();
    long[] counts = new long[3];
    // Images that match nothing are searched for picture regions while their bytes are here.
    Map<HashRow, List<ResultRow>> seen = new IdentityHashMap<>();
    Hashing.Hashed then =
        (h, local) -> {
          ResultRow whole = Matching.match(matcher, h, dihedral);
          List<ResultRow> rows = new ArrayList<>(List.of(whole));
          if (screenshots && Matching.searchRegions(whole)) {
            rows.addAll(Regions.search(local, whole, matcher));
          }
          seen.put(h, rows);
        };
    while (files.hasNext()) {
      for (Iterator<HashRow> it = hashing.call(files.next(), then); it.hasNext(); ) {
        HashRow h = it.next();
        List<ResultRow> rows = seen.remove(h);
        if (rows == null) {
          rows = List.of(Matching.match(matcher, h, dihedral));
        }
        hashes.add(h);
        results.addAll(rows);
        ResultRow r = rows.get(0);
        counts[0]++;
        counts[1] += r.getError() != null ? 1 : 0;
        counts[2] += rows.size() > 1 || !r.getMatches().isEmpty() ? 1 : 0;
      }
    }
    Configuration c = conf.value().value();
    String name = String.format(Locale.ROOT, "part-%05d-%05d", batch, slice);
    ParquetRows.writeHashes(
        new Path(
            cacheDir,
            String.format(Locale.ROOT, "part-%d-%05d-%05d.parquet", attempt, batch, slice)),
        hashes,
        hashSchema,
        c);
    Path json = new Path(new Path(outDir, BulkRun.RESULTS_JSONL), name + ".jsonl");
    try (OutputStream os = json.getFileSystem(c).create(json, true)) {
      StringBuilder sb = new StringBuilder();
      for (ResultRow r : results) {
        sb.append(r.getJson()).append('\n');
        if (sb.length() > 1 << 16) {
          os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
          sb.setLength(0);
        }
      }
      os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    ParquetRows.writeResults(
        new Path(new Path(outDir, BulkRun.RESULTS_PARQUET), name + ".parquet"),
        results,
        resultSchema,
        c);
    return List.of(counts).iterator();
  }
}
