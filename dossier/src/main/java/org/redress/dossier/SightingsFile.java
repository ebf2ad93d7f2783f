package org.redress.dossier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What dossiers read of one stored scan report, kept beside it in a compact binary form: the
 * sightings ({@link Sightings#of}), the trade ads ({@link Sightings#trade}) and the member count
 * read for the report's one chat. Parsing a report's JSON costs about 15 µs of CPU per occurrence
 * (a million: 15 s); reading this form, well under 1 µs. It is derived data only: it names the
 * report it was made from by a key (the report file's size, modification time and file key), and a
 * reader that finds another key, or anything malformed, reads the report itself again.
 *
 * <h2>Format {@code redress-sightings/1}</h2>
 *
 * <p>Big-endian. The magic line, the key (an int length and UTF-8 bytes), then the sightings: their
 * count and, for each, chat id, message id, the date (a flag byte; seconds and nanos when set),
 * seven texts (chat name, chat type, sender id, sender name, forward source id and name, bank
 * item), the locator, SHA-256, PDQ and the media kind. A text is an index into the file's table of
 * texts, followed by its bytes the first time it appears. The locator is flagged when it is {@code
 * telegram:chat/CHAT/message/ID}; SHA-256 and PDQ values of 64 lower-case hex digits are stored as
 * 32 bytes. Then the trade ads (their fields, categories and contacts) and the member counts by
 * chat.
 *
 * <p>Reading makes no text per sighting: the 32 bytes of a hash become the sighting's four words
 * ({@link Sighting}), the usual locator is not made, the texts are shared from the file's table.
 */
public final class SightingsFile {
  private static final byte[] MAGIC = "redress-sightings/1\n".getBytes(StandardCharsets.US_ASCII);
  private static final HexFormat HEX = HexFormat.of();
  private static final int NEW = -1;

  private SightingsFile() {}

  /**
   * A report's contents as dossiers read them, without the case.
   *
   * @param sightings its sightings (of any case id; {@link #decode} gives them the caller's)
   * @param trade its trade ads
   * @param members member counts by chat id
   */
  public record Contents(
      List<Sighting> sightings, List<TradeSighting> trade, Map<Long, Long> members) {
    /** Copies. */
    public Contents {
      sightings = List.copyOf(sightings);
      trade = List.copyOf(trade);
      members = Map.copyOf(members);
    }
  }

  /** {@code contents} in this form, for the report named by {@code key}. */
  public static byte[] encode(String key, Contents contents) {
    try {
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream(64 + 128 * contents.sightings().size());
      DataOutputStream out = new DataOutputStream(bytes);
      Texts texts = new Texts(out);
      out.write(MAGIC);
      bytesOf(out, key.getBytes(StandardCharsets.UTF_8));
      out.writeInt(contents.sightings().size());
      for (Sighting s : contents.sightings()) {
        out.writeLong(s.chatId());
        out.writeLong(s.messageId());
        date(out, s.date());
        texts.write(s.chatName());
        texts.write(s.chatType());
        texts.write(s.senderId());
        texts.write(s.senderName());
        texts.write(s.forwardedFromId());
        texts.write(s.forwardedFrom());
        texts.write(s.item());
        if (s.usualLocator()) {
          out.writeByte(1);
        } else {
          out.writeByte(0);
          bytesOf(out, s.locator().getBytes(StandardCharsets.UTF_8));
        }
        String shaText = s.shaText();
        if (shaText == null) {
          out.writeByte(1);
          for (int w = 0; w < 4; w++) {
            out.writeLong(s.shaWord(w));
          }
        } else {
          hex(out, shaText);
        }
        switch (s.pdqForm()) {
          case Sighting.PDQ_WORDS -> {
            // The hex text's order: its first 16 digits are word 3.
            out.writeByte(1);
            for (int w = 3; w >= 0; w--) {
              out.writeLong(s.pdqWord(w));
            }
          }
          case Sighting.PDQ_TEXT -> hex(out, java.util.Objects.requireNonNull(s.pdqText()));
          default -> out.writeByte(2);
        }
        out.writeByte(s.kind() == Sighting.MediaKind.VIDEO ? 1 : 0);
      }
      out.writeInt(contents.trade().size());
      for (TradeSighting t : contents.trade()) {
        out.writeLong(t.chatId());
        out.writeLong(t.messageId());
        date(out, t.date());
        texts.write(t.chatName());
        texts.write(t.locator());
        texts.write(t.senderId());
        texts.write(t.senderName());
        out.writeInt(t.categories().size());
        for (String c : t.categories()) {
          texts.write(c);
        }
        out.writeInt(t.contacts().size());
        for (String c : t.contacts()) {
          texts.write(c);
        }
      }
      out.writeInt(contents.members().size());
      for (Map.Entry<Long, Long> e : contents.members().entrySet()) {
        out.writeLong(e.getKey());
        out.writeLong(e.getValue());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to encode sightings", e);
    }
  }

  /**
   * The contents in {@code data}, as sightings of {@code caseId}; empty when {@code data} was made
   * for another key (the report changed) or is not in this form.
   */
  public static Optional<Contents> decode(byte[] data, String key, String caseId) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      byte[] magic = new byte[MAGIC.length];
      in.get(magic);
      if (!Arrays.equals(magic, MAGIC)
          || !Arrays.equals(bytes(in), key.getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      List<String> texts = new ArrayList<>();
      int n = count(in);
      List<Sighting> sightings = new ArrayList<>(n);
      // Hashes go straight from their bytes into the sighting's words: no text per sighting.
      long[] sha = new long[4];
      long[] pdq = new long[4];
      for (int i = 0; i < n; i++) {
        long chat = in.getLong();
        long message = in.getLong();
        byte dated = in.get();
        long seconds = 0;
        int nanos = -1;
        if (dated == 1) {
          seconds = in.getLong();
          nanos = in.getInt();
          if (nanos < 0
              || nanos > 999_999_999
              || seconds < Instant.MIN.getEpochSecond()
              || seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
          }
        } else if (dated != 0) {
          return Optional.empty();
        }
        String chatName = text(in, texts);
        String chatType = text(in, texts);
        String senderId = text(in, texts);
        String senderName = text(in, texts);
        String forwardedFromId = text(in, texts);
        String forwardedFrom = text(in, texts);
        String item = text(in, texts);
        String locator = null;
        byte usual = in.get();
        if (usual == 0) {
          locator = new String(bytes(in), StandardCharsets.UTF_8);
        } else if (usual != 1) {
          return Optional.empty();
        }
        String shaText = null;
        byte shaFlag = in.get();
        if (shaFlag == 1) {
          for (int w = 0; w < 4; w++) {
            sha[w] = in.getLong();
          }
        } else if (shaFlag == 0) {
          sha[0] = sha[1] = sha[2] = sha[3] = 0;
          shaText = new String(bytes(in), StandardCharsets.UTF_8);
        } else {
          return Optional.empty();
        }
        String pdqText = null;
        byte pdqForm;
        byte pdqFlag = in.get();
        pdq[0] = pdq[1] = pdq[2] = pdq[3] = 0;
        if (pdqFlag == 1) {
          for (int w = 3; w >= 0; w--) {
            pdq[w] = in.getLong();
          }
          pdqForm = Sighting.PDQ_WORDS;
        } else if (pdqFlag == 0) {
          pdqText = new String(bytes(in), StandardCharsets.UTF_8);
          pdqForm = Sighting.PDQ_TEXT;
        } else if (pdqFlag == 2) {
          pdqForm = Sighting.PDQ_NONE;
        } else {
          return Optional.empty();
        }
        byte kind = in.get();
        if (kind != 0 && kind != 1) {
          return Optional.empty();
        }
        if (locator != null && locator.equals(Sighting.usualLocator(chat, message))) {
          locator = null; // written by hand in the usual form: kept as the constructor keeps it
        }
        sightings.add(
            new Sighting(
                caseId,
                chat,
                chatName,
                chatType,
                message,
                locator,
                seconds,
                nanos,
                senderId,
                senderName,
                forwardedFromId,
                forwardedFrom,
                sha,
                shaText,
                pdq,
                pdqForm,
                pdqText,
                item,
                kind == 1 ? Sighting.MediaKind.VIDEO : Sighting.MediaKind.IMAGE));
      }
      int t = count(in);
      List<TradeSighting> trade = new ArrayList<>(t);
      for (int i = 0; i < t; i++) {
        long chat = in.getLong();
        long message = in.getLong();
        Instant date = date(in);
        String chatName = text(in, texts);
        String locator = text(in, texts);
        String senderId = text(in, texts);
        String senderName = text(in, texts);
        List<String> categories = new ArrayList<>();
        for (int k = count(in); k > 0; k--) {
          categories.add(text(in, texts));
        }
        List<String> contacts = new ArrayList<>();
        for (int k = count(in); k > 0; k--) {
          contacts.add(text(in, texts));
        }
        trade.add(
            new TradeSighting(
                caseId,
                chat,
                chatName,
                message,
                locator,
                date,
                senderId,
                senderName,
                categories,
                contacts));
      }
      Map<Long, Long> members = new HashMap<>();
      for (int m = count(in); m > 0; m--) {
        members.put(in.getLong(), in.getLong());
      }
      if (in.hasRemaining()) {
        return Optional.empty();
      }
      return Optional.of(new Contents(sightings, trade, members));
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static void date(DataOutputStream out, @Nullable Instant date) throws IOException {
    if (date == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      out.writeLong(date.getEpochSecond());
      out.writeInt(date.getNano());
    }
  }

  private static @Nullable Instant date(ByteBuffer in) {
    byte flag = in.get();
    if (flag == 0) {
      return null;
    }
    if (flag != 1) {
      throw new IllegalArgumentException("bad date flag " + flag);
    }
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  private static void hex(DataOutputStream out, String value) throws IOException {
    if (value.length() == 64 && isLowerHex(value)) {
      out.writeByte(1);
      out.write(HEX.parseHex(value));
    } else {
      out.writeByte(0);
      bytesOf(out, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static void bytesOf(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] bytes(ByteBuffer in) {
    int n = count(in);
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad count " + n);
    }
    return n;
  }

  private static String text(ByteBuffer in, List<String> texts) {
    int i = in.getInt();
    if (i == NEW) {
      String s = new String(bytes(in), StandardCharsets.UTF_8);
      texts.add(s);
      return s;
    }
    if (i < 0 || i >= texts.size()) {
      throw new IllegalArgumentException("bad text index " + i);
    }
    return texts.get(i);
  }

  /** The table of texts being written: each text's bytes once, its index after. */
  private static final class Texts {
    private final DataOutputStream out;
    private final Map<String, Integer> index = new HashMap<>();

    Texts(DataOutputStream out) {
      this.out = out;
    }

    void write(String s) throws IOException {
      Integer i = index.get(s);
      if (i != null) {
        out.writeInt(i);
        return;
      }
      index.put(s, index.size());
      out.writeInt(NEW);
      bytesOf(out, s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
