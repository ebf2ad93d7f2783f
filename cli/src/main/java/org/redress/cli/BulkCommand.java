package org.redress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress bulk}: runs the Spark job ({@code spark} module) on this machine in local mode, in
 * a child JVM whose class path holds the job jar and Spark; this CLI's class path never holds
 * Spark. {@code redress bulk import} loads a job's results back into a workspace case. See {@code
 * docs/spark.md}.
 */
@Command(
    name = "bulk",
    mixinStandardHelpOptions = true,
    subcommands = {BulkCommand.Import.class},
    description = {
      "Hash and match many files with the Apache Spark job, here in local mode (same jar as on a"
          + " cluster; see docs/spark.md).",
      "Writes OUT/results.jsonl (the lines of redress match --json), OUT/results.parquet,"
          + " OUT/summary.json and the hash cache OUT/hash-cache: a re-run hashes only what"
          + " changed.",
      "Exit status: 0 done, 1 bad data or the job jar is missing, 2 usage error, 3 job failed."
    })
public final class BulkCommand implements Callable<Integer> {
  /** The JDK packages Spark 4 needs opened on Java 17 (as Spark's own launcher opens them). */
  static final List<String> ADD_OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  /** System property or (upper-case, dots as underscores) environment variable: the job jar. */
  static final String JAR_PROPERTY = "redress.spark.jar";

  /** Where the job's main class lives. */
  static final String JOB_CLASS = "org.redress.spark.BulkJob";

  /** Environment variable: {@code 0} turns the job JVM's class-data archive off. */
  static final String CDS_ENV = "REDRESS_CDS";

  /** System property the job reads: the level of Spark's and Hadoop's own log lines. */
  static final String LOG_PROPERTY = "redress.bulk.log";

  private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*[kKmMgG]");

  @Mixin WorkspaceOption workspace;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--master",
      paramLabel = "local[N]",
      description = "Spark master on this machine (default: ${DEFAULT-VALUE}).")
  String master = "local[*]";

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Bank to match against (repeatable; default: all banks of the workspace).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (required).")
  Path out;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Hash cache shared between runs (default: OUT/hash-cache).")
  Path cache;

  @Option(
      names = "--dihedral",
      description = "Also match each image mirrored and rotated, as redress match --dihedral.")
  boolean dihedral;

  @Option(
      names = "--no-screenshots",
      description =
          "Do not search images that match nothing for picture regions (screenshots), as"
              + " redress match --no-screenshots.")
  boolean noScreenshots;

  @Option(
      names = "--driver-memory",
      paramLabel = "SIZE",
      description = "Heap of the job's JVM, e.g. 4g (default: ${DEFAULT-VALUE}).")
  String driverMemory = "2g";

  @Option(names = "--partitions", paramLabel = "N", description = "Hashing tasks per batch.")
  Integer partitions;

  @Option(
      names = "--verbose",
      description =
          "Also show the warnings of Spark and Hadoop (English log lines; by default only their"
              + " errors).")
  boolean verbose;

  /** Whether the child JVM uses (or first writes) its class-data archive: {@code REDRESS_CDS}. */
  boolean cds = !"0".equals(System.getenv(CDS_ENV));

  /** Set by {@link #command} when this run writes the archive: where the JVM dumps it. */
  Path dumping;

  /** Set by {@link #command} when this run writes the archive: its final name. */
  Path archive;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description = "Files, folders or ZIP archives (local paths or Hadoop URIs).")
  List<String> inputs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (out == null || inputs.isEmpty()) {
      throw new ExitCodes.UsageException(Msg.get("bulk", "need.out"));
    }
    if (!master.startsWith("local")) {
      throw new ExitCodes.UsageException(Msg.get("bulk", "master", master));
    }
    if (!MEMORY.matcher(driverMemory).matches()) {
      throw new ExitCodes.UsageException(Msg.get("bulk", "memory", driverMemory));
    }
    Path jar = jobJar();
    List<String> cmd = command(jar, jobArgs());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // The job may speak the interface language too (it reads REDRESS_LANG like the CLI).
    pb.environment().put(UiLang.ENV, Msg.zh() ? "zh" : "en");
    Process p = pb.start();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter e = spec.commandLine().getErr();
    Thread t1 = pump(p.getInputStream(), o);
    Thread t2 = pump(p.getErrorStream(), e);
    p.getOutputStream().close();
    int code = p.waitFor();
    t1.join();
    t2.join();
    o.flush();
    e.flush();
    keepArchive(code);
    return code;
  }

  /** After a run that wrote the class-data archive: keep it if whole, else remove the rest. */
  void keepArchive(int code) {
    if (dumping == null || archive == null) {
      return;
    }
    try {
      if (code == ExitCodes.OK && Files.size(dumping) > 0) {
        Files.move(
            dumping,
            archive,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException ex) {
      // No archive: the next run writes it again.
    } finally {
      try {
        Files.deleteIfExists(dumping);
      } catch (IOException ex) {
        // Left behind: a later dump of this key removes it.
      }
    }
  }

  /** The job's arguments: this command's options, paths made absolute. */
  List<String> jobArgs() {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--master",
                master,
                "--workspace",
                workspace.dir().toString(),
                "--out",
                out.toAbsolutePath().toString()));
    for (String b : banks) {
      a.add("--bank");
      a.add(b);
    }
    if (cache != null) {
      a.add("--cache");
      a.add(cache.toAbsolutePath().toString());
    }
    if (dihedral) {
      a.add("--dihedral");
    }
    if (noScreenshots) {
      a.add("--no-screenshots");
    }
    if (partitions != null) {
      a.add("--partitions");
      a.add(partitions.toString());
    }
    for (String in : inputs) {
      // A local path is made absolute; a URI (hdfs://, s3a://, file:) is passed as it is.
      a.add(
          in.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")
              ? in
              : Paths.get(in).toAbsolutePath().normalize().toString());
    }
    return a;
  }

  /** The child JVM's command line: this Java, Spark's --add-opens, the job jar then Spark. */
  List<String> command(Path jar, List<String> args) throws IOException {
    Path cpFile = jar.resolveSibling("spark-classpath.txt");
    if (!Files.isRegularFile(cpFile)) {
      throw new BulkJarMissing(Msg.get("bulk", "no.classpath", cpFile));
    }
    String sparkCp = Files.readString(cpFile, StandardCharsets.UTF_8).trim();
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + driverMemory);
    // Throughput collector: decoded images are large short-lived arrays (humongous for G1); on
    // 2,000 files it cost 6 CPU-s less than G1 (docs/spark.md).
    cmd.add("-XX:+UseParallelGC");
    cmd.addAll(ADD_OPENS);
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Dlog4j2.configurationFile=classpath:org/redress/spark/log4j2-bulk.properties");
    // Spark's and Hadoop's lines are English: errors only, unless --verbose.
    cmd.add("-D" + LOG_PROPERTY + "=" + (verbose ? "WARN" : "ERROR"));
    String cp = jar + java.io.File.pathSeparator + sparkCp;
    if (cds) {
      cmd.addAll(classDataOptions(jar, cp));
    }
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(JOB_CLASS);
    cmd.addAll(args);
    return cmd;
  }

  /**
   * The child JVM's application class-data archive (AppCDS), as the launcher keeps one for the CLI:
   * the job JVM loads about ten thousand classes of Spark, Hadoop and Redress from 250 jars before
   * its first task, serially on one core (a few CPU-seconds that no core count shrinks). The first
   * run after a build writes the archive when it exits ({@code -XX:ArchiveClassesAtExit}, a few
   * seconds more, once); later runs map it. It lives beside the job jar, named by a checksum of the
   * Java version, the class path and each entry's size and time, so a rebuild or another Java
   * writes a new one (older ones are removed). {@code REDRESS_CDS=0} turns it off.
   */
  List<String> classDataOptions(Path jar, String cp) {
    String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path dir = jar.toAbsolutePath().getParent();
    if (dir == null || !Files.isWritable(dir)) {
      return List.of();
    }
    Path file = dir.resolve(base + "-" + classPathKey(cp) + ".jsa");
    List<String> opts = new ArrayList<>(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    if (Files.isRegularFile(file)) {
      opts.add("-Xshare:auto");
      opts.add("-XX:SharedArchiveFile=" + file);
      return opts;
    }
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(base + "-") && (n.endsWith(".jsa") || n.endsWith(".jsa.tmp"))) {
          Files.deleteIfExists(p);
        }
      }
      archive = file;
      dumping = Files.createTempFile(dir, base + "-", ".jsa.tmp");
      // The JVM writes the archive itself and refuses an existing file.
      Files.delete(dumping);
    } catch (IOException e) {
      archive = null;
      dumping = null;
      return List.of();
    }
    opts.add("-XX:ArchiveClassesAtExit=" + dumping);
    return opts;
  }

  /** A checksum of this Java, the class path and each entry's size and modification time. */
  static String classPathKey(String cp) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    StringBuilder sb =
        new StringBuilder(System.getProperty("java.vm.version", ""))
            .append('\n')
            .append(System.getProperty("java.home", ""))
            .append('\n');
    for (String e : cp.split(Pattern.quote(java.io.File.pathSeparator), -1)) {
      Path p = Paths.get(e);
      sb.append(e).append(' ');
      try {
        sb.append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
      } catch (IOException | RuntimeException ex) {
        sb.append("missing");
      }
      sb.append('\n');
    }
    crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
  }

  /**
   * The job jar: {@code -Dredress.spark.jar}, {@code $REDRESS_SPARK_JAR}, else {@code
   * spark/target/redress-spark-*-job.jar} in the source tree this CLI was built in.
   */
  static Path jobJar() {
    String given = System.getProperty(JAR_PROPERTY, System.getenv("REDRESS_SPARK_JAR"));
    if (given != null && !given.isBlank()) {
      Path p = Paths.get(given);
      if (!Files.isRegularFile(p)) {
        throw new BulkJarMissing(Msg.get("bulk", "no.jar", p));
      }
      return p;
    }
    Path target = sourceRoot().resolve("spark").resolve("target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> s = Files.list(target)) {
        List<Path> jars =
            s.filter(
                    p -> {
                      String n = p.getFileName().toString();
                      return n.startsWith("redress-spark-") && n.endsWith("-job.jar");
                    })
                .sorted()
                .toList();
        if (!jars.isEmpty()) {
          return jars.get(jars.size() - 1);
        }
      } catch (IOException e) {
        throw new BulkJarMissing(
            Msg.get("bulk", "list.failed", target, Reasons.say(e.getMessage(), "files", "why")));
      }
    }
    throw new BulkJarMissing(Msg.get("bulk", "not.built", target, JAR_PROPERTY));
  }

  /** The source tree: the folder above {@code cli/target}, where this class was loaded from. */
  private static Path sourceRoot() {
    try {
      Path where =
          Paths.get(BulkCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // cli/target/classes or cli/target/redress-cli-*.jar
      Path target = where.getParent();
      return target.getParent() == null || target.getParent().getParent() == null
          ? Paths.get(".")
          : target.getParent().getParent();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Paths.get(".");
    }
  }

  private static Thread pump(InputStream in, PrintWriter to) {
    Thread t =
        new Thread(
            () -> {
              char[] buf = new char[8192];
              try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                  synchronized (to) {
                    to.write(buf, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException e) {
                // The child closed its output: nothing more to copy.
              }
            },
            "bulk-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The job jar or its class path file is missing: a data error with how to build it. */
  static final class BulkJarMissing extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    BulkJarMissing(String message) {
      super(message);
    }
  }

  /**
   * {@code redress bulk import DIR --case C}: scans the files a bulk run matched with {@code
   * redress scan} (in this JVM; only those files, so little is hashed again) and preserves them as
   * evidence of case C, writing the spread report (with its case facts for {@code redress assess})
   * to {@code WORKSPACE/bulk/C/}.
   */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Load a bulk run's matches into a case: the matched files are scanned again (only"
            + " they), preserved as evidence of --case, and the spread report with its case"
            + " facts is written to WORKSPACE/bulk/CASE/.",
        "Only local files can be imported; copy files on HDFS or S3 here first (the results"
            + " name them).",
        "Exit status: 0 imported, 1 bad data or some matched files not imported, 2 usage error."
      })
  static final class Import implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Mixin EvidenceOptions evidence;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A bulk run's --out folder.")
    Path dir;

    @Option(names = "--case", required = true, paramLabel = "CASE", description = "Case id.")
    String caseId;

    @Option(
        names = "--bank",
        paramLabel = "NAME",
        description = "Banks to scan with (default: the banks of the bulk run).")
    List<String> banks = new ArrayList<>();

    @Option(
        names = "--rebase",
        paramLabel = "FROM=TO",
        description = {
          "Read result paths starting with FROM under the local folder TO, e.g."
              + " hdfs://nn/seized=/mnt/copy-of-seized (repeatable)."
        })
    List<String> rebase = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      if (!CASE.matcher(caseId).matches()) {
        throw new ExitCodes.UsageException(Msg.get("bulk", "case", caseId));
      }
      Path summaryFile = dir.resolve("summary.json");
      if (!Files.isRegularFile(summaryFile)) {
        throw new ExitCodes.DataException(Msg.get("bulk", "no.summary", dir));
      }
      JsonNode summary = JSON.readTree(summaryFile.toFile());
      if (!"redress/bulk-summary@1".equals(summary.path("schema").asText())) {
        throw new ExitCodes.DataException(Msg.get("bulk", "bad.summary", summaryFile));
      }
      List<String> useBanks = new ArrayList<>(banks);
      if (useBanks.isEmpty()) {
        summary.path("banks").forEach(b -> useBanks.add(b.asText()));
      }
      Set<String> local = new LinkedHashSet<>();
      List<String> remote = new ArrayList<>();
      int rows = 0;
      for (String line : resultLines(dir.resolve("results.jsonl"))) {
        JsonNode r = JSON.readTree(line);
        rows++;
        if (r.path("matches").size() == 0) {
          continue;
        }
        String path = rebased(r.path("path").asText());
        int bang = path.indexOf("!/");
        String file = bang < 0 ? path : path.substring(0, bang);
        if (file.startsWith("/") && Files.isRegularFile(Paths.get(file))) {
          local.add(file);
        } else {
          remote.add(path);
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter o = spec.commandLine().getOut();
      for (String r : remote) {
        err.println(Msg.line("bulk", "remote", Console.inert(r), caseId));
      }
      if (local.isEmpty()) {
        o.println(Msg.get("bulk", "nothing", rows, dir));
        return remote.isEmpty() ? ExitCodes.OK : ExitCodes.DATA;
      }
      Path reports = evidence.workspace.dir().resolve("bulk").resolve(caseId);
      Files.createDirectories(reports);
      List<String> args = new ArrayList<>(List.of("scan"));
      args.addAll(local);
      for (String b : useBanks) {
        args.add("--bank");
        args.add(b);
      }
      args.addAll(
          List.of(
              "--workspace",
              evidence.workspace.dir().toString(),
              "--json",
              reports.resolve("spread-report.json").toString(),
              "--html",
              reports.resolve("spread-report.html").toString(),
              "--csv",
              reports.resolve("occurrences.csv").toString(),
              "--preserve",
              "--case",
              caseId));
      if (evidence.keyFile != null) {
        args.addAll(List.of("--key-file", evidence.keyFile.toString()));
      }
      if (evidence.passphraseFile != null) {
        args.addAll(List.of("--passphrase-file", evidence.passphraseFile.toString()));
      }
      if (evidence.passphrase) {
        args.add("--passphrase");
      }
      if (evidence.tsa != null) {
        args.addAll(List.of("--tsa", evidence.tsa.toString()));
      }
      if (evidence.capturedBy != null) {
        args.addAll(List.of("--captured-by", evidence.capturedBy));
      }
      o.println(Msg.get("bulk", "importing", rows, dir, local.size(), caseId));
      o.flush();
      args.addAll(0, List.of("--lang", Msg.zh() ? "zh" : "en"));
      int code = Main.run(args.toArray(new String[0]), o, err);
      Files.copy(
          summaryFile,
          reports.resolve("bulk-summary.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return code != ExitCodes.OK ? code : remote.isEmpty() ? ExitCodes.OK : ExitCodes.DATA;
    }

    private String rebased(String path) {
      for (String m : rebase) {
        int eq = m.indexOf('=');
        if (eq <= 0 || eq == m.length() - 1) {
          throw new ExitCodes.UsageException(Msg.get("bulk", "rebase", m));
        }
        String from = m.substring(0, eq);
        if (path.startsWith(from)) {
          return m.substring(eq + 1) + path.substring(from.length());
        }
      }
      return path;
    }

    private static List<String> resultLines(Path jsonl) throws IOException {
      if (!Files.isDirectory(jsonl)) {
        throw new ExitCodes.DataException(Msg.get("bulk", "no.results", jsonl));
      }
      List<String> lines = new ArrayList<>();
      try (Stream<Path> s = Files.list(jsonl)) {
        for (Path p :
            s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
          for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
              lines.add(l);
            }
          }
        }
      }
      return lines;
    }
  }
}
