package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with the workspace log: each case has its own message from verify-log. */
class LogVerifierTest {
  @TempDir Path tmp;
  Path ws;
  Path log;

  @BeforeEach
  void fill() throws Exception {
    ws = tmp.resolve("ws");
    try (EvidenceStore s = Fixtures.store(ws).open()) {
      for (int i = 0; i < 4; i++) {
        s.add("c", NewItem.of(Fixtures.noise(tmp, "f" + i, 100, i)));
      }
    }
    log = ws.resolve("evidence/log/entries");
  }

  static List<byte[]> records(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file);
    while (b.hasRemaining()) {
      byte[] leaf = new byte[b.getInt()];
      b.get(leaf);
      b.getInt();
      out.add(leaf);
    }
    return out;
  }

  static byte[] write(List<byte[]> leaves) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] l : leaves) {
      CRC32C crc = new CRC32C();
      byte[] len = ByteBuffer.allocate(4).putInt(l.length).array();
      crc.update(len);
      crc.update(l);
      out.writeBytes(len);
      out.writeBytes(l);
      out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
    return out.toByteArray();
  }

  @Test
  void untouched_verifies() {
    Verification v = LogVerifier.verify(ws);
    assertThat(v.ok()).as(v.toString()).isTrue();
    assertThat(v.checks())
        .extracting(Verification.Check::subject)
        .contains("checkpoint 1", "checkpoint 2", "checkpoint 3", "checkpoint 4", "leaves", "log");
  }

  @Test
  void flippedByteInLeaf_crcMismatch() throws Exception {
    byte[] b = Files.readAllBytes(log);
    b[20] ^= 1;
    Files.write(log, b);
    assertThat(LogVerifier.verify(ws).firstFailure())
        .hasValue("log: log record 0 at offset 0: CRC mismatch");
  }

  @Test
  void editedLeafWithFixedCrc_rootMismatch() throws Exception {
    List<byte[]> r = records(Files.readAllBytes(log));
    r.set(
        2,
        new String(r.get(2), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"size\":100", "\"size\":101")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(log, write(r));
    assertThat(LogVerifier.verify(ws).firstFailure())
        .hasValue("checkpoint 3: root does not match the log (leaves altered or reordered)");
  }

  @Test
  void reorderedLeaves_itemNumberCheck() throws Exception {
    List<byte[]> r = records(Files.readAllBytes(log));
    byte[] t = r.get(1);
    r.set(1, r.get(2));
    r.set(2, t);
    Files.write(log, write(r));
    Verification v = LogVerifier.verify(ws);
    assertThat(v.firstFailure()).hasValue("leaves: log record 1: add leaf says item 2");
    assertThat(v.toString())
        .contains("checkpoint 2: root does not match the log (leaves altered or reordered)");
  }

  @Test
  void truncatedLog_checkpointsBeyondEnd() throws Exception {
    List<byte[]> r = records(Files.readAllBytes(log));
    Files.write(log, write(r.subList(0, 2)));
    Verification v = LogVerifier.verify(ws);
    assertThat(v.firstFailure())
        .hasValue("checkpoint 3: covers 3 leaves but the log has only 2 (log truncated)");
  }

  @Test
  void forgedCheckpoint_signatureInvalid() throws Exception {
    Path cp = ws.resolve("evidence/checkpoints/0000000000000002.txt");
    String text = Files.readString(cp);
    String[] l = text.split("\n", -1);
    l[2] = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Files.writeString(cp, String.join("\n", l));
    assertThat(LogVerifier.verify(ws).firstFailure())
        .hasValue("checkpoint 2: checkpoint signature is invalid: the signed text was altered");
  }

  @Test
  void replacedPublicKey_checkpointsRejected() throws Exception {
    byte[] seed = new byte[32];
    seed[0] = 7;
    String origin = Files.readString(ws.resolve("evidence/origin")).strip();
    SignedNote.VerifierKey k = new SignedNote.VerifierKey(origin, SignedNote.publicKey(seed));
    Files.writeString(ws.resolve("evidence/keys/log-signing.pub"), k.text() + "\n");
    assertThat(LogVerifier.verify(ws).firstFailure())
        .hasValue(
            "checkpoint 1: checkpoint is not "
                + "signed by the given public key (key hash "
                + Hex.of(k.keyHash)
                + " has no signature)");
  }
}
