package org.redress.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Reads stored items back (docs §6): decrypts an item's content or one version of its metadata and
 * checks it against the SHA-256 its leaf names, so nothing that does not match the log is handed
 * out.
 */
final class ItemReader {
  private final Blobs blobs;
  private final KeyRing keyRing;
  private final LogState log;

  ItemReader(Blobs blobs, KeyRing keyRing, LogState log) {
    this.blobs = blobs;
    this.keyRing = keyRing;
    this.log = log;
  }

  /** The metadata named by the item's latest leaf. */
  Metadata metadata(long id) throws EvidenceException {
    log.addLeaf(id);
    return metadataVersion(id, log.latestMeta(id));
  }

  /** One version of an item's metadata, checked against its log hash. */
  Metadata metadataVersion(long id, String msha) throws EvidenceException {
    Leaf add = log.addLeaf(id);
    byte[] key = keyRing.caseKey(add.caseId, false);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = blobs.open(add.caseId, Pack.META, msha)) {
      Crypto.decrypt(key, Ingest.metaContext(add.caseId, msha), in, buf);
    } catch (NoSuchFileException ex) {
      throw new EvidenceException(
          "metadata of item " + id + " is missing: " + blobs.where(add.caseId, Pack.META, msha),
          ex);
    } catch (IOException ex) {
      throw new EvidenceException(
          "failed to read metadata of item "
              + id
              + " from "
              + blobs.where(add.caseId, Pack.META, msha)
              + ": "
              + ex.getMessage(),
          ex);
    } catch (Failure f) {
      throw new EvidenceException("metadata of item " + id + ": " + f.getMessage());
    }
    byte[] bytes = buf.toByteArray();
    if (!Hex.of(Hex.sha256(bytes)).equals(msha)) {
      throw new EvidenceException("metadata of item " + id + " does not match its log hash");
    }
    return Metadata.parse(bytes, "metadata of item " + id);
  }

  /** Writes an item's decrypted content to {@code out} and checks its SHA-256 against the log. */
  void content(long id, OutputStream out) throws EvidenceException {
    Leaf add = log.addLeaf(id);
    if (log.isShredded(add.caseId)) {
      throw new EvidenceException("case " + add.caseId + " was shredded: its key is destroyed");
    }
    byte[] key = keyRing.caseKey(add.caseId, false);
    String where = blobs.where(add.caseId, Pack.CONTENT, add.sha());
    MessageDigest d = Hex.sha256();
    try (InputStream in = blobs.open(add.caseId, Pack.CONTENT, add.sha());
        OutputStream tee = new DigestOutputStream(out, d)) {
      Crypto.decrypt(key, Ingest.itemContext(add.caseId, add.sha()), in, tee);
    } catch (NoSuchFileException ex) {
      String bad = blobs.damaged().get(add.caseId);
      throw new EvidenceException(
          "content of item "
              + id
              + " is missing: "
              + where
              + (bad == null ? "" : " (case " + add.caseId + " has a damaged pack: " + bad + ")"),
          ex);
    } catch (IOException ex) {
      throw new EvidenceException("failed to read item " + id + ": " + ex.getMessage(), ex);
    } catch (Failure f) {
      throw new EvidenceException("item " + id + ": " + f.getMessage());
    }
    String got = Hex.of(d.digest());
    if (!got.equals(add.sha256)) {
      throw new EvidenceException(
          "item " + id + ": content SHA-256 " + got + " differs from the logged " + add.sha256);
    }
  }

  /** Decrypts every readable item and checks it against the log: one check per item. */
  Verification verifyAll() {
    Verification v = new Verification();
    for (String c : log.cases()) {
      for (long id : log.itemsOf(c)) {
        String subject = "item " + id;
        if (log.isShredded(c)) {
          v.ok(subject, "case " + c + " shredded; content intentionally unreadable");
          continue;
        }
        try {
          content(id, OutputStream.nullOutputStream());
          metadata(id);
          v.ok(subject, "content and metadata decrypt and match the log");
        } catch (EvidenceException ex) {
          v.fail(subject, ex.getMessage());
        }
      }
    }
    if (v.checks().isEmpty()) {
      v.ok("items", "none stored");
    }
    return v;
  }
}
