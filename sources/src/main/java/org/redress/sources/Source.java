package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The front door: a Telegram export, a folder, a ZIP archive or a single file, read as a stream of
 * {@link SourceItem}s (posts with their media, and loose media files).
 *
 * <pre>{@code
 * try (Source source = Source.open(path, Limits.defaults())) {
 *   ReadSummary summary = source.read(item -> {
 *     if (item instanceof Post post) { ... } else if (item instanceof MediaRef loose) { ... }
 *   });
 * }
 * }</pre>
 *
 * Items are handed over one at a time as they are read; the source keeps none of them, so memory
 * stays bounded for exports of any size. Media inside a ZIP can be opened until the source is
 * closed.
 */
public final class Source implements AutoCloseable {
  private final Path path;
  private final SourceKind kind;
  private final Limits limits;
  private final ZipArchive zip;

  private Source(Path path, SourceKind kind, Limits limits, ZipArchive zip) {
    this.path = path;
    this.kind = kind;
    this.limits = limits;
    this.zip = zip;
  }

  /**
   * What kind of source {@code path} is: a folder with {@code result.json} or a {@code .json} file
   * is a Telegram export; another folder is a folder; a file starting with the ZIP signature is a
   * ZIP; a media file is a file.
   *
   * @throws SourceException when the path does not exist or is none of these
   */
  public static SourceKind detect(Path path) throws SourceException {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      return FolderWalker.isExport(path) ? SourceKind.TELEGRAM_EXPORT : SourceKind.FOLDER;
    }
    if (!Files.exists(path)) {
      throw new SourceException(path.toString(), "no such file or folder");
    }
    if (!Files.isRegularFile(path)) {
      throw new SourceException(path.toString(), "not a regular file or folder");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (isZip(path)) {
      return SourceKind.ZIP;
    }
    if (name.endsWith(".json") || isHtmlPage(name)) {
      return SourceKind.TELEGRAM_EXPORT;
    }
    if (MediaTypes.looksLikeMedia(name)) {
      return SourceKind.FILE;
    }
    throw new SourceException(
        path.toString(),
        "not a Telegram export (result.json, messages.html or their folder), a folder, a ZIP"
            + " archive or a media file");
  }

  /** {@code messages.html}, {@code messages12.html} or {@code export_results.html}. */
  private static boolean isHtmlPage(String name) {
    return name.equals(TelegramHtmlReader.EXPORT_RESULTS) || name.matches("messages\\d*\\.html");
  }

  private static boolean isZip(Path path) throws SourceException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] sig = in.readNBytes(4);
      return sig.length == 4
          && sig[0] == 'P'
          && sig[1] == 'K'
          && ((sig[2] == 3 && sig[3] == 4) || (sig[2] == 5 && sig[3] == 6));
    } catch (IOException e) {
      throw new SourceException(path.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a source with the default {@link Limits}.
   *
   * @throws SourceException as {@link #open(Path, Limits)}
   */
  public static Source open(Path path) throws SourceException {
    return open(path, Limits.defaults());
  }

  /**
   * Opens a source, detecting its kind. A ZIP archive's central directory is checked against the
   * caps here, before anything is inflated.
   *
   * @throws SourceException when the path does not exist, is of no known kind, or is a ZIP archive
   *     that is unreadable or over a cap
   */
  public static Source open(Path path, Limits limits) throws SourceException {
    Objects.requireNonNull(limits, "limits");
    SourceKind kind = detect(path);
    ZipArchive zip = kind == SourceKind.ZIP ? ZipArchive.open(path, limits) : null;
    return new Source(path, kind, limits, zip);
  }

  /** The path as given. */
  public Path path() {
    return path;
  }

  /** What kind of source this is. */
  public SourceKind kind() {
    return kind;
  }

  /**
   * Reads the source from the start, handing each item to {@code consumer} in a deterministic
   * order. Problems (truncated JSON, unreadable folders, unsafe paths) do not stop the read; they
   * are in the returned summary, which says whether the read was partial. Exceptions thrown by the
   * consumer propagate.
   *
   * @param consumer receives each post and loose media file
   * @return what was read and what went wrong
   * @throws SourceException when the source has disappeared since it was opened
   */
  public ReadSummary read(Consumer<? super SourceItem> consumer) throws SourceException {
    Objects.requireNonNull(consumer, "consumer");
    Tally tally = new Tally(consumer, limits.maxProblems());
    switch (kind) {
      case TELEGRAM_EXPORT -> readExport(tally);
      case FOLDER -> new FolderWalker(realPath(path), tally).walk();
      case ZIP -> readZip(tally);
      case FILE -> readFile(tally);
      default -> throw new IllegalStateException(kind.name());
    }
    if (tally.posts == 0 && tally.loose == 0 && kind != SourceKind.FILE) {
      tally.problem(Problem.at(path.toString(), nothingRead(kind)));
      tally.partial = true;
    }
    return tally.summary(path.toString(), kind);
  }

  /** What to say when a source yields nothing at all, with how to fix it. */
  static String nothingRead(SourceKind kind) {
    String export =
        " Export again with Telegram Desktop (Settings > Advanced > Export Telegram data; either"
            + " format, JSON or HTML) and give the folder it made (ChatExport_... or"
            + " DataExport_...).";
    return switch (kind) {
      case TELEGRAM_EXPORT ->
          "NOTHING READ: no messages could be read from this export (it is"
              + " empty, damaged or not a Telegram export)."
              + export;
      case ZIP ->
          "NOTHING READ: this archive holds no Telegram export (result.json or"
              + " messages.html) and no pictures or videos."
              + export;
      default ->
          "NOTHING READ: this folder holds no Telegram export (result.json or"
              + " messages.html) and no pictures or videos."
              + export;
    };
  }

  private void readExport(Tally tally) throws SourceException {
    Path real = realPath(path);
    if (Files.isDirectory(real)) {
      FolderWalker.readExportDir(real, tally);
    } else if (real.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
      new TelegramHtmlReader(new ExportFiles.Disk(real.getParent()), tally).read();
    } else {
      FolderWalker.readExport(real.getParent(), real, tally);
    }
  }

  private void readFile(Tally tally) throws SourceException {
    Path real = realPath(path);
    long size;
    try {
      size = Files.size(real);
    } catch (IOException e) {
      throw new SourceException(path.toString(), "cannot read: " + e.getMessage(), e);
    }
    MediaRef.Meta meta = new MediaRef.Meta(null, null, null, null, null, size, null);
    tally.loose(MediaRef.onDisk("loose", real.getFileName().toString(), meta, real));
  }

  private void readZip(Tally tally) {
    for (String note : zip.notes()) {
      tally.problem(Problem.at(path.toString(), note));
    }
    for (String name : zip.refusedNames()) {
      tally.problem(Problem.at(zip.display(name), zip.refusalDetail(name)));
    }
    String export = exportIn(zip.names(), FolderWalker.RESULT_JSON);
    boolean html = false;
    if (export == null) {
      export = exportIn(zip.names(), TelegramHtmlReader.EXPORT_RESULTS);
      if (export == null) {
        export = exportIn(zip.names(), TelegramHtmlReader.MESSAGES);
      }
      html = export != null;
    }
    if (export != null) {
      String prefix = export.substring(0, export.lastIndexOf('/') + 1);
      for (String other : zip.names()) {
        if (isResultJson(other) && !other.equals(export)) {
          tally.problem(
              Problem.at(
                  zip.display(other),
                  "another export in the same archive; not read (unpack"
                      + " the archive and give that export's folder separately)"));
        }
      }
      for (String name : zip.names()) {
        if (ExportFiles.unsafe(name) != null) {
          tally.problem(
              Problem.at(zip.display(name), "unsafe entry name (absolute or '..'); ignored"));
        }
      }
      if (html) {
        new TelegramHtmlReader(new ExportFiles.Zip(zip, prefix), tally).read();
        return;
      }
      TelegramJsonReader reader =
          new TelegramJsonReader(zip.display(export), new ExportFiles.Zip(zip, prefix), tally);
      try (InputStream in = zip.open(export)) {
        reader.read(in);
      } catch (IOException e) {
        tally.problem(Problem.at(zip.display(export), "failed to read: " + e.getMessage()));
        tally.partial = true;
      }
      return;
    }
    for (String name : zip.names()) {
      if (ExportFiles.unsafe(name) != null) {
        tally.loose(
            MediaRef.unchecked(
                "loose", name, zip.display(name), MediaRef.Meta.NONE, UncheckedReason.ZIP_SLIP));
      } else if (MediaTypes.looksLikeMedia(name) && zip.refusal(name) != null) {
        tally.loose(
            MediaRef.unchecked(
                "loose", name, zip.display(name), MediaRef.Meta.NONE, zip.refusal(name)));
      } else if (MediaTypes.looksLikeMedia(name)) {
        long size = zip.entry(name).getSize();
        MediaRef.Meta meta =
            new MediaRef.Meta(null, null, null, null, null, size < 0 ? null : size, null);
        tally.loose(MediaRef.inZip("loose", name, meta, zip, name));
      } else if (!name.endsWith("/")) {
        tally.skipped++;
      }
    }
  }

  /** The shallowest safe entry named {@code file} (ties by name), or null. */
  private static String exportIn(List<String> names, String file) {
    String best = null;
    int bestDepth = Integer.MAX_VALUE;
    for (String n : names) {
      boolean named = n.equals(file) || n.endsWith("/" + file);
      if (!named || ExportFiles.unsafe(n) != null) {
        continue;
      }
      int depth = n.length() - n.replace("/", "").length();
      if (depth < bestDepth) {
        best = n;
        bestDepth = depth;
      }
    }
    return best;
  }

  private static boolean isResultJson(String name) {
    return name.equals(FolderWalker.RESULT_JSON) || name.endsWith("/" + FolderWalker.RESULT_JSON);
  }

  private static Path realPath(Path p) throws SourceException {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new SourceException(p.toString(), "cannot open: " + e.getMessage(), e);
    }
  }

  /** Closes the ZIP archive, if any; zip-backed media can no longer be opened. */
  @Override
  public void close() {
    if (zip != null) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // read-only: nothing to lose
      }
    }
  }
}
