package org.redress.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Shared test helpers: stores with a fixed clock, innocuous generated files. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  private Fixtures() {}

  static EvidenceStore.Builder store(Path ws) {
    return EvidenceStore.builder(ws)
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .tool("redress-test", "1.0")
        .capturedBy("tester")
        .kdf(64, 1);
  }

  /** A file of pseudo-random bytes (noise), deterministic per seed. */
  static Path noise(Path dir, String name, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Path p = dir.resolve(name);
    Files.write(p, b);
    return p;
  }

  /** The pack files of a case, by name (oldest batch first). */
  static List<Path> packs(Path ws, String caseId) throws IOException {
    Path dir = ws.resolve("evidence/cases").resolve(caseId).resolve("packs");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** The index entries of every pack of a case. */
  static List<Pack.Entry> blobs(Path ws, String caseId) throws Exception {
    List<Pack.Entry> out = new java.util.ArrayList<>();
    for (Path p : packs(ws, caseId)) {
      out.addAll(Pack.readIndex(p));
    }
    return out;
  }

  static Path text(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
