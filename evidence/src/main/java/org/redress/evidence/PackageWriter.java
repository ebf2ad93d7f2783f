package org.redress.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/** Writes an evidence package (docs §7) from an open store. */
final class PackageWriter {
  static final String FORMAT = "redress-evidence-package/1";

  private final EvidenceStore store;
  private final LogState log;
  private final Checkpointer checkpoints;
  private final Layout layout;
  private final SecureRandom random;
  private final Clock clock;
  private final String origin;

  PackageWriter(
      EvidenceStore store,
      LogState log,
      Checkpointer checkpoints,
      Layout layout,
      SecureRandom random,
      Clock clock,
      String origin) {
    this.store = store;
    this.log = log;
    this.checkpoints = checkpoints;
    this.layout = layout;
    this.random = random;
    this.clock = clock;
    this.origin = origin;
  }

  /** The case as a package shows it: its id, or for a pseudonymous part the victim's pseudonym. */
  static String label(String caseId, @Nullable String pseudonym) {
    return pseudonym == null ? caseId : "被害人" + pseudonym;
  }

  /**
   * Writes the package. With a {@code pseudonym} it names no case (docs §7 "Pseudonymous
   * packages"): the manifest gives the pseudonym and the case commitment instead of the case and
   * its salt, and every leaf must be of format 2.
   */
  void write(
      String caseId,
      SortedSet<Long> itemIds,
      Path out,
      char @Nullable [] passphrase,
      @Nullable String pseudonym)
      throws IOException, EvidenceException {
    Checkpoint cp = checkpoints.signedHead();
    long size = cp.size();
    MerkleTree tree = log.tree();
    Crypto.@Nullable Kdf kdf = null;
    byte @Nullable [] contentKey = null;
    if (passphrase != null) {
      kdf = Crypto.Kdf.fresh(random, Crypto.Kdf.DEFAULT_MEMORY_KIB, Crypto.Kdf.DEFAULT_ITERATIONS);
      contentKey = kdf.derive(passphrase);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Object> entries = new ArrayList<>();
    TreeSet<Long> allLeaves = new TreeSet<>();
    List<Item> items = new ArrayList<>();
    for (long id : itemIds) {
      items.add(store.item(id));
      for (long li : log.leafIndicesOf(id)) {
        allLeaves.add(li);
        Leaf leaf = log.leaf(li);
        if (pseudonym != null && leaf.commit == null) {
          throw new EvidenceException(
              fmt(
                  "item %d was logged in format 1, which names its case in clear: it cannot go"
                      + " into a package that names no case",
                  id));
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("leaf_index", li);
        e.put("leaf", new String(log.leafBytes(li), StandardCharsets.UTF_8));
        e.put("metadata", store.metadataVersion(id, leaf.metaHash()).json());
        String proofName = "proofs/" + li + ".txt";
        e.put("proof", proofName);
        files.put(
            proofName,
            Merkle.formatProof(tree.inclusionProof(li, size)).getBytes(StandardCharsets.UTF_8));
        if (contentKey != null && leaf.type.equals(Leaf.ADD)) {
          String name = "content/" + id + ".bin";
          ByteArrayOutputStream plain = new ByteArrayOutputStream();
          store.readContent(id, plain);
          ByteArrayOutputStream enc = new ByteArrayOutputStream();
          Crypto.encrypt(
              contentKey,
              "redress/package/" + id + "/" + leaf.sha256,
              new ByteArrayInputStream(plain.toByteArray()),
              enc,
              random);
          files.put(name, enc.toByteArray());
          e.put("content", name);
        }
        entries.add(e);
      }
    }
    List<Object> stamps = new ArrayList<>();
    for (long s : stampedSizesFor(allLeaves, size)) {
      String base = "timestamps/" + Layout.sizeName(s);
      files.put(base + ".txt", Files.readAllBytes(layout.checkpoint(s)));
      files.put(base + ".tsr", Files.readAllBytes(layout.token(s)));
      List<byte[]> proof = s == size ? List.of() : tree.consistencyProof(s, size);
      files.put(base + ".consistency", Merkle.formatProof(proof).getBytes(StandardCharsets.UTF_8));
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("size", s);
      t.put("checkpoint", base + ".txt");
      t.put("token", base + ".tsr");
      t.put("consistency", base + ".consistency");
      stamps.add(t);
    }
    List<Object> consistency = new ArrayList<>();
    for (long s : checkpoints.publishedSizes()) {
      if (s < 1 || s > size) {
        continue;
      }
      String name = "consistency/" + Layout.sizeName(s) + ".txt";
      List<byte[]> proof = s == size ? List.of() : tree.consistencyProof(s, size);
      files.put(name, Merkle.formatProof(proof).getBytes(StandardCharsets.UTF_8));
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("size", s);
      c.put("proof", name);
      consistency.add(c);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("origin", origin);
    String commit = store.salts().commitOf(caseId);
    if (pseudonym != null) {
      manifest.put("victim", pseudonym);
      manifest.put("case_commit", commit);
    } else {
      manifest.put("case", caseId);
      byte[] salt = store.salts().salt(caseId);
      if (salt != null) {
        manifest.put("case_salt", Hex.of(salt));
      }
    }
    String createdAt = clock.instant().toString();
    manifest.put("created_at", createdAt);
    manifest.put("tree_size", size);
    manifest.put("entries", entries);
    manifest.put("timestamps", stamps);
    if (!consistency.isEmpty()) {
      manifest.put("consistency", consistency);
    }
    if (kdf != null && contentKey != null) {
      Map<String, Object> enc = kdf.toJson();
      enc.put(
          "check",
          b64(
              Crypto.wrap(
                  contentKey,
                  "redress-package-1".getBytes(StandardCharsets.US_ASCII),
                  "redress/package-check",
                  random)));
      manifest.put("content_encryption", enc);
    }
    boolean created =
        Durable.writeOnce(
            out.toAbsolutePath(),
            zip -> writeZip(zip, manifest, createdAt, cp, files, items, label(caseId, pseudonym)),
            false,
            true);
    if (!created) {
      throw EvidenceException.of(
          EvidenceException.Reason.WOULD_OVERWRITE,
          "refusing to overwrite existing file " + out,
          out);
    }
  }

  /** For each leaf, the earliest stamped checkpoint that covers it. */
  private SortedSet<Long> stampedSizesFor(SortedSet<Long> leafIndices, long size)
      throws IOException {
    List<Long> stamped = new ArrayList<>();
    for (long s : checkpoints.sizes()) {
      if (s <= size && Files.exists(layout.token(s))) {
        stamped.add(s);
      }
    }
    TreeSet<Long> out = new TreeSet<>();
    for (long li : leafIndices) {
      for (long s : stamped) {
        if (s > li) {
          out.add(s);
          break;
        }
      }
    }
    return out;
  }

  private void writeZip(
      OutputStream os,
      Map<String, Object> manifest,
      String createdAt,
      Checkpoint cp,
      Map<String, byte[]> files,
      List<Item> items,
      String caseId)
      throws IOException {
    ZipOutputStream z = new ZipOutputStream(os, StandardCharsets.UTF_8);
    put(z, "manifest.json", (Json.write(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    put(z, "checkpoint.txt", cp.bytes());
    put(z, "public-key.txt", (store.publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
      put(z, e.getKey(), e.getValue());
    }
    put(
        z,
        "index.html",
        IndexHtml.render(
                caseId,
                cp,
                store.publicKey(),
                items,
                manifest.containsKey("content_encryption"),
                createdAt)
            .getBytes(StandardCharsets.UTF_8));
    z.finish();
  }

  private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0L);
    z.putNextEntry(e);
    z.write(data);
    z.closeEntry();
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
