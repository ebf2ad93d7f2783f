package org.redress.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The evidence log as the store holds it (docs §3): every leaf in order with its bytes and the
 * Merkle tree over them, the indexes built from them (the items of each case, each item's metadata
 * versions and leaves, the shredded cases) and, once the store is writable, the {@code log/entries}
 * file it appends to. The one place that checks a leaf against what came before it.
 */
final class LogState implements AutoCloseable {
  private final MerkleTree tree = new MerkleTree();
  private final List<byte[]> leafBytes = new ArrayList<>();
  private final List<Leaf> leaves = new ArrayList<>();
  private final Map<String, List<Long>> byCase = new TreeMap<>();
  private final Map<Long, List<String>> metaHistory = new HashMap<>();
  private final Map<Long, List<Long>> leafHistory = new HashMap<>();
  private final Set<String> shredded = new TreeSet<>();
  private @Nullable LogFile file;

  /**
   * Adds a leaf read from the log or just appended to it.
   *
   * @throws IllegalArgumentException for a leaf that contradicts the log before it
   */
  void index(Leaf leaf, byte[] bytes) {
    long idx = leaves.size();
    String where = "log record " + idx;
    switch (leaf.type) {
      case Leaf.ADD:
        if (leaf.item != idx) {
          throw new IllegalArgumentException(where + ": add leaf says item " + leaf.item);
        }
        if (shredded.contains(leaf.caseId)) {
          throw new IllegalArgumentException(where + ": add to shredded case " + leaf.caseId);
        }
        byCase.computeIfAbsent(leaf.caseId, k -> new ArrayList<>()).add(idx);
        metaHistory.computeIfAbsent(idx, k -> new ArrayList<>()).add(leaf.meta);
        leafHistory.computeIfAbsent(idx, k -> new ArrayList<>()).add(idx);
        break;
      case Leaf.CORRECT:
        if (leaf.item < 0
            || leaf.item >= idx
            || !leaves.get((int) leaf.item).type.equals(Leaf.ADD)
            || !leaves.get((int) leaf.item).caseId.equals(leaf.caseId)) {
          throw new IllegalArgumentException(where + ": correction of unknown item " + leaf.item);
        }
        history(metaHistory, leaf.item).add(leaf.meta);
        history(leafHistory, leaf.item).add(idx);
        break;
      default:
        shredded.add(leaf.caseId);
        break;
    }
    leaves.add(leaf);
    leafBytes.add(bytes);
    tree.appendLeafHash(Merkle.leafHash(bytes));
  }

  private static <T> List<T> history(Map<Long, List<T>> m, long item) {
    List<T> h = m.get(item);
    if (h == null) {
      throw new IllegalStateException("no history for item " + item);
    }
    return h;
  }

  /** Opens {@code entries} for appending at {@code goodLength} (truncating a torn tail). */
  void openForAppend(Path entries, long goodLength) throws IOException {
    if (file == null) {
      file = LogFile.openForAppend(entries, goodLength);
    }
  }

  /**
   * Appends leaves durably (one fsync), then indexes them.
   *
   * @throws EvidenceException if the log cannot be written
   */
  void append(List<Leaf> batch) throws EvidenceException {
    LogFile f = file;
    if (f == null) {
      throw new IllegalStateException("the log is not open for appending");
    }
    List<byte[]> bytes = new ArrayList<>();
    for (Leaf l : batch) {
      bytes.add(l.bytes());
    }
    try {
      f.append(bytes);
    } catch (IOException ex) {
      throw new EvidenceException("failed to append to the evidence log: " + ex.getMessage(), ex);
    }
    for (int i = 0; i < batch.size(); i++) {
      index(batch.get(i), bytes.get(i));
    }
  }

  /** Number of leaves. */
  long size() {
    return tree.size();
  }

  MerkleTree tree() {
    return tree;
  }

  List<Leaf> leaves() {
    return Collections.unmodifiableList(leaves);
  }

  Leaf leaf(long index) {
    return leaves.get((int) index);
  }

  byte[] leafBytes(long index) {
    return leafBytes.get((int) index);
  }

  /**
   * The add leaf of an item.
   *
   * @throws EvidenceException if no item has this id
   */
  Leaf addLeaf(long id) throws EvidenceException {
    if (id < 0 || id >= leaves.size() || !leaves.get((int) id).type.equals(Leaf.ADD)) {
      throw EvidenceException.of(EvidenceException.Reason.NO_SUCH_ITEM, "no such item: " + id, id);
    }
    return leaves.get((int) id);
  }

  /** Case ids with items, in order. */
  Set<String> cases() {
    return Collections.unmodifiableSet(byCase.keySet());
  }

  /** The items of a case, oldest first (empty for an unknown case). */
  List<Long> itemsOf(String caseId) {
    return byCase.getOrDefault(caseId, List.of());
  }

  boolean isShredded(String caseId) {
    return shredded.contains(caseId);
  }

  Set<String> shredded() {
    return Collections.unmodifiableSet(shredded);
  }

  /** The SHA-256 of an item's current metadata. */
  String latestMeta(long item) {
    List<String> h = history(metaHistory, item);
    return h.get(h.size() - 1);
  }

  /** How many times an item's metadata was corrected. */
  int corrections(long item) {
    return history(metaHistory, item).size() - 1;
  }

  /** Leaf indices of an item's add and corrections, ascending. */
  List<Long> leafIndicesOf(long item) {
    return List.copyOf(history(leafHistory, item));
  }

  /** {@link Quarantine#key} of every blob a leaf names. */
  Set<String> referencedBlobs() {
    Set<String> refs = new HashSet<>();
    for (Leaf l : leaves) {
      if (l.type.equals(Leaf.ADD)) {
        refs.add(Quarantine.key(l.caseId, Pack.CONTENT, l.sha()));
      }
      if (!l.type.equals(Leaf.SHRED)) {
        refs.add(Quarantine.key(l.caseId, Pack.META, l.metaHash()));
      }
    }
    return refs;
  }

  @Override
  public void close() {
    LogFile f = file;
    file = null;
    if (f != null) {
      try {
        f.close();
      } catch (IOException ignored) {
        // every append was fsynced; nothing is lost
      }
    }
  }
}
