package org.redress.evidence;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Signs, stores, timestamps and publishes checkpoints (docs §4, §5, §10.3): the one place that
 * reads and writes {@code checkpoints/} and {@code published/}. The store decides when.
 */
final class Checkpointer {
  private final Layout layout;
  private final KeyRing keys;
  private final @Nullable URI tsa;
  private final SecureRandom random;
  private final List<Checkpoint> toStamp = new ArrayList<>();
  private @Nullable Checkpoint head;

  Checkpointer(Layout layout, KeyRing keys, @Nullable URI tsa, SecureRandom random) {
    this.layout = layout;
    this.keys = keys;
    this.tsa = tsa;
    this.random = random;
  }

  /** The checkpoint of the tree as the store last signed it, or null before anything was logged. */
  @Nullable Checkpoint head() {
    return head;
  }

  /** The head once a checkpoint was made ({@link #advance} makes one). */
  Checkpoint signedHead() {
    Checkpoint h = head;
    if (h == null) {
      throw new IllegalStateException("no checkpoint was signed yet");
    }
    return h;
  }

  void head(@Nullable Checkpoint c) {
    head = c;
  }

  /**
   * Signs a checkpoint of the whole tree unless the head already covers it, storing it when {@code
   * store} (a read-only store signs in memory only).
   */
  void advance(MerkleTree tree, boolean store) throws EvidenceException {
    Checkpoint h = head;
    if (h == null || h.size() != tree.size()) {
      Checkpoint c = sign(tree);
      if (store) {
        write(c);
      }
      head = c;
    }
  }

  /** With a TSA configured, notes a checkpoint to timestamp when the store closes. */
  void stampLater(@Nullable Checkpoint c) {
    if (tsa != null && c != null && !toStamp.contains(c)) {
      toStamp.add(c);
    }
  }

  /**
   * Timestamps the checkpoints noted by {@link #stampLater}; called once the workspace lock is
   * released.
   *
   * @throws EvidenceException for the first that fails (the rest are not asked for)
   */
  void stampPending() throws EvidenceException {
    List<Checkpoint> pending = List.copyOf(toStamp);
    toStamp.clear();
    for (Checkpoint c : pending) {
      stamp(c);
    }
  }

  /** Sizes of stored checkpoints, ascending. */
  List<Long> sizes() throws IOException {
    return sizesIn(layout.checkpoints());
  }

  /** Sizes of published checkpoints, ascending. */
  List<Long> publishedSizes() throws IOException {
    return sizesIn(layout.published());
  }

  private static List<Long> sizesIn(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[0-9]{16}\\.txt"))
          .map(n -> Long.parseLong(n.substring(0, 16)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /** The latest stored checkpoint, or null. */
  @Nullable Checkpoint latest() throws IOException, EvidenceException {
    List<Long> sizes = sizes();
    return sizes.isEmpty() ? null : read(sizes.get(sizes.size() - 1));
  }

  /** A stored checkpoint, its signature checked. */
  Checkpoint read(long size) throws IOException, EvidenceException {
    Path p = layout.checkpoint(size);
    try {
      Checkpoint c =
          Checkpoint.verify(Files.readString(p, StandardCharsets.UTF_8), keys.verifierKey());
      if (c.size() != size) {
        throw new EvidenceException(p + " holds size " + c.size());
      }
      return c;
    } catch (Failure f) {
      throw new EvidenceException(p + ": " + f.getMessage());
    }
  }

  /** Signs a checkpoint of the whole tree (in memory). */
  Checkpoint sign(MerkleTree tree) {
    return Checkpoint.sign(keys.origin(), tree.size(), tree.root(), keys.seed());
  }

  /** Stores a checkpoint (write-once). */
  void write(Checkpoint c) throws EvidenceException {
    try {
      Durable.writeOnce(layout.checkpoint(c.size()), c.bytes());
    } catch (IOException ex) {
      throw new EvidenceException(
          "failed to write checkpoint " + c.size() + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * With a TSA configured, obtains and stores a token for the checkpoint if it has none. Runs
   * without the workspace lock (the request may be slow): the token is written once, and only if
   * the checkpoint file still holds the bytes that were stamped.
   */
  void stamp(Checkpoint c) throws EvidenceException {
    if (tsa == null || Files.exists(layout.token(c.size()))) {
      return;
    }
    try {
      byte[] token = Timestamps.request(tsa, c.bytes(), random);
      Path cp = layout.checkpoint(c.size());
      if (!Files.exists(cp) || !java.util.Arrays.equals(Files.readAllBytes(cp), c.bytes())) {
        throw new EvidenceException(
            "checkpoint "
                + c.size()
                + " was set aside while it was being timestamped; its token was not stored");
      }
      Durable.writeOnce(layout.token(c.size()), token);
    } catch (IOException ex) {
      throw new EvidenceException(
          "failed to timestamp checkpoint " + c.size() + ": " + ex.getMessage(), ex);
    }
  }

  /** Marks a checkpoint published (packages then carry a consistency proof from it). */
  void markPublished(Checkpoint c) throws EvidenceException {
    try {
      Durable.writeOnce(layout.publishedMark(c.size()), c.bytes());
    } catch (IOException ex) {
      throw new EvidenceException(
          "failed to mark checkpoint " + c.size() + " published: " + ex.getMessage(), ex);
    }
  }
}
