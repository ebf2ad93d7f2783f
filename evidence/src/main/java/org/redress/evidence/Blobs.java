package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where every encrypted blob (item content, metadata) of a store lives: an in-memory index of all
 * pack files (docs §1.1), rebuilt from the packs' own indexes when the store opens, with a fallback
 * to the loose files of stores written before packs (§1.2). Lookups are by case, kind and plaintext
 * SHA-256, which is what makes storage content-addressed and deduplicating.
 */
final class Blobs {
  private final Layout layout;
  private final Map<String, CaseBlobs> cases = new HashMap<>();
  private final Map<Path, Indexed> indexed = new java.util.LinkedHashMap<>();
  private final Map<String, String> damaged = new java.util.TreeMap<>();

  /** Where one blob is. */
  private record Loc(Path pack, long offset, long length) {}

  private static final class CaseBlobs {
    final Map<String, Loc> content = new HashMap<>();
    final Map<String, Loc> meta = new HashMap<>();
    boolean loose;

    Map<String, Loc> of(int kind) {
      return kind == Pack.CONTENT ? content : meta;
    }
  }

  Blobs(Layout layout) {
    this.layout = layout;
  }

  /**
   * Reads the index of every pack the log covers. Deletes nothing: a pack whose first leaf index is
   * at or beyond {@code logSize} is not indexed but returned, for the store to move to the
   * quarantine (docs §1.3). Temp files of write-once files that never completed are removed (they
   * were never linked into place, so nothing was ever logged from them).
   *
   * @return the packs the log does not cover, by name order A pack whose index is damaged is not
   *     indexed; its case is listed in {@link #damaged()}, and the other cases are not affected.
   */
  List<Path> load(long logSize) throws IOException, EvidenceException {
    List<Path> uncovered = new ArrayList<>();
    cases.clear();
    indexed.clear();
    damaged.clear();
    if (!Files.isDirectory(layout.cases())) {
      return uncovered;
    }
    List<Path> dirs = list(layout.cases());
    for (Path dir : dirs) {
      String caseId = dir.getFileName().toString();
      try {
        Layout.checkCase(caseId);
      } catch (IllegalArgumentException ex) {
        continue;
      }
      CaseBlobs cb = forCase(caseId);
      cb.loose =
          Files.isDirectory(dir.resolve("objects")) || Files.isDirectory(dir.resolve("meta"));
      Path packs = layout.packs(caseId);
      if (!Files.isDirectory(packs)) {
        continue;
      }
      for (Path p : list(packs)) {
        String name = p.getFileName().toString();
        long first = Layout.packFirstLeaf(name);
        if (Layout.isTemp(name)) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ex) {
            // a read-only workspace: the temp file is ignored
          }
        } else if (first >= logSize) {
          uncovered.add(p);
        } else if (first >= 0) {
          try {
            index(caseId, cb, p);
          } catch (EvidenceException ex) {
            damaged.merge(caseId, ex.getMessage(), (a, b) -> a + "; " + b);
          }
        }
      }
    }
    return uncovered;
  }

  /** Cases with a pack whose index is damaged → what is wrong (those packs are not indexed). */
  Map<String, String> damaged() {
    return java.util.Collections.unmodifiableMap(damaged);
  }

  /** Every indexed pack with its case and index entries. */
  Map<Path, Indexed> indexed() {
    return java.util.Collections.unmodifiableMap(indexed);
  }

  /** An indexed pack: its case and blobs. */
  record Indexed(String caseId, List<Pack.Entry> entries) {}

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private void index(String caseId, CaseBlobs cb, Path pack) throws IOException, EvidenceException {
    List<Pack.Entry> entries;
    try {
      entries = Pack.readIndex(pack);
    } catch (Failure f) {
      throw new EvidenceException(pack + ": " + f.getMessage());
    }
    for (Pack.Entry e : entries) {
      cb.of(e.kind()).putIfAbsent(e.sha256(), new Loc(pack, e.offset(), e.length()));
    }
    indexed.put(pack, new Indexed(caseId, entries));
  }

  private CaseBlobs forCase(String caseId) {
    return cases.computeIfAbsent(caseId, k -> new CaseBlobs());
  }

  private Path loose(String caseId, int kind, String sha256) {
    return kind == Pack.CONTENT ? layout.object(caseId, sha256) : layout.meta(caseId, sha256);
  }

  /** Whether the blob is stored (in a pack, or as a loose file of an older store). */
  boolean has(String caseId, int kind, String sha256) {
    CaseBlobs cb = cases.get(caseId);
    if (cb == null) {
      return false;
    }
    return cb.of(kind).containsKey(sha256)
        || (cb.loose && Files.isRegularFile(loose(caseId, kind, sha256)));
  }

  /** Where the blob is (or would be) stored, for messages. */
  String where(String caseId, int kind, String sha256) {
    CaseBlobs cb = cases.get(caseId);
    Loc l = cb == null ? null : cb.of(kind).get(sha256);
    if (l != null) {
      return l.pack() + " at offset " + l.offset();
    }
    if (cb != null && cb.loose) {
      return loose(caseId, kind, sha256).toString();
    }
    return layout.packs(caseId).toString();
  }

  /**
   * The encrypted bytes of a blob.
   *
   * @throws NoSuchFileException if no pack or loose file holds it
   */
  InputStream open(String caseId, int kind, String sha256) throws IOException {
    CaseBlobs cb = cases.get(caseId);
    Loc l = cb == null ? null : cb.of(kind).get(sha256);
    if (l != null) {
      return Pack.open(l.pack(), l.offset(), l.length());
    }
    if (cb != null && cb.loose) {
      return Files.newInputStream(loose(caseId, kind, sha256));
    }
    throw new NoSuchFileException(where(caseId, kind, sha256));
  }

  /** Drops a shredded case's entries. */
  void forget(String caseId) {
    cases.remove(caseId);
    indexed.values().removeIf(i -> i.caseId().equals(caseId));
  }

  /**
   * Destroys a shredded case's files (docs §6.4): overwrites and deletes its key, then deletes its
   * packs and loose blobs, fsyncing the folders.
   */
  void destroyCase(String caseId) throws IOException {
    Path key = layout.caseKey(caseId);
    if (Files.exists(key)) {
      long len = Files.size(key);
      try (FileChannel ch = FileChannel.open(key, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.allocate((int) Math.min(len, 4096)), 0);
        ch.force(true);
      }
      Files.delete(key);
      Durable.syncDir(Durable.parent(key));
    }
    forget(caseId);
    Path dir = layout.caseDir(caseId);
    for (String sub : List.of("packs", "objects", "meta")) {
      Path d = dir.resolve(sub);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
    Durable.syncDir(dir);
  }

  /** Starts the pack of a batch whose first leaf will have index {@code firstLeaf}. */
  Batch batch(String caseId, long firstLeaf, SecureRandom random) {
    return new Batch(caseId, layout.pack(caseId, firstLeaf, random.nextLong()));
  }

  /**
   * The blobs of one batch, written to one pack. The store calls {@link #commit()} (the pack is
   * durable in place), appends the batch's leaves, then {@link #publish()} (lookups see the blobs);
   * if the append fails it calls {@link #discard()}.
   */
  final class Batch implements AutoCloseable {
    private final String caseId;
    private final Path target;
    private Pack.@Nullable Writer writer;
    private boolean committed;

    private Batch(String caseId, Path target) {
      this.caseId = caseId;
      this.target = target;
    }

    /** Whether the blob is stored already or pending in this batch. */
    boolean has(int kind, String sha256) {
      return Blobs.this.has(caseId, kind, sha256)
          || (writer != null && writer.contains(kind, sha256));
    }

    /** Adds a blob unless it is stored already (content addressing deduplicates). */
    void add(int kind, String sha256, Durable.Body body) throws IOException {
      if (has(kind, sha256)) {
        return;
      }
      Pack.Writer w = writer;
      if (w == null) {
        w = new Pack.Writer(target);
        writer = w;
      }
      w.add(kind, sha256, body);
    }

    /** Makes the pack durable under its name (nothing to do when every blob was stored). */
    void commit() throws IOException {
      Pack.Writer w = writer;
      if (w != null && !w.isEmpty()) {
        w.commit();
        committed = true;
      }
    }

    /** After the batch's leaves are durable: lookups find its blobs. */
    void publish() {
      Pack.Writer w = writer;
      if (committed && w != null) {
        CaseBlobs cb = forCase(caseId);
        for (Pack.Entry e : w.entries()) {
          cb.of(e.kind()).putIfAbsent(e.sha256(), new Loc(target, e.offset(), e.length()));
        }
        indexed.put(target, new Indexed(caseId, w.entries()));
      }
    }

    /** After a failed append: remove the pack again (at the latest, the next open does). */
    void discard() {
      if (committed) {
        try {
          Files.deleteIfExists(target);
        } catch (IOException ignored) {
          // Blobs.load removes it: its first leaf index is not in the log
        }
      }
    }

    @Override
    public void close() throws IOException {
      Pack.Writer w = writer;
      if (w != null) {
        w.close();
      }
    }
  }
}
