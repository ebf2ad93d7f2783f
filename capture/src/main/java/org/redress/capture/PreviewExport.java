package org.redress.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a captured channel preview as a single-chat Telegram export ({@code result.json} beside
 * the captured media), so the scan reads it as it reads any export: posts with their dates and
 * media, hashed and matched, in the spread report. The chat's id is derived from the channel's name
 * (a preview does not show the numeric id).
 */
public final class PreviewExport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PreviewExport() {}

  /** A stable positive chat id for a channel name. */
  public static long chatId(String name) {
    long h = 1125899906842597L;
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    return (h & Long.MAX_VALUE) % 1_000_000_000_000L;
  }

  /**
   * Writes {@code result.json} into the capture folder (its media are under {@code media/}).
   *
   * @return the written file
   * @throws IOException when it cannot be written
   */
  public static Path write(Capture.Result capture, Path dir) throws IOException {
    TelegramPreview.Channel c = capture.channel();
    ObjectNode root = JSON.createObjectNode();
    root.put("name", c.title().isEmpty() ? c.name() : c.title());
    root.put("type", "public_channel");
    root.put("id", chatId(c.name()));
    ArrayNode msgs = root.putArray("messages");
    DateTimeFormatter local =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT);
    for (TelegramPreview.Post p : c.posts()) {
      ObjectNode m = msgs.addObject();
      m.put("id", p.id());
      m.put("type", "message");
      if (p.date() != null) {
        m.put("date", p.date().atZoneSameInstant(ZoneOffset.UTC).format(local));
        m.put("date_unixtime", Long.toString(p.date().toEpochSecond()));
      }
      m.put("from", c.title().isEmpty() ? c.name() : c.title());
      m.put("from_id", "channel" + chatId(c.name()));
      m.put("text", p.text());
      for (URI u : p.media()) {
        var file = capture.fileOf(u);
        if (file.isPresent()) {
          m.put("photo", dir.relativize(file.get()).toString().replace('\\', '/'));
          break;
        }
      }
    }
    Path out = dir.resolve("result.json");
    Files.writeString(out, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    return out;
  }
}
