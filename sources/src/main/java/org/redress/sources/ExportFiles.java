package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Resolves the media paths an export names to files inside the export, never outside: placeholders
 * for media Telegram did not download, absolute paths, {@code ..} segments and links leading out
 * become unchecked references with their reason.
 */
abstract class ExportFiles {
  /** The file a reference would be in, for people. */
  abstract String display(String relative);

  /** Resolves a path already known to be relative and free of {@code ..}. */
  abstract MediaRef resolveSafe(String field, String raw, String relative, MediaRef.Meta meta);

  /**
   * True when {@code relative} (safe, '/'-separated) is a regular file inside the export; a link
   * leading out of the export is not.
   */
  abstract boolean isFile(String relative);

  /**
   * Opens a file of the export (the export's own pages: {@code result.json}, {@code
   * messages.html}…), never following a link out of the export.
   *
   * @throws IOException when it is missing, leads out of the export or cannot be read
   */
  abstract InputStream open(String relative) throws IOException;

  /** The names of the folders directly under {@code relative} ("" for the root), sorted. */
  abstract List<String> folders(String relative);

  /** An unchecked reference for media the export names by a placeholder text. */
  final MediaRef unchecked(String field, String raw, MediaRef.Meta meta, UncheckedReason reason) {
    return MediaRef.unchecked(field, raw, display(""), meta, reason);
  }

  final MediaRef resolve(String field, String raw, MediaRef.Meta meta) {
    UncheckedReason placeholder = placeholder(raw);
    if (placeholder != null) {
      return MediaRef.unchecked(field, raw, display(""), meta, placeholder);
    }
    UncheckedReason unsafe = unsafe(raw);
    if (unsafe != null) {
      return MediaRef.unchecked(field, raw, raw, meta, unsafe);
    }
    return resolveSafe(field, raw, raw.replace('\\', '/'), meta);
  }

  /** The reason behind a Telegram placeholder such as "(File not included. …)", or null. */
  static UncheckedReason placeholder(String raw) {
    if (raw.isEmpty()) {
      return UncheckedReason.MISSING_FILE;
    }
    if (raw.contains("(File not included") || raw.contains("(Photo not included")) {
      return UncheckedReason.NOT_INCLUDED;
    }
    if (raw.contains("(File exceeds maximum size") || raw.contains("(Photo exceeds maximum size")) {
      return UncheckedReason.EXCEEDS_MAX_SIZE;
    }
    if (raw.contains("(File unavailable") || raw.contains("(Photo unavailable")) {
      return UncheckedReason.UNAVAILABLE;
    }
    if (raw.startsWith("(") && raw.endsWith(")")) {
      return UncheckedReason.UNKNOWN_PLACEHOLDER;
    }
    return null;
  }

  /** Why a path or entry name is unsafe (absolute, {@code ..}, NUL), or null when it is fine. */
  static UncheckedReason unsafe(String raw) {
    String p = raw.replace('\\', '/');
    if (p.startsWith("/")
        || (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0)))) {
      return UncheckedReason.ABSOLUTE_PATH;
    }
    for (String segment : p.split("/", -1)) {
      if (segment.equals("..")) {
        return UncheckedReason.PATH_ESCAPE;
      }
    }
    if (p.indexOf('\0') >= 0) {
      return UncheckedReason.PATH_ESCAPE;
    }
    return null;
  }

  /** Media in an export folder on disk; {@code root} is the folder's real path. */
  static final class Disk extends ExportFiles {
    private final Path root;

    Disk(Path root) {
      this.root = root;
    }

    @Override
    String display(String relative) {
      return relative.isEmpty() ? root.toString() : root.resolve(relative).toString();
    }

    @Override
    MediaRef resolveSafe(String field, String raw, String relative, MediaRef.Meta meta) {
      Path candidate;
      try {
        candidate = root.resolve(relative);
      } catch (InvalidPathException e) {
        return MediaRef.unchecked(field, raw, raw, meta, UncheckedReason.NOT_A_FILE);
      }
      Path real;
      try {
        real = candidate.toRealPath();
      } catch (NoSuchFileException e) {
        return MediaRef.unchecked(
            field, raw, candidate.toString(), meta, UncheckedReason.MISSING_FILE);
      } catch (IOException e) {
        return MediaRef.unchecked(
            field, raw, candidate.toString(), meta, UncheckedReason.NOT_A_FILE);
      }
      if (!real.startsWith(root)) {
        return MediaRef.unchecked(
            field, raw, candidate.toString(), meta, UncheckedReason.LINK_ESCAPE);
      }
      if (!Files.isRegularFile(real)) {
        return MediaRef.unchecked(
            field, raw, candidate.toString(), meta, UncheckedReason.NOT_A_FILE);
      }
      return MediaRef.onDisk(field, raw, meta, real);
    }

    /** The real path of a file inside the export, or null when absent or leading out. */
    private Path inside(String relative) {
      if (unsafe(relative) != null) {
        return null;
      }
      try {
        Path real = root.resolve(relative).toRealPath();
        return real.startsWith(root) && Files.isRegularFile(real) ? real : null;
      } catch (IOException | InvalidPathException e) {
        return null;
      }
    }

    @Override
    boolean isFile(String relative) {
      return inside(relative) != null;
    }

    @Override
    InputStream open(String relative) throws IOException {
      Path real = inside(relative);
      if (real == null) {
        throw new IOException(
            display(relative)
                + ": missing, not a regular file, or a link leading out of the"
                + " export");
      }
      return Files.newInputStream(real);
    }

    @Override
    List<String> folders(String relative) {
      List<String> out = new ArrayList<>();
      Path dir;
      try {
        dir = relative.isEmpty() ? root : root.resolve(relative).toRealPath();
      } catch (IOException | InvalidPathException e) {
        return out;
      }
      if (!dir.startsWith(root)) {
        return out;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path c : ds) {
          if (Files.isDirectory(c, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            out.add(c.getFileName().toString());
          }
        }
      } catch (IOException e) {
        return out;
      }
      out.sort(null);
      return out;
    }
  }

  /** Media in a ZIP archive, under the export's folder {@code prefix} ("" or ending in "/"). */
  static final class Zip extends ExportFiles {
    private final ZipArchive zip;
    private final String prefix;

    Zip(ZipArchive zip, String prefix) {
      this.zip = zip;
      this.prefix = prefix;
    }

    @Override
    String display(String relative) {
      return zip.display(prefix + relative);
    }

    @Override
    MediaRef resolveSafe(String field, String raw, String relative, MediaRef.Meta meta) {
      String name = prefix + relative;
      ZipArchive.Entry e = zip.entry(name);
      if (e == null) {
        return MediaRef.unchecked(
            field, raw, zip.display(name), meta, UncheckedReason.MISSING_FILE);
      }
      if (e.isDirectory()) {
        return MediaRef.unchecked(field, raw, zip.display(name), meta, UncheckedReason.NOT_A_FILE);
      }
      UncheckedReason refused = zip.refusal(name);
      if (refused != null) {
        return MediaRef.unchecked(field, raw, zip.display(name), meta, refused);
      }
      return MediaRef.inZip(field, raw, meta, zip, name);
    }

    @Override
    boolean isFile(String relative) {
      ZipArchive.Entry e = zip.entry(prefix + relative);
      return e != null && !e.isDirectory();
    }

    @Override
    InputStream open(String relative) throws IOException {
      return zip.open(prefix + relative);
    }

    @Override
    List<String> folders(String relative) {
      String base = prefix + (relative.isEmpty() ? "" : relative + "/");
      TreeSet<String> out = new TreeSet<>();
      for (String n : zip.names()) {
        if (n.startsWith(base)) {
          int slash = n.indexOf('/', base.length());
          if (slash > base.length()) {
            out.add(n.substring(base.length(), slash));
          }
        }
      }
      return new ArrayList<>(out);
    }
  }
}
