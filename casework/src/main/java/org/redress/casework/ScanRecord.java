package org.redress.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a case's scan folder records about the scan ({@code scan.json}, schema {@code
 * redress/web-scan@1}): what was scanned, when, how far it got and how it ended. The workspace's
 * scan jobs and {@code redress scan --case} write the same record.
 *
 * @param state {@code queued}, {@code counting}, {@code running}, {@code done}, {@code partial},
 *     {@code failed} or {@code cancelled}
 * @param error why it failed, or null
 */
public record ScanRecord(
    String id,
    String caseId,
    List<Path> paths,
    Instant started,
    String state,
    long checked,
    long total,
    String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the paths. */
  public ScanRecord {
    paths = List.copyOf(paths);
  }

  /**
   * Writes {@code scan.json} into {@code dir} (to a temporary file, then moved into place).
   *
   * @throws IOException when it cannot be written
   */
  public void save(Path dir) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("schema", "redress/web-scan@1");
    n.put("id", id);
    n.put("case", caseId);
    n.put("started_at", started.toString());
    n.put("state", state);
    n.put("checked", checked);
    n.put("total", total);
    if (error != null) {
      n.put("error", error);
    }
    ArrayNode ps = n.putArray("paths");
    paths.forEach(p -> ps.add(p.toString()));
    Path f = dir.resolve("scan.json");
    Path tmp = dir.resolve("scan.json.tmp");
    Files.deleteIfExists(tmp);
    OwnerOnly.writeString(tmp, n.toPrettyString() + "\n");
    try {
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Reads {@code dir/scan.json}; empty when there is none.
   *
   * @throws IllegalStateException naming the file when it is damaged
   */
  public static Optional<ScanRecord> load(Path dir, String caseId) {
    Path f = dir.resolve("scan.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
      List<Path> paths = new ArrayList<>();
      n.path("paths").forEach(p -> paths.add(Path.of(p.asText())));
      return Optional.of(
          new ScanRecord(
              dir.getFileName().toString(),
              caseId,
              paths,
              Instant.parse(n.path("started_at").asText()),
              n.path("state").asText("failed"),
              n.path("checked").asLong(),
              n.path("total").asLong(),
              n.hasNonNull("error") ? n.get("error").asText() : null));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("failed to read " + f + ": " + e.getMessage(), e);
    }
  }
}
