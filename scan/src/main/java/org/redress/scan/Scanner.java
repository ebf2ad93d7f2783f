package org.redress.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.redress.match.Match;
import org.redress.match.MatchResult;
import org.redress.match.Matcher;
import org.redress.match.Signal;
import org.redress.media.MediaException;
import org.redress.media.MediaHasher;
import org.redress.media.MediaKind;
import org.redress.screenshots.CountText;
import org.redress.sources.Limits;
import org.redress.sources.MediaRef;
import org.redress.sources.Post;
import org.redress.sources.ReadSummary;
import org.redress.sources.Source;
import org.redress.sources.SourceException;
import org.redress.sources.SourceItem;

/**
 * The front door: scans sources (Telegram exports, folders, ZIP archives, files) against banks and
 * builds the spread report ({@link ScanResult}).
 *
 * <pre>{@code
 * Scanner scanner = Scanner.builder(matcher).threads(4).build();
 * ScanResult result = scanner.scan(List.of(Path.of("DataExport_2026-03-01")));
 * report.writeJson(Path.of("report.json"));
 * }</pre>
 *
 * <p>One thread reads the sources in order; posts are checked for trade ads in batches on the same
 * pool, their results taken in read order ({@code TradeBatches}), and each available media file is
 * handed to a pool that hashes it ({@link MediaHasher}) and matches it ({@link Matcher}). At most
 * {@code 4 × threads} files wait for the pool, so the reader never runs far ahead; nothing but
 * matched occurrences, trade posts, counters and a bounded sample of unchecked media is kept, so
 * memory does not grow with the size of the export. Results are sorted when the report is built, so
 * the report is the same whatever the threads' timing.
 */
public final class Scanner {
  /** Batches of posts waiting for trade detection, per hashing thread ({@link TradeBatches}). */
  private static final int TRADE_BATCHES_PER_THREAD = 2;

  private final Matcher matcher;
  private final MediaHasher hasher;
  private final int threads;
  private final Limits limits;
  private final HashCache cache;
  private final TradeLexicon lexicon;
  private final TradeDetector trade;
  private final Clock clock;
  private final boolean thumbnails;
  private final LongConsumer progress;
  private final Path tempDir;
  private final int maxListed;
  private final ScreenshotCheck screenshots;
  private final List<ScreenshotFacts.Source> readValues;

  private Scanner(Builder b) {
    this.matcher = b.matcher;
    this.hasher = b.hasher;
    this.threads = b.threads;
    this.limits = b.limits;
    this.cache = b.cache;
    this.lexicon = b.lexicon;
    this.trade = new TradeDetector(b.lexicon, b.classifier);
    this.clock = b.clock;
    this.thumbnails = b.thumbnails;
    this.progress = b.progress;
    this.tempDir = b.tempDir;
    this.maxListed = b.maxListed;
    this.readValues = List.copyOf(b.readValues);
    this.screenshots =
        b.screenshots ? new ScreenshotCheck(b.matcher, b.hasher.maxPixels(), b.ocr) : null;
  }

  /**
   * Why the text of matched screenshots is not read (Tesseract missing, or OCR turned off), or
   * empty when it is read or screenshots are not searched.
   */
  public java.util.Optional<String> ocrProblem() {
    return java.util.Optional.ofNullable(screenshots == null ? null : screenshots.ocrProblem());
  }

  /**
   * A builder for a scanner that matches against {@code matcher}'s banks.
   *
   * @throws NullPointerException when matcher is null
   */
  public static Builder builder(Matcher matcher) {
    return new Builder(Objects.requireNonNull(matcher, "matcher"));
  }

  /**
   * Counts the media files a scan of {@code paths} would hash (a quick read without hashing), for a
   * progress bar's total. Sources that cannot be opened count as zero.
   *
   * @throws ScanException when a path does not exist or is of no known kind
   */
  public static long countMedia(List<Path> paths, Limits limits) throws ScanException {
    detectAll(paths);
    AtomicLong n = new AtomicLong();
    for (Path p : paths) {
      try (Source s = Source.open(p, limits)) {
        s.read(
            item -> {
              for (MediaRef m : media(item)) {
                if (m.available() && m.mediaClass() != MediaRef.MediaClass.AUDIO) {
                  n.incrementAndGet();
                }
              }
            });
      } catch (SourceException e) {
        // counted as zero; the scan itself reports the refusal
      }
    }
    return n.get();
  }

  private static List<MediaRef> media(SourceItem item) {
    if (item instanceof Post post) {
      return post.media();
    }
    return List.of((MediaRef) item);
  }

  private static void detectAll(List<Path> paths) throws ScanException {
    if (paths.isEmpty()) {
      throw new ScanException("nothing to scan: give at least one path");
    }
    for (Path p : paths) {
      try {
        Source.detect(p);
      } catch (SourceException e) {
        throw new ScanException(e.getMessage(), e);
      }
    }
  }

  /**
   * Scans the sources in order and builds the report. Problems inside a source (truncated JSON,
   * missing media, a ZIP over a cap, files that cannot be hashed) do not stop the scan: the report
   * lists them and says what was not checked.
   *
   * @param paths export folders or {@code result.json} files, folders, ZIP archives, media files
   * @return the report
   * @throws ScanException when a path does not exist or is of no known kind (nothing is scanned),
   *     when the resume file cannot be written, or when the scan is interrupted
   */
  public ScanResult scan(List<Path> paths) throws ScanException {
    detectAll(paths);
    WorkFolder folder;
    try {
      folder = WorkFolder.create(tempDir);
    } catch (IOException e) {
      throw new ScanException("failed to create a temporary folder in " + tempDir + ": " + e, e);
    }
    Path work = folder.dir();
    Aggregator agg = new Aggregator(maxListed);
    readValues.forEach(agg::readFacts);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      for (Path p : paths) {
        scanOne(p, agg, pool, work);
      }
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (screenshots != null && pool.isTerminated()) {
        screenshots.closeReaders();
      }
      folder.close();
    }
    return new ReportBuilder(agg, matcher, lexicon, clock.instant(), thumbnails).build();
  }

  private void scanOne(Path path, Aggregator agg, ExecutorService pool, Path work)
      throws ScanException {
    Source source;
    try {
      source = Source.open(path, limits);
    } catch (SourceException e) {
      agg.refused(path.toString(), e);
      return;
    }
    int permits = 4 * threads;
    Semaphore slots = new Semaphore(permits);
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    String stamp = stamp(path);
    TradeBatches trades =
        new TradeBatches(trade, agg, pool, TradeBatches.BATCH, TRADE_BATCHES_PER_THREAD * threads);
    try (source) {
      ReadSummary summary;
      try {
        summary =
            source.read(
                item -> {
                  Occurrence.PostInfo info;
                  if (item instanceof Post post) {
                    try {
                      trades.add(post, agg.post(post));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new InterruptedRuntime(e);
                    }
                    if (post.service()) {
                      return;
                    }
                    info =
                        new Occurrence.PostInfo(
                            post.platform(),
                            post.chat(),
                            post.messageId(),
                            post.date(),
                            post.senderName(),
                            post.senderId(),
                            post.forwarded(),
                            post.forwardedFrom(),
                            post.forwardedFromId());
                  } else {
                    info = Occurrence.PostInfo.LOOSE;
                  }
                  for (MediaRef ref : media(item)) {
                    long seq = agg.nextSeq();
                    if (!ref.available()) {
                      agg.unchecked(
                          seq,
                          info,
                          ref,
                          ref.uncheckedReason().orElseThrow().code(),
                          ref.uncheckedReason().orElseThrow().description());
                    } else if (ref.mediaClass() == MediaRef.MediaClass.AUDIO) {
                      agg.unchecked(seq, info, ref, Aggregator.AUDIO, Aggregator.AUDIO_TEXT);
                    } else {
                      submit(pool, slots, fatal, () -> check(seq, info, ref, stamp, agg, work));
                    }
                  }
                });
      } catch (SourceException e) {
        agg.refused(path.toString(), e);
        summary = null;
      } catch (InterruptedRuntime e) {
        throw new ScanException("scan interrupted", e.getCause());
      }
      try {
        trades.finish(); // the trade ads of every post read, in read order
        slots.acquire(permits); // every task of this source has finished
        slots.release(permits);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ScanException("scan interrupted", e);
      }
      if (fatal.get() != null) {
        Throwable t = fatal.get();
        if (t instanceof ScanFailure f) {
          throw new ScanException(f.getMessage(), f.getCause());
        }
        throw new ScanException("scan failed: " + t, t);
      }
      if (summary != null) {
        agg.summary(summary);
      }
    }
  }

  private static void submit(
      ExecutorService pool, Semaphore slots, AtomicReference<Throwable> fatal, Runnable task) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedRuntime(e);
    }
    pool.execute(
        () -> {
          try {
            if (fatal.get() == null) {
              task.run();
            }
          } catch (Throwable t) {
            fatal.compareAndSet(null, t);
          } finally {
            slots.release();
          }
        });
  }

  /** Hashes (or takes from the cache) and matches one file; runs on a pool thread. */
  private void check(
      long seq, Occurrence.PostInfo info, MediaRef ref, String stamp, Aggregator agg, Path work) {
    String key = cacheKey(ref, stamp);
    FileHash h = cache == null || key == null ? null : cache.get(key);
    if (h == null) {
      h = hash(ref, work);
      if (cache != null && key != null) {
        try {
          cache.put(key, h);
        } catch (IOException e) {
          throw new ScanFailure(
              "failed to write the resume file " + cache.file() + ": " + e.getMessage(), e);
        }
      }
    }
    if (!h.ok()) {
      agg.unchecked(seq, info, ref, Aggregator.UNREADABLE, h.error());
    } else {
      List<Occurrence.Hit> hits = hits(h);
      if (hits.isEmpty() && screenshots != null && h.kind() == MediaKind.IMAGE) {
        ScreenshotCheck.Result sr = screenshots.check(ref, work);
        hits = sr.hits();
        if (sr.reading() != null) {
          agg.readFacts(
              new ScreenshotFacts.Source(
                  ScreenshotFacts.SCREENSHOT,
                  ref.location(),
                  h.sha256(),
                  info.reference(),
                  sr.reading().regions(),
                  sr.reading().readings(),
                  sr.reading().ocrProblem()));
        }
      }
      List<Occurrence> found = occurrences(seq, info, ref, h, hits);
      agg.hashed(h, found);
    }
    if (progress != null) {
      progress.accept(agg.checked());
    }
  }

  /**
   * Matches a hashed file: the file as it is, then (images) its seven other dihedral variants, so
   * mirrored and rotated reposts are found ({@link Matcher#matchDihedral}: a variant reports only
   * items the file itself did not match, at the closest variant's distance; when the allow list
   * suppressed a match of the file, variants are not tried).
   */
  private List<Occurrence.Hit> hits(FileHash h) {
    MatchResult r =
        h.variants() != null && h.pdq() != null
            ? matcher.matchDihedral(h.query(), h.variants())
            : matcher.match(h.query());
    List<Occurrence.Hit> hits = new ArrayList<>();
    for (Match m : r.matches()) {
      hits.add(new Occurrence.Hit(m));
    }
    return hits;
  }

  private List<Occurrence> occurrences(
      long seq, Occurrence.PostInfo info, MediaRef ref, FileHash h, List<Occurrence.Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, List<Occurrence.Hit>> byItem = new LinkedHashMap<>();
    for (Occurrence.Hit hit : hits) {
      Match m = hit.match();
      byItem.computeIfAbsent(m.bank() + "\u0000" + m.label(), k -> new ArrayList<>()).add(hit);
    }
    byte[] thumb = thumbnails && h.pdq() != null ? Thumbnail.of(ref) : null;
    List<Occurrence> out = new ArrayList<>();
    for (List<Occurrence.Hit> ms : byItem.values()) {
      ms.sort(BEST);
      Match top = ms.get(0).match();
      out.add(
          new Occurrence(
              seq,
              top.bank(),
              top.label(),
              List.copyOf(ms),
              info,
              ref.field(),
              ref.exportedPath(),
              ref.location(),
              h.kind(),
              h.sha256(),
              h.md5(),
              h.pdq() == null ? null : h.pdq().pdq().toString(),
              thumb));
    }
    return out;
  }

  /** Exact digests first, then vPDQ and PDQ by distance, then item id. */
  static final Comparator<Occurrence.Hit> BEST =
      Comparator.comparingInt((Occurrence.Hit h) -> isDigest(h.match().signal()) ? 0 : 1)
          .thenComparingInt(h -> h.variant() == null ? 0 : 1)
          .thenComparingInt(h -> h.match().distance())
          .thenComparing(h -> h.match().signal().id())
          .thenComparingLong(h -> h.match().item());

  private static boolean isDigest(Signal s) {
    return s == Signal.MD5 || s == Signal.SHA256;
  }

  private FileHash hash(MediaRef ref, Path work) {
    Path local = null;
    boolean temp = ref.file().isEmpty();
    try {
      local = ref.localFile(work);
      return FileHash.of(hasher.hash(local));
    } catch (MediaException e) {
      return FileHash.failed(e.reason());
    } catch (IOException e) {
      return FileHash.failed("cannot read: " + oneLine(e.getMessage()));
    } finally {
      if (temp && local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // the whole work folder is removed at the end
        }
      }
    }
  }

  /** location|size|mtime for a file; location|declared size|archive stamp for a ZIP entry. */
  private static String cacheKey(MediaRef ref, String stamp) {
    if (ref.file().isPresent()) {
      try {
        BasicFileAttributes a = Files.readAttributes(ref.file().get(), BasicFileAttributes.class);
        return ref.location() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
      } catch (IOException e) {
        return null;
      }
    }
    return ref.location() + "|" + ref.declaredSize().orElse(-1) + "|" + stamp;
  }

  private static String stamp(Path source) {
    try {
      BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
      return a.size() + "@" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return "?";
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "redress-scan-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Carries an interruption out of the source's consumer. */
  private static final class InterruptedRuntime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InterruptedRuntime(InterruptedException e) {
      super(e);
    }
  }

  /** A failure inside a pool task that must stop the scan (not a bad media file). */
  private static final class ScanFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScanFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Builds a {@link Scanner}; every setter checks its value. */
  public static final class Builder {
    private final Matcher matcher;
    private MediaHasher hasher;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Limits limits = Limits.defaults();
    private HashCache cache;
    private TradeLexicon lexicon = TradeLexicon.builtIn();
    private TradeClassifier classifier = TradeClassifier.builtIn();
    private Clock clock = Clock.systemUTC();
    private boolean thumbnails;
    private LongConsumer progress;
    private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
    private int maxListed = 1000;
    private boolean screenshots = true;
    private boolean ocr = true;
    private final List<ScreenshotFacts.Source> readValues = new ArrayList<>();

    private Builder(Matcher matcher) {
      this.matcher = matcher;
    }

    /**
     * The hasher (default: {@code MediaHasher.builder().dihedral(true).build()}; with dihedral
     * hashes, mirrored and rotated copies are matched too).
     */
    public Builder hasher(MediaHasher h) {
      this.hasher = Objects.requireNonNull(h, "hasher");
      return this;
    }

    /**
     * Hashing threads (default: the number of processors).
     *
     * @throws IllegalArgumentException when n is not in 1..256
     */
    public Builder threads(int n) {
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("threads must be in 1..256, was " + n);
      }
      this.threads = n;
      return this;
    }

    /** ZIP caps and problem list size for the sources. */
    public Builder limits(Limits l) {
      this.limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /** A resume cache: files already in it are not hashed again; new results are stored. */
    public Builder cache(HashCache c) {
      this.cache = c;
      return this;
    }

    /** The trade-post lexicon (default: {@link TradeLexicon#builtIn()}). */
    public Builder lexicon(TradeLexicon l) {
      this.lexicon = Objects.requireNonNull(l, "lexicon");
      return this;
    }

    /**
     * The trade-post classifier used beside the lexicon (default: {@link
     * TradeClassifier#builtIn()}); null for the lexicon alone.
     */
    public Builder classifier(TradeClassifier c) {
      this.classifier = c;
      return this;
    }

    /** The clock for the report's {@code generated_at}. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Whether the HTML report may show a heavily pixelated (8 × 8) thumbnail of each matched image.
     * Off by default: the report shows references and hashes only.
     */
    public Builder thumbnails(boolean on) {
      this.thumbnails = on;
      return this;
    }

    /** Called (from any thread) with the number of media files checked so far. */
    public Builder progress(LongConsumer onChecked) {
      this.progress = onChecked;
      return this;
    }

    /** Where ZIP entries are copied while they are hashed (default: the system temp folder). */
    public Builder tempDir(Path dir) {
      this.tempDir = Objects.requireNonNull(dir, "tempDir");
      return this;
    }

    /**
     * How many unchecked media the report lists one by one (all are counted).
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Builder maxListed(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("max listed must be >= 0, was " + n);
      }
      this.maxListed = n;
      return this;
    }

    /**
     * Whether an image whose whole-file hash matched nothing is searched for picture regions (a
     * screenshot showing a picture inside an app's chrome) and each region matched (default: on).
     */
    public Builder screenshots(boolean on) {
      this.screenshots = on;
      return this;
    }

    /**
     * Whether the text of a screenshot with a matched region is read with Tesseract, when it is
     * installed, for the counts it shows (default: on).
     */
    public Builder ocr(boolean on) {
      this.ocr = on;
      return this;
    }

    /**
     * Values read outside the scan that the report should carry as read facts (e.g. the view and
     * subscriber counters of a captured channel preview), with their source.
     *
     * @param readFrom what they were read from: {@code captured_page} or {@code screenshot}
     * @param location the file or URL they were read from
     * @param sha256 the SHA-256 of that file
     * @param reference the post they belong to ({@code chat 1 message 2}), or null
     * @param readings the values
     */
    public Builder readValues(
        String readFrom,
        String location,
        String sha256,
        String reference,
        List<CountText.Reading> readings) {
      readValues.add(
          new ScreenshotFacts.Source(
              readFrom, location, sha256, reference, List.of(), List.copyOf(readings), null));
      return this;
    }

    /** The scanner. */
    public Scanner build() {
      if (hasher == null) {
        hasher = MediaHasher.builder().dihedral(true).build();
      }
      return new Scanner(this);
    }
  }
}
