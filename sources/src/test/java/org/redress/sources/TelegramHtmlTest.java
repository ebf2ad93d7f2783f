package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telegram Desktop HTML exports, on fixtures written in its markup ({@code
 * src/test/resources/telegram/html-single}, {@code html-full}): senders of joined messages, dates
 * with the exported offset, forwards, replies, media and their placeholders.
 */
class TelegramHtmlTest {
  @TempDir Path tmp;

  static Path copy(String fixture, Path to) throws IOException {
    Path from;
    try {
      from = Path.of(TelegramHtmlTest.class.getResource("/telegram/" + fixture).toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  private Path single() throws IOException {
    Path root = copy("html-single", tmp.resolve("ChatExport_2026-03-01"));
    Fixtures.file(root, "photos/photo_1@03-02-2026_08-01-00.jpg", "jpeg bytes");
    Fixtures.file(root, "video_files/video_1@03-02-2026_09-00-01.mp4", "mp4 bytes");
    Fixtures.file(root, "video_files/video_1@03-02-2026_09-00-01.mp4_thumb.jpg", "thumb");
    Fixtures.file(tmp, "outside/secret.jpg", "not part of the export");
    return root;
  }

  @Test
  void read_singleChatHtml_readsEveryPageInOrder() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(Source.detect(tmp.resolve("ChatExport_2026-03-01")))
        .isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(r.posts())
        .extracting(Post::messageId)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 40L, 41L);
    assertThat(r.summary().chats()).isEqualTo(1);
    assertThat(r.summary().serviceMessages()).isEqualTo(1);
    assertThat(r.post(1).service()).isTrue();
    assertThat(r.post(2).chat().name()).isEqualTo("Sample Group");
    assertThat(r.post(2).chat().id()).isEqualTo(Chat.UNKNOWN_ID);
  }

  @Test
  void read_joinedMessage_takesThePreviousSender() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(r.post(2).senderName()).isEqualTo("Alice");
    assertThat(r.post(3).senderName()).isEqualTo("Alice");
    assertThat(r.post(3).text()).isEqualTo("second from Alice, joined");
    assertThat(r.post(4).senderName()).as("'via @bot' is not part of the name").isEqualTo("Bob");
    assertThat(r.post(5).senderName()).isEqualTo("Bob");
  }

  @Test
  void read_dateTitleWithOffset_givesTheInstant() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    PostDate d = r.post(2).date();
    assertThat(d.utc()).contains(Instant.parse("2026-02-03T00:01:00Z"));
    assertThat(d.local()).contains(LocalDateTime.parse("2026-02-03T08:01:00"));
    assertThat(d.exported()).isEqualTo("03.02.2026 08:01:00 UTC+08:00");
    assertThat(r.post(40).date().utc()).contains(Instant.parse("2026-02-04T04:00:00Z"));
    assertThat(r.post(6).date().zoneUnknown()).as("older exports give no offset").isTrue();
    assertThat(r.post(6).date().local()).contains(LocalDateTime.parse("2026-02-03T10:00:00"));
  }

  @Test
  void read_impossibleDate_isAProblemAndTheMessageIsKept() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(r.post(41).text()).isEqualTo("bad date");
    assertThat(r.post(41).date().utc()).isEmpty();
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("message 41", "31.02.2026"));
    assertThat(r.summary().partial()).isFalse();
  }

  @Test
  void read_forwardedAndJoinedForward_keepTheOriginalSender() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(r.post(4).forwarded()).isTrue();
    assertThat(r.post(4).forwardedFrom()).isEqualTo("Daily Pictures");
    assertThat(r.post(5).forwarded()).isTrue();
    assertThat(r.post(5).forwardedFrom()).isEqualTo("Daily Pictures");
    assertThat(r.post(2).forwarded()).isFalse();
  }

  @Test
  void read_replyLinkToAnotherPage_givesTheRepliedMessage() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(r.post(6).replyTo()).isEqualTo(40);
    assertThat(r.post(2).replyTo()).isZero();
  }

  @Test
  void read_textWithBreaksAndLinks_asTheJsonExportHasIt() throws Exception {
    Fixtures.Read r = Fixtures.read(single());

    assertThat(r.post(2).text())
        .isEqualTo("line one\nsee https://example.invalid/a and this & @someone");
    assertThat(r.post(2).links())
        .containsExactly("https://example.invalid/a", "https://example.invalid/b");
  }

  @Test
  void read_mediaAndPlaceholders_availableOrUncheckedWithTheirReason() throws Exception {
    Path root = single();
    Fixtures.Read r = Fixtures.read(root);

    MediaRef photo = r.media(2, "photo");
    assertThat(photo.available()).isTrue();
    assertThat(photo.exportedPath()).isEqualTo("photos/photo_1@03-02-2026_08-01-00.jpg");
    assertThat(r.media(4, "photo").uncheckedReason()).contains(UncheckedReason.NOT_INCLUDED);
    MediaRef video = r.media(5, "file");
    assertThat(video.available()).isTrue();
    assertThat(video.mediaClass()).isEqualTo(MediaRef.MediaClass.VIDEO);
    assertThat(r.media(5, "thumbnail").available()).isTrue();
    assertThat(r.media(6, "file").uncheckedReason()).contains(UncheckedReason.EXCEEDS_MAX_SIZE);
    assertThat(r.post(7).media())
        .extracting(m -> m.uncheckedReason().orElse(null))
        .containsExactly(UncheckedReason.PATH_ESCAPE, UncheckedReason.UNAVAILABLE);
    assertThat(r.summary().mediaAvailable()).isEqualTo(3);
  }

  @Test
  void read_fullHtmlExport_readsEveryListedChat() throws Exception {
    Path root = copy("html-full", tmp.resolve("DataExport_2026-03-01"));
    Fixtures.file(root, "chats/chat_001/photos/photo_1.jpg", "jpeg");

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.summary().chats()).as("the empty chat counts too").isEqualTo(3);
    assertThat(r.post(2).chat().name()).isEqualTo("Daily Pictures");
    assertThat(r.post(2).chat().isChannel()).isTrue();
    assertThat(r.post(10).chat().isGroup()).isTrue();
    assertThat(r.post(2).chat().export()).endsWith("chats/chat_001/messages.html");
    assertThat(r.media(2, "photo").available()).isTrue();
    assertThat(r.media(2, "photo").exportedPath()).isEqualTo("chats/chat_001/photos/photo_1.jpg");
    assertThat(r.post(10).senderName()).isEqualTo("Shop A");
  }

  @Test
  void read_chatListCountsMoreThanThePagesHold_isPartialAndSaysSo() throws Exception {
    Path root = copy("html-full", tmp.resolve("DataExport_2026-03-01"));

    Fixtures.Read r = Fixtures.read(root);

    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("'Market'", "counts 5", "hold 1"));
  }

  @Test
  void read_htmlExportInsideZip_isRead() throws Exception {
    Path root = single();
    Path zip = tmp.resolve("export.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry("ChatExport/" + root.relativize(p).toString()));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }

    Fixtures.Read r = Fixtures.read(zip);

    assertThat(r.posts()).hasSize(9);
    assertThat(r.media(2, "photo").available()).isTrue();
    assertThat(r.media(2, "photo").location())
        .endsWith("!/ChatExport/photos/" + "photo_1@03-02-2026_08-01-00.jpg");
  }

  @Test
  void read_folderWithNothingToRead_isPartialAndSaysHowToFixIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty-export"));
    Fixtures.file(dir, "notes.txt", "not an export");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems().get(0).message())
        .contains("NOTHING READ", "result.json", "messages.html", "Export Telegram data");
  }

  @Test
  void read_htmlPageThatIsNotAnExport_readsAsEmptyAndSaysSo() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ChatExport_broken"));
    Files.writeString(
        dir.resolve("messages.html"), "<html><body>hello</body></html>", StandardCharsets.UTF_8);

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).isEmpty();
    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("NOTHING READ"));
  }

  @Test
  void resolve_relativeLinks_areMadeRootRelativeAndEscapesKept() {
    assertThat(TelegramHtmlReader.resolve("chats/chat_001/", "photos/p.jpg"))
        .isEqualTo("chats/chat_001/photos/p.jpg");
    assertThat(TelegramHtmlReader.resolve("lists/", "../chats/chat_002/messages.html"))
        .isEqualTo("chats/chat_002/messages.html");
    assertThat(TelegramHtmlReader.resolve("", "../../x.jpg")).isEqualTo("../../x.jpg");
    assertThat(ExportFiles.unsafe(TelegramHtmlReader.resolve("a/", "../../x.jpg"))).isNotNull();
  }

  @Test
  void count_chatListDetails_areParsed() {
    assertThat(TelegramHtmlReader.count("1,234 messages")).isEqualTo(-1);
    assertThat(TelegramHtmlReader.count("1234 messages")).isEqualTo(1234);
    assertThat(TelegramHtmlReader.count("1 outgoing message")).isEqualTo(1);
    assertThat(TelegramHtmlReader.count("No messages")).isZero();
  }
}
