package org.redress.evidence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One preserved item as the store knows it now.
 *
 * @param id the log index of its {@code add} leaf
 * @param caseId its case
 * @param sha256 lowercase hex SHA-256 of the content
 * @param size content size in bytes
 * @param addedAt the {@code at} of its add leaf
 * @param metadata its current metadata (after corrections), or null once its case is shredded
 * @param corrections how many corrections were logged for it
 * @param shredded whether its case key was destroyed
 */
public record Item(
    long id,
    String caseId,
    String sha256,
    long size,
    Instant addedAt,
    @Nullable Metadata metadata,
    int corrections,
    boolean shredded) {}
