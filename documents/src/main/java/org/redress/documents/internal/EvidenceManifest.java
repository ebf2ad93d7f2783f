package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.redress.documents.InputException;
import org.redress.evidence.PackageRejectedException;
import org.redress.evidence.PackageVerifier;
import org.redress.evidence.VerifiedManifest;

/**
 * The manifest of an exported evidence package ({@code manifest.json}, format {@code
 * redress-evidence-package/1}, see {@code docs/evidence-format.md} §7), read from the file itself
 * or from the package ZIP. Each {@code add} leaf is one preserved item; a later {@code correct}
 * leaf of the same item replaces its metadata. Required: {@code entries[]}, each with {@code
 * leaf_index} and {@code leaf}; an {@code add} leaf needs {@code item} and a 64-hex {@code sha256}.
 */
public final class EvidenceManifest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** One preserved item: its hash, log position and provenance. */
  public record Item(
      long item,
      long leafIndex,
      String sha256,
      OptionalLong size,
      Optional<String> capturedAt,
      Optional<String> sourceKind,
      Optional<String> sourceValue,
      Optional<String> captureMethod,
      Optional<String> fileName,
      Optional<String> mediaType,
      Optional<String> note) {}

  private final Path file;
  private final Optional<String> caseId;
  private final List<Item> items;
  private final boolean verified;

  private EvidenceManifest(Path file, Optional<String> caseId, List<Item> items, boolean verified) {
    this.file = file;
    this.caseId = caseId;
    this.items = List.copyOf(items);
    this.verified = verified;
  }

  /**
   * Whether the items come from a package that verified (a {@code .zip}); a bare {@code
   * manifest.json} cannot be verified on its own.
   */
  public boolean verified() {
    return verified;
  }

  /**
   * Reads a package manifest from {@code manifest.json} or from a package {@code .zip}.
   *
   * @throws InputException naming the file and the missing or malformed field
   */
  public static EvidenceManifest read(Path file) {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return verified(file);
    }
    return parse(Src.read(file, false));
  }

  /**
   * Reads a package through evidence's verifier (issue 17 point 2): documents never quote a SHA-256
   * from a package that did not verify.
   */
  private static EvidenceManifest verified(Path zip) {
    if (!java.nio.file.Files.isRegularFile(zip)) {
      throw new InputException(zip, "no such file");
    }
    VerifiedManifest v;
    try {
      v = PackageVerifier.readVerified(zip);
    } catch (PackageRejectedException e) {
      throw new InputException(
          zip,
          "the evidence package did not verify: "
              + e.getMessage().replace(zip.toString(), "").replace("package  did not verify: ", ""),
          e);
    }
    List<Item> items = new ArrayList<>();
    for (VerifiedManifest.Item it : v.items()) {
      items.add(
          new Item(
              it.id(),
              it.logIndex(),
              it.sha256(),
              OptionalLong.of(it.size()),
              Optional.of(it.capturedAt().toString()),
              it.sourceKind(),
              it.sourceValue(),
              it.captureMethod(),
              it.fileName(),
              it.mediaType(),
              it.note()));
    }
    return new EvidenceManifest(zip, Optional.of(v.caseId()), items, true);
  }

  private static EvidenceManifest parse(Src src) {
    Optional<String> format = src.text(src.root(), "", "format");
    if (format.isPresent() && !format.get().startsWith("redress-evidence-package/")) {
      throw src.error("format", "must be redress-evidence-package/1, was \"" + format.get() + "\"");
    }
    src.require(src.root(), "", "entries");
    Map<Long, Item> byItem = new LinkedHashMap<>();
    List<JsonNode> entries = src.array(src.root(), "", "entries");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String base = "entries[" + i + "]";
      long leafIndex =
          src.count(e, base, "leaf_index")
              .orElseThrow(() -> src.error(base + ".leaf_index", "is missing"));
      JsonNode leaf = embedded(src, e, base, "leaf", true);
      JsonNode meta = embedded(src, e, base, "metadata", false);
      String lb = base + ".leaf";
      String type = src.requireText(leaf, lb, "type");
      long item =
          src.count(leaf, lb, "item").orElseThrow(() -> src.error(lb + ".item", "is missing"));
      String mb = base + ".metadata";
      if (type.equals("add")) {
        String sha = src.requireText(leaf, lb, "sha256").toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(sha).matches()) {
          throw src.error(lb + ".sha256", "must be 64 hex digits, was \"" + sha + "\"");
        }
        Optional<String> at = src.text(leaf, lb, "at");
        byItem.put(
            item, item(src, meta, mb, item, leafIndex, sha, src.count(leaf, lb, "size"), at));
      } else if (type.equals("correct")) {
        Item old = byItem.get(item);
        if (old == null) {
          throw src.error(lb + ".item", "corrects item " + item + ", which is not in the package");
        }
        byItem.put(
            item,
            item(src, meta, mb, item, old.leafIndex(), old.sha256(), old.size(), old.capturedAt()));
      }
    }
    return new EvidenceManifest(
        src.file(), src.text(src.root(), "", "case"), new ArrayList<>(byItem.values()), false);
  }

  private static Item item(
      Src src,
      JsonNode meta,
      String mb,
      long item,
      long leafIndex,
      String sha,
      OptionalLong size,
      Optional<String> leafAt) {
    Optional<String> captured = src.text(meta, mb, "captured_at");
    return new Item(
        item,
        leafIndex,
        sha,
        size.isPresent() ? size : src.count(meta, mb, "size"),
        captured.isPresent() ? captured : leafAt,
        src.text(meta, mb, "source.kind"),
        src.text(meta, mb, "source.value"),
        src.text(meta, mb, "capture_method"),
        src.text(meta, mb, "file_name"),
        src.text(meta, mb, "media_type"),
        src.text(meta, mb, "note"));
  }

  /** A field holding JSON either as an embedded string (the package format) or as an object. */
  private static JsonNode embedded(
      Src src, JsonNode from, String base, String field, boolean required) {
    Optional<JsonNode> n = Src.at(from, field);
    if (n.isEmpty()) {
      if (required) {
        throw src.error(Src.join(base, field), "is missing");
      }
      return JSON.createObjectNode();
    }
    if (n.get().isObject()) {
      return n.get();
    }
    if (!n.get().isTextual()) {
      throw src.error(Src.join(base, field), "must be a JSON object or a string holding one");
    }
    try {
      JsonNode parsed = JSON.readTree(n.get().asText());
      if (parsed == null || !parsed.isObject()) {
        throw src.error(Src.join(base, field), "must hold a JSON object");
      }
      return parsed;
    } catch (IOException e) {
      throw src.error(Src.join(base, field), "does not hold valid JSON");
    }
  }

  /** The file the manifest came from. */
  public Path file() {
    return file;
  }

  /** The case id the package was exported for, if given. */
  public Optional<String> caseId() {
    return caseId;
  }

  /** The preserved items in log order, with their current metadata. */
  public List<Item> items() {
    return items;
  }
}
