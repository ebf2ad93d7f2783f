package org.redress.scan;

import java.time.ZoneId;
import java.util.Map;
import org.redress.report.ReportCsv;
import org.redress.report.ReportException;
import org.redress.report.ReportHtml;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;
import org.redress.sources.LimitExceeded;

/**
 * What a scan produced: the spread report and, when asked for, the 8 × 8 mosaics of the matched
 * images by SHA-256 (shown in the HTML view only, never stored in the JSON).
 *
 * @param report the report
 * @param thumbnails PNG mosaics by SHA-256; empty unless the scan was asked for them
 * @param limitsExceeded by source path, the safety limit a refused source went over (typed, for a
 *     front end to say which setting raises it)
 */
public record ScanResult(
    SpreadReport report,
    Map<String, byte[]> thumbnails,
    Map<String, LimitExceeded> limitsExceeded) {
  /** Copies the maps. */
  public ScanResult {
    thumbnails = Map.copyOf(thumbnails);
    limitsExceeded = Map.copyOf(limitsExceeded);
  }

  /** The JSON report as text. */
  public String toJson() {
    return ReportJson.toText(report);
  }

  /** The HTML view (times in {@code zone}). */
  public String toHtml(ZoneId zone) {
    return ReportHtml.toText(report, thumbnails, zone);
  }

  /** The CSV view (times in {@code zone}). */
  public String toCsv(ZoneId zone) {
    return ReportCsv.toText(report, zone);
  }

  /**
   * Writes the JSON report.
   *
   * @throws ReportException when it cannot be written
   */
  public void writeJson(java.nio.file.Path out) throws ReportException {
    ReportJson.write(report, out);
  }

  /**
   * Writes the HTML view.
   *
   * @throws ReportException when it cannot be written
   */
  public void writeHtml(java.nio.file.Path out, ZoneId zone) throws ReportException {
    ReportHtml.write(report, thumbnails, zone, out);
  }

  /**
   * Writes the CSV view.
   *
   * @throws ReportException when it cannot be written
   */
  public void writeCsv(java.nio.file.Path out, ZoneId zone) throws ReportException {
    ReportCsv.write(report, zone, out);
  }
}
