/**
 * Bulk scans as an Apache Spark job: {@link org.redress.spark.BulkJob} lists media on any Hadoop
 * file system (and inside ZIP archives), hashes every file with the same {@code media} code as
 * {@code redress match}, matches the hashes against banks taken from a workspace or an exported
 * bank file with the same {@code match} code (the banks are broadcast once to every executor), and
 * writes one result row per file as Parquet and as JSON lines in the fields of {@code redress match
 * --json}. Hashes are kept in a Parquet cache keyed by path, size and modification time, so a
 * re-run hashes only what changed. Spark itself is never part of the job jar nor of the CLI.
 */
package org.redress.spark;
