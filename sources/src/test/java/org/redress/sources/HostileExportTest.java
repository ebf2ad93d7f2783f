package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the adversarial review's findings on exports (issue 17, points 5 and 6 and
 * the medium findings), each named after its finding.
 */
class HostileExportTest {
  @TempDir Path tmp;

  private Path export(String messages) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.writeString(
        dir.resolve("result.json"),
        "{\"name\":\"c\",\"type\":\"private_group\",\"id\":5,\"messages\":[" + messages + "]}",
        StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void finding_outOfRangeDateUnixtime_isOneProblemNotALostScan() throws Exception {
    Path dir =
        export(
            "{\"id\":1,\"type\":\"message\",\"date\":\"2026-02-03T08:00:00\","
                + "\"date_unixtime\":\"99999999999999999\",\"from\":\"a\",\"text\":\"x\"},"
                + "{\"id\":2,\"type\":\"message\",\"date\":\"2026-02-03T08:01:00\","
                + "\"date_unixtime\":\"1770076860\",\"from\":\"a\",\"text\":\"y\"}");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).extracting(Post::messageId).containsExactly(1L, 2L);
    assertThat(r.post(1).date().utc()).isEmpty();
    assertThat(r.post(1).date().zoneUnknown()).isTrue();
    assertThat(r.post(2).date().utc()).isPresent();
    assertThat(r.summary().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("message 1", "date_unixtime"));
    assertThat(r.summary().partial()).isFalse();
  }

  @Test
  void finding_dateUnixtimeBeforeTelegram_isAProblemToo() throws Exception {
    Path dir = export("{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"-5\",\"text\":\"x\"}");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.post(1).date().utc()).isEmpty();
    assertThat(r.summary().problems()).hasSize(1);
  }

  @Test
  void finding_duplicateJsonKeys_doNotResolveSilently() throws Exception {
    Path dir =
        export(
            "{\"id\":1,\"type\":\"message\",\"from\":\"real sender\",\"text\":\"x\","
                + "\"from\":\"forged sender\"}");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.post(1).senderName()).isEqualTo("real sender");
    assertThat(r.summary().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("message 1", "'from' given twice"));
  }

  @Test
  void finding_duplicateChatKey_doesNotResolveSilently() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.writeString(
        dir.resolve("result.json"),
        "{\"name\":\"c\",\"id\":5,\"id\":6,\"messages\":[{\"id\":1,\"text\":\"x\"}]}",
        StandardCharsets.UTF_8);

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.post(1).chat().id()).isEqualTo(5);
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("'id' given twice"));
  }

  @Test
  void finding_resultJsonSymlinkOutOfTheExport_isNotFollowed() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(
        outside.resolve("secret.json"),
        "{\"name\":\"other\",\"id\":9,\"messages\":[{\"id\":1,\"text\":\"private\"}]}",
        StandardCharsets.UTF_8);
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.createSymbolicLink(dir.resolve("result.json"), outside.resolve("secret.json"));

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).isEmpty();
    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems())
        .anySatisfy(p -> assertThat(p.message()).contains("link leading out of the export"));
  }

  @Test
  void finding_htmlPageSymlinkOutOfTheExport_isNotFollowed() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(
        outside.resolve("page.html"),
        "<div class=\"message default\""
            + " id=\"message1\"><div class=\"body\"><div class=\"text\">private</div></div></div>",
        StandardCharsets.UTF_8);
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.writeString(
        dir.resolve("messages.html"), "<div class=\"history\"></div>", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("messages2.html"), outside.resolve("page.html"));

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).isEmpty();
  }
}
