package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, finding 2 ("evidence verify and every other reader see different files"): packages
 * crafted so that a reader walking local headers and a reader using the central directory (unzip,
 * Python, Windows, java.util.zip.ZipFile) would see different files are rejected, each with a clear
 * message; and finding "verify runs out of memory on a 2 MB package": a package whose entries
 * inflate far beyond their caps is rejected in a small heap.
 */
class ZipReadersAgreeTest {
  @TempDir static Path dir;
  static byte[] good;

  @BeforeAll
  static void makePackage() throws Exception {
    Path ws = dir.resolve("ws");
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      for (int i = 0; i < 2; i++) {
        s.add(
            "c",
            NewItem.of(Fixtures.noise(dir, "f" + i + ".png", 200 + i, i))
                .mediaType("image/png")
                .source("telegram", "chat/1/message/" + i));
      }
      Path out = dir.resolve("good.zip");
      s.export("c", List.of(), out, TamperCorpusTest.PASS);
      good = Files.readAllBytes(out);
    }
  }

  // ------------------------------------------------------------ raw zip surgery

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Offset of the central directory record of {@code name}. */
  private static int central(byte[] z, String name) {
    ByteBuffer b = le(z);
    int eocd = z.length - 22;
    int pos = b.getInt(eocd + 16);
    int count = b.getShort(eocd + 10) & 0xffff;
    for (int i = 0; i < count; i++) {
      int n = b.getShort(pos + 28) & 0xffff;
      int m = b.getShort(pos + 30) & 0xffff;
      int k = b.getShort(pos + 32) & 0xffff;
      if (new String(z, pos + 46, n, StandardCharsets.UTF_8).equals(name)) {
        return pos;
      }
      pos += 46 + n + m + k;
    }
    throw new AssertionError("no central record for " + name);
  }

  private static Path write(byte[] z) throws Exception {
    Path p = Files.createTempFile(dir, "crafted", ".zip");
    Files.write(p, z);
    return p;
  }

  private static String firstFailure(byte[] z) throws Exception {
    Verification v = PackageVerifier.verify(write(z), TamperCorpusTest.PASS, null);
    assertThat(v.ok()).as("crafted package must not verify").isFalse();
    return v.firstFailure().orElseThrow();
  }

  /** A stored local entry: header and data. */
  private static byte[] localEntry(String name, byte[] data) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(data);
    ByteBuffer b = ByteBuffer.allocate(30 + n.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x04034b50)
        .putShort((short) 20)
        .putShort((short) 0x800)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt((int) crc.getValue())
        .putInt(data.length)
        .putInt(data.length)
        .putShort((short) n.length)
        .putShort((short) 0)
        .put(n)
        .put(data);
    return b.array();
  }

  // ------------------------------------------------------------ the crafted packages

  @Test
  void untampered_verifiesAndSaysHowItWasRead() throws Exception {
    Verification v = PackageVerifier.verify(write(good), TamperCorpusTest.PASS, null);
    assertThat(v.ok()).as("%s", v).isTrue();
    assertThat(v.checks().get(0).detail())
        .contains("central directory")
        .contains("no trailing data");
    assertThat(v.checks()).anyMatch(c -> c.subject().equals("index.html") && c.ok());
  }

  /**
   * The attack of the finding: the central directory's "manifest.json" points at the local entry
   * named "index.html", which holds a forged manifest (index.html was not checked); a walk over
   * local headers sees the genuine manifest, every central-directory reader the forgery.
   */
  @Test
  void centralManifestPointsAtForgedLocalEntry_localWalkSeesGenuine_rejected() throws Exception {
    var es = TamperCorpusTest.entries(good);
    String genuine = new String(TamperCorpusTest.get(es, "manifest.json"), StandardCharsets.UTF_8);
    TamperCorpusTest.set(
        es,
        "index.html",
        genuine.replace("chat/1/message/0", "chat/9/message/9").getBytes(StandardCharsets.UTF_8));
    byte[] z = TamperCorpusTest.zip(es);
    int m = central(z, "manifest.json");
    int i = central(z, "index.html");
    for (int[] range : new int[][] {{16, 28}, {42, 46}}) {
      for (int k = range[0]; k < range[1]; k++) {
        byte t = z[m + k];
        z[m + k] = z[i + k];
        z[i + k] = t;
      }
    }
    try (ZipFile zf = new ZipFile(write(z).toFile())) {
      String seen =
          new String(
              zf.getInputStream(zf.getEntry("manifest.json")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(seen).as("a central-directory reader sees the forgery").contains("chat/9");
    }
    assertThat(TamperCorpusTest.entries(z).get(0).getKey()).isEqualTo("manifest.json");
    assertThat(new String(TamperCorpusTest.entries(z).get(0).getValue(), StandardCharsets.UTF_8))
        .as("a local-header walk sees the genuine manifest")
        .contains("chat/1/message/0");
    assertThat(firstFailure(z))
        .isEqualTo(
            "package: entry index.html: local header and central "
                + "directory disagree on its name (local header says \"manifest.json\")");
  }

  @Test
  void localHeaderNameDiffersFromCentral_rejected() throws Exception {
    byte[] z = good.clone();
    int rec = central(z, "public-key.txt");
    int local = le(z).getInt(rec + 42);
    z[local + 30 + "public-key.txt".length() - 5] = 'X';
    assertThat(firstFailure(z))
        .isEqualTo(
            "package: entry public-key.txt: local header and "
                + "central directory disagree on its name (local header says \"public-keX.txt\")");
  }

  @Test
  void centralCrcDiffersFromDataDescriptor_rejected() throws Exception {
    byte[] z = good.clone();
    int rec = central(z, "checkpoint.txt");
    z[rec + 16] ^= 1;
    assertThat(firstFailure(z))
        .isEqualTo(
            "package: entry checkpoint.txt: data descriptor and "
                + "central directory disagree on its CRC or sizes");
  }

  @Test
  void trailingDataAfterCentralDirectory_rejected() throws Exception {
    byte[] z = java.util.Arrays.copyOf(good, good.length + 40);
    assertThat(firstFailure(z))
        .isEqualTo(
            "package: 40 bytes of trailing data after the end of " + "the central directory");
  }

  @Test
  void prefixBeforeFirstEntry_rejected() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[64]);
    out.write(good);
    assertThat(firstFailure(out.toByteArray())).startsWith("package: the central directory");
  }

  /** An entry whose central record was removed: hidden from central readers, seen by walkers. */
  @Test
  void hiddenEntryBetweenEntries_rejectedAsGap() throws Exception {
    var es = TamperCorpusTest.entries(good);
    es.add(
        3, new AbstractMap.SimpleEntry<>("notes.txt", "hidden".getBytes(StandardCharsets.UTF_8)));
    byte[] z = TamperCorpusTest.zip(es);
    int rec = central(z, "notes.txt");
    ByteBuffer b = le(z);
    int n = b.getShort(rec + 28) & 0xffff;
    int len = 46 + n + (b.getShort(rec + 30) & 0xffff);
    int eocd = z.length - 22;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(z, 0, rec);
    out.write(z, rec + len, eocd - rec - len);
    ByteBuffer end = le(java.util.Arrays.copyOfRange(z, eocd, z.length));
    end.putShort(8, (short) (end.getShort(8) - 1))
        .putShort(10, (short) (end.getShort(10) - 1))
        .putInt(12, end.getInt(12) - len);
    out.write(end.array());
    assertThat(firstFailure(out.toByteArray()))
        .startsWith("package: ")
        .contains("bytes of hidden data before entry");
  }

  @Test
  void duplicateNamesInCentralDirectory_rejected() throws Exception {
    var es = TamperCorpusTest.entries(good);
    es.add(new AbstractMap.SimpleEntry<>("index.htmX", new byte[] {1}));
    byte[] z = TamperCorpusTest.zip(es);
    byte[] from = "index.htmX".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= z.length; i++) {
      if (java.util.Arrays.equals(z, i, i + from.length, from, 0, from.length)) {
        z[i + from.length - 1] = 'l';
      }
    }
    assertThat(firstFailure(z)).isEqualTo("package: duplicate entry name: index.html");
  }

  @Test
  void indexHtmlEdited_rejected() throws Exception {
    var es = TamperCorpusTest.entries(good);
    String html = new String(TamperCorpusTest.get(es, "index.html"), StandardCharsets.UTF_8);
    TamperCorpusTest.set(
        es, "index.html", html.replace("f0.png", "fake.png").getBytes(StandardCharsets.UTF_8));
    assertThat(firstFailure(TamperCorpusTest.zip(es)))
        .isEqualTo(
            "index.html: index.html " + "differs from what the verified manifest renders (edited)");
  }

  @Test
  void entryInflatingBeyondItsDeclaredSize_rejectedAfterReadingOnlyThatMuch() throws Exception {
    var es = TamperCorpusTest.entries(good);
    byte[] z = TamperCorpusTest.zip(es);
    // Declare proofs/0.txt one byte shorter in the central directory and its data descriptor.
    int rec = central(z, "proofs/0.txt");
    ByteBuffer b = le(z);
    int size = b.getInt(rec + 24);
    b.putInt(rec + 24, size - 1);
    int data = b.getInt(rec + 42) + 30 + "proofs/0.txt".length();
    int end = data + b.getInt(rec + 20);
    assertThat(b.getInt(end)).isEqualTo(0x08074b50);
    b.putInt(end + 12, size - 1);
    assertThat(firstFailure(z)).contains("proofs/0.txt holds more bytes than declared");
  }

  /** Issue 17: "evidence verify runs out of memory on a 2 MB package with a ≤ 2 GiB heap". */
  @Test
  void bombOfTwoMegabytes_smallHeapChild_rejectedWithoutRunningOutOfMemory() throws Exception {
    var es = TamperCorpusTest.entries(good);
    byte[] zeros = new byte[1 << 20];
    java.util.Arrays.fill(zeros, (byte) '0');
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zo = new java.util.zip.ZipOutputStream(b)) {
      for (Map.Entry<String, byte[]> e : es) {
        zo.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        if (e.getKey().equals("proofs/0.txt")) {
          for (int i = 0; i < 512; i++) {
            zo.write(zeros);
          }
        } else {
          zo.write(e.getValue());
        }
        zo.closeEntry();
      }
    }
    byte[] bomb = b.toByteArray();
    assertThat(bomb.length).as("a small package").isLessThan(3 << 20);
    Path p = write(bomb);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m",
                "-cp",
                System.getProperty("java.class.path"),
                VerifyChild.class.getName(),
                p.toString())
            .redirectErrorStream(true)
            .start();
    String out;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      out = String.join("\n", r.lines().toList());
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out)
        .doesNotContain("OutOfMemoryError")
        .startsWith(
            "NOT VERIFIED package: entry proofs/0.txt is 536870912 bytes, more "
                + "than the 65536 allowed for it");
  }
}
