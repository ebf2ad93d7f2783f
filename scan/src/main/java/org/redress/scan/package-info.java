/**
 * Scanning: reads sources (Telegram exports, folders, ZIP archives), hashes every media file in
 * parallel, matches the hashes against banks, detects trade posts with a bilingual lexicon, and
 * writes the spread report ({@code redress/spread-report@1}: JSON, CSV, HTML) with the case facts
 * it proves. {@link org.redress.scan.Scanner} is the front door; see {@code docs/spread-report.md}.
 */
package org.redress.scan;
