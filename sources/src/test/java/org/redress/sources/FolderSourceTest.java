package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders: deterministic order, link loops, links out, exports found inside, kind detection. */
class FolderSourceTest {
  @TempDir Path tmp;

  @Test
  void read_folder_yieldsMediaRecursivelyInNameOrderAndSkipsOthers() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Fixtures.file(root, "b.jpg", "b");
    Fixtures.file(root, "a.png", "a");
    Fixtures.file(root, "sub/c.MP4", "c");
    Fixtures.file(root, "sub/deeper/d.webp", "d");
    Fixtures.file(root, "notes.txt", "n");

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.summary().kind()).isEqualTo(SourceKind.FOLDER);
    assertThat(r.loose())
        .extracting(MediaRef::exportedPath)
        .containsExactly("a.png", "b.jpg", "sub/c.MP4", "sub/deeper/d.webp");
    assertThat(r.loose()).allSatisfy(m -> assertThat(m.available()).isTrue());
    assertThat(r.loose().get(2).mediaClass()).isEqualTo(MediaRef.MediaClass.VIDEO);
    assertThat(r.summary().skippedFiles()).isEqualTo(1);
    assertThat(Fixtures.read(root).loose())
        .extracting(MediaRef::exportedPath)
        .as("same order every time")
        .containsExactly("a.png", "b.jpg", "sub/c.MP4", "sub/deeper/d.webp");
  }

  @Test
  void read_linkLoop_isReportedAndEachFileYieldedOnce() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Fixtures.file(root, "sub/x.jpg", "x");
    Files.createSymbolicLink(root.resolve("sub/back"), root);

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.loose()).extracting(MediaRef::exportedPath).containsExactly("sub/x.jpg");
    assertThat(r.summary().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("directory loop"));
  }

  @Test
  void read_linksLeavingTheFolder_areUncheckedOrSkipped() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Fixtures.file(tmp, "elsewhere/private.jpg", "private");
    Files.createSymbolicLink(root.resolve("link.jpg"), outside);
    Files.createSymbolicLink(root.resolve("linkdir"), outside.getParent());
    Files.createSymbolicLink(root.resolve("dangling.jpg"), tmp.resolve("gone.jpg"));
    Fixtures.file(root, "ok.jpg", "ok");

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.loose())
        .extracting(
            m ->
                m.exportedPath()
                    + ":"
                    + m.uncheckedReason().map(UncheckedReason::code).orElse("ok"))
        .containsExactly("dangling.jpg:missing_file", "link.jpg:link_escape", "ok.jpg:ok");
    assertThat(r.summary().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("link leads outside the folder"));
  }

  @Test
  void read_folderWithExportsInside_readsThemAsExportsAndTheRestAsLooseFiles() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("Telegram Desktop"));
    Path export = Fixtures.export(root.resolve("ChatExport_2024-03-01"), "single-chat.json");
    Fixtures.file(export, "photos/photo_1@01-03-2024_17-07-00.jpg", "photo");
    Fixtures.export(root.resolve("Old"), "old-format.json");
    Fixtures.file(root, "saved.jpg", "s");

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.summary().kind()).isEqualTo(SourceKind.FOLDER);
    assertThat(r.summary().chats()).isEqualTo(2);
    assertThat(r.posts()).hasSize(17);
    assertThat(r.media(4, "photo").available()).isTrue();
    assertThat(r.loose()).extracting(MediaRef::exportedPath).containsExactly("saved.jpg");
    assertThat(r.summary().looseFiles()).isEqualTo(1);
  }

  @Test
  void read_htmlExportInFolder_isReadAsAnExportNotAsLooseFiles() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ChatExport_html"));
    Fixtures.file(root, "messages.html", "<html></html>");
    Fixtures.file(root, "photos/p.jpg", "p");

    Fixtures.Read r = Fixtures.read(tmp);

    assertThat(r.loose()).isEmpty();
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("NOTHING READ"));
  }

  @Test
  void detect_pathKinds_areRecognised() throws Exception {
    Path export = Fixtures.export(tmp.resolve("e"), "old-format.json");
    Path jpg = Fixtures.file(tmp, "one.jpg", "x");
    Path zip = tmp.resolve("archive.bin");
    Files.write(
        zip, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

    assertThat(Source.detect(export)).isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(Source.detect(export.resolve("result.json"))).isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(Source.detect(tmp)).isEqualTo(SourceKind.FOLDER);
    assertThat(Source.detect(jpg)).isEqualTo(SourceKind.FILE);
    assertThat(Source.detect(zip)).as("by signature, not name").isEqualTo(SourceKind.ZIP);
    assertThat(Fixtures.read(jpg).loose())
        .singleElement()
        .satisfies(m -> assertThat(m.file()).contains(jpg.toRealPath()));
  }

  @Test
  void read_renamedExportJson_resolvesMediaAgainstItsFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.write(dir.resolve("chat-backup.json"), Fixtures.resource("single-chat.json"));
    Fixtures.file(dir, "photos/photo_1@01-03-2024_17-07-00.jpg", "photo");

    Fixtures.Read r = Fixtures.read(dir.resolve("chat-backup.json"));

    assertThat(r.summary().kind()).isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(r.media(4, "photo").available()).isTrue();
  }
}
