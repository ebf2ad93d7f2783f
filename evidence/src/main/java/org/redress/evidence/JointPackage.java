package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An evidence package spanning several cases (docs/dossiers.md "Joint package", issue 19): one
 * ordinary package per case, named by the victim's pseudonym ({@code cases/A.zip}), and {@code
 * joint.json} listing each part's SHA-256 and the items it must hold (log index and SHA-256). It
 * verifies with nothing but itself: every part as {@link PackageVerifier} verifies a single case's
 * package, then every listed item against the part's verified manifest.
 *
 * <p>The pseudonym names the part, and nothing in it names the case: each part is a pseudonymous
 * package (docs/evidence-format.md §7.1) whose log records and metadata carry the case's salted
 * commitment, not its id. Items logged before commitments (format 1) name their case in their
 * signed records; a part holding one is an ordinary package that names the case ({@link
 * Written#namesCase()}).
 */
public final class JointPackage {
  /** The format of {@code joint.json}. */
  public static final String FORMAT = "redress-joint-package/1";

  private static final Pattern PSEUDONYM = Pattern.compile("[A-Z]{1,3}");
  private static final Pattern ALLOWED =
      Pattern.compile("joint\\.json|README\\.txt|cases/[A-Z]{1,3}\\.zip");
  private static final int MAX_JOINT = 64 << 20;

  private JointPackage() {}

  /**
   * One case's part.
   *
   * @param victim her pseudonym ({@code A}, {@code B}, …)
   * @param caseId her case in the store
   * @param itemIds the items to include (their {@code add} log indices); must not be empty
   */
  public record Part(String victim, String caseId, List<Long> itemIds) {
    /** Checks and copies. */
    public Part {
      if (victim == null || !PSEUDONYM.matcher(victim).matches()) {
        throw new IllegalArgumentException("a pseudonym must be 1-3 capitals, was " + victim);
      }
      itemIds = List.copyOf(itemIds);
      if (itemIds.isEmpty()) {
        throw new IllegalArgumentException("victim " + victim + ": a part needs items");
      }
    }
  }

  /**
   * A part as written.
   *
   * @param entry its name in the joint package ({@code cases/A.zip})
   * @param sha256 the SHA-256 of that inner package
   * @param treeSize the size of the signed checkpoint it carries
   * @param rootHex that checkpoint's root hash
   * @param namesCase true when the part names its case (items logged in format 1, before case
   *     commitments); false when nothing in it names the case
   */
  public record Written(
      String victim,
      String entry,
      int items,
      String sha256,
      long treeSize,
      String rootHex,
      boolean namesCase) {}

  /**
   * Writes a joint package (write-once: refuses an existing file). Each part is exported as the
   * store exports a case (hashes and metadata, no content).
   *
   * @return the parts written, in order
   * @throws EvidenceException when an export fails or {@code out} exists
   */
  public static List<Written> write(EvidenceStore store, List<Part> parts, Path out)
      throws EvidenceException {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a joint package needs at least one part");
    }
    if (Files.exists(out)) {
      throw new EvidenceException("refusing to overwrite existing file " + out);
    }
    Path tmp;
    try {
      tmp = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".joint-");
    } catch (IOException e) {
      throw new EvidenceException("failed to create a folder beside " + out + ": " + e, e);
    }
    try {
      Map<String, Path> files = new LinkedHashMap<>();
      List<Written> written = new ArrayList<>();
      List<Object> jsonParts = new ArrayList<>();
      for (Part p : parts) {
        String entry = "cases/" + p.victim() + ".zip";
        if (files.containsKey(entry)) {
          throw new IllegalArgumentException("victim " + p.victim() + " is given twice");
        }
        Path inner = tmp.resolve(p.victim() + ".zip");
        boolean namesCase = !store.namesNoCase(p.itemIds());
        store.export(p.caseId(), p.itemIds(), inner, null, namesCase ? null : p.victim());
        byte[] bytes = Files.readAllBytes(inner);
        String sha = Hex.of(Hex.sha256(bytes));
        Checkpoint cp = store.latestCheckpoint();
        if (cp == null) { // export signs a checkpoint first, so this means the log was changed
          throw new EvidenceException("no checkpoint after exporting victim " + p.victim());
        }
        List<Object> items = new ArrayList<>();
        for (long id : p.itemIds()) {
          Item it = store.item(id);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("item", it.id());
          m.put("leaf_index", it.id());
          m.put("sha256", it.sha256());
          items.add(m);
        }
        Map<String, Object> jp = new LinkedHashMap<>();
        jp.put("victim", p.victim());
        jp.put("package", entry);
        jp.put("sha256", sha);
        jp.put("items", items);
        jsonParts.add(jp);
        files.put(entry, inner);
        written.add(
            new Written(p.victim(), entry, items.size(), sha, cp.size(), cp.rootHex(), namesCase));
      }
      Map<String, Object> joint = new LinkedHashMap<>();
      joint.put("format", FORMAT);
      joint.put("parts", jsonParts);
      byte[] jointBytes = (Json.write(joint) + "\n").getBytes(StandardCharsets.UTF_8);
      boolean created =
          Durable.writeOnce(
              out.toAbsolutePath(),
              os -> writeZip(os, jointBytes, files, written.size()),
              true,
              true);
      if (!created) {
        throw new EvidenceException("refusing to overwrite existing file " + out);
      }
      return written;
    } catch (IOException e) {
      throw new EvidenceException("failed to write joint package " + out + ": " + e, e);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void writeZip(OutputStream os, byte[] joint, Map<String, Path> files, int n)
      throws IOException {
    ZipOutputStream z = new ZipOutputStream(os, StandardCharsets.UTF_8);
    put(z, "joint.json", joint);
    String readme =
        String.format(
            Locale.ROOT,
            "Redress joint evidence package: %d cases, each an ordinary evidence package under"
                + " its victim's pseudonym (cases/A.zip, ...).%n"
                + "Verify offline: redress evidence verify THIS.zip (or each cases/X.zip alone).%n"
                + "多案联合证据包：每名被害人的案件为一个独立证据包（以化名命名），可离线逐一验证。%n",
            n);
    put(z, "README.txt", readme.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, Path> e : files.entrySet()) {
      put(z, e.getKey(), Files.readAllBytes(e.getValue()));
    }
    z.finish();
  }

  private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0L);
    z.putNextEntry(e);
    z.write(data);
    z.closeEntry();
  }

  /** True when {@code zip} is a joint package (it holds {@code joint.json}). */
  public static boolean isJoint(Path zip) {
    try (StrictZip z = StrictZip.open(zip)) {
      return z.entries().containsKey("joint.json");
    } catch (IOException | Failure e) {
      return false;
    }
  }

  /**
   * Verifies a joint package with nothing but itself: the zip, {@code joint.json}, every part's
   * SHA-256, every part as a single case's package ({@link PackageVerifier#verify(Path)}), and
   * every listed item (its log index and SHA-256) in that part's verified manifest. Failures name
   * the victim's pseudonym and the item.
   */
  public static Verification verify(Path zip) {
    Verification v = new Verification();
    Path tmp = null;
    try (StrictZip z = StrictZip.open(zip)) {
      for (StrictZip.Entry e : z.entries().values()) {
        if (!ALLOWED.matcher(e.name()).matches()) {
          v.fail("joint package", "unexpected entry: " + e.name());
          return v;
        }
      }
      StrictZip.Entry je = z.entries().get("joint.json");
      if (je == null) {
        v.fail("joint package", "no joint.json");
        return v;
      }
      Map<String, Object> joint =
          Json.parseObject(new String(z.read(je, MAX_JOINT), StandardCharsets.UTF_8));
      if (!FORMAT.equals(joint.get("format"))) {
        v.fail("joint package", "joint.json format is not " + FORMAT);
        return v;
      }
      if (!(joint.get("parts") instanceof List<?> parts) || parts.isEmpty()) {
        v.fail("joint package", "joint.json lists no parts");
        return v;
      }
      v.ok("joint package", parts.size() + " parts listed in joint.json");
      tmp = Files.createTempDirectory("redress-joint-");
      for (Object o : parts) {
        part(z, o, tmp, v);
      }
      for (String name : z.entries().keySet()) {
        if (name.startsWith("cases/") && !listed(parts, name)) {
          v.fail("joint package", name + " is not listed in joint.json");
        }
      }
    } catch (Failure f) {
      v.fail("joint package", f.getMessage());
    } catch (IOException | RuntimeException e) {
      v.fail("joint package", "cannot read " + zip + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
    return v;
  }

  private static boolean listed(List<?> parts, String name) {
    for (Object o : parts) {
      if (o instanceof Map<?, ?> m && name.equals(m.get("package"))) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static void part(StrictZip z, Object o, Path tmp, Verification v)
      throws IOException, Failure {
    if (!(o instanceof Map<?, ?>)) {
      throw new Failure("joint.json: a part is not an object");
    }
    Map<String, Object> p = (Map<String, Object>) o;
    String victim = Json.str(p, "victim", "joint.json part");
    if (!PSEUDONYM.matcher(victim).matches()) {
      throw new Failure("joint.json: bad pseudonym " + victim);
    }
    String who = "victim " + victim;
    String entry = Json.str(p, "package", who);
    if (!entry.equals("cases/" + victim + ".zip")) {
      v.fail(who, "package is named " + entry + ", not cases/" + victim + ".zip");
      return;
    }
    StrictZip.Entry e = z.entries().get(entry);
    if (e == null) {
      v.fail(who, "package " + entry + " is missing");
      return;
    }
    Path inner = tmp.resolve(victim + ".zip");
    java.security.MessageDigest d = Hex.sha256();
    try (InputStream in = z.open(e);
        OutputStream os = Files.newOutputStream(inner)) {
      byte[] buf = new byte[65_536];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
        os.write(buf, 0, n);
      }
    }
    String sha = Hex.of(d.digest());
    String expected = Json.str(p, "sha256", who);
    if (sha.equals(expected)) {
      v.ok(who, entry + " has the SHA-256 listed in joint.json");
    } else {
      v.fail(who, entry + " has SHA-256 " + sha + ", joint.json lists " + expected);
    }
    Verification one = PackageVerifier.verify(inner);
    for (Verification.Check c : one.checks()) {
      if (c.ok()) {
        v.ok(who + ", " + c.subject(), c.detail());
      } else {
        v.fail(who + ", " + c.subject(), c.detail());
      }
    }
    String label = PackageWriter.label("", victim);
    one.manifest()
        .filter(m -> m.caseId().startsWith("被害人") && !m.caseId().equals(label))
        .ifPresent(m -> v.fail(who, entry + " is the part of " + m.caseId()));
    Map<Long, VerifiedManifest.Item> byId = new HashMap<>();
    one.manifest().ifPresent(m -> m.items().forEach(it -> byId.put(it.id(), it)));
    if (!(p.get("items") instanceof List<?> items) || items.isEmpty()) {
      v.fail(who, "joint.json lists no items");
      return;
    }
    int held = 0;
    for (Object io : items) {
      if (!(io instanceof Map<?, ?>)) {
        throw new Failure("joint.json: an item of " + who + " is not an object");
      }
      Map<String, Object> it = (Map<String, Object>) io;
      long id = Json.num(it, "item", who);
      long leaf = Json.num(it, "leaf_index", who);
      String s = Json.str(it, "sha256", who);
      String subject = String.format(Locale.ROOT, "%s, item %d (log index %d)", who, id, leaf);
      VerifiedManifest.Item got = byId.get(id);
      if (got == null) {
        v.fail(subject, "not proven by the case's package");
      } else if (got.logIndex() != leaf) {
        v.fail(subject, "the package proves it at log index " + got.logIndex());
      } else if (!got.sha256().equals(s)) {
        v.fail(subject, "the package proves SHA-256 " + got.sha256() + ", listed " + s);
      } else {
        held++;
      }
    }
    if (held == items.size()) {
      v.ok(who, held + " listed items proven with their log index and SHA-256");
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder left behind holds only hashes and metadata
    }
  }
}
