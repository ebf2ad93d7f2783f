package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-file hash results of a scan, kept in a sidecar file so that an interrupted scan can resume:
 * one JSON line per media file, keyed by where the file is, its size and modification time (for a
 * ZIP entry: the entry, its declared size and the archive's size and time). Lines are appended and
 * flushed as files are hashed; a torn last line (the process was killed mid-write) is ignored.
 *
 * <p>Thread-safe. Only hashes and digests are stored, never media.
 */
public final class HashCache implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, String> known;
  private final BufferedWriter out;
  private int hits;

  private HashCache(Path file, Map<String, String> known, BufferedWriter out) {
    this.file = file;
    this.known = known;
    this.out = out;
  }

  /**
   * Opens the cache file. With {@code resume} the results already in it are used and new ones
   * appended; without, the file is started afresh.
   *
   * @param file the sidecar file (its folder is created)
   * @param resume whether to reuse the results already stored
   * @throws ScanException when the file cannot be read or written
   */
  public static HashCache open(Path file, boolean resume) throws ScanException {
    Objects.requireNonNull(file, "file");
    Map<String, String> known = new HashMap<>();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (resume && Files.exists(file)) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String key = keyOf(line);
            if (key != null) {
              known.put(key, line);
            }
          }
        }
      }
      BufferedWriter w =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              resume ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      return new HashCache(file, known, w);
    } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
      throw new ScanException(
          "cannot write the resume file "
              + file
              + ": permission denied (the workspace is read-only; nothing stored was changed)",
          e);
    } catch (java.nio.file.FileSystemException e) {
      String why = e.getReason();
      throw new ScanException(
          "cannot write the resume file "
              + file
              + ": "
              + (why == null ? "file system error" : why)
              + " (is the workspace read-only? nothing stored was changed)",
          e);
    } catch (IOException e) {
      throw new ScanException("failed to open the resume file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String keyOf(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n == null || !n.isObject() ? null : FileHash.keyOf(n);
    } catch (IOException e) {
      return null;
    }
  }

  /** The sidecar file. */
  public Path file() {
    return file;
  }

  /** How many results were loaded from an earlier run. */
  public synchronized int size() {
    return known.size();
  }

  /** How many files this run took from the cache instead of hashing them. */
  public synchronized int hits() {
    return hits;
  }

  /** The stored result for a key, or null. A line that no longer parses counts as absent. */
  FileHash get(String key) {
    String line;
    synchronized (this) {
      line = known.get(key);
    }
    if (line == null) {
      return null;
    }
    try {
      FileHash h = FileHash.fromLine(JSON.readTree(line));
      synchronized (this) {
        hits++;
      }
      return h;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stores a result and flushes it to disk. */
  void put(String key, FileHash hash) throws IOException {
    String line = hash.toLine(key);
    synchronized (this) {
      known.put(key, line);
      out.write(line);
      out.write('\n');
      out.flush();
    }
  }

  /** Flushes and closes the file. */
  @Override
  public synchronized void close() throws ScanException {
    try {
      out.close();
    } catch (IOException e) {
      throw new ScanException("failed to write the resume file " + file + ": " + e.getMessage(), e);
    }
  }
}
