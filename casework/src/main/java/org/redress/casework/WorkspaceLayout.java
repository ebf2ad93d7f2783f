package org.redress.casework;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every path in a workspace, computed in one place. The workspace database and the evidence locker
 * live at the root (their modules name their own files inside it); scans keep their resume files
 * under {@code scans/}.
 *
 * @param root the workspace directory (absolute, normalised)
 */
public record WorkspaceLayout(Path root) {
  /** Folder in the workspace holding the scans' resume files. */
  public static final String SCANS = "scans";

  /** Normalises the root. */
  public WorkspaceLayout {
    root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** The folder of the scans' resume files. */
  public Path scans() {
    return root.resolve(SCANS);
  }

  /**
   * The resume file of a scan of these inputs: {@code scans/<id>.hashes.jsonl}, where the id is
   * derived from the sorted absolute input paths (so the same inputs resume the same scan).
   */
  public Path scanCache(List<Path> inputs) {
    return scans().resolve(scanId(inputs) + ".hashes.jsonl");
  }

  /** A stable id for a set of input paths. */
  public static String scanId(List<Path> inputs) {
    TreeSet<String> sorted = new TreeSet<>();
    for (Path p : inputs) {
      sorted.add(p.toAbsolutePath().normalize().toString());
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
