package org.redress.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the log when the store opens and checks it against the checkpoints and the packs (docs
 * §1.3): repairs a torn tail, refuses a log that contradicts its checkpoint, quarantines packs the
 * log does not cover (never deletes them), and decides whether the store must open read-only and
 * why. What it finds is kept for the store; every warning is for every command to print.
 */
final class Opening {
  private final Layout layout;
  private final Blobs blobs;
  private final Quarantine quarantine;
  private final Checkpointer checkpointer;
  private final LogState log;
  private final Leaf.Cases cases;
  private final boolean lockless;
  private final boolean salvage;
  private final List<Warning> warnings = new ArrayList<>();
  private @Nullable Checkpoint latest;
  private long goodLength;
  private boolean logBehind;
  private @Nullable String readOnlyReason;

  Opening(
      Layout layout,
      Blobs blobs,
      Quarantine quarantine,
      Checkpointer checkpointer,
      LogState log,
      Leaf.Cases cases,
      boolean lockless,
      boolean salvage) {
    this.cases = cases;
    this.layout = layout;
    this.blobs = blobs;
    this.quarantine = quarantine;
    this.checkpointer = checkpointer;
    this.log = log;
    this.lockless = lockless;
    this.salvage = salvage;
  }

  /**
   * Reads the log into {@code log} and checks it.
   *
   * @throws EvidenceException for a log that is corrupt before its checkpoint or contradicts it, or
   *     a leaf that names content no pack holds (outside salvage)
   */
  void run() throws IOException, EvidenceException {
    latest = checkpointer.latest();
    LogFile.Scan scan = LogFile.scan(layout.entries());
    goodLength = scan.goodLength;
    long covered = latest == null ? 0 : latest.size();
    List<String> why = new ArrayList<>();
    if (scan.problem != null) {
      if (scan.leaves.size() < covered) {
        throw new EvidenceException(
            scan.problem
                + "; the log is corrupt before checkpoint "
                + covered
                + " and cannot be repaired");
      }
      long dropped = Files.size(layout.entries()) - scan.goodLength;
      warnings.add(
          Warning.of(
              String.format(
                  Locale.ROOT,
                  "repaired torn log tail: dropped %d bytes after record %d (%s)",
                  dropped,
                  scan.leaves.size(),
                  scan.problem)));
    }
    for (byte[] leaf : scan.leaves) {
      try {
        log.index(Leaf.parse(leaf, "log record " + log.size(), cases), leaf);
      } catch (IllegalArgumentException ex) {
        throw new EvidenceException(EvidenceException.messageOf(ex), ex);
      }
    }
    if (scan.leaves.size() < covered) {
      logBehind = true;
      why.add(
          String.format(
              Locale.ROOT,
              "the log has %d records but checkpoint %d covers %d "
                  + "(the log was lost, truncated or restored from an older backup)",
              scan.leaves.size(),
              covered,
              covered));
    } else if (latest != null && !Arrays.equals(log.tree().root(covered), latest.root())) {
      throw new EvidenceException(
          String.format(
              Locale.ROOT,
              "log does not match checkpoint %d: its root differs (leaves altered or reordered)",
              covered));
    } else if (latest == null && log.size() > 0) {
      warnings.add(
          Warning.of(
              String.format(
                  Locale.ROOT,
                  "WARNING: the log has %d records but no "
                      + "checkpoint: the checkpoints folder was lost; a new checkpoint is signed",
                  log.size())));
    }
    List<Path> uncovered = blobs.load(log.size());
    for (Map.Entry<String, String> d : blobs.damaged().entrySet()) {
      warnings.add(
          Warning.of(
              "WARNING: case "
                  + d.getKey()
                  + " has a damaged pack: "
                  + d.getValue()
                  + "; items stored in it cannot be read (restore the pack from a backup); other"
                  + " cases are not affected",
              NextStep.SALVAGE));
    }
    List<String> unreferenced = unreferencedBlobs();
    if (!unreferenced.isEmpty()) {
      why.add(
          unreferenced.size()
              + " stored blob(s) that no log record names (the log is "
              + "older than the packs), e.g. "
              + unreferenced.get(0));
    }
    if (!uncovered.isEmpty()) {
      boolean interruptedAdd =
          uncovered.size() == 1
              && !logBehind
              && Layout.packFirstLeaf(uncovered.get(0).getFileName().toString()) == log.size();
      if (!interruptedAdd) {
        why.add(
            uncovered.size()
                + " pack(s) that the log does not cover (the log is older "
                + "than the packs)");
      }
      if (lockless || salvage) {
        warnings.add(
            Warning.of(
                "WARNING: "
                    + uncovered.size()
                    + " pack(s) are not covered by the log; "
                    + "the workspace is opened read-only, so they stay where they are: "
                    + uncovered));
      } else {
        List<Path> moved = quarantine.move(uncovered);
        for (Path m : moved) {
          warnings.add(
              Warning.of(
                  "WARNING: moved pack "
                      + m.getFileName()
                      + " to the quarantine "
                      + m.getParent()
                      + ": the log does not cover it"
                      + (interruptedAdd
                          ? " (an add interrupted before it returned, or one batch of a lost log)"
                          : "")
                      + "; nothing was deleted"));
        }
      }
    }
    if (!why.isEmpty() && !lockless && !salvage) {
      quarantine.requireRecover(String.join("; ", why));
    }
    String reason = quarantine.recoverReason();
    if (reason == null && (lockless || salvage) && !why.isEmpty()) {
      reason = String.join("; ", why);
    }
    if (reason != null) {
      readOnlyReason = "the evidence log is older than the stored evidence: " + reason;
      warnings.add(
          Warning.of(
              "WARNING: the workspace is READ-ONLY: " + readOnlyReason + ". Nothing was deleted",
              NextStep.RECOVER));
    } else if (lockless) {
      readOnlyReason = "the workspace is not writable";
    }
    List<Quarantine.Pending> pending = lockless ? List.of() : quarantine.pending();
    if (!pending.isEmpty()) {
      warnings.add(
          Warning.of(
              String.format(
                  Locale.ROOT,
                  "WARNING: %d pack(s) wait in the quarantine %s",
                  pending.size(),
                  layout.quarantine()),
              NextStep.RECOVER));
    }
    checkBlobsPresent();
  }

  /** The latest stored checkpoint, or null. */
  @Nullable Checkpoint latest() {
    return latest;
  }

  /** Bytes of the log up to its last good record (a torn tail after them is cut on append). */
  long goodLength() {
    return goodLength;
  }

  /** Whether the log has fewer records than its latest checkpoint covers. */
  boolean logBehind() {
    return logBehind;
  }

  /** Why the store must open read-only, or null. */
  @Nullable String readOnlyReason() {
    return readOnlyReason;
  }

  /** What opening found, for every command to print. */
  List<Warning> warnings() {
    return List.copyOf(warnings);
  }

  /** Blobs in indexed packs that no leaf names and recover did not acknowledge. */
  private List<String> unreferencedBlobs() throws IOException {
    Set<String> refs = log.referencedBlobs();
    Set<String> ack = quarantine.acknowledged();
    List<String> out = new ArrayList<>();
    for (Map.Entry<Path, Blobs.Indexed> e : blobs.indexed().entrySet()) {
      String c = e.getValue().caseId();
      if (log.isShredded(c)) {
        continue;
      }
      for (Pack.Entry b : e.getValue().entries()) {
        String k = Quarantine.key(c, b.kind(), b.sha256());
        if (!refs.contains(k) && !ack.contains(k)) {
          out.add(k + " in " + e.getKey().getFileName());
        }
      }
    }
    return out;
  }

  /**
   * Refuses to open when a leaf names content or metadata that no pack (or loose file) holds: a
   * pack was deleted or lost, and carrying on would hide it.
   */
  private void checkBlobsPresent() throws EvidenceException {
    for (int i = 0; i < log.leaves().size(); i++) {
      Leaf l = log.leaf(i);
      if (log.isShredded(l.caseId)
          || l.type.equals(Leaf.SHRED)
          || blobs.damaged().containsKey(l.caseId)) {
        continue;
      }
      EvidenceException gone = null;
      if (l.type.equals(Leaf.ADD) && !blobs.has(l.caseId, Pack.CONTENT, l.sha())) {
        gone = missing(i, l, "content " + l.sha256);
      } else if (!blobs.has(l.caseId, Pack.META, l.metaHash())) {
        gone = missing(i, l, "metadata " + l.meta);
      }
      if (gone != null && !salvage) {
        throw gone;
      }
      if (gone != null) {
        warnings.add(Warning.of("WARNING: " + gone.getMessage()));
      }
    }
  }

  private EvidenceException missing(int index, Leaf l, String what) {
    return new EvidenceException(
        String.format(
            Locale.ROOT,
            "log record %d (%s of item %d, case "
                + "%s) names %s, which no pack in %s holds: a pack file was deleted or lost; the store "
                + "refuses to open (restore the case's packs from a backup; verify-log still works)",
            index,
            l.type,
            l.item,
            l.caseId,
            what,
            layout.packs(l.caseId)));
  }
}
