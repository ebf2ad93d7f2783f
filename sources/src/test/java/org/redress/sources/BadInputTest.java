package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken exports: what was read is kept, the position of the damage is reported. */
class BadInputTest {
  @TempDir Path tmp;

  private static int indexOf(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found: " + needle);
  }

  @Test
  void read_truncatedJson_keepsMessagesBeforeTheCutAndReportsTheEndOffset() throws Exception {
    byte[] json = Fixtures.resource("single-chat.json");
    int cut = indexOf(json, "\"id\": 6,") + 12;
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.write(dir.resolve("result.json"), Arrays.copyOf(json, cut));

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).extracting(Post::messageId).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems()).hasSize(1);
    Problem p = r.summary().problems().get(0);
    assertThat(p.byteOffset()).isEqualTo(cut);
    assertThat(p.line()).isGreaterThan(1);
    assertThat(p.message()).contains("ends in the middle");
    assertThat(p.toString()).contains("result.json: byte " + cut + " (line " + p.line());
  }

  @Test
  void read_invalidUtf8_stopsThereKeepingEarlierMessages() throws Exception {
    byte[] json = Fixtures.resource("single-chat.json");
    int bad = indexOf(json, "see ") + 1;
    json[bad] = (byte) 0xFF;
    Path dir = Files.createDirectories(tmp.resolve("ChatExport"));
    Files.write(dir.resolve("result.json"), json);

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).extracting(Post::messageId).containsExactly(1L, 2L);
    assertThat(r.summary().partial()).isTrue();
    Problem p = r.summary().problems().get(0);
    assertThat(p.message()).containsIgnoringCase("invalid").containsIgnoringCase("utf-8");
    assertThat(p.byteOffset()).isBetween((long) bad, (long) bad + 4);
  }

  @Test
  void read_notJsonAtAll_isPartialWithTheOffset() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(dir.resolve("result.json"), "{\"messages\": [ {\"id\": 1}, oops ]}");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).extracting(Post::messageId).containsExactly(1L);
    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems().get(0).byteOffset()).isEqualTo(26);
  }

  @Test
  void read_topLevelArray_isNotAnExport() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(dir.resolve("result.json"), "[1, 2]");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).isEmpty();
    assertThat(r.summary().partial()).isTrue();
    assertThat(r.summary().problems().get(0).message()).contains("not a Telegram export");
  }

  @Test
  void read_wrongFieldTypes_areSkippedWithAProblemAndTheRestIsRead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(
        dir.resolve("result.json"),
        "{\"id\": 5, \"messages\": ["
            + "{\"id\": {\"nested\": 1}, \"photo\": [\"x\"], \"width\": \"wide\", \"text\": 7},"
            + "{\"id\": 2, \"date_unixtime\": 1709283900, \"text\": \"ok\"}]}");

    Fixtures.Read r = Fixtures.read(dir);

    assertThat(r.posts()).hasSize(2);
    assertThat(r.posts().get(0).messageId()).isZero();
    assertThat(r.posts().get(0).media()).isEmpty();
    assertThat(r.posts().get(1).text()).isEqualTo("ok");
    assertThat(r.posts().get(1).date().utc()).isPresent();
    assertThat(r.summary().partial()).isFalse();
    assertThat(r.summary().problemCount()).isEqualTo(4);
    assertThat(r.summary().problems()).allSatisfy(p -> assertThat(p.byteOffset()).isPositive());
  }

  @Test
  void read_emptyFile_isPartial() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(dir.resolve("result.json"), "");

    ReadSummary s = Fixtures.read(dir).summary();

    assertThat(s.partial()).isTrue();
    assertThat(s.problems().get(0).message()).contains("empty");
  }

  @Test
  void read_manyProblems_listsUpToTheCapAndCountsAll() throws Exception {
    StringBuilder sb = new StringBuilder("{\"messages\": [");
    for (int i = 0; i < 50; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\": \"x").append(i).append("\"}");
    }
    Path dir = Files.createDirectories(tmp.resolve("x"));
    Files.writeString(dir.resolve("result.json"), sb.append("]}").toString());

    ReadSummary s = Fixtures.read(dir, Limits.builder().maxProblems(10).build()).summary();

    assertThat(s.posts()).isEqualTo(50);
    assertThat(s.problems()).hasSize(10);
    assertThat(s.problemCount()).isEqualTo(50);
  }

  @Test
  void open_missingPath_failsNamingIt() {
    Path missing = tmp.resolve("nope");

    assertThatThrownBy(() -> Source.open(missing))
        .isInstanceOf(SourceException.class)
        .hasMessage(missing + ": no such file or folder");
  }

  @Test
  void open_unknownFileKind_failsNamingIt() throws Exception {
    Path txt = Fixtures.file(tmp, "notes.txt", "hello");

    assertThatThrownBy(() -> Source.open(txt))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(txt + ": not a Telegram export");
  }
}
