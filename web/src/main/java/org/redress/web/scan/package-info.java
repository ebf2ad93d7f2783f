/**
 * Scans of a case run in the background with progress streamed to the page (server-sent events),
 * cancel and resume ({@link org.redress.web.scan.ScanJobs}), and the spread report as a page:
 * totals, SVG bar charts laid out in Java ({@link org.redress.web.scan.BarChart}) and the
 * occurrences with filters ({@link org.redress.web.scan.ReportView}).
 */
package org.redress.web.scan;
