package org.redress.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The result of a scan: the spread report ({@code redress/spread-report@1}, documented in {@code
 * docs/spread-report.md}) as JSON, CSV (one row per occurrence) or a self-contained HTML page.
 * No report form contains media: only references, hashes and, when asked for, 8 × 8 thumbnails.
 */
public final class SpreadReport {
  /** The report's schema identifier. */
  public static final String SCHEMA = ReportBuilder.SCHEMA;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;
  private final Map<String, byte[]> thumbnails;
  private final TradeLexicon lexicon;

  SpreadReport(ObjectNode root, Map<String, byte[]> thumbnails, TradeLexicon lexicon) {
    this.root = root;
    this.thumbnails = Map.copyOf(thumbnails);
    this.lexicon = lexicon;
  }

  /** The report as indented JSON (UTF-8 text, ending with a newline). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write the report: " + e.getOriginalMessage(), e);
    }
  }

  /** True when some source could not be read to the end (or at all): the counts are partial. */
  public boolean partial() {
    return root.get("partial").asBoolean();
  }

  /**
   * What could not be read, one line each ({@code unchecked.not_read}): sources refused, read only
   * in part, or read as empty, with how to fix it.
   */
  public java.util.List<String> notRead() {
    java.util.List<String> out = new java.util.ArrayList<>();
    root.get("unchecked").get("not_read").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Report items (bank item labels) with at least one occurrence. */
  public long matchedItems() {
    return totals().get("matched_items").asLong();
  }

  /** Posts carrying at least one matched file. */
  public long postsWithMatches() {
    return totals().get("posts_with_matches").asLong();
  }

  /** Chats with at least one matched post. */
  public long chatsInvolved() {
    return totals().get("chats_involved").asLong();
  }

  /** Media files hashed and compared with the banks. */
  public long mediaChecked() {
    return totals().get("media_checked").asLong();
  }

  /** Media references that could not be checked (every reason). */
  public long mediaUnchecked() {
    return totals().get("media_unchecked").asLong();
  }

  /** Posts flagged as trade ads. */
  public long adPosts() {
    return totals().get("ad_posts").asLong();
  }

  /** True when a picture region of a screenshot matched (the report has {@code read_facts}). */
  public boolean screenshotsMatched() {
    return root.has("read_facts");
  }

  private JsonNode totals() {
    return root.get("totals");
  }

  /**
   * Writes the JSON report (to a temporary file, then moved into place).
   *
   * @throws ScanException when the file cannot be written
   */
  public void writeJson(Path out) throws ScanException {
    write(out, toJson());
  }

  /**
   * Writes one CSV row per occurrence (RFC 4180, UTF-8, with a header).
   *
   * @throws ScanException when the file cannot be written
   */
  public void writeCsv(Path out) throws ScanException {
    write(out, CsvReport.render(root));
  }

  /**
   * Writes the self-contained HTML report: a summary in Chinese and English, a timeline of
   * appearances per day (inline SVG), the items, a per-chat table, trade posts and what was not
   * checked. No scripts, no external resources, no images except the pixelated thumbnails when
   * the scan was asked for them.
   *
   * @throws ScanException when the file cannot be written
   */
  public void writeHtml(Path out) throws ScanException {
    write(out, HtmlReport.render(root, thumbnails, lexicon));
  }

  /** The HTML report as text. */
  public String toHtml() {
    return HtmlReport.render(root, thumbnails, lexicon);
  }

  /** The CSV report as text. */
  public String toCsv() {
    return CsvReport.render(root);
  }

  private static void write(Path out, String text) throws ScanException {
    Path abs = out.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
      throw new ScanException("failed to write " + out + ": " + e.getMessage(), e);
    }
  }
}
