package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.media.MediaException;
import org.redress.media.MediaHasher;

/** The evidence commands end to end through {@link Main#run}. */
class EvidenceCommandTest {
  @TempDir Path tmp;
  Path ws;
  Path image;
  Path doc;

  /**
   * Runs {@code args} in the workspace, but {@code evidence verify}, which reads only a package.
   */
  CliRun run(String... args) {
    return args.length > 1 && !args[1].equals("verify")
        ? new CliWorkspace(ws).run(args)
        : CliRun.of(args);
  }

  @BeforeEach
  void files() throws Exception {
    ws = tmp.resolve("ws");
    image = CliWorkspace.gradientPng(tmp.resolve("gradient.png"));
    doc = tmp.resolve("chat-log.txt");
    Files.writeString(doc, "an innocuous chat log\n", StandardCharsets.UTF_8);
  }

  @Test
  void addListShowExportVerify_freshWorkspace_verifies() throws Exception {
    CliRun add =
        run(
            "evidence",
            "add",
            "--case",
            "case-1",
            "--source",
            "telegram:chat/1/message/2",
            "--captured-by",
            "volunteer-7",
            image.toString(),
            doc.toString());
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).contains("item 0\t").contains("item 1\t").contains("checkpoint 2 ");
    CliRun list = run("evidence", "list", "--case", "case-1");
    assertThat(list.out().lines()).hasSize(2);
    assertThat(list.out()).contains("image/png").contains("text/plain");

    CliRun show = run("evidence", "show", "0");
    assertThat(show.exit()).isZero();
    assertThat(show.out())
        .contains("source           telegram:chat/1/message/2")
        .contains("captured_by      volunteer-7")
        .contains("file_name        gradient.png")
        .contains("tool             redress ");
    String expectedPdq;
    try {
      expectedPdq = MediaHasher.builder().build().hash(image).pdq().pdq().toString();
    } catch (MediaException ex) {
      expectedPdq = null;
    }
    if (expectedPdq != null) {
      assertThat(show.out()).contains("perceptual.pdq   " + expectedPdq);
    } else {
      assertThat(add.err()).contains("no perceptual hash for " + image);
      assertThat(show.out()).doesNotContain("perceptual.pdq");
    }

    Path pkg = tmp.resolve("case-1.zip");
    CliRun export = run("evidence", "export", "--case", "case-1", pkg.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out())
        .isEqualTo("exported 2 items of case case-1 to " + pkg + " (hashes and metadata only)\n");

    CliRun verify = run("evidence", "verify", pkg.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out())
        .contains("ok    checkpoint: signature valid; size 2")
        .contains("ok    entry 0: add of item 0")
        .contains("VERIFIED: every check holds\n");

    CliRun log = run("evidence", "verify-log", "--deep");
    assertThat(log.exit()).as(log.out()).isZero();
    assertThat(log.out()).contains("ok    item 1: content and metadata decrypt and match");
  }

  @Test
  void verify_tamperedPackage_exitsOneWithFirstFailure() throws Exception {
    run("evidence", "add", "--case", "c", image.toString());
    Path pkg = tmp.resolve("p.zip");
    assertThat(run("evidence", "export", "--case", "c", pkg.toString()).exit()).isZero();
    Path bad = tmp.resolve("bad.zip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(pkg));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] b = in.readAllBytes();
        if (e.getName().equals("manifest.json")) {
          b =
              new String(b, StandardCharsets.UTF_8)
                  .replace("gradient.png", "other.png")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(b);
        out.closeEntry();
      }
    }
    CliRun r = run("evidence", "verify", bad.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(r.out())
        .contains("FAIL  entry 0: metadata SHA-256 does not match the leaf")
        .endsWith("NOT VERIFIED\n");
    assertThat(r.err())
        .isEqualTo(
            "redress: package "
                + bad
                + " did not verify: entry 0: "
                + "metadata SHA-256 does not match the leaf (metadata was edited)\n");
  }

  @Test
  void withContent_recipientPassphrase_roundTripsAndNeverPrinted() throws Exception {
    Path pass = tmp.resolve("recipient.txt");
    Files.writeString(pass, "Sup3r-secret recipient phrase\n", StandardCharsets.UTF_8);
    run("evidence", "add", "--case", "c", image.toString(), doc.toString());
    Path pkg = tmp.resolve("p.zip");
    CliRun ex =
        run(
            "evidence",
            "export",
            "--case",
            "c",
            "--items",
            "1",
            "--with-content",
            "--recipient-passphrase-file",
            pass.toString(),
            pkg.toString());
    assertThat(ex.exit()).as(ex.err()).isZero();
    CliRun v =
        run(
            "evidence",
            "verify",
            "--content",
            "--recipient-passphrase-file",
            pass.toString(),
            pkg.toString());
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("ok    item 1: content decrypts; SHA-256 and size match");
    Path wrong = tmp.resolve("wrong.txt");
    Files.writeString(wrong, "not the right phrase", StandardCharsets.UTF_8);
    CliRun w =
        run("evidence", "verify", "--recipient-passphrase-file", wrong.toString(), pkg.toString());
    assertThat(w.exit()).isEqualTo(1);
    assertThat(w.out()).contains("FAIL  content: wrong recipient passphrase");
    for (CliRun r : List.of(ex, v, w)) {
      assertThat(r.out() + r.err()).doesNotContain("Sup3r-secret").doesNotContain("right phrase");
    }
  }

  @Test
  void passphraseWorkspace_wrongPassphrase_exitsOne() throws Exception {
    Path pass = tmp.resolve("pass.txt");
    Files.writeString(pass, "workspace passphrase 1\n", StandardCharsets.UTF_8);
    CliRun a =
        run("evidence", "add", "--passphrase-file", pass.toString(), "--case", "c", doc.toString());
    assertThat(a.exit()).as(a.err()).isZero();
    Path wrong = tmp.resolve("wrong.txt");
    Files.writeString(wrong, "workspace passphrase 2\n", StandardCharsets.UTF_8);
    CliRun b = run("evidence", "list", "--passphrase-file", wrong.toString(), "--case", "c");
    assertThat(b.exit()).isEqualTo(1);
    assertThat(b.err()).isEqualTo("redress: wrong passphrase for " + ws.resolve("evidence") + "\n");
    CliRun c = run("evidence", "list", "--passphrase-file", pass.toString(), "--case", "c");
    assertThat(c.exit()).isZero();
    assertThat(c.out().lines()).hasSize(1);
  }

  @Test
  void listAndShowJson_correctedItem_printMetadataAsLogged() throws Exception {
    run(
        "evidence",
        "add",
        "--case",
        "c",
        "--source",
        "telegram:chat/1/message/2",
        doc.toString(),
        image.toString());
    run("evidence", "correct", "0", "--set", "captured_by=officer-2", "--reason", "typo");
    CliRun list = run("evidence", "list", "--case", "c", "--json");
    assertThat(list.exit()).as(list.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> items = new ArrayList<>();
    for (String line : list.out().lines().toList()) {
      items.add(json.readTree(line));
    }
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("item").asLong()).isZero();
    assertThat(items.get(1).get("metadata").get("file_name").asText()).isEqualTo("gradient.png");
    CliRun show = run("evidence", "show", "0", "--json");
    JsonNode o = json.readTree(show.out());
    assertThat(show.out().lines()).hasSize(1);
    assertThat(o.get("case").asText()).isEqualTo("c");
    assertThat(o.get("sha256").asText()).hasSize(64);
    assertThat(o.get("size").asLong()).isEqualTo(Files.size(doc));
    assertThat(o.get("corrections").asInt()).isEqualTo(1);
    assertThat(o.get("shredded").asBoolean()).isFalse();
    assertThat(o.get("metadata").get("captured_by").asText()).isEqualTo("officer-2");
    assertThat(o.get("metadata").get("source").get("value").asText()).isEqualTo("chat/1/message/2");
    run("evidence", "shred", "--case", "c", "--yes");
    JsonNode gone = json.readTree(run("evidence", "show", "0", "--json").out());
    assertThat(gone.get("shredded").asBoolean()).isTrue();
    assertThat(gone.has("metadata")).isFalse();
  }

  @Test
  void correct_thenShow_showsNewValueAndCount() {
    run("evidence", "add", "--case", "c", doc.toString());
    CliRun r =
        run(
            "evidence",
            "correct",
            "0",
            "--set",
            "captured_by=officer-2",
            "--reason",
            "wrong operator recorded");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("item 0 corrected (1 corrections); checkpoint 2\n");
    CliRun s = run("evidence", "show", "0");
    assertThat(s.out())
        .contains("captured_by      officer-2")
        .contains("corrections      1")
        .contains("note             wrong operator recorded");
    CliRun bad = run("evidence", "correct", "0", "--set", "size=1", "--reason", "x");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void shred_needsYes_thenItemsUnreadable() {
    run("evidence", "add", "--case", "c", doc.toString());
    CliRun no = run("evidence", "shred", "--case", "c");
    assertThat(no.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(no.err())
        .isEqualTo("redress: shredding case c cannot be undone; add --yes to " + "confirm\n");
    CliRun yes = run("evidence", "shred", "--case", "c", "--yes");
    assertThat(yes.out()).isEqualTo("case c shredded: 1 items unreadable; checkpoint 2\n");
    assertThat(run("evidence", "list", "--case", "c").out()).contains("\tshredded");
    assertThat(run("evidence", "show", "0").out())
        .contains("status           shredded: content and metadata destroyed");
    assertThat(run("evidence", "verify-log").exit()).isZero();
    CliRun export = run("evidence", "export", "--case", "c", tmp.resolve("x.zip").toString());
    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.err()).isEqualTo("redress: case c was shredded: its key is destroyed\n");
  }

  @Test
  void checkpoint_printsSignedNoteAndKey() {
    run("evidence", "add", "--case", "c", doc.toString());
    CliRun r = run("evidence", "checkpoint");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("redress.evidence/");
    assertThat(lines.get(1)).isEqualTo("1");
    assertThat(lines.get(3)).isEmpty();
    assertThat(lines.get(4)).startsWith("\u2014 " + lines.get(0) + " ");
    assertThat(lines.get(lines.size() - 1)).startsWith("public key: " + lines.get(0) + "+");
  }

  @Test
  void badInput_clearOneLineErrors() {
    CliRun badCase = run("evidence", "add", "--case", "../x", doc.toString());
    assertThat(badCase.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badCase.err())
        .isEqualTo("redress: case id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}, was \"../x\"\n");
    Path missing = tmp.resolve("missing.jpg");
    CliRun miss = run("evidence", "add", "--case", "c", missing.toString());
    assertThat(miss.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(miss.err()).isEqualTo("redress: no such file: " + missing + "\n");
    CliRun noItem = run("evidence", "show", "9");
    assertThat(noItem.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(noItem.err()).isEqualTo("redress: no such item: 9\n");
    CliRun notZip = run("evidence", "verify", doc.toString());
    assertThat(notZip.exit()).isEqualTo(ExitCodes.DATA);
    assertThat(notZip.out()).contains("FAIL  package: not a zip file, or an empty one");
    CliRun noSub = run("evidence");
    assertThat(noSub.exit()).isEqualTo(ExitCodes.USAGE);
  }

  private static void deleteTree(Path dir) throws Exception {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private List<Path> packFiles() throws Exception {
    try (java.util.stream.Stream<Path> s = Files.walk(ws.resolve("evidence"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".pack")).toList();
    }
  }

  @Test
  void evidenceList_logAndCheckpointsDeleted_warnsLoudlyDeletesNothingUntilRecover()
      throws Exception {
    assertThat(run("evidence", "add", "--case", "c", image.toString()).exit()).isZero();
    assertThat(run("evidence", "add", "--case", "c", doc.toString()).exit()).isZero();
    assertThat(packFiles()).hasSize(2);
    deleteTree(ws.resolve("evidence/log"));
    deleteTree(ws.resolve("evidence/checkpoints"));

    CliRun list = run("evidence", "list", "--case", "c");
    assertThat(list.err())
        .contains("redress: warning: WARNING: the workspace is READ-ONLY")
        .contains("redress evidence recover")
        .contains("moved pack");
    assertThat(packFiles()).as("nothing deleted").hasSize(2);
    CliRun again = run("evidence", "show", "0");
    assertThat(again.err()).as("every command warns").contains("READ-ONLY");
    CliRun add = run("evidence", "add", "--case", "c", image.toString());
    assertThat(add.exit()).isEqualTo(1);
    assertThat(add.err()).contains("read-only");
    CliRun log = run("evidence", "verify-log", "--deep");
    assertThat(log.exit()).isEqualTo(1);
    assertThat(log.out()).contains("NOT VERIFIED").doesNotContain("VERIFIED: ");

    CliRun rec = run("evidence", "recover");
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.out()).contains("2 item(s) re-logged, 0 thing(s) could not be");
    CliRun after = run("evidence", "list", "--case", "c");
    assertThat(after.out().lines()).hasSize(2);
    assertThat(after.err()).isEmpty();
    assertThat(run("evidence", "verify-log", "--deep").exit()).isZero();
    assertThat(packFiles()).as("originals kept in the quarantine").hasSize(4);
  }

  @Test
  void verifyLog_withoutDeep_saysContentWasNotChecked() {
    assertThat(run("evidence", "add", "--case", "c", doc.toString()).exit()).isZero();
    CliRun log = run("evidence", "verify-log");
    assertThat(log.exit()).isZero();
    assertThat(log.out())
        .contains("content NOT checked")
        .endsWith("VERIFIED: log, checkpoints and pack coverage hold; content not checked\n");
  }

  @Test
  void verify_namesSignerAndTrustedTime_expectKeyPinsIt_publishedCheckpointExtended()
      throws Exception {
    assertThat(run("evidence", "add", "--case", "c", image.toString()).exit()).isZero();
    Path published = tmp.resolve("for-the-notary.txt");
    CliRun pub = run("evidence", "checkpoint", "--publish", published.toString());
    assertThat(pub.exit()).as(pub.err()).isZero();
    String text = Files.readString(published, StandardCharsets.UTF_8);
    String fp =
        pub.out()
            .lines()
            .filter(l -> l.startsWith("key fingerprint (SHA-256): "))
            .findFirst()
            .orElseThrow()
            .substring("key fingerprint (SHA-256): ".length());
    assertThat(text).contains("-----BEGIN REDRESS CHECKPOINT-----").contains("--expect-key " + fp);
    assertThat(java.nio.file.Files.getPosixFilePermissions(published))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(run("evidence", "add", "--case", "c", doc.toString()).exit()).isZero();
    Path pkg = tmp.resolve("p.zip");
    assertThat(run("evidence", "export", "--case", "c", pkg.toString()).exit()).isZero();

    CliRun v = run("evidence", "verify", pkg.toString());
    assertThat(v.exit()).isZero();
    assertThat(v.out())
        .contains("signed by:   Ed25519 key with SHA-256 fingerprint " + fp + " (NOT pinned")
        .contains("trusted time: NONE")
        .contains("it does not prove: ");
    CliRun pinned =
        run(
            "evidence",
            "verify",
            pkg.toString(),
            "--expect-key",
            fp,
            "--against-checkpoint",
            published.toString());
    assertThat(pinned.exit()).as(pinned.out()).isZero();
    assertThat(pinned.out())
        .contains("ok    earlier checkpoint: checkpoint 2 extends your " + "checkpoint 1")
        .contains("(the key you expected)");
    String wrong = "0".repeat(64);
    CliRun other = run("evidence", "verify", pkg.toString(), "--expect-key", wrong);
    assertThat(other.exit()).isEqualTo(1);
    assertThat(other.err()).contains("signer: signed by key " + fp + ", not the expected " + wrong);
  }

  @Test
  void extract_workspaceAndRecipientPackage_writeVerifiedOriginals() throws Exception {
    assertThat(run("evidence", "add", "--case", "c", image.toString(), doc.toString()).exit())
        .isZero();
    Path out = tmp.resolve("originals");
    CliRun r = run("evidence", "extract", "--case", "c", "--out", out.toString(), "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("1-chat-log.txt"), StandardCharsets.UTF_8))
        .isEqualTo("an innocuous chat log\n");
    Path pass = tmp.resolve("recipient.txt");
    Files.writeString(pass, "recipient phrase 42\n", StandardCharsets.UTF_8);
    Path pkg = tmp.resolve("p.zip");
    assertThat(
            run(
                    "evidence",
                    "export",
                    "--case",
                    "c",
                    "--with-content",
                    "--recipient-passphrase-file",
                    pass.toString(),
                    pkg.toString())
                .exit())
        .isZero();
    Path got = tmp.resolve("received");
    CliRun x =
        run(
            "evidence",
            "extract",
            "--package",
            pkg.toString(),
            "--recipient-passphrase-file",
            pass.toString(),
            "--out",
            got.toString());
    assertThat(x.exit()).as(x.err()).isZero();
    assertThat(Files.readAllBytes(got.resolve("0-gradient.png")))
        .isEqualTo(Files.readAllBytes(image));
  }

  @Test
  void salvage_missingPack_savesTheRestAndExitsOne() throws Exception {
    assertThat(run("evidence", "add", "--case", "c", image.toString()).exit()).isZero();
    assertThat(run("evidence", "add", "--case", "d", doc.toString()).exit()).isZero();
    try (java.util.stream.Stream<Path> s = Files.list(ws.resolve("evidence/cases/c/packs"))) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    assertThat(run("evidence", "list", "--case", "d").exit())
        .as("refuses: a pack is lost")
        .isEqualTo(1);
    Path out = tmp.resolve("salvaged");
    CliRun r = run("evidence", "salvage", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("saved  case d item 1 ")
        .contains("LOST   case c item 0: ")
        .contains("1 saved".replace("1", "2"));
    assertThat(Files.readString(out.resolve("d/1-chat-log.txt"), StandardCharsets.UTF_8))
        .isEqualTo("an innocuous chat log\n");
  }
}
