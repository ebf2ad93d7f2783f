/**
 * Matching: {@link org.redress.match.PdqIndex}, an exact radius index over 256-bit PDQ hashes
 * (multi-index hashing); {@link org.redress.match.VpdqRule}, the vPDQ video match rule; and {@link
 * org.redress.match.Matcher}, banks held in memory that match a {@link org.redress.match.Query} and
 * explain every {@link org.redress.match.Match} by bank, item, label, signal and distance, with an
 * allow list for known false positives. Pure: JDK and {@code phash} only; no I/O.
 */
package org.redress.match;
