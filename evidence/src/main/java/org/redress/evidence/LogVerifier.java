package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a workspace's evidence log without opening the store or any key (docs §9): every
 * record's framing, every leaf's syntax and references, every stored checkpoint's signature and
 * root, every stored timestamp token. Reads the log once, streaming, in O(log n) memory: the roots
 * are computed from a stack of perfect subtrees (the "compact range"), independently of the
 * writer's {@link MerkleTree}.
 */
public final class LogVerifier {
  private LogVerifier() {}

  /** Verifies the log of the workspace directory {@code workspace}. */
  public static Verification verify(Path workspace) {
    Verification v = new Verification();
    Layout layout = new Layout(workspace.toAbsolutePath().normalize());
    if (!Files.isDirectory(layout.root())) {
      v.fail("workspace", "no evidence store in " + workspace);
      return v;
    }
    SignedNote.VerifierKey key;
    try {
      key =
          SignedNote.VerifierKey.parse(
              Files.readString(layout.signingPub(), StandardCharsets.UTF_8));
      v.ok("public key", key.text());
    } catch (Failure f) {
      v.fail("public key", f.getMessage());
      return v;
    } catch (IOException ex) {
      v.fail("public key", "cannot read " + layout.signingPub() + ": " + ex.getMessage());
      return v;
    }
    TreeMap<Long, Checkpoint> cps = new TreeMap<>();
    try (Stream<Path> s = Files.list(layout.checkpoints())) {
      List<Path> paths = new ArrayList<>();
      s.filter(p -> p.getFileName().toString().matches("[0-9]{16}\\.txt"))
          .sorted()
          .forEach(paths::add);
      for (Path p : paths) {
        long size = Long.parseLong(p.getFileName().toString().substring(0, 16));
        String subject = "checkpoint " + size;
        try {
          Checkpoint c = Checkpoint.verify(Files.readString(p, StandardCharsets.UTF_8), key);
          if (c.size() != size) {
            throw new Failure("file name says size " + size + " but it holds " + c.size());
          }
          cps.put(size, c);
        } catch (Failure f) {
          v.fail(subject, f.getMessage());
        }
      }
    } catch (IOException ex) {
      if (Files.exists(layout.checkpoints())) {
        v.fail("checkpoints", "cannot list " + layout.checkpoints() + ": " + ex.getMessage());
        return v;
      }
    }
    Leaf.Cases cases;
    try {
      cases = new CaseSalts(layout).load().resolver();
    } catch (IOException | IllegalArgumentException ex) {
      v.fail("case salts", "cannot read the cases' salts: " + ex.getMessage());
      return v;
    }
    Walk walk = new Walk(cps, v, cases);
    LogFile.Scan scan;
    try {
      scan = LogFile.stream(layout.entries(), walk::accept);
    } catch (IOException ex) {
      v.fail("log", "cannot read " + layout.entries() + ": " + ex.getMessage());
      return v;
    }
    if (scan.problem != null) {
      v.fail("log", scan.problem);
    }
    walk.finish(scan.count);
    for (Map.Entry<Long, Checkpoint> e : cps.entrySet()) {
      Path tsr = layout.token(e.getKey());
      if (Files.exists(tsr)) {
        try {
          Timestamps.Info info =
              Timestamps.verify(Files.readAllBytes(tsr), e.getValue().bytes(), null);
          v.ok(
              "timestamp " + e.getKey(),
              "RFC 3161 time " + info.genTime + " by " + info.tsaSubject);
        } catch (Failure f) {
          v.fail("timestamp " + e.getKey(), f.getMessage());
        } catch (IOException ex) {
          v.fail("timestamp " + e.getKey(), "cannot read " + tsr + ": " + ex.getMessage());
        }
      }
    }
    if (cps.isEmpty() && scan.count > 0) {
      v.fail("checkpoints", "the log has " + scan.count + " leaves but no checkpoint");
    }
    packs(layout, scan.count, walk, v);
    return v;
  }

  /**
   * Checks that the log covers every pack (docs §1.3): a pack named after a leaf index beyond the
   * log, or holding a blob no leaf names, means the log is older than the stored evidence. Also
   * fails while the quarantine holds packs recover has not processed.
   */
  private static void packs(Layout layout, long logSize, Walk walk, Verification v) {
    Quarantine q = new Quarantine(layout);
    int packs = 0;
    int problems = 0;
    try {
      String reason = q.recoverReason();
      if (reason != null) {
        v.fail("workspace", "read-only until recover: " + reason, NextStep.RECOVER);
        problems++;
      }
      List<Quarantine.Pending> pending = q.pending();
      if (!pending.isEmpty()) {
        v.fail(
            "quarantine",
            pending.size() + " pack(s) the log did not cover wait in " + layout.quarantine(),
            NextStep.RECOVER);
        problems++;
      }
      java.util.Set<String> ack = q.acknowledged();
      if (!Files.isDirectory(layout.cases())) {
        v.ok("packs", "none stored");
        return;
      }
      List<Path> dirs;
      try (Stream<Path> s = Files.list(layout.cases())) {
        dirs = s.sorted().toList();
      }
      for (Path dir : dirs) {
        String caseId = dir.getFileName().toString();
        if (walk.shredded.containsKey(caseId) || !Files.isDirectory(dir.resolve("packs"))) {
          continue;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("packs"))) {
          files = s.sorted().toList();
        }
        for (Path p : files) {
          String name = p.getFileName().toString();
          long first = Layout.packFirstLeaf(name);
          if (first < 0) {
            continue;
          }
          packs++;
          if (first >= logSize) {
            v.fail(
                "pack " + caseId + "/" + name,
                String.format(
                    Locale.ROOT,
                    "starts at leaf %d but the log has %d leaves: the log does not cover it",
                    first,
                    logSize));
            problems++;
            continue;
          }
          try {
            int unnamed = 0;
            for (Pack.Entry e : Pack.readIndex(p)) {
              String k = Quarantine.key(caseId, e.kind(), e.sha256());
              if (!walk.refs.contains(k) && !ack.contains(k)) {
                unnamed++;
              }
            }
            if (unnamed > 0) {
              v.fail(
                  "pack " + caseId + "/" + name,
                  unnamed
                      + " blob(s) that no log record "
                      + "names: the log is older than the pack");
              problems++;
            }
          } catch (Failure f) {
            v.fail("pack " + caseId + "/" + name, f.getMessage());
            problems++;
          }
        }
      }
    } catch (IOException ex) {
      v.fail("packs", "cannot list packs: " + ex.getMessage());
      return;
    }
    if (problems == 0) {
      v.ok("packs", packs + " pack(s), each covered by the log (content not decrypted)");
    }
  }

  /** Streams leaves: checks syntax, folds hashes, compares roots at each checkpoint size. */
  private static final class Walk {
    private final Iterator<Map.Entry<Long, Checkpoint>> pending;
    private Map.@Nullable Entry<Long, Checkpoint> next;
    private final Verification v;
    private final Leaf.Cases cases;
    private final Deque<byte[]> stack = new ArrayDeque<>();
    private final Deque<Integer> heights = new ArrayDeque<>();
    private final Map<Long, String> addCase = new HashMap<>();
    final Map<String, Boolean> shredded = new HashMap<>();

    /** Every blob a leaf names ({@link Quarantine#key}): O(n) memory for the pack check. */
    final java.util.Set<String> refs = new java.util.HashSet<>();

    private long count;
    private boolean leafFailed;

    Walk(SortedMap<Long, Checkpoint> cps, Verification v, Leaf.Cases cases) {
      this.cases = cases;
      this.pending = cps.entrySet().iterator();
      this.next = pending.hasNext() ? pending.next() : null;
      this.v = v;
      checkAtSize();
    }

    void accept(byte[] bytes) {
      if (!leafFailed) {
        checkLeaf(bytes);
      }
      byte[] h = Merkle.leafHash(bytes);
      int height = 0;
      while (!heights.isEmpty() && heights.peek() == height) {
        h = Merkle.nodeHash(stack.pop(), h);
        heights.pop();
        height++;
      }
      stack.push(h);
      heights.push(height);
      count++;
      checkAtSize();
    }

    private void checkLeaf(byte[] bytes) {
      String where = "log record " + count;
      try {
        Leaf l = Leaf.parse(bytes, where, cases);
        if (l.type.equals(Leaf.ADD)) {
          if (l.item != count) {
            throw new IllegalArgumentException(
                String.format(Locale.ROOT, "%s: add leaf says item %d", where, l.item));
          }
          if (shredded.containsKey(l.caseId)) {
            throw new IllegalArgumentException(where + ": add to shredded case " + l.caseId);
          }
          addCase.put(count, l.caseId);
          refs.add(Quarantine.key(l.caseId, Pack.CONTENT, l.sha()));
          refs.add(Quarantine.key(l.caseId, Pack.META, l.metaHash()));
        } else if (l.type.equals(Leaf.CORRECT)) {
          if (!l.caseId.equals(addCase.get(l.item))) {
            throw new IllegalArgumentException(where + ": correction of unknown item " + l.item);
          }
          refs.add(Quarantine.key(l.caseId, Pack.META, l.metaHash()));
        } else {
          shredded.put(l.caseId, true);
        }
      } catch (IllegalArgumentException ex) {
        v.fail("leaves", EvidenceException.messageOf(ex));
        leafFailed = true;
      }
    }

    private byte[] root() {
      if (stack.isEmpty()) {
        return Merkle.emptyRoot();
      }
      Iterator<byte[]> it = stack.iterator();
      byte[] r = it.next();
      while (it.hasNext()) {
        r = Merkle.nodeHash(it.next(), r);
      }
      return r;
    }

    private void checkAtSize() {
      while (next != null && next.getKey() == count) {
        String subject = "checkpoint " + count;
        if (Merkle.equal(root(), next.getValue().root())) {
          v.ok(subject, "signature valid; root matches the log");
        } else {
          v.fail(subject, "root does not match the log (leaves altered or reordered)");
        }
        next = pending.hasNext() ? pending.next() : null;
      }
    }

    void finish(long total) {
      if (!leafFailed) {
        v.ok("leaves", total + " leaves well formed");
      }
      while (next != null) {
        v.fail(
            "checkpoint " + next.getKey(),
            String.format(
                Locale.ROOT,
                "covers %d leaves but the log has only %d (log truncated)",
                next.getKey(),
                total));
        next = pending.hasNext() ? pending.next() : null;
      }
      v.ok("log", String.format(Locale.ROOT, "%d leaves, root %s", total, Hex.of(root())));
    }
  }
}
