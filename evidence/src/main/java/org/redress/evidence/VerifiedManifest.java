package org.redress.evidence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of an evidence package that {@link PackageVerifier} verified: every value here was
 * read through the ZIP central directory, is covered by the package's signed checkpoint (leaf
 * hashes and inclusion proofs), and its metadata matches the SHA-256 the log committed to. It is
 * the only way other modules (documents, web) get manifest data; there is no public constructor
 * path from an unverified file. Obtain one with {@link PackageVerifier#readVerified(Path)}.
 *
 * <p>What "verified" proves and does not prove is in docs/evidence-format.md §10 (trust model): the
 * package is internally consistent and was signed by the key with {@link #keyFingerprint()}; whose
 * key that is must be checked against a fingerprint published earlier (pin it).
 *
 * @param source the package file
 * @param caseId the case the package was exported for
 * @param origin the log's origin line
 * @param treeSize the size of the signed checkpoint every item is proven against
 * @param rootHex the checkpoint's root hash, lowercase hex
 * @param keyFingerprint SHA-256 of the log's Ed25519 public key, lowercase hex (64 digits)
 * @param timestamps the RFC 3161 timestamps that verified, oldest first (empty: no trusted time)
 * @param items the preserved items, in log order, each with its current (last corrected) metadata
 */
public record VerifiedManifest(
    Path source,
    String caseId,
    String origin,
    long treeSize,
    String rootHex,
    String keyFingerprint,
    List<Timestamp> timestamps,
    List<Item> items) {

  /** Copies the lists. */
  public VerifiedManifest {
    timestamps = List.copyOf(timestamps);
    items = List.copyOf(items);
  }

  /**
   * One preserved item.
   *
   * @param id the item id (the log index of its {@code add} leaf)
   * @param logIndex the log index of its {@code add} leaf (equal to {@code id})
   * @param metadataLogIndex the log index of the leaf that names its current metadata (the last
   *     correction, or the add)
   * @param sha256 lowercase hex SHA-256 of the original file
   * @param size size of the original file in bytes
   * @param loggedAt the {@code at} time of its add leaf (the store's clock, not a trusted time)
   * @param capturedAt when it was captured, from its metadata
   * @param existedBy the genTime of the earliest RFC 3161 timestamp covering it, if any
   * @param sourceKind {@code file}, {@code telegram}, {@code url} or {@code other}, if recorded
   * @param sourceValue the source (a path, a chat/message locator, a URL), if recorded
   * @param captureMethod how it was captured, if recorded
   * @param capturedBy who captured it, if recorded
   * @param fileName the original file name, if recorded
   * @param mediaType the media type, if recorded
   * @param note the note (after a correction: its reason), if any
   * @param corrections how many corrections of its metadata the package holds
   * @param hasContent whether the package carries its (encrypted) content
   */
  public record Item(
      long id,
      long logIndex,
      long metadataLogIndex,
      String sha256,
      long size,
      Instant loggedAt,
      Instant capturedAt,
      Optional<Instant> existedBy,
      Optional<String> sourceKind,
      Optional<String> sourceValue,
      Optional<String> captureMethod,
      Optional<String> capturedBy,
      Optional<String> fileName,
      Optional<String> mediaType,
      Optional<String> note,
      int corrections,
      boolean hasContent) {}

  /**
   * A trusted timestamp over a checkpoint.
   *
   * @param treeSize the size of the stamped checkpoint
   * @param time the TSA's genTime
   * @param tsaSubject the subject of the TSA certificate that signed it
   * @param tsaCertSha256 SHA-256 of that certificate, lowercase hex
   */
  public record Timestamp(long treeSize, Instant time, String tsaSubject, String tsaCertSha256) {}
}
