/**
 * The spread report as typed values ({@link org.redress.report.SpreadReport}), its one JSON reader
 * and writer ({@link org.redress.report.ReportJson}, strict, streaming) and its two views for
 * people: a self-contained bilingual HTML page for a judge, a lawyer or the victim ({@link
 * org.redress.report.ReportHtml}) and CSV for a spreadsheet ({@link org.redress.report.ReportCsv}).
 * JDK and Jackson only. {@code scan} produces reports; {@code casework}, {@code documents} and
 * {@code web} read them only through this package. See {@code docs/spread-report.md}.
 */
package org.redress.report;
