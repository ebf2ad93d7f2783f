package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quirk of the Telegram Desktop JSON format, on hand-written fixtures. */
class TelegramExportTest {
  @TempDir Path tmp;
  Path export;

  @BeforeEach
  void singleChat() throws IOException {
    export = Fixtures.export(tmp.resolve("ChatExport_2024-03-01"), "single-chat.json");
    Fixtures.file(export, "photos/photo_1@01-03-2024_17-07-00.jpg", "photo");
    Fixtures.file(export, "video_files/clip.mp4", "videoXX");
    Fixtures.file(export, "video_files/clip.mp4_thumb.jpg", "thb");
    Fixtures.file(tmp, "outside.jpg", "must never be read");
    Path secret = Fixtures.file(tmp, "secret.jpg", "outside the export");
    Files.createSymbolicLink(export.resolve("photos/link-out.jpg"), secret);
  }

  @Test
  void read_singleChatExport_yieldsEveryMessageInOrderWithItsChat() throws Exception {
    Fixtures.Read r = Fixtures.read(export);

    assertThat(r.summary().kind()).isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(r.posts())
        .extracting(Post::messageId)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
    Chat chat = r.post(2).chat();
    assertThat(chat.id()).isEqualTo(1700000001L);
    assertThat(chat.name()).isEqualTo("风景摄影交流群");
    assertThat(chat.type()).isEqualTo("private_supergroup");
    assertThat(chat.isGroup()).isTrue();
    assertThat(chat.export()).endsWith("result.json");
    assertThat(r.summary().chats()).isEqualTo(1);
    assertThat(r.summary().posts()).isEqualTo(15);
    assertThat(r.summary().partial()).isFalse();
  }

  @Test
  void read_dateUnixtime_givesUtcInstantAndKeepsExportedString() throws Exception {
    PostDate d = Fixtures.read(export).post(2).date();

    assertThat(d.utc()).contains(Instant.ofEpochSecond(1709283900L));
    assertThat(d.exported()).isEqualTo("2024-03-01T17:05:00");
    assertThat(d.local()).contains(LocalDateTime.of(2024, 3, 1, 17, 5));
    assertThat(d.zoneUnknown()).isFalse();
  }

  @Test
  void read_oldExportWithoutUnixtime_keepsNaiveDateAndFlagsZoneUnknown() throws Exception {
    Path old = Fixtures.export(tmp.resolve("old"), "old-format.json");
    Fixtures.Read r = Fixtures.read(old.resolve("result.json"));
    PostDate d = r.post(100).date();

    assertThat(d.utc()).isEmpty();
    assertThat(d.zoneUnknown()).isTrue();
    assertThat(d.exported()).isEqualTo("2019-05-04T23:30:00");
    assertThat(d.local()).contains(LocalDateTime.of(2019, 5, 4, 23, 30));
  }

  @Test
  void read_numericFromIdOfOldExports_keepsTheNumberAsText() throws Exception {
    Path old = Fixtures.export(tmp.resolve("old"), "old-format.json");
    Fixtures.Read r = Fixtures.read(old);

    assertThat(r.post(100).senderId()).isEqualTo("5550001");
    assertThat(r.post(100).senderName()).isEqualTo("Old Timer");
    assertThat(r.post(101).senderId()).isEqualTo("5550001");
    assertThat(r.post(101).service()).isTrue();
  }

  @Test
  void read_userAndChannelSenders_keepTheirPrefixedIds() throws Exception {
    Fixtures.Read r = Fixtures.read(export);

    assertThat(r.post(2).senderId()).isEqualTo("user1002");
    assertThat(r.post(2).senderName()).isEqualTo("Ann Wu");
    assertThat(r.post(11).senderId()).isEqualTo("channel1500000002");
    assertThat(r.post(11).senderName()).isEqualTo("每日美图频道");
  }

  @Test
  void read_nullSenderName_isEmptyButKeepsTheId() throws Exception {
    Post p = Fixtures.read(export).post(10);

    assertThat(p.senderName()).isEmpty();
    assertThat(p.senderId()).isEqualTo("user1004");
  }

  @Test
  void read_textAsString_isKeptVerbatim() throws Exception {
    assertThat(Fixtures.read(export).post(2).text()).isEqualTo("早上好 everyone");
  }

  @Test
  void read_textAsEntityArray_isFlattenedKeepingLinkTargets() throws Exception {
    Post p = Fixtures.read(export).post(3);

    assertThat(p.text()).isEqualTo("see https://example.org/a and this page!");
    assertThat(p.links()).containsExactly("https://example.org/a", "https://example.org/b");
  }

  @Test
  void read_forwardedFrom_isKeptAsDisplayName() throws Exception {
    Fixtures.Read r = Fixtures.read(export);

    assertThat(r.post(4).forwarded()).isTrue();
    assertThat(r.post(4).forwardedFrom()).isEqualTo("每日美图频道");
    assertThat(r.post(2).forwarded()).isFalse();
    assertThat(r.post(10).forwarded()).as("forwarded_from: null is still a forward").isTrue();
    assertThat(r.post(10).forwardedFrom()).isEmpty();
  }

  @Test
  void read_serviceMessage_isMarkedWithActorAndAction() throws Exception {
    Fixtures.Read r = Fixtures.read(export);
    Post p = r.post(1);

    assertThat(p.service()).isTrue();
    assertThat(p.action()).isEqualTo("create_group");
    assertThat(p.senderName()).isEqualTo("Lin Admin");
    assertThat(p.senderId()).isEqualTo("user1001");
    assertThat(r.summary().serviceMessages()).isEqualTo(1);
    assertThat(r.post(2).service()).isFalse();
  }

  @Test
  void read_unsupportedMessage_isYieldedWithUnknownDate() throws Exception {
    Post p = Fixtures.read(export).post(9);

    assertThat(p.type()).isEqualTo("unsupported");
    assertThat(p.date()).isEqualTo(PostDate.unknown());
    assertThat(p.media()).isEmpty();
  }

  @Test
  void read_photo_resolvesInsideTheExportWithItsMetadata() throws Exception {
    MediaRef m = Fixtures.read(export).media(4, "photo");

    assertThat(m.available()).isTrue();
    assertThat(m.file())
        .contains(export.toRealPath().resolve("photos/photo_1@01-03-2024_17-07-00.jpg"));
    assertThat(m.width()).hasValue(640);
    assertThat(m.height()).hasValue(480);
    assertThat(m.declaredSize()).hasValue(5);
    assertThat(m.mediaClass()).isEqualTo(MediaRef.MediaClass.IMAGE);
    try (InputStream in = m.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("photo");
    }
  }

  @Test
  void read_videoFile_hasDocumentMetadataAndThumbnail() throws Exception {
    Fixtures.Read r = Fixtures.read(export);
    MediaRef v = r.media(8, "file");
    MediaRef t = r.media(8, "thumbnail");

    assertThat(v.available()).isTrue();
    assertThat(v.mediaType()).contains("video_file");
    assertThat(v.mimeType()).contains("video/mp4");
    assertThat(v.durationSeconds()).hasValue(4);
    assertThat(v.width()).hasValue(320);
    assertThat(v.height()).hasValue(240);
    assertThat(v.declaredSize()).hasValue(7);
    assertThat(v.fileName()).contains("clip.mp4");
    assertThat(v.mediaClass()).isEqualTo(MediaRef.MediaClass.VIDEO);
    assertThat(t.available()).isTrue();
    assertThat(t.declaredSize()).hasValue(3);
    assertThat(t.mediaClass()).isEqualTo(MediaRef.MediaClass.IMAGE);
  }

  @Test
  void read_mediaNotIncluded_isUncheckedWithMetadata() throws Exception {
    MediaRef m = Fixtures.read(export).media(5, "photo");

    assertThat(m.available()).isFalse();
    assertThat(m.uncheckedReason()).contains(UncheckedReason.NOT_INCLUDED);
    assertThat(m.width()).hasValue(1280);
    assertThat(m.declaredSize()).hasValue(123456);
    assertThat(m.exportedPath()).startsWith("(File not included");
  }

  @Test
  void read_mediaOverSizeLimit_isUncheckedWithMetadata() throws Exception {
    Fixtures.Read r = Fixtures.read(export);
    MediaRef m = r.media(6, "file");

    assertThat(m.uncheckedReason()).contains(UncheckedReason.EXCEEDS_MAX_SIZE);
    assertThat(m.declaredSize()).hasValue(2147483648L);
    assertThat(m.fileName()).contains("big.mp4");
    assertThat(m.durationSeconds()).hasValue(3600);
    assertThat(m.mediaClass()).isEqualTo(MediaRef.MediaClass.VIDEO);
    assertThat(r.media(6, "thumbnail").uncheckedReason())
        .contains(UncheckedReason.EXCEEDS_MAX_SIZE);
  }

  @Test
  void read_mediaUnavailable_isUnchecked() throws Exception {
    MediaRef m = Fixtures.read(export).media(7, "file");

    assertThat(m.uncheckedReason()).contains(UncheckedReason.UNAVAILABLE);
    assertThat(m.mediaType()).contains("animation");
  }

  @Test
  void read_summary_countsUncheckedByReasonAndAvailableMedia() throws Exception {
    ReadSummary s = Fixtures.read(export).summary();

    assertThat(s.mediaAvailable()).isEqualTo(3);
    assertThat(s.unchecked())
        .containsEntry(UncheckedReason.NOT_INCLUDED, 1L)
        .containsEntry(UncheckedReason.EXCEEDS_MAX_SIZE, 2L)
        .containsEntry(UncheckedReason.UNAVAILABLE, 1L)
        .containsEntry(UncheckedReason.MISSING_FILE, 1L)
        .containsEntry(UncheckedReason.PATH_ESCAPE, 2L)
        .containsEntry(UncheckedReason.ABSOLUTE_PATH, 2L)
        .containsEntry(UncheckedReason.LINK_ESCAPE, 1L);
    assertThat(s.uncheckedTotal()).isEqualTo(10);
  }

  @Test
  void read_fullExport_readsChatsAndLeftChatsAndSkipsOtherSections() throws Exception {
    Path full = Fixtures.export(tmp.resolve("DataExport_2024-01-05"), "full-export.json");
    Fixtures.file(full, "chats/chat_001/photos/photo_1@02-01-2024_10-00-00.jpg", "jpeg");
    Fixtures.Read r = Fixtures.read(full);

    assertThat(r.summary().chats()).isEqualTo(4);
    assertThat(r.posts())
        .extracting(p -> p.chat().name() + "#" + p.messageId())
        .containsExactly("Landscape Club#1", "Landscape Club#2", "每日美图频道#7", "Left Group#3");
    assertThat(r.post(7).chat().isChannel()).isTrue();
    assertThat(r.post(7).chat().id()).isEqualTo(1500000002L);
    assertThat(r.media(1, "photo").available()).isTrue();
    assertThat(r.media(7, "photo").uncheckedReason()).contains(UncheckedReason.MISSING_FILE);
    assertThat(r.summary().problems()).isEmpty();
    assertThat(r.summary().partial()).isFalse();
  }
}
