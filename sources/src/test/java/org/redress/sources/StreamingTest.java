package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-message export read in a JVM whose heap is capped at 48 MiB: if the reader kept
 * messages (or a tree of the document), it would run out of memory and this test would fail.
 */
class StreamingTest {
  static final int MESSAGES = 1_000_000;
  static final String HEAP = "-Xmx48m";

  @TempDir Path tmp;

  /** Writes a full export of {@code messages} messages over 3 chats, streaming. */
  static void writeExport(Path json, int messages) throws IOException {
    JsonFactory f = new JsonFactory();
    try (JsonGenerator g = f.createGenerator(json.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("about", "synthetic export for a streaming test");
      g.writeObjectFieldStart("chats");
      g.writeArrayFieldStart("list");
      int perChat = messages / 3;
      for (int c = 0; c < 3; c++) {
        int n = c < 2 ? perChat : messages - 2 * perChat;
        g.writeStartObject();
        g.writeStringField("name", "群组 " + c);
        g.writeStringField("type", "private_supergroup");
        g.writeNumberField("id", 1_000_000_000L + c);
        g.writeArrayFieldStart("messages");
        for (int i = 1; i <= n; i++) {
          long t = 1_700_000_000L + i * 7L;
          g.writeStartObject();
          g.writeNumberField("id", i);
          g.writeStringField("type", "message");
          g.writeStringField("date", "2023-11-14T22:13:20");
          g.writeStringField("date_unixtime", Long.toString(t));
          g.writeStringField("from", "用户" + (i % 977));
          g.writeStringField("from_id", "user" + (i % 977));
          if (i % 10 == 0) {
            g.writeStringField(
                "photo", "(File not included. Change data exporting settings to download.)");
            g.writeNumberField("width", 1280);
            g.writeNumberField("height", 720);
          }
          if (i % 7 == 0) {
            g.writeArrayFieldStart("text");
            g.writeString("see ");
            g.writeStartObject();
            g.writeStringField("type", "text_link");
            g.writeStringField("text", "here");
            g.writeStringField("href", "https://example.org/" + i);
            g.writeEndObject();
            g.writeEndArray();
          } else {
            g.writeStringField("text", "message number " + i);
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  @Test
  void read_millionMessageExport_streamsInA48MiBHeap() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("DataExport_big"));
    writeExport(dir.resolve("result.json"), MESSAGES);
    long bytes = Files.size(dir.resolve("result.json"));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StreamingProbe.class.getName(),
                dir.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("posts=" + MESSAGES + " ")
        .contains("chats=3 ")
        .contains("unchecked=" + (MESSAGES / 3 / 10 * 3))
        .contains("partial=false");
    Matcher m = Pattern.compile("peak_heap_mib=(\\d+)").matcher(out);
    assertThat(m.find()).isTrue();
    System.out.println(
        "streaming: " + MESSAGES + " messages, " + (bytes >> 20) + " MiB of JSON, " + out.trim());
  }
}
