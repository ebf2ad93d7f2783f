package org.redress.cases;

import java.time.Instant;

/**
 * A known-benign hash on the allow list, shared by every bank.
 *
 * @param id database id
 * @param hash the hash (pdq, md5 or sha256)
 * @param maxDistance PDQ only: how far a query may lie from it and still be suppressed
 * @param label why it is allowed
 * @param addedBy who added it
 * @param addedAt when
 */
public record AllowEntry(
    long id, HashValue hash, int maxDistance, String label, String addedBy, Instant addedAt) {}
