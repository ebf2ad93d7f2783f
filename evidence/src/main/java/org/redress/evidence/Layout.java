package org.redress.evidence;

import java.nio.file.Path;
import java.util.Locale;

/** Computes every path of the evidence store (docs/evidence-format.md §1); nothing else does. */
final class Layout {
  private static final java.util.regex.Pattern CASE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
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

  Path caseDir(String caseId) {
    return root.resolve("cases").resolve(checkCase(caseId));
  }

  Path caseKey(String caseId) {
    return caseDir(caseId).resolve("case.key");
  }

  Path object(String caseId, String sha256) {
    return caseDir(caseId).resolve("objects").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  Path meta(String caseId, String sha256) {
    return caseDir(caseId).resolve("meta").resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** Validates a case id, naming the bad value. */
  static String checkCase(String caseId) {
    if (caseId == null || !CASE.matcher(caseId).matches()) {
      throw new IllegalArgumentException("case id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}, was "
          + (caseId == null ? "null" : "\"" + caseId + "\""));
    }
    return caseId;
  }
}
