package org.redress.evidence;

import java.nio.file.Path;
import java.util.Locale;

/** Computes every path of the evidence store (docs/evidence-format.md §1); nothing else does. */
final class Layout {
  private static final java.util.regex.Pattern CASE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final java.util.regex.Pattern PACK =
      java.util.regex.Pattern.compile("[0-9]{16}-[0-9a-f]{16}\\.pack");
  private final Path root;

  Layout(Path workspace) {
    this.root = workspace.resolve("evidence");
  }

  Path root() {
    return root;
  }

  Path lock() {
    return root.resolve("LOCK");
  }

  Path origin() {
    return root.resolve("origin");
  }

  Path keys() {
    return root.resolve("keys");
  }

  Path masterKey() {
    return keys().resolve("master.key");
  }

  Path masterPass() {
    return keys().resolve("master.pass");
  }

  Path masterCheck() {
    return keys().resolve("master.check");
  }

  Path signingKey() {
    return keys().resolve("log-signing.key");
  }

  Path signingPub() {
    return keys().resolve("log-signing.pub");
  }

  Path entries() {
    return root.resolve("log").resolve("entries");
  }

  Path checkpoints() {
    return root.resolve("checkpoints");
  }

  static String sizeName(long size) {
    return String.format(Locale.ROOT, "%016d", size);
  }

  Path checkpoint(long size) {
    return checkpoints().resolve(sizeName(size) + ".txt");
  }

  Path token(long size) {
    return checkpoints().resolve(sizeName(size) + ".tsr");
  }

  /** Marks of checkpoints published with {@code evidence checkpoint --publish}. */
  Path published() {
    return root.resolve("published");
  }

  Path publishedMark(long size) {
    return published().resolve(sizeName(size) + ".txt");
  }

  Path cases() {
    return root.resolve("cases");
  }

  Path caseDir(String caseId) {
    return cases().resolve(checkCase(caseId));
  }

  Path packs(String caseId) {
    return caseDir(caseId).resolve("packs");
  }

  /** {@code packs/<first leaf index, 16 digits>-<16 hex random>.pack} (docs §1.1). */
  Path pack(String caseId, long firstLeaf, long random) {
    return packs(caseId)
        .resolve(String.format(Locale.ROOT, "%s-%016x.pack", sizeName(firstLeaf), random));
  }

  /** The first leaf index in a pack's file name, or -1 if the name is not a pack's. */
  static long packFirstLeaf(String fileName) {
    if (!PACK.matcher(fileName).matches()) {
      return -1;
    }
    return Long.parseLong(fileName.substring(0, 16));
  }

  /** Whether a file name is a temp file of a write-once file (docs §1). */
  static boolean isTemp(String fileName) {
    return fileName.startsWith(".") && fileName.contains(".tmp-");
  }

  /** Where packs the log does not cover are kept, never deleted (docs §1.3). */
  Path quarantine() {
    return root.resolve("quarantine");
  }

  /** Quarantined packs of a case that {@code evidence recover} has not processed yet. */
  Path quarantinedPacks(String caseId) {
    return quarantine().resolve("cases").resolve(checkCase(caseId));
  }

  /** Quarantined packs that {@code evidence recover} processed (kept). */
  Path recoveredPacks(String caseId) {
    return quarantine().resolve("recovered").resolve(checkCase(caseId));
  }

  /** Present while the workspace must stay read-only until {@code evidence recover} ran. */
  Path recoverNeeded() {
    return quarantine().resolve("RECOVER-NEEDED");
  }

  /** Blobs that recover reported and kept: their packs no longer make the store read-only. */
  Path acknowledged() {
    return quarantine().resolve("acknowledged.txt");
  }

  Path caseKey(String caseId) {
    return caseDir(caseId).resolve("case.key");
  }

  /** A loose content file, as stores wrote them before packs (read only; docs §1.2). */
  Path object(String caseId, String sha256) {
    return caseDir(caseId).resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** A loose metadata file, as stores wrote them before packs (read only). */
  Path meta(String caseId, String sha256) {
    return caseDir(caseId).resolve("meta").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** Validates a case id, naming the bad value. */
  static String checkCase(String caseId) {
    if (caseId == null || !CASE.matcher(caseId).matches()) {
      throw new IllegalArgumentException(
          "case id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}, was "
              + (caseId == null ? "null" : "\"" + caseId + "\""));
    }
    return caseId;
  }
}
