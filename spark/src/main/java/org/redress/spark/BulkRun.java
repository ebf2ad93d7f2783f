package org.redress.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.util.SerializableConfiguration;
import org.redress.cases.CasesException;
import org.redress.cases.Workspace;
import org.redress.match.BankRules;

/**
 * One run of the job on the driver: load the banks, list the inputs, hash what the cache does not
 * already hold (in batches, each appended to the cache as it ends), match every current hash with
 * the broadcast banks, and write the results and a summary.
 */
final class BulkRun {
  static final String RESULTS_PARQUET = "results.parquet";
  static final String RESULTS_JSONL = "results.jsonl";
  static final String SUMMARY = "summary.json";
  static final String CACHE = "hash-cache";
  static final String SUMMARY_SCHEMA = "redress/bulk-summary@1";

  /**
   * System property: the level of Spark's and Hadoop's log ({@code redress bulk} gives ERROR, or
   * WARN with {@code --verbose}); without it the job keeps warnings, as a cluster's driver log
   * does.
   */
  static final String LOG_LEVEL_PROPERTY = "redress.bulk.log";

  private static final String[] KEY = {"source", "sourceSize", "sourceMtime"};
  private static final Encoder<FileRow> FILES = Encoders.bean(FileRow.class);
  private static final Encoder<HashRow> HASHES = Encoders.bean(HashRow.class);
  private static final Encoder<ResultRow> RESULTS = Encoders.bean(ResultRow.class);

  private final BulkJob o;
  private final PrintWriter out;
  private final PrintWriter err;

  BulkRun(BulkJob options, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.out = out;
    this.err = err;
  }

  int run() throws IOException {
    Instant started = Instant.now();
    long attempt = started.toEpochMilli();
    // Banks from a workspace need no Spark: read them (and build the driver's matcher) on another
    // thread while Spark starts, which is serial work of a few seconds on one core.
    FutureTask<Primed> early = null;
    if (o.workspace != null) {
      early = new FutureTask<>(() -> Primed.of(workspaceBanks()));
      Thread t = new Thread(early, "redress-banks");
      t.setDaemon(true);
      t.start();
    }
    SparkSession.Builder sb = SparkSession.builder().appName("redress bulk");
    if (o.master != null) {
      sb.master(o.master);
      if (o.master.startsWith("local")) {
        // One machine: no web UI, as many shuffle partitions as cores (not 200), everything
        // bound to the loopback interface only.
        sb.config("spark.ui.enabled", "false");
        sb.config("spark.driver.host", "127.0.0.1");
        sb.config("spark.driver.bindAddress", "127.0.0.1");
        sb.config("spark.sql.shuffle.partitions", Integer.toString(localCores(o.master)));
      }
    }
    SparkSession spark = sb.getOrCreate();
    // Third-party lines (Spark, Hadoop, Parquet) are English: redress bulk keeps them at ERROR
    // unless --verbose (docs/spark.md); a cluster's driver log keeps warnings.
    spark.sparkContext().setLogLevel(System.getProperty(LOG_LEVEL_PROPERTY, "WARN"));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();

    Primed primed = early != null ? join(early) : Primed.of(fileBanks(conf));
    BankSnapshot banks = primed.banks();
    for (String w : primed.warnings()) {
      err.println(JobText.line("warning", JobText.zh() ? JobText.get("bank.warning") : w));
    }
    if (banks.itemCount() == 0) {
      err.println(JobText.line("no.items"));
    }

    Inputs.Listing listing = Inputs.list(o.inputs, conf);
    for (Inputs.Problem p : listing.problems()) {
      err.println(JobText.line("problem", p.path(), JobText.reason(p.reason())));
    }
    if (listing.files().isEmpty() && listing.problems().size() == o.inputs.size()) {
      throw new BulkJob.BulkException(BulkJob.DATA, JobText.get("no.input"));
    }
    Path outDir = new Path(o.out);
    Path cacheDir = o.cache != null ? new Path(o.cache) : new Path(outDir, CACHE);
    Path jsonDir = new Path(outDir, RESULTS_JSONL);
    Path parquetDir = new Path(outDir, RESULTS_PARQUET);
    FileSystem outFs = outDir.getFileSystem(conf);
    // Results are appended batch by batch (and the cached part last): start from none.
    outFs.delete(jsonDir, true);
    outFs.delete(parquetDir, true);
    outFs.mkdirs(jsonDir);
    outFs.mkdirs(parquetDir);
    FileSystem cacheFs = cacheDir.getFileSystem(conf);
    cacheFs.mkdirs(cacheDir);

    // What the cache already holds (a key with a row that hashed) is not hashed again.
    boolean hasCache =
        cacheFs.exists(cacheDir)
            && cacheFs.listStatus(cacheDir, p -> p.getName().endsWith(".parquet")).length > 0;
    List<FileRow> fresh;
    Dataset<FileRow> listed = null;
    if (hasCache) {
      listed = spark.createDataset(listing.files(), FILES);
      Dataset<Row> ok =
          spark
              .read()
              .parquet(cacheDir.toString())
              .filter(usable(o.dihedral))
              .select("source", "sourceSize", "sourceMtime")
              .distinct();
      fresh = listed.join(ok, seq(KEY), "left_anti").as(FILES).collectAsList();
    } else {
      fresh = listing.files();
    }
    Broadcast<BankSnapshot> bc = jsc.broadcast(banks);
    // The Hadoop configuration (about a thousand entries) once per executor, not in every task.
    Broadcast<SerializableConfiguration> hadoop =
        jsc.broadcast(new SerializableConfiguration(conf));
    int cores = spark.sparkContext().defaultParallelism();
    long[] counts = new long[3];
    for (int from = 0, b = 0; from < fresh.size(); from += o.batch, b++) {
      List<FileRow> part = fresh.subList(from, Math.min(fresh.size(), from + o.batch));
      int n = o.partitions != null ? o.partitions : slices(part.size(), cores);
      // Contiguous slices of the listing, no shuffle: each task hashes, matches and writes its
      // cache rows and results (HashAndMatch).
      long[] c =
          jsc.parallelize(part, Math.max(1, Math.min(n, part.size())))
              .mapPartitionsWithIndex(
                  new HashAndMatch(
                      new Hashing(o.dihedral, attempt, hadoop),
                      bc,
                      o.dihedral,
                      !o.noScreenshots,
                      b,
                      attempt,
                      cacheDir.toString(),
                      outDir.toString(),
                      hadoop),
                  true)
              .fold(new long[3], BulkRun::sum);
      add(counts, c);
      err.println(JobText.line("progress", from + part.size(), fresh.size()));
    }

    // Files from the cache: the rows of their keys from each key's latest attempt, matched here.
    Dataset<HashRow> cached = null;
    if (listed != null && fresh.size() < listing.files().size()) {
      Dataset<Row> keys = listed.join(spark.createDataset(fresh, FILES), seq(KEY), "left_anti");
      WindowSpec byKey = Window.partitionBy(KEY[0], KEY[1], KEY[2]);
      cached =
          spark
              .read()
              .parquet(cacheDir.toString())
              .join(keys.select(KEY[0], KEY[1], KEY[2]), seq(KEY), "left_semi")
              .withColumn("latest", max("attempt").over(byKey))
              .filter(col("attempt").equalTo(col("latest")))
              .drop("latest")
              .as(HASHES);
    }
    List<HashRow> missing = new ArrayList<>();
    for (Inputs.Problem p : listing.problems()) {
      FileRow f = new FileRow(p.path(), -1, -1);
      missing.add(HashRow.failed(f, attempt, p.path(), p.reason()));
    }
    if (!missing.isEmpty()) {
      Dataset<HashRow> m = spark.createDataset(missing, HASHES);
      cached = cached == null ? m : cached.unionByName(m);
    }
    if (cached != null) {
      Dataset<ResultRow> results =
          cached
              .flatMap(new Matching(bc, o.dihedral, !o.noScreenshots), RESULTS)
              .orderBy("path")
              .persist();
      results.drop("json").write().mode(SaveMode.Append).parquet(parquetDir.toString());
      results.select("json").write().mode(SaveMode.Append).text(jsonDir.toString());
      Row c = results.selectExpr("count(*)", "count(error)", "count_if(size(matches) > 0)").first();
      add(counts, new long[] {c.getLong(0), c.isNullAt(1) ? 0 : c.getLong(1), c.getLong(2)});
      results.unpersist();
    }
    if (counts[0] == 0) {
      // No media file at all: an empty table with the results' columns.
      spark
          .emptyDataset(RESULTS)
          .drop("json")
          .write()
          .mode(SaveMode.Append)
          .parquet(parquetDir.toString());
    }
    bc.destroy();
    hadoop.destroy();

    long files = counts[0];
    long failed = counts[1];
    long matched = counts[2];
    writeSummary(outDir, conf, banks, started, listing, fresh.size(), files, failed, matched);
    out.println(
        JobText.get(
            "summary",
            listing.files().size(),
            fresh.size(),
            listing.files().size() - fresh.size(),
            files,
            failed,
            matched));
    out.println(
        JobText.get("results", new Path(outDir, RESULTS_JSONL), new Path(outDir, RESULTS_PARQUET)));
    out.flush();
    return 0;
  }

  /**
   * Tasks for a batch of {@code files} on {@code cores} cores: 32 per core as long as a task gets
   * 100 files, and at least one per 500 files, so that the last tasks of a batch (when cores fall
   * idle one by one) are short; and at least eight per core when there are so many files (a few
   * videos are spread over the cores, not hashed by one task).
   */
  static int slices(int files, int cores) {
    int balanced = Math.min((files + 99) / 100, Math.max(cores * 32, (files + 499) / 500));
    return Math.max(1, Math.max(Math.min(files, cores * 8), balanced));
  }

  /** The banks and the warnings about items that cannot be matched (from building the matcher). */
  private record Primed(BankSnapshot banks, List<String> warnings) {
    static Primed of(BankSnapshot banks) {
      return new Primed(banks, banks.prime());
    }
  }

  private static Primed join(FutureTask<Primed> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the banks", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static long[] sum(long[] a, long[] b) {
    return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  private static void add(long[] to, long[] c) {
    for (int i = 0; i < to.length; i++) {
      to[i] += c[i];
    }
  }

  /**
   * Cache rows that need no hashing again: hashed without error, and for a run with {@code
   * --dihedral}, images hashed with their dihedral variants (a run without it ignores them).
   */
  private static org.apache.spark.sql.Column usable(boolean dihedral) {
    org.apache.spark.sql.Column ok = col("error").isNull();
    return dihedral ? ok.and(col("kind").notEqual("IMAGE").or(col("dihedral").isNotNull())) : ok;
  }

  /** The cores of a {@code local[N]} master ({@code local[*]}: this machine's). */
  static int localCores(String master) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local\\[(\\d+|\\*)").matcher(master);
    if (!m.lookingAt()) {
      return 1;
    }
    return "*".equals(m.group(1))
        ? Runtime.getRuntime().availableProcessors()
        : Math.max(1, Integer.parseInt(m.group(1)));
  }

  /** The banks of {@code --workspace}: exactly the items {@code redress match} loads. */
  private BankSnapshot workspaceBanks() {
    try (Workspace ws =
        Workspace.open(
            Paths.get(o.workspace), Clock.systemUTC(), System.getProperty("user.name", "bulk"))) {
      return BankSnapshot.fromWorkspace(
          ws.banks(), o.banks, Instant.now(), o.queryPercent, o.comparedPercent);
    } catch (CasesException e) {
      throw new BulkJob.BulkException(
          BulkJob.DATA, JobText.zh() ? JobText.get("bank.unreadable") : e.getMessage(), e);
    }
  }

  /** The banks of the {@code --bank-file} exports, read through Hadoop. */
  private BankSnapshot fileBanks(Configuration conf) throws IOException {
    BankSnapshot s = null;
    BankRules rules;
    try {
      rules = new BankRules("bank", o.threshold, o.minQuality);
    } catch (IllegalArgumentException e) {
      throw new BulkJob.BulkException(BulkJob.USAGE, e.getMessage(), e);
    }
    for (String spec : o.bankFiles) {
      int eq = spec.indexOf('=');
      String file = eq < 0 ? spec : spec.substring(eq + 1);
      Path p = new Path(file);
      String name = eq < 0 ? p.getName().replaceFirst("\\.[^.]*$", "") : spec.substring(0, eq);
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(p.getFileSystem(conf).open(p), StandardCharsets.UTF_8))) {
        if (s == null) {
          s = BankSnapshot.fromFile(name, p.getName(), r, rules, o.queryPercent, o.comparedPercent);
        } else {
          s.addFile(name, p.getName(), r, rules);
        }
      } catch (java.io.FileNotFoundException e) {
        throw new BulkJob.BulkException(BulkJob.DATA, JobText.get("no.bank.file", file), e);
      } catch (CasesException | IllegalArgumentException e) {
        throw new BulkJob.BulkException(
            BulkJob.DATA, JobText.zh() ? JobText.get("bank.unreadable") : e.getMessage(), e);
      }
    }
    return s;
  }

  private void writeSummary(
      Path outDir,
      Configuration conf,
      BankSnapshot banks,
      Instant started,
      Inputs.Listing listing,
      int hashed,
      long files,
      long failed,
      long matched)
      throws IOException {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("schema", SUMMARY_SCHEMA);
    s.put("started_at", started.toString());
    s.put("finished_at", Instant.now().toString());
    ArrayNode in = s.putArray("inputs");
    o.inputs.forEach(in::add);
    ArrayNode b = s.putArray("banks");
    banks.bankNames().forEach(b::add);
    s.put("banks_from", o.workspace != null ? "workspace" : "file");
    s.put("dihedral", o.dihedral);
    s.put("listed", listing.files().size());
    s.put("hashed_now", hashed);
    s.put("from_cache", listing.files().size() - hashed);
    s.put("media_files", files);
    s.put("not_hashed", failed);
    s.put("matched", matched);
    Path p = new Path(outDir, SUMMARY);
    try (OutputStream os = p.getFileSystem(conf).create(p, true)) {
      os.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
      os.write('\n');
    }
  }

  private static scala.collection.immutable.Seq<String> seq(String... cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(cols)).toSeq();
  }
}
