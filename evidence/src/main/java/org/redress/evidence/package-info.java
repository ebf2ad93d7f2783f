/**
 * The evidence locker: an encrypted, content-addressed store of items with their provenance, an
 * append-only RFC 6962 Merkle log with Ed25519-signed checkpoints, optional RFC 3161 timestamps,
 * and self-contained packages that anyone can verify offline. The format is specified in {@code
 * docs/evidence-format.md}; {@link org.redress.evidence.EvidenceStore} is the front door for
 * writing and {@link org.redress.evidence.PackageVerifier} for checking.
 */
package org.redress.evidence;
