package org.redress.casework;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.redress.sources.Limits;

/**
 * What to scan and how.
 *
 * @param paths exports, folders, ZIP archives, media files
 * @param banks the banks to match against (at least one)
 * @param thumbnails keep 8 × 8 mosaics of matched images for the HTML view
 * @param resume reuse the hashes of an interrupted scan of the same paths
 * @param threads hashing threads, or 0 for the number of processors
 * @param limits the source readers' limits
 * @param progress told the number of files checked so far, or null
 * @param screenshots search unmatched images for picture regions (screenshots)
 * @param ocr read the counts shown in matched screenshots
 * @param resumeFile where the hashes made are kept for a resume, or null for the workspace's file
 *     for these paths ({@link WorkspaceLayout#scanCache})
 * @param tempDir where a scan unpacks what it must (nested archives), or null for the system's
 */
public record ScanRequest(
    List<Path> paths,
    List<String> banks,
    boolean thumbnails,
    boolean resume,
    int threads,
    Limits limits,
    LongConsumer progress,
    boolean screenshots,
    boolean ocr,
    Path resumeFile,
    Path tempDir) {
  /** A request whose resume file is the workspace's for these paths, unpacking to the system. */
  public ScanRequest(
      List<Path> paths,
      List<String> banks,
      boolean thumbnails,
      boolean resume,
      int threads,
      Limits limits,
      LongConsumer progress,
      boolean screenshots,
      boolean ocr) {
    this(paths, banks, thumbnails, resume, threads, limits, progress, screenshots, ocr, null, null);
  }

  /** Checks and copies. */
  public ScanRequest {
    paths = List.copyOf(paths);
    banks = List.copyOf(banks);
    Objects.requireNonNull(limits, "limits");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("nothing to scan: give at least one path");
    }
    if (banks.isEmpty()) {
      throw new IllegalArgumentException("give at least one bank to match against");
    }
    if (threads < 0) {
      throw new IllegalArgumentException(
          "threads must be 0 (all processors) or more, was " + threads);
    }
  }
}
