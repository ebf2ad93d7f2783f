package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The quarantine of a store (docs §1.3): packs the log does not cover are moved here instead of
 * being deleted, a marker keeps the workspace read-only until {@code evidence recover} ran, and the
 * blobs recover reported but could not re-log are acknowledged so that they stop blocking. Nothing
 * here is ever deleted by Redress.
 */
final class Quarantine {
  private final Layout layout;

  Quarantine(Layout layout) {
    this.layout = layout;
  }

  /** A quarantined pack that recover has not processed yet. */
  record Pending(String caseId, Path pack) {}

  /** The key naming one blob of one case, as acknowledged.txt lists it. */
  static String key(String caseId, int kind, String sha256) {
    return caseId + " " + (kind == Pack.CONTENT ? "content" : "meta") + " " + sha256;
  }

  /** Moves each pack to the case's quarantine folder; returns where each went. */
  List<Path> move(List<Path> packs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : packs) {
      String caseId = Durable.parent(Durable.parent(p)).getFileName().toString();
      Path dir = layout.quarantinedPacks(caseId);
      Durable.createDirs(dir);
      Path target = dir.resolve(p.getFileName().toString());
      if (Files.exists(target)) {
        target = dir.resolve(p.getFileName() + "." + System.nanoTime());
      }
      Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
      Durable.syncDir(dir);
      Durable.syncDir(Durable.parent(p));
      out.add(target);
    }
    return out;
  }

  /** Moves a processed pack out of the pending folder (kept under {@code recovered/}). */
  Path done(Pending p) throws IOException {
    Path dir = layout.recoveredPacks(p.caseId());
    Durable.createDirs(dir);
    Path target = dir.resolve(p.pack().getFileName().toString());
    if (Files.exists(target)) {
      target = dir.resolve(p.pack().getFileName() + "." + System.nanoTime());
    }
    Files.move(p.pack(), target, StandardCopyOption.ATOMIC_MOVE);
    Durable.syncDir(dir);
    Durable.syncDir(Durable.parent(p.pack()));
    return target;
  }

  /** Quarantined packs not yet processed by recover, by case and name. */
  List<Pending> pending() throws IOException {
    List<Pending> out = new ArrayList<>();
    Path root = layout.quarantine().resolve("cases");
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> cases = Files.list(root)) {
      for (Path c : cases.sorted().toList()) {
        if (!Files.isDirectory(c)) {
          continue;
        }
        try (Stream<Path> packs = Files.list(c)) {
          for (Path p : packs.sorted().toList()) {
            if (Files.isRegularFile(p)) {
              out.add(new Pending(c.getFileName().toString(), p));
            }
          }
        }
      }
    }
    return out;
  }

  /** The reason the workspace is read-only until recover, or null. */
  @Nullable String recoverReason() throws IOException {
    Path m = layout.recoverNeeded();
    if (!Files.exists(m)) {
      return null;
    }
    return Files.readString(m, StandardCharsets.UTF_8).strip();
  }

  /** Keeps the workspace read-only until recover ran (first reason kept). */
  void requireRecover(String reason) throws IOException {
    Durable.writeOnce(layout.recoverNeeded(), (reason + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** After recover: the workspace is writable again. */
  void clearRecover() throws IOException {
    if (Files.deleteIfExists(layout.recoverNeeded())) {
      Durable.syncDir(layout.quarantine());
    }
  }

  /** Blob keys recover reported and kept. */
  Set<String> acknowledged() throws IOException {
    Set<String> out = new TreeSet<>();
    if (Files.exists(layout.acknowledged())) {
      for (String line : Files.readAllLines(layout.acknowledged(), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  /** Adds blob keys to acknowledged.txt (rewritten atomically). */
  void acknowledge(Collection<String> keys) throws IOException {
    if (keys.isEmpty()) {
      return;
    }
    Set<String> all = acknowledged();
    all.addAll(keys);
    Path f = layout.acknowledged();
    Durable.createDirs(Durable.parent(f));
    Path tmp = f.resolveSibling(".acknowledged.txt.tmp-" + System.nanoTime());
    try (java.nio.channels.FileChannel ch =
        Durable.openOwnerOnly(
            tmp,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(
          java.nio.ByteBuffer.wrap(
              (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Durable.syncDir(Durable.parent(f));
  }
}
