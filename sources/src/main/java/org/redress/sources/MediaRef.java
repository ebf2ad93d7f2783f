package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One media file a post refers to (or a loose file in a folder or ZIP), with the metadata the
 * export gives and where its bytes are. A reference is either <em>available</em> ({@link #open()}
 * reads it) or <em>unchecked</em>, with the {@link #uncheckedReason() reason}. Zip-backed
 * references can be opened until their {@link Source} is closed.
 */
public final class MediaRef implements SourceItem {
  /** Coarse class of a media file, from the export's metadata or the file extension. */
  public enum MediaClass {
    IMAGE,
    VIDEO,
    AUDIO,
    OTHER
  }

  private final String field;
  private final String exportedPath;
  private final String location;
  private final Meta meta;
  private final UncheckedReason unchecked;
  private final Path file;
  private final ZipArchive zip;
  private final String entry;

  /** Metadata fields as exported; nulls for absent values. */
  record Meta(
      String mediaType,
      String mimeType,
      Integer width,
      Integer height,
      Integer durationSeconds,
      Long size,
      String fileName) {
    static final Meta NONE = new Meta(null, null, null, null, null, null, null);
  }

  private MediaRef(
      String field,
      String exportedPath,
      String location,
      Meta meta,
      UncheckedReason unchecked,
      Path file,
      ZipArchive zip,
      String entry) {
    this.field = Objects.requireNonNull(field);
    this.exportedPath = Objects.requireNonNull(exportedPath);
    this.location = Objects.requireNonNull(location);
    this.meta = Objects.requireNonNull(meta);
    this.unchecked = unchecked;
    this.file = file;
    this.zip = zip;
    this.entry = entry;
  }

  static MediaRef onDisk(String field, String exportedPath, Meta meta, Path file) {
    return new MediaRef(field, exportedPath, file.toString(), meta, null, file, null, null);
  }

  static MediaRef inZip(
      String field, String exportedPath, Meta meta, ZipArchive zip, String entry) {
    return new MediaRef(field, exportedPath, zip.display(entry), meta, null, null, zip, entry);
  }

  static MediaRef unchecked(
      String field, String exportedPath, String location, Meta meta, UncheckedReason reason) {
    return new MediaRef(
        field, exportedPath, location, meta, Objects.requireNonNull(reason), null, null, null);
  }

  /**
   * The export field that named it: {@code photo}, {@code file} or {@code thumbnail}; {@code loose}
   * for a file found in a folder or ZIP outside any export.
   */
  public String field() {
    return field;
  }

  /** The path (or placeholder text) exactly as the export wrote it; relative for loose files. */
  public String exportedPath() {
    return exportedPath;
  }

  /**
   * Where the bytes are, for people: an absolute file path, or {@code archive.zip!/entry}; for an
   * unchecked reference, where they would have been.
   */
  public String location() {
    return location;
  }

  /** True when the bytes can be read with {@link #open()}. */
  public boolean available() {
    return unchecked == null;
  }

  /** Why the file cannot be checked; empty when {@link #available()}. */
  public Optional<UncheckedReason> uncheckedReason() {
    return Optional.ofNullable(unchecked);
  }

  /** The export's {@code media_type}: {@code video_file}, {@code animation}, {@code sticker}… */
  public Optional<String> mediaType() {
    return Optional.ofNullable(meta.mediaType());
  }

  /** The export's {@code mime_type}. */
  public Optional<String> mimeType() {
    return Optional.ofNullable(meta.mimeType());
  }

  /** The export's {@code width}, in pixels. */
  public OptionalInt width() {
    return meta.width() == null ? OptionalInt.empty() : OptionalInt.of(meta.width());
  }

  /** The export's {@code height}, in pixels. */
  public OptionalInt height() {
    return meta.height() == null ? OptionalInt.empty() : OptionalInt.of(meta.height());
  }

  /** The export's {@code duration_seconds}. */
  public OptionalInt durationSeconds() {
    return meta.durationSeconds() == null
        ? OptionalInt.empty()
        : OptionalInt.of(meta.durationSeconds());
  }

  /**
   * The size in bytes the export declares ({@code photo_file_size}, {@code file_size}, {@code
   * thumbnail_file_size}) or, for loose files, the size on disk or in the ZIP directory.
   */
  public OptionalLong declaredSize() {
    return meta.size() == null ? OptionalLong.empty() : OptionalLong.of(meta.size());
  }

  /** The export's {@code file_name} (the name the sender's file had). */
  public Optional<String> fileName() {
    return Optional.ofNullable(meta.fileName());
  }

  /**
   * The coarse class: from {@code media_type}, {@code mime_type}, the field, then the extension.
   */
  public MediaClass mediaClass() {
    String type = meta.mediaType() == null ? "" : meta.mediaType();
    switch (type) {
      case "video_file":
      case "video_message":
      case "animation":
        return MediaClass.VIDEO;
      case "voice_message":
      case "audio_file":
        return MediaClass.AUDIO;
      default:
        break;
    }
    String mime = meta.mimeType() == null ? "" : meta.mimeType().toLowerCase(Locale.ROOT);
    if (mime.startsWith("image/")) {
      return MediaClass.IMAGE;
    }
    if (mime.startsWith("video/")) {
      return MediaClass.VIDEO;
    }
    if (mime.startsWith("audio/")) {
      return MediaClass.AUDIO;
    }
    if (field.equals("photo") || field.equals("thumbnail") || type.equals("sticker")) {
      return MediaClass.IMAGE;
    }
    return MediaTypes.classOf(exportedPath);
  }

  /** The file on disk, when the bytes are a plain file (not in a ZIP, not unchecked). */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Opens the bytes. A ZIP entry is read through a guard that refuses to inflate past its declared
   * size (a ZIP bomb lying about its size).
   *
   * @return a fresh stream; the caller closes it
   * @throws IOException when the reference is unchecked, the file cannot be read, or a ZIP entry
   *     exceeds its declared size
   */
  public InputStream open() throws IOException {
    if (unchecked != null) {
      throw new IOException(location + ": not available: " + unchecked.description());
    }
    if (file != null) {
      return Files.newInputStream(file);
    }
    return zip.open(entry);
  }

  /**
   * A plain file holding the bytes: the file itself when on disk, else the ZIP entry copied into
   * {@code tempDir} under a generated name (never the entry's own name), size-guarded.
   *
   * @param tempDir an existing directory for extracted copies
   * @return a readable file
   * @throws IOException when {@link #open()} fails or the copy cannot be written; a partial copy is
   *     deleted
   */
  public Path localFile(Path tempDir) throws IOException {
    if (file != null) {
      return file;
    }
    String ext = MediaTypes.extension(exportedPath);
    Path tmp = Files.createTempFile(tempDir, "entry-", ext.isEmpty() ? ".bin" : "." + ext);
    try (InputStream in = open();
        OutputStream out = Files.newOutputStream(tmp)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  /** {@code photo chats/chat_001/photos/p.jpg -> /abs/path} or {@code ... unchecked: reason}. */
  @Override
  public String toString() {
    return field
        + " "
        + exportedPath
        + (unchecked == null ? " -> " + location : " unchecked: " + unchecked.code());
  }
}
