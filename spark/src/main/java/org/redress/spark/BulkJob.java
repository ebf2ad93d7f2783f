package org.redress.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redress.match.BankRules;
import org.redress.match.VpdqRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job's entry point ({@code spark-submit --class org.redress.spark.BulkJob}, or {@code
 * ./redress bulk} in local mode). Exit status: 0 the job ran (files that could not be hashed are
 * result rows with their reason); 1 bad data (no bank, an unreadable bank file, an unknown bank,
 * nothing to scan); 2 usage error; 3 internal error.
 */
@Command(
    name = "redress-bulk",
    mixinStandardHelpOptions = true,
    description = {
      "Hash media on any Hadoop file system (and in ZIP archives) and match them against banks,"
          + " as redress match does, on Apache Spark.",
      "Writes OUT/results.parquet, OUT/results.jsonl (the lines of redress match --json),"
          + " OUT/summary.json, and the hash cache OUT/hash-cache (or --cache).",
      "Exit status: 0 done, 1 bad data, 2 usage error, 3 internal error."
    })
public final class BulkJob implements Callable<Integer> {
  /** Exit status: bad data. */
  static final int DATA = 1;

  /** Exit status: usage error. */
  static final int USAGE = 2;

  /** Exit status: internal error. */
  static final int INTERNAL = 3;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[2] (default: as spark-submit sets it).")
  String master;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "Workspace whose database holds the banks (read on the driver).")
  String workspace;

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Bank of the workspace to match against (repeatable; default: all).")
  List<String> banks = new ArrayList<>();

  @Option(
      names = "--bank-file",
      paramLabel = "[NAME=]FILE",
      description =
          "A bank exported with redress bank export (hma, jsonl or csv; any Hadoop"
              + " path); NAME defaults to the file name without extension (repeatable).")
  List<String> bankFiles = new ArrayList<>();

  @Option(
      names = "--threshold",
      paramLabel = "D",
      description = "PDQ distance threshold for --bank-file banks (default: ${DEFAULT-VALUE}).")
  int threshold = BankRules.DEFAULT_THRESHOLD;

  @Option(
      names = "--min-quality",
      paramLabel = "Q",
      description = "Minimum PDQ quality for --bank-file banks (default: ${DEFAULT-VALUE}).")
  int minQuality = BankRules.DEFAULT_MIN_QUALITY;

  @Option(
      names = "--query-percent",
      paramLabel = "P",
      description =
          "vPDQ: share of the query's frames that must match (default: ${DEFAULT-VALUE}).")
  double queryPercent = VpdqRule.DEFAULT_QUERY_PERCENT;

  @Option(
      names = "--compared-percent",
      paramLabel = "P",
      description =
          "vPDQ: share of the bank video's frames that must match (default:"
              + " ${DEFAULT-VALUE}).")
  double comparedPercent = VpdqRule.DEFAULT_COMPARED_PERCENT;

  @Option(
      names = "--dihedral",
      description = "Also match each image mirrored and rotated, as redress match --dihedral.")
  boolean dihedral;

  @Option(
      names = "--no-screenshots",
      description =
          "Do not search images that match nothing for picture regions (screenshots), as"
              + " redress match --no-screenshots; by default each matching region is a result"
              + " FILE#region=x,y,w,h.")
  boolean noScreenshots;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Output folder (any Hadoop path).")
  String out;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Parquet hash cache shared between runs (default: OUT/hash-cache).")
  String cache;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Hashing tasks per batch (default: 32 per core while a task gets 100 files, at least"
              + " one per 500 files and 8 per core).")
  Integer partitions;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description =
          "Files hashed per batch; each batch is added to the cache when it ends, so"
              + " an interrupted run resumes from the last one (default: ${DEFAULT-VALUE}).")
  int batch = 50_000;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Files, folders or ZIP archives on any Hadoop file system.")
  List<String> inputs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the job; exits the JVM with its status. */
  public static void main(String[] args) {
    int code;
    try {
      code =
          run(
              args,
              new PrintWriter(System.out, true, StandardCharsets.UTF_8),
              new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    } finally {
      org.apache.spark.sql.SparkSession.getActiveSession()
          .foreach(
              s -> {
                s.stop();
                return null;
              });
    }
    System.exit(code);
  }

  /** Runs the job, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BulkJob());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          int code = ex instanceof BulkException be ? be.exitCode() : INTERNAL;
          String msg =
              ex instanceof BulkException
                  ? ex.getMessage()
                  : JobText.get("internal", Hashing.oneLine(ex));
          line.getErr().println(JobText.get("prefix") + msg);
          if (code == INTERNAL) {
            ex.printStackTrace(line.getErr());
          }
          return code;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (workspace != null && !bankFiles.isEmpty()) {
      throw new BulkException(USAGE, "give --workspace (with --bank) or --bank-file, not both");
    }
    if (workspace == null && bankFiles.isEmpty()) {
      throw new BulkException(
          USAGE, "give the banks: --workspace DIR [--bank NAME] or" + " --bank-file FILE");
    }
    if (!banks.isEmpty() && workspace == null) {
      throw new BulkException(USAGE, "--bank names a bank of --workspace");
    }
    if (batch < 1) {
      throw new BulkException(USAGE, "--batch must be at least 1, was " + batch);
    }
    if (partitions != null && partitions < 1) {
      throw new BulkException(USAGE, "--partitions must be at least 1, was " + partitions);
    }
    return new BulkRun(this, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
  }

  /** A failure with its exit status and a one-line message for the user. */
  static final class BulkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    BulkException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    BulkException(int exitCode, String message, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }
}
