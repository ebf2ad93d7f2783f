package org.redress.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code evidence recover} (docs §1.3): sets aside checkpoints the log no longer matches, re-logs
 * every item whose content sits in a pack the log does not cover (quarantined or in place), with
 * the metadata stored beside it when it can be paired, reports what it could not re-log, and keeps
 * every file. Afterwards the workspace is writable again.
 */
final class Recover {
  private final EvidenceStore store;
  private final LogState log;
  private final KeyRing keys;
  private final Checkpointer checkpoints;
  private final Layout layout;
  private final Quarantine quarantine;
  private final List<Item> relogged = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> unrecovered = new ArrayList<>();
  private final Set<String> acknowledge = new HashSet<>();
  private int work;

  Recover(
      EvidenceStore store,
      LogState log,
      KeyRing keys,
      Checkpointer checkpoints,
      Layout layout,
      Quarantine quarantine) {
    this.store = store;
    this.log = log;
    this.keys = keys;
    this.checkpoints = checkpoints;
    this.layout = layout;
    this.quarantine = quarantine;
  }

  /** Moves checkpoints (and their tokens) the current log does not match into the quarantine. */
  void setAsideCheckpoints(MerkleTree tree) throws IOException, EvidenceException {
    for (long size : checkpoints.sizes()) {
      boolean keep = size <= tree.size();
      if (keep) {
        try {
          keep = java.util.Arrays.equals(checkpoints.read(size).root(), tree.root(size));
        } catch (EvidenceException ex) {
          keep = false;
        }
      }
      if (!keep) {
        Path dir = layout.quarantine().resolve("checkpoints");
        Durable.createDirs(dir);
        for (Path p : List.of(layout.checkpoint(size), layout.token(size))) {
          if (Files.exists(p)) {
            Files.move(p, dir.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
          }
        }
        Durable.syncDir(dir);
        notes.add(
            String.format(
                Locale.ROOT,
                "checkpoint %d does not match the log: moved to %s "
                    + "(kept; packages exported under it remain verifiable on their own)",
                size,
                dir));
      }
    }
    Durable.syncDir(layout.checkpoints());
  }

  /** Re-logs what the quarantined packs and the uncovered blobs of indexed packs hold. */
  Recovery run(Map<Path, Blobs.Indexed> indexed) throws IOException, EvidenceException {
    for (Quarantine.Pending p : quarantine.pending()) {
      List<Pack.Entry> entries;
      try {
        entries = Pack.readIndex(p.pack());
      } catch (Failure f) {
        unrecovered.add(
            p.pack()
                + " is damaged ("
                + f.getMessage()
                + "): nothing re-logged "
                + "from it; kept");
        notes.add("kept " + quarantine.done(p));
        continue;
      }
      relogPack(p.caseId(), p.pack(), entries);
      notes.add(
          "processed " + p.pack().getFileName() + ", kept in " + quarantine.done(p).getParent());
    }
    for (Map.Entry<Path, Blobs.Indexed> e : Map.copyOf(indexed).entrySet()) {
      relogPack(e.getValue().caseId(), e.getKey(), e.getValue().entries());
    }
    quarantine.acknowledge(acknowledge);
    return new Recovery(relogged, notes, unrecovered);
  }

  private void relogPack(String caseId, Path pack, List<Pack.Entry> entries)
      throws IOException, EvidenceException {
    if (store.isShredded(caseId)) {
      unrecovered.add(pack + ": case " + caseId + " was shredded; nothing re-logged; kept");
      return;
    }
    Set<String> refs = log.referencedBlobs();
    List<Pack.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Pack.Entry::offset));
    Set<String> paired = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      Pack.Entry e = sorted.get(i);
      String key = Quarantine.key(caseId, e.kind(), e.sha256());
      if (e.kind() != Pack.CONTENT || refs.contains(key)) {
        continue;
      }
      Pack.Entry metaEntry =
          i + 1 < sorted.size()
                  && sorted.get(i + 1).kind() == Pack.META
                  && !refs.contains(Quarantine.key(caseId, Pack.META, sorted.get(i + 1).sha256()))
              ? sorted.get(i + 1)
              : null;
      try {
        Metadata meta = metaEntry == null ? null : meta(caseId, pack, metaEntry);
        Item it = relogItem(caseId, pack, e, meta);
        relogged.add(it);
        if (metaEntry != null) {
          paired.add(metaEntry.sha256());
        }
        refs = log.referencedBlobs();
      } catch (EvidenceException | Failure ex) {
        unrecovered.add(
            String.format(
                Locale.ROOT,
                "content %s in %s could not be re-logged " + "(%s); kept",
                e.sha256(),
                pack,
                ex.getMessage()));
      }
      acknowledge.add(key);
    }
    for (Pack.Entry e : sorted) {
      String key = Quarantine.key(caseId, e.kind(), e.sha256());
      if (e.kind() != Pack.META || refs.contains(key)) {
        continue;
      }
      acknowledge.add(key);
      if (paired.contains(e.sha256())) {
        continue;
      }
      String what;
      try {
        Metadata m = meta(caseId, pack, e);
        what =
            String.format(
                Locale.ROOT,
                "metadata of a file named \"%s\" (%d bytes, captured " + "%s)",
                m.fileName(),
                m.size(),
                m.capturedAt());
      } catch (EvidenceException | Failure ex) {
        what = "metadata " + e.sha256() + " (" + ex.getMessage() + ")";
      }
      unrecovered.add(
          what
              + " in "
              + pack
              + " has no content beside it (a correction or a "
              + "repeated add whose log record was lost): not re-logged; kept");
    }
  }

  private Metadata meta(String caseId, Path pack, Pack.Entry e)
      throws IOException, EvidenceException, Failure {
    byte[] key = keys.caseKey(caseId, false);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = Pack.open(pack, e.offset(), e.length())) {
      Crypto.decrypt(key, "redress/meta/" + caseId + "/" + e.sha256(), in, buf);
    }
    byte[] bytes = buf.toByteArray();
    if (!Hex.of(Hex.sha256(bytes)).equals(e.sha256())) {
      throw new Failure("metadata does not match its SHA-256");
    }
    try {
      return Metadata.parse(bytes, "metadata " + e.sha256());
    } catch (IllegalArgumentException ex) {
      throw new Failure(EvidenceException.messageOf(ex));
    }
  }

  private Item relogItem(String caseId, Path pack, Pack.Entry e, @Nullable Metadata meta)
      throws IOException, EvidenceException, Failure {
    Path dir = layout.quarantine().resolve(".work-" + work++ + "-" + System.nanoTime());
    Files.createDirectories(dir);
    Path file = dir.resolve(safeName(meta == null ? null : meta.fileName()));
    try {
      if (Durable.isPosix(dir)) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      byte[] key = keys.caseKey(caseId, false);
      try (InputStream in = Pack.open(pack, e.offset(), e.length());
          OutputStream out = Files.newOutputStream(file)) {
        Crypto.decrypt(key, Ingest.itemContext(caseId, e.sha256()), in, out);
      }
      NewItem ni = newItem(file, meta, pack);
      Item it = store.add(caseId, ni);
      if (!it.sha256().equals(e.sha256())) {
        throw new Failure(
            "content decrypted to SHA-256 " + it.sha256() + ", expected " + e.sha256());
      }
      return it;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private NewItem newItem(Path file, @Nullable Metadata m, Path pack) {
    String origin =
        "re-logged by redress evidence recover from "
            + pack.getFileName()
            + " (its log record was lost)";
    NewItem ni = NewItem.of(file).source("other", "recovered from " + pack.getFileName());
    if (m == null) {
      return ni.captureMethod("recover").note(origin + "; its metadata could not be paired");
    }
    String note =
        origin
            + "; first captured at "
            + m.capturedAt()
            + " as \""
            + m.fileName()
            + "\""
            + (m.note() == null ? "" : "; " + m.note());
    try {
      ni = ni.source(m.sourceKind(), m.sourceValue());
    } catch (IllegalArgumentException ex) {
      note += "; its recorded source was not valid";
    }
    try {
      ni = ni.captureMethod(m.captureMethod());
    } catch (IllegalArgumentException ex) {
      ni = ni.captureMethod("recover");
    }
    try {
      ni = ni.capturedBy(m.capturedBy());
    } catch (IllegalArgumentException ex) {
      // the store's default operator is recorded
    }
    try {
      ni = ni.mediaType(m.mediaType());
    } catch (IllegalArgumentException ex) {
      // application/octet-stream
    }
    return ni.perceptual(m.perceptual()).note(note);
  }

  /** A file name safe to create (the original stays in the note). */
  static String safeName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return "recovered.bin";
    }
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.startsWith(".")) {
      s = "_" + s;
    }
    return s.length() > 100 ? s.substring(s.length() - 100) : s;
  }
}
