package org.redress.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams a Telegram Desktop {@code result.json} (single chat or full account) with Jackson's
 * {@link JsonParser}, one message at a time, so memory does not grow with the export. The layout
 * follows tdesktop's {@code export_output_json.cpp}: a single-chat export is one chat object
 * ({@code name}, {@code type}, {@code id}, {@code messages}); a full export has {@code chats.list}
 * and {@code left_chats.list} of such objects, among sections we skip (contacts, sessions…). When
 * the JSON breaks off or is invalid, what was read is kept, the position is reported and the result
 * is marked partial.
 */
final class TelegramJsonReader {
  /** Telegram texts are at most a few thousand characters; this bounds any one string. */
  static final int MAX_STRING_CHARS = 4_000_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_STRING_CHARS)
                  .maxNestingDepth(200)
                  .build())
          .build();

  private final String file;
  private final ExportFiles files;
  private final Tally tally;
  private JsonParser p;

  TelegramJsonReader(String file, ExportFiles files, Tally tally) {
    this.file = file;
    this.files = files;
    this.tally = tally;
  }

  /** Reads the whole stream; never throws: failures become problems and mark the tally partial. */
  void read(InputStream in) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      p = parser;
      JsonToken t = p.nextToken();
      if (t == null) {
        fail(p.currentLocation(), "the file is empty, not a Telegram export");
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        fail(
            p.currentTokenLocation(),
            "not a Telegram export: expected a JSON object, found " + t.asString());
        return;
      }
      readChat(true);
      if (p.nextToken() != null) {
        problem(
            p.currentTokenLocation(), "unexpected content after the end of the export; ignored");
      }
    } catch (JsonProcessingException e) {
      String m = firstLine(e.getOriginalMessage());
      if (e instanceof JsonEOFException || m.contains("end-of-input")) {
        fail(
            e.getLocation(),
            "the file ends in the middle of the JSON (truncated, or still being written?)");
      } else {
        fail(e.getLocation(), "invalid JSON: " + m);
      }
    } catch (IOException e) {
      fail(p == null ? null : p.currentLocation(), "failed to read: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    int nl = m.indexOf('\n');
    String s = nl < 0 ? m : m.substring(0, nl);
    int at = s.indexOf(" at [Source");
    return at < 0 ? s : s.substring(0, at);
  }

  private void fail(JsonLocation loc, String message) {
    problem(loc, message);
    tally.partial = true;
  }

  private void problem(JsonLocation loc, String message) {
    if (loc == null) {
      tally.problem(Problem.at(file, message));
    } else {
      tally.problem(
          new Problem(file, loc.getByteOffset(), loc.getLineNr(), loc.getColumnNr(), message));
    }
  }

  /**
   * Reads a chat object (the parser is on its START_OBJECT). At the root it also reads the full
   * export's {@code chats} and {@code left_chats} sections.
   */
  private void readChat(boolean root) throws IOException {
    long id = Chat.UNKNOWN_ID;
    String name = "";
    String type = "";
    Set<String> seen = new HashSet<>();
    while (next() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = next();
      if (!seen.add(field) && !duplicate(field, "chat", v)) {
        continue;
      }
      switch (field) {
        case "name":
          name = orEmpty(text(v, field));
          break;
        case "type":
          type = orEmpty(text(v, field));
          break;
        case "id":
          Long n = number(v, field);
          id = n == null ? Chat.UNKNOWN_ID : n;
          break;
        case "messages":
          if (v == JsonToken.START_ARRAY) {
            tally.chats++;
            readMessages(new Chat(id, name, type, file));
          } else {
            unexpected(v, field, "an array");
          }
          break;
        case "chats":
        case "left_chats":
          if (root && v == JsonToken.START_OBJECT) {
            readChatList(field);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private void readChatList(String section) throws IOException {
    while (next() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = next();
      if (field.equals("list") && v == JsonToken.START_ARRAY) {
        JsonToken t;
        while ((t = next()) != JsonToken.END_ARRAY) {
          if (t == JsonToken.START_OBJECT) {
            readChat(false);
          } else {
            unexpected(t, section + ".list[]", "a chat object");
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void readMessages(Chat chat) throws IOException {
    JsonToken t;
    while ((t = next()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        readMessage(chat);
      } else {
        unexpected(t, "messages[]", "a message object");
      }
    }
  }

  private void readMessage(Chat chat) throws IOException {
    Long id = null;
    String type = "message";
    String action = "";
    String date = null;
    String unixtime = null;
    String from = null;
    String fromId = null;
    String actor = null;
    String actorId = null;
    boolean forwarded = false;
    String forwardedFrom = null;
    String forwardedFromId = null;
    String photo = null;
    Long photoSize = null;
    String fileRef = null;
    String fileName = null;
    Long fileSize = null;
    String thumbnail = null;
    Long thumbnailSize = null;
    String mediaType = null;
    String mimeType = null;
    Integer width = null;
    Integer height = null;
    Integer duration = null;
    Long replyTo = null;
    boolean replyElsewhere = false;
    Text text = Text.EMPTY;
    Set<String> seen = new HashSet<>();
    JsonLocation start = p.currentTokenLocation();
    while (next() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = next();
      if (!seen.add(field) && !duplicate(field, "message" + (id == null ? "" : " " + id), v)) {
        continue;
      }
      switch (field) {
        case "id" -> id = number(v, field);
        case "type" -> type = orEmpty(text(v, field));
        case "action" -> action = orEmpty(text(v, field));
        case "date" -> date = text(v, field);
        case "date_unixtime" -> unixtime = text(v, field);
        case "from" -> from = text(v, field);
        case "from_id" -> fromId = text(v, field);
        case "actor" -> actor = text(v, field);
        case "actor_id" -> actorId = text(v, field);
        case "forwarded_from" -> {
          forwarded = true;
          forwardedFrom = text(v, field);
        }
        case "forwarded_from_id" -> {
          forwarded = true;
          forwardedFromId = text(v, field);
        }
        case "photo" -> photo = text(v, field);
        case "photo_file_size" -> photoSize = number(v, field);
        case "file" -> fileRef = text(v, field);
        case "file_name" -> fileName = text(v, field);
        case "file_size" -> fileSize = number(v, field);
        case "thumbnail" -> thumbnail = text(v, field);
        case "thumbnail_file_size" -> thumbnailSize = number(v, field);
        case "media_type" -> mediaType = text(v, field);
        case "mime_type" -> mimeType = text(v, field);
        case "width" -> width = small(number(v, field));
        case "height" -> height = small(number(v, field));
        case "duration_seconds" -> duration = small(number(v, field));
        case "text" -> text = readText(v);
        case "reply_to_message_id" -> replyTo = number(v, field);
        case "reply_to_peer_id" -> {
          replyElsewhere = true;
          p.skipChildren();
        }
        default -> p.skipChildren();
      }
    }
    if (unixtime != null && PostDate.epoch(unixtime) == null) {
      problem(
          start,
          "message "
              + (id == null ? "(no id)" : id)
              + ": field 'date_unixtime' is not a date between 2000 and 2099: \""
              + clip(unixtime)
              + "\"; the message is kept with its exported local time only");
    }
    List<MediaRef> media = new ArrayList<>(2);
    if (photo != null) {
      media.add(
          files.resolve(
              "photo", photo, new MediaRef.Meta(null, null, width, height, null, photoSize, null)));
    }
    if (fileRef != null) {
      media.add(
          files.resolve(
              "file",
              fileRef,
              new MediaRef.Meta(mediaType, mimeType, width, height, duration, fileSize, fileName)));
    }
    if (thumbnail != null) {
      media.add(
          files.resolve(
              "thumbnail",
              thumbnail,
              new MediaRef.Meta(null, null, null, null, null, thumbnailSize, null)));
    }
    boolean useActor = from == null && fromId == null;
    tally.post(
        new Post(
            chat,
            id == null ? 0 : id,
            type,
            action,
            date == null && unixtime == null ? PostDate.unknown() : PostDate.of(date, unixtime),
            orEmpty(useActor ? actor : from),
            orEmpty(useActor ? actorId : fromId),
            forwarded,
            orEmpty(forwardedFrom),
            orEmpty(forwardedFromId),
            text.text,
            text.links,
            media,
            replyTo == null || replyElsewhere || replyTo < 0 ? 0 : replyTo));
  }

  /**
   * A key given twice in one object: JSON leaves it to the reader which value counts, so the first
   * is kept, the second skipped, and a problem names both.
   *
   * @return false: the caller skips the duplicate value
   */
  private boolean duplicate(String field, String where, JsonToken v) throws IOException {
    problem(
        p.currentTokenLocation(),
        where
            + ": field '"
            + field
            + "' given twice (a damaged or altered export); the first value is used, this one"
            + " is not");
    p.skipChildren();
    return false;
  }

  private record Text(String text, List<String> links) {
    static final Text EMPTY = new Text("", List.of());
  }

  /** A string, or the entity array flattened: texts joined, link targets collected. */
  private Text readText(JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return new Text(p.getText(), List.of());
    }
    if (v == JsonToken.VALUE_NULL) {
      return Text.EMPTY;
    }
    if (v != JsonToken.START_ARRAY) {
      unexpected(v, "text", "a string or an array");
      return Text.EMPTY;
    }
    StringBuilder sb = new StringBuilder();
    List<String> links = new ArrayList<>(0);
    JsonToken t;
    while ((t = next()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        sb.append(p.getText());
      } else if (t == JsonToken.START_OBJECT) {
        String type = "";
        String part = "";
        String href = null;
        while (next() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken fv = next();
          switch (field) {
            case "type" -> type = orEmpty(text(fv, "text[].type"));
            case "text" -> part = orEmpty(text(fv, "text[].text"));
            case "href" -> href = text(fv, "text[].href");
            default -> p.skipChildren();
          }
        }
        sb.append(part);
        if (type.equals("text_link") && href != null) {
          links.add(href);
        } else if (type.equals("link") && !part.isEmpty()) {
          links.add(part);
        }
      } else {
        unexpected(t, "text[]", "a string or an entity object");
      }
    }
    return new Text(sb.toString(), links);
  }

  /** A scalar as text (numbers keep their exported digits); null for JSON null or a structure. */
  private String text(JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v.isScalarValue()) {
      return p.getText();
    }
    unexpected(v, field, "text");
    return null;
  }

  /** An integer from a number or a decimal string; null (with a problem) otherwise. */
  private Long number(JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getLongValue();
      } catch (InputCoercionException e) {
        problem(
            p.currentTokenLocation(), "field '" + field + "': number out of range: " + p.getText());
        return null;
      }
    }
    if (v == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(p.getText().trim());
      } catch (NumberFormatException e) {
        problem(
            p.currentTokenLocation(),
            "field '" + field + "': not an integer: \"" + clip(p.getText()) + "\"");
        return null;
      }
    }
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    unexpected(v, field, "an integer");
    return null;
  }

  /** The next token; end of input inside a structure is an error, never a silent stop. */
  private JsonToken next() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonEOFException(p, null, "unexpected end of input");
    }
    return t;
  }

  private static Integer small(Long n) {
    return n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n.intValue();
  }

  private void unexpected(JsonToken v, String field, String expected) throws IOException {
    problem(
        p.currentTokenLocation(),
        "field '" + field + "': expected " + expected + ", found " + describe(v) + "; skipped");
    p.skipChildren();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
